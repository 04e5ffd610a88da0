package org.autocollections.api;

/** A request field at fault and what is wrong with it, still to be worded in the caller's language. */
public record FieldMessage(String field, Message message) {

    /** A field error someone else worded (Bean Validation, the JSON reader). */
    public static FieldMessage verbatim(Problem.FieldError error) {
        return new FieldMessage(error.field(), Message.verbatim(error.message()));
    }

    public Problem.FieldError in(Language language) {
        return new Problem.FieldError(field, message.in(language, "field."));
    }
}
