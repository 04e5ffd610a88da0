package org.autocollections.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Sessions of one KieBase, reused from one decision to the next instead of built anew for each (building one costs
 * about a tenth of a decision). A session is handed to one decision at a time; once the decision is done it is reset
 * to the state of a new session ({@link DroolsInternals#reset}), which drops every fact, activation, node memory,
 * listener and fact-handle counter, so nothing of one decision reaches the next. A session whose decision failed is
 * disposed of, never reused.
 */
final class SessionPool {

    /** Idle sessions kept at most; more are built when more threads decide at once, and dropped when handed back. */
    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session with no facts, activations or listeners, for the calling thread alone until {@link #release}. */
    KieSession take() {
        KieSession session = idle.poll();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        return kieBase.newKieSession();
    }

    /**
     * Hands a session back. {@code clean} says the decision ran to its end; only then is the session reset and kept
     * for another decision, otherwise (an exception part-way through the rules) it is disposed of.
     */
    void release(KieSession session, boolean clean) {
        if (clean) {
            if (idleCount.incrementAndGet() <= MAX_IDLE && DroolsInternals.reset(session)) {
                idle.offer(session);
                return;
            }
            idleCount.decrementAndGet(); // too many idle already, or not reusable after all: disposed of below
        }
        session.dispose();
    }
}
