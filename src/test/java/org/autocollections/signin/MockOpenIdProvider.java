package org.autocollections.signin;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A lender's identity provider in the test's own JVM: discovery, keys, an authorization endpoint that signs in the
 * person its {@code login_hint} names, or else the person at the browser (no login form), a token endpoint that checks
 * the PKCE verifier and issues an RS256 ID token with that person's groups, and an end-session endpoint.
 */
public class MockOpenIdProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "collections";

    /**
     * Whom the provider signs in when a browser comes without a {@code login_hint}: the person at the screen, who at a
     * real provider would have typed her password there.
     */
    static final String AT_THE_BROWSER = "ana";

    /** Whom the provider knows, with which claims, and for how long it signs them in (negative: already expired). */
    private record Person(String subject, Map<String, Object> claims, long lifeSeconds) {
    }

    /**
     * ana's realm roles make her an analyst; her groups claim names the approvers' group, which the test profile's
     * claim path does not read. bob approves, carl is in no group of ours, and late's tokens are expired when issued.
     */
    private static final Map<String, Person> PEOPLE = Map.of(
            "ana", new Person("ana", Map.of("realm_access", Map.of("roles", List.of("risk-analysts")),
                    "groups", List.of("risk-approvers")), 300),
            "bob", new Person("bob", Map.of("realm_access", Map.of("roles", List.of("risk-approvers"))), 300),
            "carl", new Person("carl", Map.of("realm_access", Map.of("roles", List.of("marketing"))), 300),
            "late", new Person("late", Map.of("realm_access", Map.of("roles", List.of("risk-analysts"))), -120));

    private record Grant(Person person, String nonce, String challenge) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    private static KeyPair key;
    private static String issuer;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/lender";
            server.createContext("/realms/lender", this::handle);
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.lender.tenant-enabled", "true");
        config.put("quarkus.oidc.lender.auth-server-url", issuer);
        config.put("quarkus.oidc.lender.client-id", CLIENT_ID);
        config.put("quarkus.oidc.lender.credentials.secret", "a-client-secret-of-at-least-32-characters");
        // the profile's claim: Keycloak's realm roles, so that a plain groups claim is proven to be ignored
        config.put("quarkus.oidc.lender.roles.role-claim-path", "realm_access/roles");
        config.put("collections.signin.oidc.roles.\"risk-analysts\"", "analyst");
        config.put("collections.signin.oidc.roles.\"risk-approvers\"", "analyst,approver");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/realms/lender".length());
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        switch (path) {
            case "/.well-known/openid-configuration" -> json(exchange, 200, Map.of("issuer", issuer,
                    "authorization_endpoint", issuer + "/authorize", "token_endpoint", issuer + "/token",
                    "jwks_uri", issuer + "/keys", "end_session_endpoint", issuer + "/logout",
                    "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"),
                    "code_challenge_methods_supported", List.of("S256")));
            case "/keys" -> {
                RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
                json(exchange, 200, Map.of("keys", List.of(Map.of("kty", "RSA", "kid", "mock", "use", "sig", "alg", "RS256",
                        "n", base64(unsigned(publicKey.getModulus())), "e", base64(unsigned(publicKey.getPublicExponent()))))));
            }
            case "/authorize" -> {
                String code = UUID.randomUUID().toString();
                GRANTS.put(code, new Grant(PEOPLE.get(query.getOrDefault("login_hint", AT_THE_BROWSER)), query.get("nonce"),
                        query.get("code_challenge")));
                String back = query.get("redirect_uri") + "?code=" + code + "&state="
                        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", back);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            }
            case "/token" -> {
                Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Grant grant = GRANTS.remove(body.get("code"));
                if (grant == null || grant.person() == null || !s256(body.get("code_verifier")).equals(grant.challenge())) {
                    json(exchange, 400, Map.of("error", "invalid_grant"));
                    return;
                }
                long now = System.currentTimeMillis() / 1000;
                Map<String, Object> claims = new LinkedHashMap<>(grant.person().claims());
                claims.put("iss", issuer);
                claims.put("aud", CLIENT_ID);
                claims.put("sub", grant.person().subject());
                claims.put("preferred_username", grant.person().subject());
                claims.put("iat", now + Math.min(0, grant.person().lifeSeconds()) - 60);
                claims.put("exp", now + grant.person().lifeSeconds());
                if (grant.nonce() != null) {
                    claims.put("nonce", grant.nonce());
                }
                String idToken = sign(claims);
                json(exchange, 200, Map.of("id_token", idToken, "access_token", idToken, "token_type", "Bearer",
                        "expires_in", Math.max(1, grant.person().lifeSeconds())));
            }
            case "/logout" -> {
                byte[] text = "Signed out at the identity provider".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, text.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(text);
                }
            }
            default -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        }
    }

    private static String sign(Map<String, Object> claims) {
        try {
            String signed = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "mock"))) + "."
                    + base64(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return base64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
