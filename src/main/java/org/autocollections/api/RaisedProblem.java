package org.autocollections.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A problem as it is raised, its sentences still keys and values: worded as {@link Problem} details in the caller's
 * language when it leaves. The type, status, field paths and ruleset cells are the same in every language.
 */
public record RaisedProblem(String type, String title, int status, Message detail, List<FieldMessage> errors,
        List<RulesetProblem> problems) {

    /** {@code title} is the English one; the others come from {@code <type>.title}, or stay English if none. */
    public static RaisedProblem of(String type, String title, int status, Message detail) {
        return new RaisedProblem(type, title, status, detail, null, null);
    }

    /** A request refused field by field: the detail lists each field with what is wrong with it. */
    public static RaisedProblem invalid(List<FieldMessage> errors) {
        return new RaisedProblem("invalid-case", "Invalid case", 400, null, List.copyOf(errors), null);
    }

    public RaisedProblem withProblems(List<RulesetProblem> rulesetProblems) {
        return new RaisedProblem(type, title, status, detail, errors, rulesetProblems);
    }

    public Problem in(Language language) {
        String worded = language == Language.EN ? title : ProblemWording.text(language, type + ".title").orElse(title);
        List<Problem.FieldError> fields = errors == null ? null : errors.stream().map(e -> e.in(language)).toList();
        String sentence = detail != null ? detail.in(language, type + ".detail", "message.")
                : fields == null ? null : joined(fields, language);
        Problem problem = Problem.of(type, worded, status, sentence);
        return new Problem(problem.type(), problem.title(), status, sentence, null, fields, problems);
    }

    private static String joined(List<Problem.FieldError> fields, Language language) {
        String between = ProblemWording.text(language, "separator.field").orElse(": ");
        String separator = ProblemWording.text(language, "separator.list").orElse("; ");
        return fields.stream().map(e -> e.field() + between + e.message()).collect(Collectors.joining(separator));
    }
}
