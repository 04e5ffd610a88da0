package org.autocollections.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Language;
import org.autocollections.api.Problem;
import org.autocollections.api.Message;
import org.autocollections.api.RaisedProblem;
import org.autocollections.api.LanguageChoice;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.autocollections.audit.DatabaseUnavailableException;
import org.autocollections.cases.CaseNotFoundException;
import org.autocollections.cases.EntryConflictException;
import org.autocollections.engine.PolicyConflictException;
import org.autocollections.observability.LogSafe;
import org.autocollections.ruleset.NoActiveRulesetException;
import org.autocollections.ruleset.RulesetCompilationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves the service as problem details. A client's mistake is a 4xx naming the field; only the
 * service's own faults are 5xx, and those never echo internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    HttpHeaders headers;

    @Inject
    LanguageChoice languages;

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return respond(e.raised(), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (notJson(e)) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            Message detail = e.getLocation() == null
                    ? Message.of("malformed-json.detail.2", e.getOriginalMessage())
                    : Message.of("malformed-json.detail.1", e.getLocation().getLineNr(), e.getLocation().getColumnNr(),
                            e.getOriginalMessage());
            return respond(RaisedProblem.of("malformed-json", "Malformed JSON", 400, detail), uri);
        }
        return respond(new InvalidRequestException(List.of(CaseReader.fieldError(e))).raised(), uri);
    }

    /**
     * Whether the body is not one well-formed JSON value: a syntax error, a value past the reader's limits, or anything
     * after the value (which Jackson reports as a mismatch of the type being read, though no type is at fault).
     */
    private static boolean notJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return true;
        }
        // a record's reader wraps a syntax error inside one of its fields with the field's path
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException || cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    /** Ahead of the JSON reader's own mapper, which answers a value of the wrong type with plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response notReady(NoActiveRulesetException e, UriInfo uri) {
        return respond(RaisedProblem.of("not-ready", "No active ruleset", 503, Message.of("not-ready.detail")), uri);
    }

    @ServerExceptionMapper
    public Response databaseDown(DatabaseUnavailableException e, UriInfo uri) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(respond(RaisedProblem.of("database-unavailable", "Database unavailable", 503,
                Message.of("database-unavailable.detail")), uri))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response noCase(CaseNotFoundException e, UriInfo uri) {
        return respond(RaisedProblem.of("case-not-found", "No such case", 404, e.words()), uri);
    }

    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(RaisedProblem.of("unauthenticated", "Not authenticated", 401,
                Message.of("unauthenticated.detail")), uri)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(RaisedProblem.of("forbidden", "Not allowed", 403, Message.of("forbidden.detail")), uri);
    }

    @ServerExceptionMapper
    public Response signInRefused(org.autocollections.signin.SignInRefusedException e, UriInfo uri) {
        return respond(RaisedProblem.of("sign-in-refused", "Sign-in refused", 401, Message.of("sign-in-refused.detail")), uri);
    }

    @ServerExceptionMapper
    public Response signInThrottled(org.autocollections.signin.SignInThrottledException e, UriInfo uri) {
        return Response.fromResponse(respond(RaisedProblem.of("sign-in-throttled", "Too many failed sign-ins", 429,
                Message.of("sign-in-throttled.detail", Math.max(1, e.retryAfter().toMinutes()))), uri)).header("Retry-After", String.valueOf(e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response csrfRefused(org.autocollections.signin.CsrfRefusedException e, UriInfo uri) {
        return respond(RaisedProblem.of("csrf-refused", "Not sent by the page", 403, Message.of("csrf-refused.detail")), uri);
    }

    @ServerExceptionMapper
    public Response noRun(org.autocollections.scoring.RunNotFoundException e, UriInfo uri) {
        return respond(RaisedProblem.of("run-not-found", "No such portfolio run", 404, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response runConflict(org.autocollections.scoring.RunConflictException e, UriInfo uri) {
        return respond(RaisedProblem.of("run-conflict", "Portfolio run conflict", 409, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response noSimulation(org.autocollections.simulation.SimulationNotFoundException e, UriInfo uri) {
        return respond(RaisedProblem.of("simulation-not-found", "No such simulation", 404, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response simulationConflict(org.autocollections.simulation.SimulationConflictException e, UriInfo uri) {
        return respond(RaisedProblem.of("simulation-conflict", "Simulation conflict", 409, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response noVersion(org.autocollections.ruleset.RulesetVersionNotFoundException e, UriInfo uri) {
        return respond(RaisedProblem.of("ruleset-version-not-found", "No such ruleset version", 404, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response noDraft(org.autocollections.lifecycle.DraftNotFoundException e, UriInfo uri) {
        return respond(RaisedProblem.of("draft-not-found", "No such draft or version", 404, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response lifecycleConflict(org.autocollections.lifecycle.LifecycleConflictException e, UriInfo uri) {
        return respond(RaisedProblem.of("lifecycle-conflict", "Not possible in the draft's status", 409, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response notConvertible(org.autocollections.tables.TableConversionException e, UriInfo uri) {
        // the converter words its own sentences in English; the table-not-convertible.detail templates read them
        return respond(RaisedProblem.of("table-not-convertible", "The table cannot be written in that format", 422,
                Message.verbatim(e.file() + ": " + e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response fourEyes(org.autocollections.lifecycle.FourEyesException e, UriInfo uri) {
        return respond(RaisedProblem.of("four-eyes", "A second person must approve", 403, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response experiment(org.autocollections.experiments.ExperimentException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response entryConflict(EntryConflictException e, UriInfo uri) {
        return respond(RaisedProblem.of("entry-conflict", "Entry id reused", 409, e.words()), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return respond(InvalidRequestException.of(errors).raised(), uri);
    }

    /** A parameter's path ("contact.log.attemptId") without the method and parameter names. */
    private static String fieldOf(jakarta.validation.Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(n -> names.add(n.getName()));
        return String.join(".", names.subList(Math.min(2, names.size()), names.size()));
    }

    @ServerExceptionMapper
    public Response rulesetRejected(RulesetCompilationException e, UriInfo uri) {
        return respond(RaisedProblem.of("ruleset-rejected", "Ruleset rejected", 422,
                Message.of("ruleset-rejected.detail", e.problems().size())).withProblems(e.problems()), uri);
    }

    @ServerExceptionMapper
    public Response policyConflict(PolicyConflictException e, UriInfo uri) {
        LOG.error("Policy conflict: " + e.getMessage());
        return respond(RaisedProblem.of("policy-conflict", "The policy reached no single decision", 500,
                Message.verbatim(e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri); // the JSON reader wraps parse errors in a plain 400
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", LogSafe.redact(e));
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        // the HTTP layer's own sentences: http-<status>.detail and message.http read them
        return respond(RaisedProblem.of("http-" + status, title, status, Message.verbatim(e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (org.autocollections.audit.SqlFailures.isDataException(e)) {
            // SQLSTATE class 22: the database refused a value as data (too long, out of range, a byte it cannot hold).
            // The value came from the client; the checks before the database should have named it, so it is logged.
            LOG.warn("A value the database refused as data", LogSafe.redact(e));
            return respond(RaisedProblem.of("invalid-value", "Invalid value", 400, Message.of("invalid-value.detail")), uri);
        }
        LOG.error("Unexpected failure", LogSafe.redact(e)); // never the body, nor what a library quotes of it
        return respond(RaisedProblem.of("internal-error", "Internal error", 500, Message.of("internal-error.detail")), uri);
    }

    Response respond(RaisedProblem raised, UriInfo uri) {
        Problem worded = raised.in(language(uri));
        Problem located = uri == null ? worded : worded.at(uri.getPath());
        return Response.status(raised.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    private Language language(UriInfo uri) {
        String lang = uri == null ? null : uri.getQueryParameters().getFirst("lang");
        String acceptLanguage;
        try {
            acceptLanguage = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        } catch (RuntimeException e) {
            acceptLanguage = null; // no request to read, as when a test calls a mapper outside one
        }
        return languages.forProblem(lang, acceptLanguage);
    }
}
