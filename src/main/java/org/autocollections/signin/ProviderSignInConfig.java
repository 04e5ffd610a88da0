package org.autocollections.signin;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Which role here each of the identity provider's groups gives: {@code collections.signin.oidc.roles."<group>"=
 * analyst,approver}. A group named in no entry gives nothing; the claim the groups are read from is the OIDC tenant's
 * {@code quarkus.oidc.lender.roles.role-claim-path}.
 */
@ConfigMapping(prefix = "collections.signin.oidc")
public interface ProviderSignInConfig {

    Map<String, List<String>> roles();
}
