package org.autocollections.simulation;

import java.time.Instant;

import org.autocollections.ruleset.Ruleset;

/** A simulation as asked for, its rulesets found: who asked, as of when, and the sample size (null: every case). */
record SimulationSpec(Ruleset candidate, Ruleset baseline, Instant asOf, Integer sample, String requestedBy) {
}
