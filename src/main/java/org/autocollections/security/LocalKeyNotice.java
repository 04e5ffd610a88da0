package org.autocollections.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Tells a new user, once, where the token signing key was made and how to get a token with it. */
@ApplicationScoped
public class LocalKeyNotice {

    private static final Logger LOG = Logger.getLogger(LocalKeyNotice.class);

    void onStart(@Observes StartupEvent event) {
        String made = System.getProperty(LocalKeys.MADE_PROPERTY);
        if (made != null) {
            LOG.infof("Made a token signing key in %s. Get a token with: "
                    + "java -jar target/quarkus-app/quarkus-run.jar token --role servicer (docs/security.md)", made);
        }
    }
}
