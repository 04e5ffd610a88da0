package org.autocollections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that touches no database: the policy, the engine, tables, files and code structure. The PostgreSQL pass of
 * {@code .ci/run} leaves these out ({@code -DexcludedGroups=database-free}) because they already ran, with the same
 * result, in the embedded pass; together they are about a sixth of a pass. Property tests run by jqwik carry the same
 * tag through {@code net.jqwik.api.Tag}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Tag(DatabaseFree.TAG)
public @interface DatabaseFree {
    String TAG = "database-free";
}
