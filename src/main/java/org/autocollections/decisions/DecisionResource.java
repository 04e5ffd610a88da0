package org.autocollections.decisions;

import org.autocollections.api.Message;
import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Language;
import org.autocollections.api.Problem;

import org.autocollections.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.DecisionAnswer;
import org.autocollections.api.Trace;
import org.autocollections.observability.DecisionSpans;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.api.LanguageChoice;
import org.autocollections.ruleset.Ruleset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Decisions on cases sent in full. The body is read as a JSON tree and then as a case, so that every error names
 * its field in one consistent way, and so that a batch can keep going past a bad case.
 */
@Path("/api/v1/decisions")
@Tag(name = "Decisions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SERVICER })
public class DecisionResource {

    @Inject
    CaseReader reader;

    @Inject
    DecisionService decisions;

    @Inject
    ActiveRuleset active;

    @Inject
    DecisionSpans spans;

    @Inject
    LanguageChoice languages;

    @POST
    @Operation(operationId = "decide",
            summary = "Decide one case", description = "Returns the next action for the case, with the "
            + "conclusions of each decision area and the rules and table rows behind them. With ?trace=full, each "
            + "reason is worded and every rule fired is listed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollectionCase.class)))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionAnswer.class)))
    @APIResponse(responseCode = "400", description = "The case or the trace parameter is invalid; the problem names "
            + "each field at fault",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over the size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active yet, or the decision cannot be recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object decide(@Parameter(description = Trace.DESCRIPTION, schema = @Schema(enumeration = { "compact", "full" }))
            @QueryParam("trace") String traceParameter,
            @Parameter(description = Language.DESCRIPTION, schema = @Schema(enumeration = { "en", "zh-CN", "zh-TW" }))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, JsonNode body) {
        Trace trace = Trace.of(traceParameter);
        spans.traceMode(trace);
        CollectionCase request = spans.caseRead(() -> reader.read(body));
        return trace.answer(decisions.decideSentCase(request,
                languages.forAnswer(trace, lang, acceptLanguage, request.jurisdiction())));
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "decideBatch",
            summary = "Decide up to 1,000 cases", description = "Decides every case with the same ruleset "
            + "version and answers in request order. A case that is invalid gets a problem in its entry; the other "
            + "cases are still decided. With ?trace=full, each decision is given in full.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchRequest.class)))
    @APIResponse(responseCode = "200", description = "One entry per case",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a batch, holds more than 1,000 cases, or the trace "
            + "parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active yet, or the decisions cannot be recorded")
    public BatchResponse batch(@Parameter(description = Trace.DESCRIPTION, schema = @Schema(enumeration = { "compact", "full" }))
            @QueryParam("trace") String traceParameter,
            @Parameter(description = Language.DESCRIPTION, schema = @Schema(enumeration = { "en", "zh-CN", "zh-TW" }))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, JsonNode body) {
        Trace trace = Trace.of(traceParameter);
        languages.forAnswer(trace, lang, acceptLanguage, null); // a bad lang is refused before any case is read
        spans.traceMode(trace);
        JsonNode cases = body == null ? null : body.get("cases");
        if (cases == null || !cases.isArray()) {
            throw new InvalidRequestException("cases", Message.of("field.cases-array"));
        }
        if (cases.isEmpty() || cases.size() > BatchRequest.MAX_CASES) {
            throw new InvalidRequestException("cases", Message.of("field.cases-count", BatchRequest.MAX_CASES, cases.size()));
        }
        Ruleset ruleset = active.current();
        List<CollectionCase> valid = new ArrayList<>(cases.size());
        Problem[] problems = new Problem[cases.size()];
        spans.caseRead(() -> {
            for (int i = 0; i < cases.size(); i++) {
                try {
                    valid.add(reader.read(cases.get(i)));
                } catch (InvalidRequestException e) {
                    problems[i] = e.problem().at("/api/v1/decisions/batch#/cases/" + i);
                }
            }
            return valid;
        });
        Iterator<Decision> decided = (trace.worded()
                ? decisions.decideAll(valid, ruleset, c -> languages.forAnswer(trace, lang, acceptLanguage, c.jurisdiction()))
                : decisions.decideAll(valid, ruleset)).iterator();
        List<BatchResponse.Entry> results = new ArrayList<>(cases.size());
        int failed = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonNode node = cases.get(i);
            String caseId = node.path("caseId").isTextual() ? node.get("caseId").asText() : null;
            if (problems[i] != null) {
                failed++;
                results.add(new BatchResponse.Entry(i, caseId, null, problems[i]));
            } else {
                results.add(new BatchResponse.Entry(i, caseId, trace.answer(decided.next()), null));
            }
        }
        return new BatchResponse(ruleset.version(), cases.size() - failed, failed, results);
    }

}
