package org.autocollections.tables;

import java.nio.charset.StandardCharsets;

/** The smallest real decision table: days past due to an overdue bucket, as CSV, with the data rows a test needs. */
public final class BucketsCsv {

    /** The table's code rows; data rows (from day, to day, bucket) follow from row 9. */
    public static final String HEAD = """
            RuleSet,test.buckets.csv
            Import,org.autocollections.policy.*
            ,
            RuleTable Buckets
            CONDITION,CONDITION,ACTION
            $c : CaseFacts...,...,
            daysPastDue >= $param,daysPastDue <= $param,"insertLogical(new OverdueBucket(""$param"", $c.getDaysPastDue()));"
            From day,To day,Bucket
            """;

    private BucketsCsv() {
    }

    /** The table with these data rows, as decision-tables/buckets.drl.csv. */
    public static PolicyFile withRows(String rows) {
        return new PolicyFile("decision-tables/buckets.drl.csv", (HEAD + rows).getBytes(StandardCharsets.UTF_8));
    }
}
