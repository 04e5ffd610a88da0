package org.autocollections.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.restassured.RestAssured;

import net.jqwik.api.Arbitrary;

/**
 * Sends generated requests to the running service and checks each answer against what it must be, decided when the
 * request is generated: a valid request is decided or stored (2xx); an invalid one is a problem
 * (application/problem+json, its status in the body) of the expected status whose errors[] name the fields at fault
 * and nothing else, or of the expected type (malformed JSON). Nothing is left for the service to choose.
 *
 * <p>Generation is reproducible: input {@code i} of a test draws from its own {@link Random}, seeded from the run's
 * seed, the test's name and {@code i}, so a failure's seed and index regenerate exactly that input
 * ({@code -Dfuzz.seed=S -Dfuzz.only=i}). {@code -Dfuzz.tries=N} scales the number of inputs (10,000 in all by
 * default).
 */
public final class Fuzzer {

    /** Inputs in all the fuzz tests together; each test takes its share. */
    public static final int TRIES = Integer.getInteger("fuzz.tries", 10_000);
    public static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    /** One input's index, to send only it. */
    private static final Integer ONLY = Integer.getInteger("fuzz.only");

    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    /** Writes any string, even one holding a lone surrogate, as JSON: non-ASCII text is escaped as backslash-u. */
    static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** One client for every input: its connections are kept alive, so 10,000 inputs do not open 10,000 sockets. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String TOKEN = Tokens.bearer(Tokens.of(Roles.ALL));

    /** What the answer to a generated request must be. */
    public record Expected(boolean taken, int status, Set<String> fields, String type) {

        /** Decided or stored: a 2xx. */
        public static Expected accepted() {
            return new Expected(true, 0, Set.of(), null);
        }

        /** A 400 problem whose errors[] name one or more of these fields, and no other. */
        public static Expected refused(Collection<String> fields) {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a refusal names the field at fault");
            }
            return new Expected(false, 400, Set.copyOf(fields), null);
        }

        public static Expected refused(String field) {
            return refused(List.of(field));
        }

        /** A problem of this status and type (the last segment of its type URI), with no field to name. */
        public static Expected problem(int status, String type) {
            return new Expected(false, status, Set.of(), type);
        }

        public static Expected malformed() {
            return problem(400, "malformed-json");
        }

        @Override
        public String toString() {
            return taken ? "2xx" : status + (type == null ? "" : " " + type) + (fields.isEmpty() ? "" : " naming " + new TreeSet<>(fields));
        }
    }

    /** One generated request and what its answer must be. */
    public record Request(String description, String method, String path, String contentType, byte[] body,
            Expected expected) {

        public static Request json(String description, String method, String path, String body, Expected expected) {
            return new Request(description, method, path, "application/json",
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), expected);
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
        return new Fuzzer(name, SEED ^ name.hashCode());
    }

    /** This test's share of {@link #TRIES}, at least one. */
    public static int share(double fraction) {
        return Math.max(1, (int) Math.round(TRIES * fraction));
    }

    /** A value drawn from a jqwik arbitrary with the given random, so that the seed alone reproduces it. */
    public static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.generator(1000).next(random).value();
    }

    /** The random of input number {@code i}. */
    public Random random(int i) {
        return new Random(seed * 1_000_003L + i);
    }

    /**
     * Generates and sends {@code tries} requests (or only {@code -Dfuzz.only}), checking each answer; {@code extra}
     * adds checks of the test's own.
     */
    public void run(int tries, Function<Random, Request> generator, Extra extra) {
        long started = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            if (ONLY != null && ONLY != i) {
                continue;
            }
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
        System.out.printf("[fuzz] %s: %d inputs in %.1f s (seed %d), statuses %s, %d failure(s)%n", name, sent,
                (System.nanoTime() - started) / 1e9, SEED, statuses, failures.size());
    }

    /** Checks of a test's own, run when the general ones pass: null when the answer is right. */
    public interface Extra {
        String check(Request request, Answer answer);
    }

    /** Fails the test with the first failures (all of them counted), each with how to send it again alone. */
    public void assertNoFailures() {
        if (failures.isEmpty()) {
            return;
        }
        try {
            Path file = Path.of("target", "fuzz", name.replace(' ', '-') + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, failures);
            System.out.println("[fuzz] every failure of " + name + " is in " + file);
        } catch (IOException e) {
            // the assertion below still says what failed
        }
        StringBuilder message = new StringBuilder(failures.size() + " of " + sent + " generated inputs of " + name
                + " got a wrong answer (seed " + SEED + "):\n");
        failures.stream().limit(8).forEach(f -> message.append(f).append('\n'));
        throw new AssertionError(message.toString());
    }

    public Answer send(Request request) {
        sent++;
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(baseUri() + request.path()))
                .timeout(Duration.ofSeconds(60)).header("Authorization", TOKEN)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        HttpResponse<String> response;
        try {
            response = exchange(http.build());
        } catch (IOException e) {
            return new Answer(0, null, String.valueOf(e), null);
        }
        String body = response.body();
        JsonNode json = null;
        try {
            json = body.isEmpty() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // left null: the checks report a body that is not JSON
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), body, json);
    }

    /**
     * Sends the request, once more on a new connection if the kept one was closed under it: the HTTP server closes the
     * connection after refusing a request line it will not read (414), which the client learns only on its next use.
     */
    private static HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException closed) {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String baseUri() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** The checks every answer must pass; null when it does. */
    static String check(Request request, Answer answer) {
        Expected expected = request.expected();
        int status = answer.status();
        if (status == 0) {
            return "no answer: " + answer.body();
        }
        if (expected.taken()) {
            return status >= 200 && status < 300 ? null : "refused (" + status + ") although it is a valid request";
        }
        if (status != expected.status()) {
            return "a " + status + " where a " + expected.status() + " was due";
        }
        if (status == 414) {
            return null; // refused by the HTTP server before any route sees it, with its own bare answer
        }
        return checkProblem(expected, answer);
    }

    private static String checkProblem(Expected expected, Answer answer) {
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "a " + answer.status() + " that is not application/problem+json but " + answer.contentType();
        }
        JsonNode json = answer.json();
        if (json == null || !json.isObject()) {
            return "a problem whose body is not a JSON object";
        }
        return checkProblem(expected, json);
    }

    /** The checks of one problem, also one entry of a batch. */
    static String checkProblem(Expected expected, JsonNode problem) {
        if (problem.path("status").asInt(-1) != expected.status()) {
            return "a problem whose status " + problem.path("status") + " is not " + expected.status();
        }
        if (!problem.path("type").isTextual() || !problem.path("title").isTextual()) {
            return "a problem without type or title";
        }
        if (expected.type() != null && !problem.path("type").asText().endsWith("/" + expected.type())) {
            return "a problem of type " + problem.path("type").asText() + ", not " + expected.type();
        }
        if (!expected.fields().isEmpty()) {
            Set<String> named = named(problem);
            if (named.isEmpty()) {
                return "a problem that names no field";
            }
            if (!expected.fields().containsAll(named)) {
                return "a problem that names " + named + ", not only the field(s) at fault " + new TreeSet<>(expected.fields());
            }
        }
        return null;
    }

    /** The fields a problem's errors[] name. */
    static Set<String> named(JsonNode problem) {
        Set<String> named = new TreeSet<>();
        for (Iterator<JsonNode> errors = problem.path("errors").elements(); errors.hasNext();) {
            JsonNode field = errors.next().path("field");
            if (field.isTextual()) {
                named.add(field.asText());
            }
        }
        return named;
    }

    private String report(int i, Request request, Answer answer, String problem) {
        String body = request.body() == null ? "(no body)" : new String(request.body(), StandardCharsets.UTF_8);
        return "- input " + i + " [" + request.description() + "]: " + problem
                + "\n    again: ./mvnw test -Dtest='" + testName() + "' -Dfuzz.seed=" + SEED + " -Dfuzz.only=" + i
                + (TRIES == 10_000 ? "" : " -Dfuzz.tries=" + TRIES)
                + "\n    request: " + request.method() + " " + cut(request.path(), 300) + " (" + request.contentType()
                + ", expected " + request.expected() + ")\n    body: " + cut(body, 1500)
                + "\n    answer: " + answer.status() + " " + answer.contentType() + " " + cut(answer.body(), 1500);
    }

    /** The test method running this fuzzer, as -Dtest names it. */
    private static String testName() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().startsWith("org.autocollections.fuzz.") && frame.getClassName().endsWith("Test")) {
                return frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "#" + frame.getMethodName();
            }
        }
        return "*Fuzz*";
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
        } catch (IOException e) {
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
