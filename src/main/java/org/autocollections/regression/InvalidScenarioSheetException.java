package org.autocollections.regression;

import java.util.List;
import java.util.stream.Collectors;

import org.autocollections.api.Language;
import org.autocollections.api.ProblemWording;

/** A scenario sheet the regression cannot run, with every fault found and where it is. */
public class InvalidScenarioSheetException extends RuntimeException {

    private final transient List<SheetError> errors;

    public InvalidScenarioSheetException(List<SheetError> errors) {
        super(detail(errors, Language.EN));
        this.errors = List.copyOf(errors);
    }

    public InvalidScenarioSheetException(SheetError error) {
        this(List.of(error));
    }

    /** Each fault in English. */
    public List<SheetError> errors() {
        return errors;
    }

    /** Each fault worded in a language. */
    public List<SheetError> errors(Language language) {
        return errors.stream().map(e -> e.in(language)).toList();
    }

    /** Every fault and where it is, in a language: the problem's detail. */
    public static String detail(List<SheetError> errors, Language language) {
        String separator = ProblemWording.text(language, "separator.list").orElse("; ");
        return errors.stream().map(e -> e.said(language)).collect(Collectors.joining(separator));
    }

    public String detail(Language language) {
        return detail(errors, language);
    }
}
