package org.autocollections.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.autocollections.api.CaseReader;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Language;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.api.LanguageChoice;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetVersions;
import org.autocollections.security.Roles;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An analyst tries a case on a version (a draft, the active one, a retired one) and sees the decision it would make
 * and why. Nothing is recorded: a trial decides nothing about a borrower, and the decision records stay those the
 * servicing system asked for.
 */
@Path("/api/v1/rulesets/{version}/decisions")
@Tag(name = "Ruleset lifecycle")
public class TrialDecisionResource {

    @Inject
    CaseReader reader;

    @Inject
    DecisionEngine engine;

    @Inject
    RulesetVersions versions;

    @Inject
    LanguageChoice languages;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.DEVELOPER })
    @Operation(operationId = "tryDecision", summary = "Try a case on a version, unrecorded",
            description = "The same case and decision as POST /api/v1/decisions, decided by the named version (a "
                    + "validated draft, the active version or an earlier one). No decision record is written.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollectionCase.class)))
    @APIResponse(responseCode = "200", description = "The decision the version makes, in full",
            content = @Content(schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "422", description = "The version's files no longer compile")
    public Decision decide(@PathParam("version") String version,
            @Parameter(description = Language.DESCRIPTION, schema = @Schema(enumeration = { "en", "zh-CN", "zh-TW" }))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, JsonNode body)
            throws RulesetCompilationException {
        languages.chosen(lang, acceptLanguage, null); // a bad lang is refused before the case is read
        CollectionCase request = reader.read(body);
        // a draft with errors was never kept as a ruleset, so it is a version not found (404) until it is fixed
        return engine.decide(request, versions.require("version", version, false),
                languages.chosen(lang, acceptLanguage, request.jurisdiction()));
    }
}
