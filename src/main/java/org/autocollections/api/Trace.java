package org.autocollections.api;

/**
 * How much of a decision an answer carries. {@code COMPACT}, the default, gives the conclusions, the next action and
 * the reasons by area with the rule and source behind each; {@code FULL} gives the decision as the engine made it,
 * every reason worded and every fired rule in firing order.
 */
public enum Trace {
    COMPACT, FULL;

    /** The {@code trace} query parameter, as every endpoint that answers with decisions documents it. */
    public static final String DESCRIPTION = "How much of each decision to give: compact (the default) gives the "
            + "conclusions, the next action and each area's reasons with the rule and source behind them; full gives "
            + "the decision as made, each reason worded and every rule fired, in firing order.";

    /** The {@code trace} query parameter: {@code compact} or {@code full}; missing or empty is compact. */
    public static Trace of(String value) {
        if (value == null || value.isBlank()) {
            return COMPACT;
        }
        return switch (value.strip()) {
            case "compact" -> COMPACT;
            case "full" -> FULL;
            default -> throw new InvalidRequestException("trace", Message.of("field.trace"));
        };
    }

    /** Whether the answer carries the reasons' words, so that their language matters. */
    public boolean worded() {
        return this == FULL;
    }

    /** The decision as this trace shows it: the engine's decision itself, or its compact view. */
    public Object answer(Decision decision) {
        return this == FULL ? decision : CompactDecision.of(decision);
    }
}
