package org.autocollections.outcomes;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A page of an experiment's cases, in the database's order of case ids, with the first and last id of the page: the
 * history of the page is read for that range of ids alone, so a report over a million cases holds one page at a time.
 */
public record ArmCasePage(List<ArmCase> cases, Ids ids) {

    /** The first and last case id of a page, both included, as the database orders them. */
    public record Ids(String first, String last) {

        /** The condition that keeps a query to the page's ids; {@link #bind} fills its two parameters. */
        static final String BETWEEN = "case_id between ? and ?";

        void bind(PreparedStatement statement, int from) throws SQLException {
            statement.setString(from, first);
            statement.setString(from + 1, last);
        }
    }
}
