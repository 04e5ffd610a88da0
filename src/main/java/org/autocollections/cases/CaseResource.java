package org.autocollections.cases;

import org.autocollections.api.Message;
import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.QueryParameters;

import org.autocollections.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.DecisionRecord;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.DecisionAnswer;
import org.autocollections.api.Language;
import org.autocollections.api.LanguageChoice;
import org.autocollections.api.Trace;
import org.autocollections.decisions.DecisionService;
import org.autocollections.observability.DecisionSpans;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cases kept in the service: the servicer stores a case, logs what happens on it as it happens, and asks for the
 * next action with the stored history. Every log call carries the servicer's own id, so a retry never counts twice.
 */
@Path("/api/v1/cases/{caseId}")
@Tag(name = "Stored cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SERVICER })
public class CaseResource {

    @Inject
    CaseReader reader;

    @Inject
    CaseStore store;

    @Inject
    HistoryLog history;

    @Inject
    DecisionService decisions;

    @Inject
    LanguageChoice languages;

    @Inject
    DecisionLedger ledger;

    @Inject
    DecisionSpans spans;

    @Inject
    java.time.Clock clock;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public record StoredView(String caseId, Instant createdAt, Instant updatedAt, long revision,
            @Schema(description = "The case as stored: the body of the PUT, without history.",
                    implementation = Object.class, type = SchemaType.OBJECT, additionalProperties = Schema.True.class)
            JsonNode caseData) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    public record DecisionSummary(String decisionId, Instant decidedAt, Instant asOf, String rulesetVersion,
            String nextAction) {
    }

    @PUT
    @Operation(operationId = "storeCase",
            summary = "Store a case", description = "The shape of a decision request without history: history is "
            + "logged through the contacts, legal-actions, plans, promises and payments endpoints.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CollectionCase.class)))
    @APIResponse(responseCode = "200", description = "The case was stored before and is now updated",
            content = @Content(schema = @Schema(implementation = StoredView.class)))
    @APIResponse(responseCode = "201", description = "The case is stored",
            content = @Content(schema = @Schema(implementation = StoredView.class)))
    public Response put(@PathParam("caseId") String caseId, JsonNode body) {
        if (body != null && body.isObject()) {
            ObjectNode object = (ObjectNode) body;
            if (object.has("history")) {
                throw new InvalidRequestException("history", Message.of("field.history-not-sent"));
            }
            if (!object.has("caseId")) {
                object.put("caseId", caseId);
            }
        }
        CollectionCase request = reader.read(body);
        if (!request.caseId().equals(caseId)) {
            throw new InvalidRequestException("caseId", Message.of("field.match-path", caseId));
        }
        boolean created = store.upsert(request);
        return Response.status(created ? 201 : 200).entity(view(caseId)).build();
    }

    @GET
    @Operation(operationId = "getCase", summary = "A stored case")
    public StoredView get(@PathParam("caseId") String caseId) {
        return view(caseId);
    }

    private StoredView view(String caseId) {
        StoredCase stored = store.find(caseId).orElseThrow(() -> new NotFoundException("No stored case " + caseId));
        try {
            return new StoredView(stored.caseId, stored.createdAt, stored.updatedAt, stored.revision, json.readTree(stored.snapshot));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @POST
    @Path("/contacts")
    @Operation(operationId = "logContact",
            summary = "Log a contact attempt", description = "201 when new; 200 when this attemptId was logged "
            + "before with the same details (a retry, counted once); 409 when it was logged with other details.")
    @APIResponse(responseCode = "200", description = "Logged before with the same details: a retry, counted once",
            content = @Content(schema = @Schema(implementation = LogRequests.Contact.class)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = LogRequests.Contact.class)))
    @APIResponse(responseCode = "409", description = "The id was logged before with other details")
    public Response contact(@PathParam("caseId") String caseId, @Valid @NotNull LogRequests.Contact log) {
        HistoryLog.Logged<ContactEntry> logged = history.log(ContactEntry.class, caseId, log.attemptId(), () -> {
            ContactEntry e = new ContactEntry();
            e.at = log.at().toInstant();
            e.channel = log.channel();
            e.outcome = log.outcome();
            e.purpose = log.purpose();
            return e;
        }, (a, b) -> a.at.equals(b.at) && a.channel == b.channel && a.outcome == b.outcome && a.purpose == b.purpose,
                e -> { });
        return created(logged, log);
    }

    @POST
    @Path("/legal-actions")
    @Operation(operationId = "logLegalAction",
            summary = "Log a legal action taken", description = "Idempotent on actionId.")
    @APIResponse(responseCode = "200", description = "Logged before with the same details: a retry, counted once",
            content = @Content(schema = @Schema(implementation = LogRequests.Legal.class)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = LogRequests.Legal.class)))
    @APIResponse(responseCode = "409", description = "The id was logged before with other details")
    public Response legal(@PathParam("caseId") String caseId, @Valid @NotNull LogRequests.Legal log) {
        HistoryLog.Logged<LegalEntry> logged = history.log(LegalEntry.class, caseId, log.actionId(), () -> {
            LegalEntry e = new LegalEntry();
            e.stage = log.stage();
            e.takenOn = log.on();
            return e;
        }, (a, b) -> a.stage == b.stage && a.takenOn.equals(b.takenOn), e -> { });
        return created(logged, log);
    }

    @POST
    @Path("/plans")
    @Operation(operationId = "logRepaymentPlan",
            summary = "Log a repayment plan, or its new status", description = "Idempotent on planId; the same "
            + "planId with a new status records the change.")
    @APIResponse(responseCode = "200", description = "Logged before with the same details: a retry, counted once",
            content = @Content(schema = @Schema(implementation = LogRequests.Plan.class)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = LogRequests.Plan.class)))
    @APIResponse(responseCode = "409", description = "The id was logged before with other details")
    public Response plan(@PathParam("caseId") String caseId, @Valid @NotNull LogRequests.Plan log) {
        HistoryLog.Logged<PlanEntry> logged = history.log(PlanEntry.class, caseId, log.planId(), () -> {
            PlanEntry e = new PlanEntry();
            e.type = log.type();
            e.startedOn = log.startedOn();
            e.status = log.status();
            return e;
        }, (a, b) -> a.type == b.type && a.startedOn.equals(b.startedOn), e -> e.status = log.status());
        return created(logged, log);
    }

    @POST
    @Path("/promises")
    @Operation(operationId = "logPromise",
            summary = "Log a promise to pay, or its outcome", description = "Idempotent on promiseId; send it "
            + "again as KEPT or BROKEN once its day has passed. Broken promises count in the decision.")
    @APIResponse(responseCode = "200", description = "Logged before with the same details: a retry, counted once",
            content = @Content(schema = @Schema(implementation = LogRequests.Promise.class)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = LogRequests.Promise.class)))
    @APIResponse(responseCode = "409", description = "The id was logged before with other details")
    public Response promise(@PathParam("caseId") String caseId, @Valid @NotNull LogRequests.Promise log) {
        HistoryLog.Logged<PromiseEntry> logged = history.log(PromiseEntry.class, caseId, log.promiseId(), () -> {
            PromiseEntry e = new PromiseEntry();
            e.madeAt = log.madeAt().toInstant();
            e.dueOn = log.dueOn();
            e.amount = log.amount();
            e.status = log.status();
            return e;
        }, (a, b) -> a.madeAt.equals(b.madeAt) && Objects.equals(a.dueOn, b.dueOn) && sameAmount(a.amount, b.amount),
                e -> e.status = log.status());
        return created(logged, log);
    }

    @POST
    @Path("/payments")
    @Operation(operationId = "logPayment", summary = "Log a payment received", description = "Idempotent on paymentId.")
    @APIResponse(responseCode = "200", description = "Logged before with the same details: a retry, counted once",
            content = @Content(schema = @Schema(implementation = LogRequests.Payment.class)))
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(schema = @Schema(implementation = LogRequests.Payment.class)))
    @APIResponse(responseCode = "409", description = "The id was logged before with other details")
    public Response payment(@PathParam("caseId") String caseId, @Valid @NotNull LogRequests.Payment log) {
        HistoryLog.Logged<PaymentEntry> logged = history.log(PaymentEntry.class, caseId, log.paymentId(), () -> {
            PaymentEntry e = new PaymentEntry();
            e.paidOn = log.on();
            e.amount = log.amount();
            return e;
        }, (a, b) -> a.paidOn.equals(b.paidOn) && sameAmount(a.amount, b.amount), e -> { });
        return created(logged, log);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Response created(HistoryLog.Logged<?> logged, Object body) {
        return Response.status(logged.created() ? 201 : 200).entity(body).build();
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "decideStoredCase",
            summary = "Decide a stored case with its stored history", description = "As of the service clock, or "
            + "of the asOf query parameter (a timestamp with offset). With ?trace=full, each reason is worded and "
            + "every rule fired is listed.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionAnswer.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active yet, or the decision cannot be recorded")
    public Object decide(@PathParam("caseId") String caseId, @QueryParam("asOf") String asOf,
            @Parameter(description = Trace.DESCRIPTION, schema = @Schema(enumeration = { "compact", "full" }))
            @QueryParam("trace") String traceParameter,
            @Parameter(description = Language.DESCRIPTION, schema = @Schema(enumeration = { "en", "zh-CN", "zh-TW" }))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Trace trace = Trace.of(traceParameter);
        languages.forAnswer(trace, lang, acceptLanguage, null);
        OffsetDateTime at;
        try {
            at = asOf == null ? clock.instant().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("asOf", Message.of("field.timestamp"));
        }
        spans.traceMode(trace);
        CollectionCase request = spans.caseRead(() -> store.asRequest(caseId, at));
        return trace.answer(decisions.decideStoredCase(request,
                languages.forAnswer(trace, lang, acceptLanguage, request.jurisdiction())));
    }

    @RolesAllowed({ Roles.SERVICER, Roles.AUDITOR })
    @GET
    @Path("/decisions")
    @Operation(operationId = "listCaseDecisions", summary = "The case's decisions, newest first")
    public Page<DecisionSummary> decisions(@PathParam("caseId") String caseId,
            @QueryParam("page") String pageParameter, @QueryParam("size") String sizeParameter) {
        int page = QueryParameters.whole("page", pageParameter, 0);
        int size = QueryParameters.whole("size", sizeParameter, 20);
        if (page < 0) {
            throw new InvalidRequestException("page", Message.of("field.zero-or-more"));
        }
        if (size < 1 || size > 200) {
            throw new InvalidRequestException("size", Message.of("field.between", 1, 200));
        }
        List<DecisionRecord> rows = ledger.history(caseId, page, size);
        return new Page<>(page, size, ledger.count(caseId), rows.stream()
                .map(r -> new DecisionSummary(r.decisionId, r.decidedAt, r.asOf, r.rulesetVersion, r.nextAction)).toList());
    }
}
