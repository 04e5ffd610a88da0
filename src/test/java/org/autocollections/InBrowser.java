package org.autocollections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A journey through the analyst's page in a real browser. What it proves is the page: what is shown, where, in which
 * language, and that a click reaches the service. What the page stores it stores through the same API calls the API's
 * own tests make on every database, so the PostgreSQL pass of {@code .ci/run} leaves these out
 * ({@code -DexcludedGroups=database-free,browser}); the embedded pass, the README's {@code ./mvnw verify}, runs them.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Tag(InBrowser.TAG)
public @interface InBrowser {
    String TAG = "browser";
}
