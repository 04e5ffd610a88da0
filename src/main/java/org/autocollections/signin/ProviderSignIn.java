package org.autocollections.signin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.autocollections.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Signing in with the lender's identity provider (OpenID Connect), as configured: whether it is on (the OIDC tenant
 * {@value #TENANT}), which of our roles the provider's groups give, and where its sign-out is. The provider's own
 * session never outlives the sign-in: the page then holds a session of ours, as with a password.
 */
@ApplicationScoped
public class ProviderSignIn {

    private static final Logger LOG = Logger.getLogger(ProviderSignIn.class);

    /** The OIDC tenant that signs the page in; its quarkus.oidc.lender.* properties set it up. */
    public static final String TENANT = "lender";

    /** The roles a person signs in to the page for; the others are for programs, which use bearer tokens. */
    static final Set<String> PAGE_ROLES = Set.of(Roles.SERVICER, Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR);

    @ConfigProperty(name = "quarkus.oidc.lender.tenant-enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.lender.client-id")
    Optional<String> clientId;

    @Inject
    ProviderSignInConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        config.roles().forEach((group, roles) -> roles.stream().filter(role -> !PAGE_ROLES.contains(role))
                .forEach(role -> LOG.warnf("collections.signin.oidc.roles.\"%s\" names %s, which is not one of %s: "
                        + "it is ignored", group, role, new TreeSet<>(PAGE_ROLES))));
        if (config.roles().isEmpty()) {
            LOG.warn("Signing in with the identity provider is on, but collections.signin.oidc.roles maps no group "
                    + "to a role: everyone who signs in there is refused (docs/security.md)");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Our roles that the provider's groups give; none when no group is mapped. */
    public Set<String> roles(Set<String> groups) {
        Set<String> roles = new TreeSet<>();
        for (Map.Entry<String, List<String>> mapped : config.roles().entrySet()) {
            if (groups.contains(mapped.getKey())) {
                mapped.getValue().stream().map(String::strip).filter(PAGE_ROLES::contains).forEach(roles::add);
            }
        }
        return roles;
    }

    /**
     * The provider's sign-out address (RP-initiated logout), which sends the browser back to the page; null when the
     * provider names no end-session endpoint.
     */
    public String signOutUrl(String endSessionEndpoint, URI page) {
        if (endSessionEndpoint == null || endSessionEndpoint.isBlank()) {
            return null;
        }
        StringBuilder url = new StringBuilder(endSessionEndpoint).append(endSessionEndpoint.contains("?") ? '&' : '?')
                .append("post_logout_redirect_uri=").append(URLEncoder.encode(page.toString(), StandardCharsets.UTF_8));
        clientId.ifPresent(id -> url.append("&client_id=").append(URLEncoder.encode(id, StandardCharsets.UTF_8)));
        return url.length() > 2048 ? null : url.toString();
    }
}
