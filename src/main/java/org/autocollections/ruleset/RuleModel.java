package org.autocollections.ruleset;

/**
 * How rules are compiled. The executable model turns rules into Java ahead of evaluation; classic MVEL interprets
 * constraints. docs/benchmarks.md records what each costs here, and why the default is what it is.
 */
public enum RuleModel {
    CLASSIC, EXECUTABLE
}
