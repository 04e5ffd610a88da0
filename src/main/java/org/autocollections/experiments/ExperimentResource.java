package org.autocollections.experiments;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;
import org.autocollections.api.Problem;
import org.autocollections.lifecycle.Actor;
import org.autocollections.lifecycle.StepNote;
import org.autocollections.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Champion/challenger experiments. Analysts propose, pause, stop and read them; approvers approve (never their own),
 * start, and promote an arm; docs/api.md#experiments.
 */
@Path("/api/v1/experiments")
@Tag(name = "Experiments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ANALYST, Roles.APPROVER })
public class ExperimentResource {

    private static final String EXAMPLE = """
            {"name": "SMS first in M1", "championShare": 80,
             "challengers": [{"arm": "sms-first", "version": "3f9c0d7e5a1b2c4d", "share": 10},
                             {"arm": "call-first", "version": "9a8b7c6d5e4f3a2b", "share": 10}],
             "segment": {"buckets": ["M1"], "jurisdictions": ["CN"]},
             "note": "does an SMS before the first call cure more M1 cases?"}""";

    @Inject
    ExperimentWorkflow workflow;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    /** The optional body of a step. */
    @Schema(name = "ExperimentNote")
    public record Note(@Schema(description = "Why, for the audit trail.") String note) {
    }

    /** The body of a promotion. */
    @Schema(name = "ExperimentPromotion")
    public record Promotion(@Schema(description = "The challenger whose version becomes active.", example = "sms-first") String arm,
            @Schema(description = "Why, for the audit trail.") String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ANALYST)
    @Operation(operationId = "createExperiment", summary = "Propose an experiment",
            description = "A champion (the version active when it starts) and one or more challengers (approved or "
                    + "retired versions) with their shares of the segment's cases, adding up to 100 %. A second person "
                    + "must approve it before it starts.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExperimentRequest.class),
            examples = @ExampleObject(name = "m1-sms-first", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The experiment, PROPOSED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(ExperimentRequest request) {
        ExperimentView created = workflow.create(request, actor());
        return Response.status(Response.Status.CREATED).entity(created)
                .header("Location", "/api/v1/experiments/" + created.id()).build();
    }

    @GET
    @Operation(operationId = "listExperiments", summary = "The experiments, newest first")
    @APIResponse(responseCode = "200", description = "The experiments, without their events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                            implementation = ExperimentView.class)))
    @APIResponse(responseCode = "400", description = "The status is not one of the experiments' statuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ExperimentView> list(@Parameter(description = "Only experiments in this status.",
            schema = @Schema(implementation = ExperimentStatus.class)) @QueryParam("status") String status) {
        return workflow.list(status == null ? null : status(status));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExperiment", summary = "An experiment with every step taken")
    @APIResponse(responseCode = "200", description = "The experiment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView get(@PathParam("id") String id) {
        return workflow.get(id(id));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "approveExperiment", summary = "Approve a proposed experiment",
            description = "Four eyes: whoever proposed it cannot approve it (403). Optional body {\"note\": \"...\"}.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The experiment, APPROVED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the caller proposed it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not possible in the experiment's status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView approve(@PathParam("id") String id, String body) {
        return workflow.approve(id(id), note(body), actor());
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "startExperiment", summary = "Start an approved experiment",
            description = "The version active now becomes the champion. Every arm's version must meet the golden "
                    + "corpus's compliance expectations (422 names the arm and the cases), and no other running or "
                    + "paused experiment may share a case of its segment (409 names it).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The experiment, RUNNING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "409", description = "Not APPROVED, or another live experiment's segment overlaps",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An arm fails the compliance expectations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView start(@PathParam("id") String id, String body) {
        return workflow.start(id(id), note(body), actor());
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "pauseExperiment", summary = "Pause a running experiment: every case gets the champion")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The experiment, PAUSED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "409", description = "Not RUNNING",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView pause(@PathParam("id") String id, String body) {
        return workflow.pause(id(id), note(body), actor());
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "resumeExperiment", summary = "Resume a paused experiment; each case keeps its arm")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The experiment, RUNNING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "409", description = "Not PAUSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView resume(@PathParam("id") String id, String body) {
        return workflow.resume(id(id), note(body), actor());
    }

    @POST
    @Path("/{id}/stop")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "stopExperiment", summary = "Stop an experiment for good",
            description = "Every case gets the champion again; the assignments stay for the outcomes.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(implementation = Note.class)))
    @APIResponse(responseCode = "200", description = "The experiment, STOPPED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "409", description = "Stopped already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView stop(@PathParam("id") String id, String body) {
        return workflow.stop(id(id), note(body), actor());
    }

    @POST
    @Path("/{id}/promote")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPROVER)
    @Operation(operationId = "promoteExperimentArm", summary = "Make a challenger's version the active one",
            description = "Through the ruleset lifecycle: an approved draft is activated, a retired version rolled back "
                    + "to. The approver must not be the experiment's proposer (403). The experiment stops.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Promotion.class)))
    @APIResponse(responseCode = "200", description = "The experiment, STOPPED, its last event naming the promotion",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class)))
    @APIResponse(responseCode = "400", description = "The arm is not one of its challengers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this, or the caller proposed it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not RUNNING or PAUSED, or the version is active already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView promote(@PathParam("id") String id, Promotion promotion) {
        if (promotion == null || promotion.arm() == null || promotion.arm().isBlank()) {
            throw new InvalidRequestException("arm", Message.of("field.experiment-promote-arm-required"));
        }
        return workflow.promote(id(id), promotion.arm(), promotion.note(), actor());
    }

    private Actor actor() {
        return Actor.of(identity);
    }

    private String note(String body) {
        return StepNote.read(json, body);
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ExperimentException.notFound(id);
        }
    }

    private static ExperimentStatus status(String status) {
        try {
            return ExperimentStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", Message.of("field.one-of", java.util.Arrays.toString(ExperimentStatus.values())));
        }
    }
}
