package org.autocollections.api;

import java.util.List;

/** A request the service will not decide on, with every field at fault. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldMessage> faults;

    public InvalidRequestException(List<FieldMessage> faults) {
        super(RaisedProblem.invalid(faults).in(Language.EN).detail());
        this.faults = List.copyOf(faults);
    }

    public InvalidRequestException(String field, Message message) {
        this(List.of(new FieldMessage(field, message)));
    }

    /**
     * A sentence worded in English where it is raised, not yet given a key: in another language it is read by the
     * English templates of {@code field.*}, and stays English if none reads it.
     */
    public InvalidRequestException(String field, String message) {
        this(field, Message.verbatim(message));
    }

    /** A field error worded by someone else (the JSON reader, Bean Validation), in English. */
    public static InvalidRequestException of(List<Problem.FieldError> errors) {
        return new InvalidRequestException(errors.stream().map(FieldMessage::verbatim).toList());
    }

    /** Each field at fault, in English. */
    public List<Problem.FieldError> errors() {
        return faults.stream().map(f -> f.in(Language.EN)).toList();
    }

    /** Each field at fault, still to be worded in the reader's language. */
    public List<FieldMessage> faults() {
        return faults;
    }

    public RaisedProblem raised() {
        return RaisedProblem.invalid(faults);
    }

    /** The problem in English, as the command line and the logs tell it. */
    public Problem problem() {
        return raised().in(Language.EN);
    }
}
