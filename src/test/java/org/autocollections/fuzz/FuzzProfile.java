package org.autocollections.fuzz;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The fuzz tests run in a service of their own: the cases they store (odd ids, line breaks in ids) and the runs they
 * start stay out of the database the other tests count on, since a new start cleans the database.
 */
public class FuzzProfile implements QuarkusTestProfile {
}
