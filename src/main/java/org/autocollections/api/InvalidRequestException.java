package org.autocollections.api;

import java.util.List;
import java.util.stream.Collectors;

/** A request the service will not decide on, with every field at fault. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem problem() {
        return Problem.invalid(getMessage(), errors);
    }
}
