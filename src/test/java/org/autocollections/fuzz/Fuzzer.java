package org.autocollections.fuzz;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import net.jqwik.api.Arbitrary;

/**
 * Sends generated requests to the running service and checks each answer against the rule of the API: a client's
 * mistake is a 4xx problem (application/problem+json, its status in the body, the field at fault named), never a
 * 5xx. Generation is reproducible: every try draws from its own {@link Random}, seeded from the run's seed and the
 * try's number, so the seed printed with a failure regenerates exactly the request that failed.
 *
 * <p>{@code -Dfuzz.tries=N} scales the number of requests (3,000 in all by default); {@code -Dfuzz.seed=S} picks
 * another seed.
 */
public final class Fuzzer {

    /** Requests in all the fuzz tests together; each test takes its share. */
    public static final int TRIES = Integer.getInteger("fuzz.tries", 3000);
    public static final long SEED = Long.getLong("fuzz.seed", 20261129L);

    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    /** Writes any string, even one holding a lone surrogate, as JSON: non-ASCII text is escaped as backslash-u. */
    static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** What the answer to a generated request must be. */
    public enum Outcome {
        /** A 4xx problem; when a field is given, errors[] names it (or a field inside it). */
        REFUSED,
        /** Either decided/stored (2xx) or a 4xx problem: the generator does not know, but a 5xx is always wrong. */
        EITHER,
        /** 2xx: a valid request, however extreme. */
        ACCEPTED
    }

    /** One generated request and what its answer must be. */
    public record Request(String description, String method, String path, String contentType, byte[] body,
            Outcome outcome, String field) {

        public static Request json(String description, String method, String path, String body, Outcome outcome,
                String field) {
            return new Request(description, method, path, "application/json",
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), outcome, field);
        }

        Request withPath(String newPath) {
            return new Request(description, method, newPath, contentType, body, outcome, field);
        }
    }

    /** The answer, kept for the checks and for the report of a failure. */
    public record Answer(int status, String contentType, String body, JsonNode json) {
    }

    private final String name;
    private final long seed;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new LinkedHashMap<>();
    private int sent;

    private Fuzzer(String name, long seed) {
        this.name = name;
        this.seed = seed;
    }

    public static Fuzzer named(String name) {
        long seed = SEED ^ name.hashCode();
        System.out.println("[fuzz] " + name + ": seed " + SEED + " (-Dfuzz.seed=" + SEED + " to repeat), "
                + TRIES + " tries in all (-Dfuzz.tries)");
        return new Fuzzer(name, seed);
    }

    /** This test's share of {@link #TRIES}, at least one. */
    public static int share(double fraction) {
        return Math.max(1, (int) Math.round(TRIES * fraction));
    }

    /** A value drawn from a jqwik arbitrary with the given random, so that the seed alone reproduces it. */
    public static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(1000).next(random).value();
    }

    /** The random of try number {@code i}. */
    public Random random(int i) {
        return new Random(seed * 1_000_003L + i);
    }

    /** Generates and sends {@code tries} requests, checking each answer; {@code extra} adds checks of its own. */
    public void run(int tries, Function<Random, Request> generator, Extra extra) {
        long started = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            Request request = generator.apply(random(i));
            Answer answer = send(request);
            String problem = check(request, answer);
            if (problem == null && extra != null) {
                problem = extra.check(request, answer);
            }
            if (problem != null) {
                failures.add(report(i, request, answer, problem));
            }
        }
        System.out.printf("[fuzz] %s: %d requests in %.1f s, statuses %s, %d failure(s)%n", name, tries,
                (System.nanoTime() - started) / 1e9, statuses, failures.size());
    }

    /** Checks of a test's own, run when the general ones pass: null when the answer is right. */
    public interface Extra {
        String check(Request request, Answer answer);
    }

    /** Fails the test with the first failures (all of them counted), each with its seed and request. */
    public void assertNoFailures() {
        if (!failures.isEmpty()) {
            try {
                java.nio.file.Path file = java.nio.file.Path.of("target", "fuzz", name.replace(' ', '-') + ".txt");
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, failures);
                System.out.println("[fuzz] every failure of " + name + " is in " + file);
            } catch (java.io.IOException e) {
                // the assertion below still says what failed
            }
            StringBuilder message = new StringBuilder(failures.size() + " of " + sent + " generated requests of "
                    + name + " got a wrong answer (seed " + SEED + ", -Dfuzz.seed=" + SEED + " to repeat):\n");
            failures.stream().limit(8).forEach(f -> message.append(f).append('\n'));
            throw new AssertionError(message.toString());
        }
    }

    public Answer send(Request request) {
        sent++;
        RequestSpecification spec = given().config(RAW).urlEncodingEnabled(false);
        if (request.contentType() != null) {
            spec = spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec = spec.body(request.body());
        }
        Response response;
        try {
            response = spec.request(request.method(), request.path());
        } catch (Exception e) {
            // the server may close the connection on a request it refuses before reading it whole
            return new Answer(0, null, String.valueOf(e), null);
        }
        String body = response.asString();
        JsonNode json = null;
        try {
            json = body.isEmpty() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // left null: the checks report a body that is not JSON
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        return new Answer(response.statusCode(), response.contentType(), body, json);
    }

    /** The checks every answer must pass; null when it does. */
    static String check(Request request, Answer answer) {
        int status = answer.status();
        if (status == 0) {
            return request.path().length() > 4096 ? null : "no answer: " + answer.body();
        }
        if (status >= 500) {
            return "a " + status + " for a client's request";
        }
        if (status >= 400) {
            return checkProblem(request, answer);
        }
        if (request.outcome() == Outcome.REFUSED) {
            return "accepted (" + status + ") although it should have been refused";
        }
        return null;
    }

    private static String checkProblem(Request request, Answer answer) {
        if (request.outcome() == Outcome.ACCEPTED) {
            return "refused (" + answer.status() + ") although it is a valid request";
        }
        if ((answer.status() == 414 || answer.status() == 431) && request.path().length() > 4096) {
            return null; // refused by the HTTP server before any route sees it, with its own bare answer
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "a " + answer.status() + " that is not application/problem+json but " + answer.contentType();
        }
        JsonNode json = answer.json();
        if (json == null || !json.isObject()) {
            return "a problem whose body is not a JSON object";
        }
        if (json.path("status").asInt(-1) != answer.status()) {
            return "a problem whose status " + json.path("status") + " is not the HTTP status " + answer.status();
        }
        if (!json.path("type").isTextual() || !json.path("title").isTextual()) {
            return "a problem without type or title";
        }
        if (request.outcome() == Outcome.REFUSED && request.field() != null && !names(json, request.field())) {
            return "a problem that does not name the field " + request.field();
        }
        return null;
    }

    /** Whether the problem's errors[] name the field, or a field inside it. */
    static boolean names(JsonNode problem, String field) {
        for (Iterator<JsonNode> errors = problem.path("errors").elements(); errors.hasNext();) {
            String named = errors.next().path("field").asText("");
            if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                return true;
            }
        }
        return false;
    }

    private String report(int i, Request request, Answer answer, String problem) {
        String body = request.body() == null ? "(no body)" : new String(request.body(), StandardCharsets.UTF_8);
        return "- try " + i + " [" + request.description() + "]: " + problem + "\n    request: " + request.method() + " "
                + request.path() + " (" + request.contentType() + ", expected " + request.outcome()
                + (request.field() == null ? "" : " naming " + request.field()) + ")\n    body: " + cut(body, 1500)
                + "\n    answer: " + answer.status() + " " + answer.contentType() + " " + cut(answer.body(), 1500);
    }

    static String cut(String text, int max) {
        String oneLine = text.replace("\n", " ");
        return oneLine.length() <= max ? oneLine
                : oneLine.substring(0, max / 2) + " ...(" + oneLine.length() + " chars)... "
                        + oneLine.substring(oneLine.length() - max / 2);
    }

    /** JSON text of a tree: raw UTF-8 or, at random, every non-ASCII character escaped (needed for lone surrogates). */
    public static String write(JsonNode tree, Random random) {
        try {
            String text = JSON.writeValueAsString(tree);
            return random.nextInt(4) == 0 || hasLoneSurrogate(text) ? ASCII_JSON.writeValueAsString(tree) : text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A generated body read back as a tree (to put it in a batch). */
    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
