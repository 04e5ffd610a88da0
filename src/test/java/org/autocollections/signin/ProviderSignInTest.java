package org.autocollections.signin;

import static io.restassured.RestAssured.given;
import org.autocollections.InBrowser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.autocollections.analyst.PageBrowser;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Signing in to the analyst's page with the lender's identity provider: a provider in the test's JVM signs people in
 * by the authorization code flow, its realm roles become our roles, and the page then works as with a password:
 * cookie, CSRF token, sign-out, and an end. Programs keep their bearer tokens on the same endpoints.
 */
@QuarkusTest
@TestProfile(ProviderSignInTest.WithProvider.class)
class ProviderSignInTest {

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MockOpenIdProvider.class));
        }
    }

    @Inject
    SignIns signIns;

    @TestHTTPResource("/analyst/")
    URL page;

    @BeforeEach
    void noDefaultToken() {
        RestAssured.replaceFiltersWith(List.of()); // a browser: cookies only, and only those the test passes on
    }

    /**
     * A browser's trip through the code flow: to the provider, back with a code, and into the page. Returns the
     * answer of the sign-in path once the provider's part is done.
     */
    private static Response signInAtProvider(String person) {
        Response toProvider = browser(Map.of()).get(ProviderSignInResource.PATH);
        assertThat(toProvider.statusCode()).as("an unknown visitor is sent to the provider").isEqualTo(302);
        String authorize = toProvider.header("Location");
        assertThat(authorize).contains("/realms/lender/authorize").contains("code_challenge=");
        Response back = browser(Map.of()).get(authorize + "&login_hint=" + person);
        assertThat(back.statusCode()).isEqualTo(302);
        Response exchanged = browser(toProvider.getCookies()).get(back.header("Location"));
        if (exchanged.statusCode() != 302) {
            return exchanged;
        }
        Map<String, String> cookies = new HashMap<>(toProvider.getCookies());
        cookies.putAll(exchanged.getCookies());
        cookies.values().removeIf(String::isEmpty);
        return browser(cookies).get(exchanged.header("Location"));
    }

    private static RequestSpecification browser(Map<String, String> cookies) {
        return given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies);
    }

    private static String session(Response signedIn) {
        String cookie = signedIn.getCookie(SessionTokens.COOKIE);
        assertThat(cookie).as("the page's session cookie").isNotBlank();
        return cookie;
    }

    /** The page's calls: the cookie, and the CSRF token GET /api/v1/session gave it. */
    private static RequestSpecification asPage(String cookie) {
        String csrf = given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then().statusCode(200)
                .extract().jsonPath().getString("csrfToken");
        return given().cookie(SessionTokens.COOKIE, cookie).header(SessionTokens.CSRF_HEADER, csrf);
    }

    private static List<String> trail(String subject) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> SigninEvent
                .<SigninEvent>list("subject = ?1 order by id", subject).stream()
                .map(e -> e.kind.name() + " " + e.method.name()).toList());
    }

    @Test
    void anAnalystSignsInAtTheProviderAndThePageWorksWithTheSession() {
        Response signedIn = signInAtProvider("ana");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/analyst/");
        assertThat(signedIn.getDetailedCookie(SessionTokens.COOKIE).isHttpOnly()).isTrue();
        assertThat(signedIn.getDetailedCookie(SessionTokens.COOKIE).getSameSite()).isEqualToIgnoringCase("Strict");
        String cookie = session(signedIn);

        var view = given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then().statusCode(200)
                .extract().jsonPath();
        assertThat(view.getString("subject")).isEqualTo("ana");
        // her realm roles say analysts; her groups claim says approvers, but the profile reads realm_access/roles
        assertThat(view.getList("roles", String.class)).containsExactly(Roles.ANALYST);
        assertThat(view.getString("csrfToken")).isNotBlank();
        assertThat(view.getString("providerSignOut")).contains("/realms/lender/logout")
                .contains("post_logout_redirect_uri=").contains("client_id=" + MockOpenIdProvider.CLIENT_ID);

        asPage(cookie).get("/api/v1/rulesets/drafts").then().statusCode(200);
        // a call that changes something: the analyst's role reaches the endpoint (a version that does not exist)
        asPage(cookie).contentType("application/json").body("{\"candidate\":\"0000000000000000\"}")
                .post("/api/v1/rulesets/simulations").then().statusCode(404)
                .body("type", containsString("ruleset-version-not-found"));
        // an approver's call is refused to her
        asPage(cookie).post("/api/v1/rulesets/reload").then().statusCode(403);
        // and another site's form, which the browser sends with the cookie but without the token, is refused
        given().cookie(SessionTokens.COOKIE, cookie).contentType("application/json")
                .body("{\"candidate\":\"0000000000000000\"}").post("/api/v1/rulesets/simulations").then()
                .statusCode(403).body("type", containsString("csrf-refused"));
        assertThat(trail("ana")).contains("SIGNED_IN PROVIDER");
    }

    @Test
    void theProvidersGroupsMapToOurRolesByTheConfiguredClaim() {
        String cookie = session(signInAtProvider("bob"));
        assertThat(given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then().statusCode(200)
                .extract().jsonPath().getList("roles", String.class)).containsExactly(Roles.ANALYST, Roles.APPROVER);
        asPage(cookie).get("/api/v1/rulesets/activations").then().statusCode(200);
    }

    @Test
    void someoneWithNoMappedRoleGetsAPageInWordsAndNoSession() {
        Response refused = signInAtProvider("carl");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.body().asString()).contains("No role in this service")
                .contains("You signed in at the identity provider as carl, but none of your groups there gives a role")
                .doesNotContain("Exception");
        assertThat(refused.getCookie(SessionTokens.COOKIE)).as("no session of ours").isNull();
        assertThat(trail("carl")).containsExactly("FAILED PROVIDER");

        Response inChinese = given().redirects().follow(false).header("Accept-Language", "zh-CN")
                .get(ProviderSignInResource.PATH);
        assertThat(inChinese.statusCode()).as("the provider's session was dropped: back to the provider").isEqualTo(302);
    }

    @Test
    void anExpiredSessionIsRefusedAndTheSignInPathSendsToTheProviderAgain() {
        String cookie = session(signInAtProvider("ana"));
        Instant expires = Instant.parse(given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then()
                .statusCode(200).extract().jsonPath().getString("expiresAt"));
        assertThat(signIns.current(cookie, expires.minusSeconds(60))).isPresent();
        assertThat(signIns.current(cookie, expires)).as("at its end").isEmpty();

        given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then().statusCode(401);
        Response again = browser(Map.of(SessionTokens.COOKIE, cookie)).get(ProviderSignInResource.PATH);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.header("Location")).contains("/realms/lender/authorize");
        assertThat(trail("ana")).contains("EXPIRED PROVIDER");
    }

    @Test
    void anIdTokenAlreadyExpiredWhenIssuedOpensNoSession() {
        Response refused = signInAtProvider("late");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body().asString()).contains("Signing in did not complete");
        assertThat(refused.getCookie(SessionTokens.COOKIE)).isNull();
        assertThat(trail("late")).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndSendsThePageToTheProvidersSignOut() {
        String cookie = session(signInAtProvider("bob"));
        String providerSignOut = given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then()
                .extract().jsonPath().getString("providerSignOut");

        given().cookie(SessionTokens.COOKIE, cookie).delete("/api/v1/session").then().statusCode(403);
        asPage(cookie).delete("/api/v1/session").then().statusCode(204);
        given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/session").then().statusCode(401);
        given().cookie(SessionTokens.COOKIE, cookie).get("/api/v1/rulesets/drafts").then().statusCode(401);
        assertThat(trail("bob")).endsWith("SIGNED_OUT PROVIDER");

        given().urlEncodingEnabled(false).get(providerSignOut).then().statusCode(200)
                .body(containsString("Signed out at the identity provider"));
    }

    @Test
    void programsKeepTheirBearerTokensAndAreNeverSentToTheProvider() {
        given().header("Authorization", Tokens.bearer(Tokens.of(Roles.ANALYST))).get("/api/v1/rulesets/drafts").then()
                .statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.of(Roles.SERVICER))).get("/api/v1/rulesets/drafts").then()
                .statusCode(403);
        Response nobody = given().redirects().follow(false).get("/api/v1/rulesets/drafts");
        assertThat(nobody.statusCode()).as("an API caller without a token is told so, not redirected").isEqualTo(401);
        given().get("/api/v1/session/options").then().statusCode(200)
                .body("providerSignIn", org.hamcrest.Matchers.equalTo(ProviderSignInResource.PATH));
    }

    @Test
    @InBrowser
    void inTheBrowserTheDialogOffersTheProviderWhichSignsInAndOutAgain() throws Exception {
        try (PageBrowser browser = PageBrowser.start()) {
            browser.driver.get(page.toString());
            browser.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(PageBrowser.test("signin-provider")));
            assertThat(browser.text("signin-provider")).isEqualTo("Sign in with your organisation's account");
            assertThat(browser.find("signin-password").isDisplayed()).as("the password form stays for local accounts")
                    .isTrue();
            // the pictures docs/analyst-guide.md and docs/security.md show
            assertThat(browser.elementShot("signin-dialog", "signin-provider")).isNotEmptyFile();

            // the provider sees the person at the browser (ana) and sends the browser back to the page, signed in
            browser.click("signin-provider");
            browser.wait.until(ExpectedConditions.textToBe(PageBrowser.test("who-name"), MockOpenIdProvider.AT_THE_BROWSER));
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(PageBrowser.test("signin-dialog")));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(page.toString());
            assertThat(browser.text("who-roles")).isEqualTo(Roles.ANALYST);
            assertThat(browser.text("who-action")).isEqualTo("Sign out");
            assertThat(browser.driver.executeScript("return document.cookie")).as("the session cookie is out of scripts' reach")
                    .isEqualTo("");
            Cookie cookie = browser.driver.manage().getCookieNamed(SessionTokens.COOKIE);
            assertThat(cookie).isNotNull();
            assertThat(browser.elementShot("topbar", "signin-provider-signed-in")).isNotEmptyFile();

            // signing out on the page ends our session and goes on to the provider's sign-out
            browser.click("who-action");
            browser.wait.until(ExpectedConditions.urlContains("/realms/lender/logout"));
            assertThat(browser.driver.findElement(By.tagName("body")).getText())
                    .isEqualTo("Signed out at the identity provider");
            given().cookie(SessionTokens.COOKIE, cookie.getValue()).get("/api/v1/session").then().statusCode(401);
            assertThat(trail(MockOpenIdProvider.AT_THE_BROWSER)).endsWith("SIGNED_OUT PROVIDER");

            browser.driver.get(page.toString());
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(PageBrowser.test("signin-dialog")));
            assertThat(browser.text("who-name")).isEqualTo("Not signed in");
        }
    }
}
