package org.autocollections.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.autocollections.api.FieldMessage;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Signing in to the analyst's page with a subject and password (accounts made with {@code user add}): the session
 * is an HttpOnly, SameSite=Strict cookie, and the answer carries the CSRF token the page sends back on every call
 * that changes something. API clients need none of this: they send a bearer token.
 */
@Path("/api/v1/session")
@Tag(name = "Signing in")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    @Inject
    SignIns signIns;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest http;

    @Inject
    UriInfo uri;

    @Inject
    java.time.Clock clock;

    @Inject
    ProviderSignIn providerSignIn;

    public record SignInRequest(String subject, String password) {
    }

    /** Who is signed in, and until when; the CSRF token only to a page signed in with the cookie. */
    public record SessionView(String subject, List<String> roles, Instant expiresAt,
            @Schema(description = "Send it back as the X-CSRF-Token header on every call that changes something; "
                    + "null for a bearer-token caller, who needs none") String csrfToken,
            @Schema(description = "For a session opened at the identity provider: where to send the browser after "
                    + "signing out here, to sign out there too; null otherwise") String providerSignOut) {
    }

    /** How the page may sign in. */
    public record SignInOptions(
            @Schema(description = "Where the page sends the browser to sign in with the lender's identity provider "
                    + "(OpenID Connect); null when none is set up") String providerSignIn) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in to the analyst's page with a subject and password",
            description = "Opens a session: an HttpOnly, SameSite=Strict cookie (Secure over HTTPS) that lasts "
                    + "collections.signin.session-ttl (8 hours by default). Failed sign-ins are throttled by subject "
                    + "and by address (429); sign-ins and refusals are kept in the sign-in trail.")
    @APIResponse(responseCode = "200", description = "Signed in: the cookie is set",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "401", description = "The subject and password do not match an enabled account")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this subject or from this address")
    public Response signIn(SignInRequest request) {
        List<FieldMessage> missing = new ArrayList<>();
        if (request == null || request.subject() == null || request.subject().isBlank()) {
            missing.add(new FieldMessage("subject", Message.of("field.required")));
        }
        if (request == null || request.password() == null || request.password().isEmpty()) {
            missing.add(new FieldMessage("password", Message.of("field.required")));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        SignIns.Session session = signIns.signIn(request.subject().strip(), request.password(), address());
        Duration life = Duration.between(clock.instant(), session.expiresAt());
        return Response.ok(view(session)).cookie(cookie(session.token(), Math.max(1, (int) life.toSeconds()))).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "getSession", summary = "Who is signed in",
            description = "The caller's subject and roles, from the session cookie or the bearer token; the page "
                    + "reads its CSRF token here again after a reload.")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    public SessionView get(@CookieParam(SessionTokens.COOKIE) String cookie,
            @CookieParam(SessionTokens.SECURE_COOKIE) String secureCookie) {
        String token = secureCookie != null ? secureCookie : cookie;
        Instant expires = identity.getAttribute(SessionIdentityProvider.SESSION_EXPIRES);
        boolean byCookie = expires != null && token != null;
        return new SessionView(identity.getPrincipal().getName(), List.copyOf(new TreeSet<>(identity.getRoles())),
                expires, byCookie ? SessionTokens.csrf(token) : null,
                identity.getAttribute(SessionIdentityProvider.PROVIDER_SIGN_OUT));
    }

    @GET
    @Path("options")
    @PermitAll
    @Operation(operationId = "getSignInOptions", summary = "How the analyst's page may sign in",
            description = "Whether the lender's identity provider (OpenID Connect) is set up, and where the page "
                    + "sends the browser to sign in there; signing in with a password is always offered.")
    @APIResponse(responseCode = "200", description = "The ways to sign in",
            content = @Content(schema = @Schema(implementation = SignInOptions.class)))
    public SignInOptions options() {
        return new SignInOptions(providerSignIn.enabled() ? ProviderSignInResource.PATH : null);
    }

    @DELETE
    @PermitAll
    @Operation(operationId = "signOut", summary = "Sign out of the analyst's page",
            description = "Ends the session the cookie holds and clears the cookie; with the cookie it needs the "
                    + "X-CSRF-Token header, so another site cannot sign the user out.")
    @APIResponse(responseCode = "204", description = "Signed out (also when no session was open)")
    public Response signOut(@CookieParam(SessionTokens.COOKIE) String cookie,
            @CookieParam(SessionTokens.SECURE_COOKIE) String secureCookie) {
        signIns.signOut(secureCookie != null ? secureCookie : cookie, address());
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private SessionView view(SignIns.Session session) {
        return new SessionView(session.subject(), List.copyOf(new TreeSet<>(session.roles())), session.expiresAt(),
                session.csrf(), session.signOutUrl());
    }

    private NewCookie cookie(String value, int maxAge) {
        return SessionTokens.cookie("https".equals(uri.getRequestUri().getScheme()), value, maxAge);
    }

    private String address() {
        return http.remoteAddress() == null ? "-" : http.remoteAddress().hostAddress();
    }
}
