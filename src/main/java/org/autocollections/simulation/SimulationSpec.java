package org.autocollections.simulation;

import java.time.Instant;

import org.autocollections.ruleset.Ruleset;

/**
 * A simulation as asked for, its rulesets found: who asked, as of when, the sample size (null: every case), and the
 * cases per chunk (0: the configured size).
 */
record SimulationSpec(Ruleset candidate, Ruleset baseline, Instant asOf, Integer sample, int chunkSize, String requestedBy) {
}
