package org.autocollections.signin;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.autocollections.api.Language;
import org.autocollections.api.Message;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The page's sign-in with the lender's identity provider. Only this path takes the authorization code flow: an
 * unknown visitor is sent to the provider, comes back with a code, and quarkus-oidc exchanges it and checks the ID
 * token. Here the provider's groups become our roles, the page gets a session of ours (the same cookie, CSRF token and
 * end as a password's), and the provider's own session cookie is dropped at once, so that every other path knows
 * only our cookie and the bearer tokens of programs.
 */
@Path(ProviderSignInResource.PATH)
@Tag(name = "Signing in")
public class ProviderSignInResource {

    public static final String PATH = "/analyst/sign-in";

    /** The identity attribute in which quarkus-oidc hands over the provider's discovery document. */
    private static final String PROVIDER_METADATA = "configuration-metadata";

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession oidcSession;

    @Inject
    SignIns signIns;

    @Inject
    ProviderSignIn provider;

    @Inject
    HttpServerRequest http;

    @Inject
    UriInfo uri;

    @Inject
    java.time.Clock clock;

    @Inject
    RoutingContext routing;

    @GET
    @Authenticated
    @AuthorizationCodeFlow
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@HeaderParam("Accept-Language") String acceptLanguage) {
        String subject = identity.getPrincipal().getName();
        Set<String> groups = identity.getRoles();
        // the provider's session ends here either way: ours stands for it, or nobody is signed in
        oidcSession.logout().await().indefinitely();
        Set<String> roles = provider.roles(groups);
        if (roles.isEmpty()) {
            signIns.refuseAtProvider(subject, groups, address());
            return page(403, acceptLanguage, "provider-no-role", subject);
        }
        URI analystPage = uri.getBaseUri().resolve("analyst/");
        OidcConfigurationMetadata metadata = identity.getAttribute(PROVIDER_METADATA);
        SignIns.Session session = signIns.signInAtProvider(subject, roles,
                provider.signOutUrl(metadata == null ? null : metadata.getEndSessionUri(), analystPage), address());
        int life = (int) Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return Response.seeOther(analystPage)
                .cookie(SessionTokens.cookie("https".equals(analystPage.getScheme()), session.token(), life)).build();
    }

    /**
     * Someone not signed in yet is sent to the provider: the service's own mapper answers API callers with a 401
     * problem, but here the code flow's challenge (a redirect) is the answer.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<Response> toProvider() {
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        return authenticator.getChallenge(routing).map(challenge -> {
            Response.ResponseBuilder answer = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }

    /** The provider's answer could not be taken (an expired or altered token): said in words, with no new redirect. */
    @ServerExceptionMapper
    public Response notCompleted(AuthenticationCompletionException e) {
        return page(401, routing.request().getHeader("Accept-Language"), "provider-failed");
    }

    /** While no identity provider is set up the path says so in words, instead of an empty 401. */
    @ServerRequestFilter(preMatching = true)
    public Response refuseWhileOff(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (provider.enabled() || !PATH.equals(path.startsWith("/") ? path : "/" + path)) {
            return null;
        }
        return page(404, request.getHeaderString("Accept-Language"), "provider-off");
    }

    /** A page in words in the reader's language: what happened and where to go from here. */
    private static Response page(int status, String acceptLanguage, String problem, Object... values) {
        Language language = Language.chosen(null, acceptLanguage, Language.EN);
        String title = Message.of(problem + ".title").in(language);
        String detail = Message.of(problem + ".detail", values).in(language);
        String back = Message.of("provider-page.back").in(language);
        String html = "<!DOCTYPE html>\n<html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\"><title>"
                + escape(title) + "</title><link rel=\"stylesheet\" href=\"style.css\"></head><body><main><h1>"
                + escape(title) + "</h1><p>" + escape(detail) + "</p><p><a href=\"./\">" + escape(back)
                + "</a></p></main></body></html>\n";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String address() {
        return http.remoteAddress() == null ? "-" : http.remoteAddress().hostAddress();
    }
}
