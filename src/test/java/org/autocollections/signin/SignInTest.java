package org.autocollections.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * An analyst signs in to the page with a password: the session cookie carries her roles to the same endpoints API
 * clients reach with bearer tokens, a call that changes something needs the page's CSRF token besides the cookie,
 * wrong passwords are throttled, and sign-ins, sign-outs and refusals are in the trail.
 */
@QuarkusTest
class SignInTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Accounts accounts;

    @Inject
    SignIns signIns;

    @BeforeEach
    void noDefaultToken() {
        RestAssured.replaceFiltersWith(List.of()); // this test says what it sends: a cookie, a token, or nothing
    }

    private static Response signIn(String subject, String password) {
        return given().contentType("application/json").body(Map.of("subject", subject, "password", password))
                .post("/api/v1/session");
    }

    /** The page's calls: the cookie, and the CSRF token it was given. */
    private static RequestSpecification asPage(Response signedIn) {
        return given().cookie(signedIn.getDetailedCookie(SessionTokens.COOKIE).getName(), signedIn.getCookie(SessionTokens.COOKIE))
                .header(SessionTokens.CSRF_HEADER, signedIn.jsonPath().getString("csrfToken"));
    }

    /** What another site's page can make the browser send: the cookie, and nothing it cannot read. */
    private static RequestSpecification crossSite(Response signedIn) {
        return given().cookie(SessionTokens.COOKIE, signedIn.getCookie(SessionTokens.COOKIE));
    }

    @Test
    void anAnalystSignsInAndHerCookieCarriesHerRolesAndNoMore() {
        accounts.add("ana-page", List.of(Roles.ANALYST), PASSWORD);
        Response signedIn = signIn("ana-page", PASSWORD);
        signedIn.then().statusCode(200);
        assertThat(signedIn.jsonPath().getString("subject")).isEqualTo("ana-page");
        assertThat(signedIn.jsonPath().getList("roles")).containsExactly(Roles.ANALYST);
        assertThat(signedIn.jsonPath().getString("csrfToken")).isNotBlank();

        Cookie cookie = signedIn.getDetailedCookie(SessionTokens.COOKIE);
        assertThat(cookie.isHttpOnly()).as("no script reads the session").isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.isSecured()).as("plain HTTP here: a Secure cookie would never come back").isFalse();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(signedIn.asString()).doesNotContain(cookie.getValue());

        asPage(signedIn).get("/api/v1/session").then().statusCode(200);
        assertThat(asPage(signedIn).get("/api/v1/session").jsonPath().getString("csrfToken"))
                .as("a reloaded page reads its CSRF token again").isEqualTo(signedIn.jsonPath().getString("csrfToken"));
        asPage(signedIn).get("/api/v1/rulesets/drafts").then().statusCode(200);
        Response refused = asPage(signedIn).get("/api/v1/portfolio/runs");
        assertThat(refused.statusCode()).as("an analyst reads no portfolio runs").isEqualTo(403);
    }

    @Test
    void aCrossSitePostWithTheCookieButWithoutTheCsrfTokenIsRefused() {
        accounts.add("ana-csrf", List.of(Roles.ANALYST), PASSWORD);
        Response signedIn = signIn("ana-csrf", PASSWORD);

        Response forged = crossSite(signedIn).post("/api/v1/rulesets/drafts/999999/reject");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.jsonPath().getString("type")).endsWith("/csrf-refused");
        Response wrongToken = crossSite(signedIn).header(SessionTokens.CSRF_HEADER, "guessed")
                .post("/api/v1/rulesets/drafts/999999/reject");
        assertThat(wrongToken.jsonPath().getString("type")).endsWith("/csrf-refused");
        // signing in again over a cookie the page still has needs no token: the sign-in takes no authority from it
        Response again = crossSite(signedIn).contentType("application/json")
                .body(Map.of("subject", "ana-csrf", "password", PASSWORD)).post("/api/v1/session");
        assertThat(again.statusCode()).isEqualTo(200);
        Response forgedSignOut = crossSite(signedIn).delete("/api/v1/session");
        assertThat(forgedSignOut.statusCode()).as("another site cannot sign her out").isEqualTo(403);

        // the page's own call passes the check and reaches the draft workflow (which has no such draft)
        Response fromPage = asPage(signedIn).post("/api/v1/rulesets/drafts/999999/reject");
        assertThat(fromPage.statusCode()).isEqualTo(404);
        assertThat(fromPage.jsonPath().getString("type")).endsWith("/draft-not-found");
        // a bearer token is no ambient credential: it needs no CSRF token
        Response bearer = given().header("Authorization", Tokens.bearer(Tokens.of(Roles.ANALYST)))
                .post("/api/v1/rulesets/drafts/999999/reject");
        assertThat(bearer.statusCode()).isEqualTo(404);
    }

    @Test
    void bearerTokensKeepWorkingOnTheSameEndpoints() {
        String token = Tokens.sign(Tokens.claims(Roles.AUDITOR).subject("aud").upn("aud"));
        Response who = given().header("Authorization", Tokens.bearer(token)).get("/api/v1/session");
        who.then().statusCode(200);
        assertThat(who.jsonPath().getString("subject")).isEqualTo("aud");
        assertThat(who.jsonPath().getList("roles")).containsExactly(Roles.AUDITOR);
        assertThat(who.jsonPath().getString("csrfToken")).as("nothing to protect: no cookie").isNull();
        given().get("/api/v1/session").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottledEvenForTheRightOne() {
        accounts.add("ana-throttle", List.of(Roles.ANALYST), PASSWORD);
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                        : String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(SignIns.class.getName());
        log.addHandler(capture);
        try {
            throttle();
        } finally {
            log.removeHandler(capture);
        }
        assertThat(logged).anyMatch(line -> line.contains("Sign-in refused for ana-throttle"))
                .anyMatch(line -> line.contains("Sign-in throttled for ana-throttle"))
                .noneMatch(line -> line.contains("not the password") || line.contains(PASSWORD));
    }

    private void throttle() {
        for (int i = 0; i < 5; i++) {
            Response wrong = signIn("ana-throttle", "not the password " + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.jsonPath().getString("type")).endsWith("/sign-in-refused");
            assertThat(wrong.getCookie(SessionTokens.COOKIE)).isNull();
        }
        Response throttled = signIn("ana-throttle", PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.jsonPath().getString("type")).endsWith("/sign-in-throttled");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(throttled.getCookie(SessionTokens.COOKIE)).isNull();
        assertThat(trail("ana-throttle")).containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "THROTTLED");
        assertThat(SigninEventsFor.text("ana-throttle")).doesNotContain("not the password").doesNotContain(PASSWORD);
    }

    @Test
    void anUnknownSubjectIsRefusedAsAWrongPasswordIs() {
        Response unknown = signIn("nobody-here", PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.jsonPath().getString("detail"))
                .isEqualTo("The subject and password do not match an enabled account");
        Response missing = given().contentType("application/json").body(Map.of("subject", "ana")).post("/api/v1/session");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.jsonPath().getString("errors[0].field")).isEqualTo("password");
    }

    @Test
    void signingOutEndsTheSessionAndBothAreInTheTrail() {
        accounts.add("ana-out", List.of(Roles.ANALYST), PASSWORD);
        Response signedIn = signIn("ana-out", PASSWORD);
        Response out = asPage(signedIn).delete("/api/v1/session");
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.getDetailedCookie(SessionTokens.COOKIE).getMaxAge()).as("the browser drops the cookie").isZero();
        assertThat(asPage(signedIn).get("/api/v1/rulesets/drafts").statusCode()).isEqualTo(401);
        assertThat(trail("ana-out")).containsExactly("SIGNED_IN", "SIGNED_OUT");
    }

    @Test
    void aSessionEndsWhenItExpiresAndWhenItsAccountIsDisabled() {
        accounts.add("ana-expiry", List.of(Roles.ANALYST), PASSWORD);
        Response signedIn = signIn("ana-expiry", PASSWORD);
        String token = signedIn.getCookie(SessionTokens.COOKIE);
        java.time.Instant expires = java.time.Instant.parse(signedIn.jsonPath().getString("expiresAt"));
        assertThat(signIns.current(token, expires.minus(Duration.ofMinutes(1)))).isPresent();
        assertThat(signIns.current(token, expires)).as("eight hours on").isEmpty();
        assertThat(asPage(signedIn).get("/api/v1/rulesets/drafts").statusCode()).isEqualTo(401);
        assertThat(trail("ana-expiry")).containsExactly("SIGNED_IN", "EXPIRED");

        accounts.add("bob-disabled", List.of(Roles.APPROVER), PASSWORD);
        Response bob = signIn("bob-disabled", PASSWORD);
        asPage(bob).get("/api/v1/rulesets/drafts").then().statusCode(200);
        accounts.disable("bob-disabled");
        assertThat(asPage(bob).get("/api/v1/rulesets/drafts").statusCode()).as("at once, not at expiry").isEqualTo(401);
        assertThat(signIn("bob-disabled", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void thePageAndTheApiAnswerWithHeadersThatKeepOtherSitesOut() {
        Response page = given().get("/analyst/");
        page.then().statusCode(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Strict-Transport-Security")).as("only over HTTPS").isNull();
        assertThat(page.asString()).as("no inline script for the policy to allow")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");

        Response api = given().get("/api/v1/session");
        assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(api.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private static List<String> trail(String subject) {
        return SigninEventsFor.kinds(subject);
    }

    /** The trail as stored, read in a transaction of its own. */
    static final class SigninEventsFor {

        static List<String> kinds(String subject) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> SigninEvent
                    .<SigninEvent>list("subject = ?1 order by id", subject).stream().map(e -> e.kind.name()).toList());
        }

        static String text(String subject) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> SigninEvent
                    .<SigninEvent>list("subject = ?1 order by id", subject).stream()
                    .map(e -> e.at + " " + e.subject + " " + e.address + " " + e.kind).toList().toString());
        }
    }
}
