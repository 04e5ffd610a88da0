package org.autocollections.decisions;

import org.autocollections.api.Message;
import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Language;

import org.autocollections.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.DecisionRecord;
import org.autocollections.audit.DecisionReplay;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.api.LanguageChoice;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetVersionNotFoundException;
import org.autocollections.ruleset.RulesetVersions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The decision record: what was decided, from what, by which ruleset version; and a replay that proves it. */
@Path("/api/v1/decisions/{decisionId}")
@Tag(name = "Decision records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AUDITOR })
public class DecisionRecordResource {

    @Inject
    DecisionLedger ledger;

    @Inject
    DecisionEngine engine;

    @Inject
    RulesetVersions versions;

    @Inject
    ActiveRuleset active;

    @Inject
    CaseReader reader;

    @Inject
    ObjectMapper json;

    @Inject
    LanguageChoice languages;

    /**
     * {@code reproduced} and {@code differences} are there for a record that keeps only the conclusions: its
     * {@code response} is rebuilt by deciding the recorded request again, and they say whether the rebuilt conclusions
     * are the recorded ones. When they are not, {@code response} is what was recorded, without reasons' words or
     * fired rules, and {@code differences} lists what the rebuild gave instead.
     */
    public record RecordView(String decisionId, String caseId, Instant decidedAt, Instant asOf, String rulesetVersion,
            String nextAction, boolean storedCase, String requestId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String traceId,
            @Schema(description = "The case as it was received.", implementation = Object.class,
                    type = SchemaType.OBJECT, additionalProperties = Schema.True.class) JsonNode request,
            @Schema(description = "The decision as it was answered, in full.", implementation = Object.class,
                    type = SchemaType.OBJECT, additionalProperties = Schema.True.class) JsonNode response,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reproduced,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DecisionReplay.Difference> differences) {
    }

    public record ReplayView(String decisionId, String recordedVersion, String replayedVersion, boolean identical,
            List<DecisionReplay.Difference> differences, Decision replayed) {
    }

    @GET
    @Operation(operationId = "getDecisionRecord",
            summary = "A recorded decision", description = "The request as received, the ruleset version and the "
            + "time as recorded, and the response with its reasons and fired rules, as answered: rebuilt from the "
            + "recorded version when the record keeps only the conclusions, with reproduced=true when the rebuilt "
            + "conclusions are the recorded ones; otherwise reproduced=false, the recorded conclusions and the differences.")
    public RecordView get(@PathParam("decisionId") String decisionId,
            @Parameter(description = Language.DESCRIPTION + " A record keeps no words: they are given again, in the "
                    + "language asked for, by the rebuild; a record kept whole (before V9) shows its words as answered.",
                    schema = @Schema(enumeration = { "en", "zh-CN", "zh-TW" }))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) throws Exception {
        Language.chosen(lang, null, Language.EN); // a lang none of ours is refused before anything is read
        DecisionRecord row = find(decisionId);
        DecisionLedger.Recorded recorded = ledger.read(row);
        if (recorded.complete()) {
            return view(row, recorded, recorded.decision(), null, null);
        }
        Decision again;
        try {
            again = decideAgain(row, recorded, versions.get(row.rulesetVersion),
                    languages.chosen(lang, acceptLanguage, reader.read(recorded.request()).jurisdiction()));
        } catch (RulesetVersionNotFoundException | RulesetCompilationException e) {
            // the record still shows what was decided; that it could not be rebuilt is said, not hidden
            return view(row, recorded, identified(row, recorded.decision()), false, List.of(new DecisionReplay.Difference(
                    "/rulesetVersion", json.getNodeFactory().textNode(row.rulesetVersion), null)));
        }
        List<DecisionReplay.Difference> differences = DecisionReplay.differences(recorded.decision(),
                ledger.conclusions(again));
        if (!differences.isEmpty()) {
            return view(row, recorded, identified(row, recorded.decision()), false, differences);
        }
        Decision rebuilt = new Decision(again.caseId(), row.decisionId, row.decidedAt, again.rulesetVersion(),
                again.asOf(), again.overdue(), again.risk(), again.contact(), again.repaymentPlan(), again.legal(),
                again.nextAction(), again.reasons(), again.rulesFired());
        // through the text, as a response recorded whole is read, so the two kinds of record look alike
        return view(row, recorded, json.readTree(json.writeValueAsString(rebuilt)), true, null);
    }

    private static RecordView view(DecisionRecord row, DecisionLedger.Recorded recorded, JsonNode response,
            Boolean reproduced, List<DecisionReplay.Difference> differences) {
        return new RecordView(row.decisionId, row.caseId, row.decidedAt, row.asOf, row.rulesetVersion, row.nextAction,
                row.storedCase, row.requestId, row.traceId, recorded.request(), response, reproduced, differences);
    }

    /** The recorded conclusions under the record's identity, in the order of a decision's fields. */
    private JsonNode identified(DecisionRecord row, JsonNode conclusions) {
        com.fasterxml.jackson.databind.node.ObjectNode node = json.createObjectNode()
                .put("caseId", row.caseId).put("decisionId", row.decisionId)
                .put("decidedAt", row.decidedAt.toString()).put("rulesetVersion", row.rulesetVersion)
                .put("asOf", row.asOf.toString());
        node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) conclusions);
        return node;
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayDecision", summary = "Decide the recorded input again and compare",
            description = "With ruleset=recorded (the default) the recorded version is rebuilt from its archived files: "
                    + "an identical answer proves the decision reproducible. With ruleset=active the serving version "
                    + "decides, showing what a policy change would alter. Nothing is recorded.")
    @APIResponse(responseCode = "200", description = "The decision made again, and how it differs from the record",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "422", description = "The recorded version's archived files no longer compile")
    @APIResponse(responseCode = "503", description = "ruleset=active and no ruleset is active yet")
    public ReplayView replay(@PathParam("decisionId") String decisionId,
            @QueryParam("ruleset") @DefaultValue("recorded") String which) throws Exception {
        if (!which.equals("recorded") && !which.equals("active")) {
            throw new InvalidRequestException("ruleset", Message.of("field.ruleset-choice"));
        }
        DecisionRecord row = find(decisionId);
        Ruleset ruleset = which.equals("active") ? active.current() : versions.get(row.rulesetVersion);
        DecisionLedger.Recorded recorded = ledger.read(row);
        Decision replayed = decideAgain(row, recorded, ruleset, Language.EN);
        List<DecisionReplay.Difference> differences = DecisionReplay.differences(recorded.decision(),
                recorded.complete() ? json.valueToTree(replayed) : ledger.conclusions(replayed));
        return new ReplayView(decisionId, row.rulesetVersion, ruleset.version(), differences.isEmpty(), differences, replayed);
    }

    /** The recorded request decided again by the ruleset, as of the recorded instant. */
    private Decision decideAgain(DecisionRecord row, DecisionLedger.Recorded recorded, Ruleset ruleset, Language language) {
        CollectionCase request = reader.read(recorded.request());
        CollectionCase asRecorded = new CollectionCase(request.caseId(),
                row.asOf.atOffset(java.time.ZoneOffset.UTC), request.jurisdiction(), request.borrower(),
                request.loan(), request.collateral(), request.history());
        return engine.decide(asRecorded, ruleset, language);
    }

    @jakarta.ws.rs.DELETE
    @Operation(hidden = true)
    public void delete() {
        throw refused();
    }

    /** Takes whatever body is sent, so that the answer is this 405 rather than a complaint about the body. */
    @jakarta.ws.rs.PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public void put(String body) {
        throw refused();
    }

    @jakarta.ws.rs.PATCH
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public void patch(String body) {
        throw refused();
    }

    /** Decision records are append-only: said explicitly, so a client learns it from the answer. */
    private static jakarta.ws.rs.NotAllowedException refused() {
        return new jakarta.ws.rs.NotAllowedException("A decision record is never changed or deleted", "GET", new String[] {"POST"});
    }

    private DecisionRecord find(String decisionId) {
        return ledger.find(decisionId).orElseThrow(() -> new NotFoundException("No decision " + decisionId));
    }
}
