package org.autocollections.lifecycle;

import org.autocollections.api.Problem;
import org.autocollections.api.QueryParameters;

import org.autocollections.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.ActivationLog;
import org.autocollections.ruleset.RulesetActivator;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.api.RulesetProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/rulesets")
@Tag(name = "Rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RulesetResource {

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetActivator activator;

    @Inject
    ActivationLog log;

    @Inject
    PolicyConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ApprovalWorkflow workflow;

    @Inject
    DraftResource drafts;

    @Schema(name = "ActiveRuleset")
    public record ActiveView(
            @Schema(description = "First 16 hex digits of the digest; every decision names it.") String version,
            @Schema(description = "SHA-256 over every file's path and content.") String digest,
            Instant loadedAt, String origin, String ruleModel, int ruleCount, long compileMillis,
            List<Ruleset.FileEntry> files, List<RulesetProblem> warnings) {

        static ActiveView of(Ruleset r, String model) {
            return new ActiveView(r.version(), r.digest(), r.loadedAt(), r.origin(), model, r.ruleCount(),
                    r.compileMillis(), r.files(), r.warnings());
        }
    }

    @Schema(name = "RulesetActivation")
    public record ActivationView(String version, String digest, Instant activatedAt, String origin, String ruleModel,
            int ruleCount) {
    }

    @RolesAllowed("**")
    @GET
    @Path("/active")
    @Operation(operationId = "getActiveRuleset",
            summary = "The ruleset deciding now", description = "Its version, files and when it was loaded.")
    @APIResponse(responseCode = "200", description = "The active ruleset",
            content = @Content(schema = @Schema(implementation = ActiveView.class)))
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public ActiveView current() {
        return ActiveView.of(active.current(), config.model().name());
    }

    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR })
    @GET
    @Path("/activations")
    @Operation(operationId = "listActivations",
            summary = "Ruleset activations, newest first", description = "Which version served from when.")
    public List<ActivationView> activations(@QueryParam("limit") String limitParameter) {
        int limit = QueryParameters.limit(limitParameter, 50, 1000);
        return log.newestFirst(limit).stream().map(a -> new ActivationView(a.version, a.digest, a.activatedAt,
                a.origin, a.ruleModel, a.ruleCount)).toList();
    }

    @RolesAllowed({ Roles.APPROVER })
    @POST
    @Path("/reload")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "reloadRuleset", summary = "Recompile the rules and tables from their folders",
            description = "Builds a new ruleset beside the serving one and swaps it in only if it compiles. "
                    + "A ruleset with errors is refused with each error's file, sheet, row and column; the active "
                    + "ruleset keeps serving.")
    @APIResponse(responseCode = "200", description = "The new active ruleset",
            content = @Content(schema = @Schema(implementation = ActiveView.class)))
    @APIResponse(responseCode = "422", description = "The files do not compile; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActiveView reload() throws RulesetCompilationException {
        return ActiveView.of(activator.reload("reload by " + identity.getPrincipal().getName()), config.model().name());
    }

    @RolesAllowed({ Roles.APPROVER })
    @POST
    @Path("/{version}/activate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rollbackRuleset", summary = "Roll back: make a version that served before active again",
            description = "One call, for any retired version (GET /api/v1/rulesets/drafts?status=RETIRED lists them). "
                    + "Optional body {\"note\": \"why\"}; the step is kept in the audit trail.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(implementation = DraftResource.Note.class)))
    @APIResponse(responseCode = "200", description = "The version's draft, active again",
            content = @Content(schema = @Schema(implementation = DraftResource.DraftView.class)))
    @APIResponse(responseCode = "409", description = "The version is the active one, or never served")
    public DraftResource.DraftView rollback(@PathParam("version") String version, String body) {
        return drafts.view(workflow.rollback(version, drafts.note(body), Actor.of(identity)));
    }

    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER })
    @GET
    @Path("/events")
    @Operation(operationId = "listLifecycleEvents", summary = "The lifecycle's audit trail, newest first",
            description = "Every change of a draft's status: who, when, from and to which status, and the note.")
    public List<LifecycleEventView> events(@QueryParam("limit") String limitParameter) {
        int limit = QueryParameters.limit(limitParameter, 100, 1000);
        return RulesetEvent.<RulesetEvent>findAll(Sort.descending("id")).page(Page.ofSize(limit)).list().stream()
                .map(e -> new LifecycleEventView(e.draftId, e.version, e.fromStatus, e.toStatus, e.actor, e.at, e.note))
                .toList();
    }

    @Schema(name = "LifecycleEvent")
    public record LifecycleEventView(long draftId, String version, DraftStatus from, DraftStatus to, String actor,
            Instant at, String note) {
    }
}
