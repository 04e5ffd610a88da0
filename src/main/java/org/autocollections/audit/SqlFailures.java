package org.autocollections.audit;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a database failure was. Drivers, Hibernate and the transaction manager wrap the driver's exception in causes,
 * in exceptions suppressed by a failed commit or rollback, and in chains of SQL exceptions; the question is asked of
 * every one of them.
 */
public final class SqlFailures {

    private SqlFailures() {
    }

    /** Whether any throwable in the failure (causes, suppressed, next SQL exceptions) matches. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.push(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.push(sql.getNextException());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }

    /** Whether the database answered with an SQLSTATE of the class (two characters) or the exact state (five). */
    public static boolean hasState(Throwable failure, String state) {
        return any(failure, t -> t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(state));
    }

    /** SQLSTATE 23505, unique violation, on H2 and PostgreSQL alike. */
    public static boolean isDuplicateKey(Throwable failure) {
        return hasState(failure, "23505");
    }

    /** SQLSTATE class 22, data exception: a value the database cannot store (too long, out of range, U+0000). */
    public static boolean isDataException(Throwable failure) {
        return hasState(failure, "22");
    }
}
