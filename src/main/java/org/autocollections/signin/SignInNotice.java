package org.autocollections.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Tells a new user, when the service starts with no account, how to make the first one for the analyst's page. */
@ApplicationScoped
public class SignInNotice {

    private static final Logger LOG = Logger.getLogger(SignInNotice.class);

    @Inject
    Accounts accounts;

    @Inject
    ProviderSignIn provider;

    /** Off while a command runs (its HTTP listener is off): the notice is for whoever starts the service. */
    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean serving;

    void onStart(@Observes StartupEvent event) {
        // with the lender's identity provider, people sign in there: a password account is the exception
        if (serving && !provider.enabled() && accounts.count() == 0) {
            LOG.info("No one can sign in to the analyst's page yet. Make the first account with: "
                    + "java -jar target/quarkus-app/quarkus-run.jar user add --role analyst --subject NAME "
                    + "(it asks for the password; docs/security.md)");
        }
    }
}
