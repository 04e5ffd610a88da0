package org.autocollections.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.autocollections.security.LocalKeys;
import org.autocollections.security.Roles;

import io.smallrye.jwt.build.Jwt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code token}: a bearer token for the embedded default, signed with the local key the service made on its first
 * start. For trying the service and for local jobs; in production the lender's identity provider issues tokens.
 */
@Command(name = "token", sortOptions = false,
        description = { "Print a bearer token signed with the local key (made in the keys folder on the service's first start).",
                "Use it as: curl -H \"Authorization: Bearer $(java -jar quarkus-run.jar token --role servicer)\" ..." })
public class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "A role to grant; repeat for several: servicer, analyst, approver, auditor, batch.")
    List<String> roles;

    @Option(names = "--subject", paramLabel = "NAME", description = "Who the token is for (default: your user name).")
    String subject;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "PT8H",
            description = "How long the token is valid, ISO 8601 (default: ${DEFAULT-VALUE}; at most P30D).")
    String ttl;

    @Option(names = "--keys-dir", paramLabel = "DIR", defaultValue = "data/keys",
            description = "The folder of the local key (default: ${DEFAULT-VALUE}, as collections.security.keys-dir).")
    Path keys;

    @Option(names = "--issuer", paramLabel = "ISSUER", defaultValue = LocalKeys.ISSUER,
            description = "The issuer the service expects (default: ${DEFAULT-VALUE}, as mp.jwt.verify.issuer).")
    String issuer;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Set<String> granted = new LinkedHashSet<>();
        for (String role : roles) {
            if (!Arrays.asList(Roles.ALL).contains(role)) {
                err.println("token: unknown role " + role + "; roles are " + String.join(", ", Roles.ALL));
                err.flush();
                return ImportCommand.FATAL;
            }
            granted.add(role);
        }
        Duration life;
        try {
            life = Duration.parse(ttl);
        } catch (DateTimeParseException e) {
            err.println("token: --ttl must be an ISO 8601 duration such as PT8H");
            err.flush();
            return ImportCommand.FATAL;
        }
        if (life.isNegative() || life.isZero() || life.compareTo(Duration.ofDays(30)) > 0) {
            err.println("token: --ttl must be between one second and 30 days");
            err.flush();
            return ImportCommand.FATAL;
        }
        if (!Files.exists(keys.resolve(LocalKeys.PRIVATE))) {
            LocalKeys.ensure(keys);
            err.println("token: made a new signing key in " + keys.toAbsolutePath() + "; the service started from this folder accepts it");
            err.flush();
        }
        String who = subject != null ? subject : System.getProperty("user.name", "local");
        String token = Jwt.issuer(issuer).subject(who).upn(who).groups(granted).expiresIn(life)
                .sign(LocalKeys.privateKey(keys));
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return ImportCommand.OK;
    }
}
