package org.autocollections.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signing in to the analyst's page with a password, the sessions that follows, and the trail of both. Failures are
 * counted in the trail itself, by subject and by address, so the throttle holds across restarts and replicas.
 */
@ApplicationScoped
public class SignIns {

    private static final Logger LOG = Logger.getLogger(SignIns.class);

    /**
     * What a signed-in page knows of its session. The token goes into the cookie and nowhere else. {@code signOutUrl}
     * is the identity provider's sign-out address for a session opened there, null for a password's.
     */
    public record Session(String token, String subject, Set<String> roles, Instant expiresAt, String signOutUrl) {

        Session(String token, String subject, Set<String> roles, Instant expiresAt) {
            this(token, subject, roles, expiresAt, null);
        }

        public String csrf() {
            return SessionTokens.csrf(token);
        }
    }

    @Inject
    Clock clock;

    @ConfigProperty(name = "collections.signin.session-ttl", defaultValue = "PT8H")
    Duration sessionTtl;

    @ConfigProperty(name = "collections.signin.throttle.window", defaultValue = "PT15M")
    Duration window;

    @ConfigProperty(name = "collections.signin.throttle.per-subject", defaultValue = "5")
    int perSubject;

    @ConfigProperty(name = "collections.signin.throttle.per-address", defaultValue = "20")
    int perAddress;

    /** Opens a session, or refuses (wrong password, no such or disabled account) or throttles; all are in the trail. */
    @Transactional(dontRollbackOn = { SignInRefusedException.class, SignInThrottledException.class })
    public Session signIn(String subject, String password, String address) {
        Instant now = clock.instant();
        String who = printable(subject);
        Instant since = now.minus(window);
        long bySubject = SigninEvent.count("subject = ?1 and kind = ?2 and at > ?3", who, SigninEvent.Kind.FAILED, since);
        long byAddress = SigninEvent.count("address = ?1 and kind = ?2 and at > ?3", address, SigninEvent.Kind.FAILED, since);
        if (bySubject >= perSubject || byAddress >= perAddress) {
            record(now, who, address, SigninEvent.Kind.THROTTLED);
            LOG.warnf("Sign-in throttled for %s from %s: %d failures for the subject, %d from the address in %s",
                    who, address, bySubject, byAddress, window);
            throw new SignInThrottledException(window);
        }
        Account account = subject == null ? null : Account.findById(subject);
        boolean matches = Passwords.matches(password, account == null ? null : account.passwordHash);
        if (!matches || account.disabled) {
            record(now, who, address, SigninEvent.Kind.FAILED);
            LOG.warnf("Sign-in refused for %s from %s (%s)", who, address,
                    account == null ? "no such account" : account.disabled ? "account disabled" : "wrong password");
            throw new SignInRefusedException();
        }
        String token = SessionTokens.newToken();
        SigninSession session = new SigninSession();
        session.tokenHash = SessionTokens.storedHash(token);
        session.subject = account.subject;
        session.createdAt = now;
        session.expiresAt = now.plus(sessionTtl);
        session.persist();
        record(now, account.subject, address, SigninEvent.Kind.SIGNED_IN);
        LOG.infof("%s signed in from %s", account.subject, address);
        return new Session(token, account.subject, account.roleSet(), session.expiresAt);
    }

    /**
     * Opens a session for someone the identity provider signed in, with the roles its groups give here; it lasts as
     * long as a password's session.
     */
    @Transactional
    public Session signInAtProvider(String subject, Set<String> roles, String signOutUrl, String address) {
        Instant now = clock.instant();
        String token = SessionTokens.newToken();
        ProviderSession session = new ProviderSession();
        session.tokenHash = SessionTokens.storedHash(token);
        session.subject = printable(subject);
        session.roles = String.join(",", roles);
        session.signOutUrl = signOutUrl;
        session.createdAt = now;
        session.expiresAt = now.plus(sessionTtl);
        session.persist();
        record(now, session.subject, address, SigninEvent.Kind.SIGNED_IN, SigninEvent.Method.PROVIDER);
        LOG.infof("%s signed in at the identity provider from %s, as %s", session.subject, address, session.roles);
        return new Session(token, session.subject, Set.copyOf(roles), session.expiresAt, signOutUrl);
    }

    /** Someone the identity provider signed in, whose groups give no role here: refused, and in the trail. */
    @Transactional
    public void refuseAtProvider(String subject, Set<String> groups, String address) {
        String who = printable(subject);
        record(clock.instant(), who, address, SigninEvent.Kind.FAILED, SigninEvent.Method.PROVIDER);
        LOG.warnf("Sign-in refused for %s from %s: none of the identity provider's groups %s gives a role here", who,
                address, groups);
    }

    /** The session a cookie holds, while it lasts and its account is enabled. */
    @Transactional
    public Optional<Session> current(String token) {
        return current(token, clock.instant());
    }

    /** As of {@code now}: a session past its end is removed and its end written in the trail. */
    @Transactional
    Optional<Session> current(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        SigninSession session = SigninSession.findById(SessionTokens.storedHash(token));
        if (session == null) {
            return currentAtProvider(token, now);
        }
        if (!now.isBefore(session.expiresAt)) {
            session.delete();
            record(now, session.subject, "-", SigninEvent.Kind.EXPIRED);
            return Optional.empty();
        }
        Account account = Account.findById(session.subject);
        if (account == null || account.disabled) {
            session.delete();
            return Optional.empty();
        }
        return Optional.of(new Session(token, account.subject, account.roleSet(), session.expiresAt));
    }

    /** A session opened at the identity provider: its roles are the ones it was given, until it ends. */
    private Optional<Session> currentAtProvider(String token, Instant now) {
        ProviderSession session = ProviderSession.findById(SessionTokens.storedHash(token));
        if (session == null) {
            return Optional.empty();
        }
        if (!now.isBefore(session.expiresAt)) {
            session.delete();
            record(now, session.subject, "-", SigninEvent.Kind.EXPIRED, SigninEvent.Method.PROVIDER);
            return Optional.empty();
        }
        return Optional.of(new Session(token, session.subject, Set.of(session.roles.split(",")), session.expiresAt,
                session.signOutUrl));
    }

    /** Ends the session the cookie holds; nothing happens for a cookie that opens none. */
    @Transactional
    public void signOut(String token, String address) {
        if (token == null) {
            return;
        }
        String hash = SessionTokens.storedHash(token);
        SigninSession session = SigninSession.findById(hash);
        ProviderSession atProvider = session == null ? ProviderSession.findById(hash) : null;
        String subject = session != null ? session.subject : atProvider != null ? atProvider.subject : null;
        if (subject == null) {
            return;
        }
        if (session != null) {
            session.delete();
        } else {
            atProvider.delete();
        }
        record(clock.instant(), subject, address, SigninEvent.Kind.SIGNED_OUT,
                session != null ? SigninEvent.Method.PASSWORD : SigninEvent.Method.PROVIDER);
        LOG.infof("%s signed out from %s", subject, address);
    }

    private static void record(Instant at, String subject, String address, SigninEvent.Kind kind) {
        record(at, subject, address, kind, SigninEvent.Method.PASSWORD);
    }

    private static void record(Instant at, String subject, String address, SigninEvent.Kind kind,
            SigninEvent.Method method) {
        SigninEvent event = new SigninEvent();
        event.at = at;
        event.subject = subject;
        event.address = address.length() > 64 ? address.substring(0, 64) : address;
        event.kind = kind;
        event.method = method;
        event.persist();
    }

    /** A subject as typed, made safe for the trail and the log: no control characters, not longer than a column. */
    private static String printable(String subject) {
        String s = subject == null ? "" : subject.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 128 ? s.substring(0, 128) : s;
    }
}
