package org.autocollections.regression;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario sheet the regression cannot run, with every fault found and where it is. */
public class InvalidScenarioSheetException extends RuntimeException {

    private final transient List<SheetError> errors;

    public InvalidScenarioSheetException(List<SheetError> errors) {
        super(errors.stream().map(SheetError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidScenarioSheetException(SheetError error) {
        this(List.of(error));
    }

    public List<SheetError> errors() {
        return errors;
    }
}
