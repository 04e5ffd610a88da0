package org.autocollections.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;

/** The service verifies bearer tokens through {@link TokenVerifier}: a token sent again is remembered, roles hold. */
@QuarkusTest
class TokenVerifierInServiceTest {

    @Inject
    JWTCallerPrincipalFactory factory;

    @Test
    void theServiceRemembersATokenItVerifiedAndStillEnforcesItsRoles() {
        assertThat(factory).isInstanceOf(TokenVerifier.class);
        String auditor = Tokens.of(Roles.AUDITOR);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Tokens.bearer(auditor)).get("/api/v1/decisions/" + java.util.UUID.randomUUID())
                    .then().statusCode(404);
            // an auditor may not ask for decisions: 403 on every request, remembered or not
            given().header("Authorization", Tokens.bearer(auditor)).contentType("application/json").body("{}")
                    .post("/api/v1/decisions").then().statusCode(403);
        }
        assertThat(((TokenVerifier) factory).remembered()).isPositive();
    }
}
