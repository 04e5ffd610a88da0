package org.autocollections.ruleset;

/**
 * What else must happen when a version starts serving (the lifecycle lists it among the drafts, the metrics show its
 * version). {@link RulesetActivator}, the one class that activates, tells every listener in this order:
 * <ol>
 * <li>{@link #recording}: inside the transaction that writes the activation log, under the activation lock and before
 * the swap. A listener that throws aborts the activation: nothing is recorded and the serving version stays.</li>
 * <li>{@link #serving}: after the swap, when decisions already use the version; nothing here can undo it.</li>
 * </ol>
 * Within one step the listeners are called in no set order, so none may rely on another's work of the same step.
 */
public interface ActivationListener {

    default void recording(Activation activation) {
    }

    default void serving(Activation activation) {
    }
}
