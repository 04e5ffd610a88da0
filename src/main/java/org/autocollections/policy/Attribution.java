package org.autocollections.policy;

/**
 * A rule and where it is written: {@code rules/overdue.drl#L12}, or for a table row
 * {@code decision-tables/overdue-buckets.drl.xlsx#Sheet1!12}.
 */
public record Attribution(String rule, String source) {
}
