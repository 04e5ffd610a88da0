package org.autocollections.simulation;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.autocollections.api.Message;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.QueryParameters;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetVersions;
import org.autocollections.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/rulesets/simulations")
@Tag(name = "Ruleset simulations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.DEVELOPER })
public class SimulationResource {

    private static final int MAX_SAMPLE = 10_000_000;

    @Inject
    SimulationRunner runner;

    @Inject
    SimulationStore store;

    @Inject
    ChangedCases changes;

    @Inject
    RulesetVersions versions;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Schema(name = "SimulationRequest")
    public record StartRequest(
            @Schema(description = "The ruleset version to try: a draft or any kept version.", required = true,
                    example = "3f9c0d7e5a1b2c4d") String candidate,
            @Schema(description = "The version to compare it with; by default the active one.") String baseline,
            @Schema(description = "Decide a deterministic sample of this many stored cases; by default all of them.",
                    example = "10000") Integer sample,
            @Schema(description = "The instant both rulesets decide every case as of; by default now.") OffsetDateTime asOf,
            @Schema(description = "Cases per chunk (and per commit), 1-5000; by default 500.") Integer chunkSize) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startSimulation",
            summary = "Simulate a candidate ruleset against the baseline on the stored cases",
            description = "Decides every stored case (or a sample) with both rulesets as of one instant, in the "
                    + "background; answers 202 at once with the simulation's status. Nothing is recorded as a decision. "
                    + "One simulation runs at a time: 409 while another runs.")
    @APIResponse(responseCode = "202", description = "The simulation, started",
            content = @Content(schema = @Schema(implementation = SimulationStatus.class)))
    @APIResponse(responseCode = "404", description = "No such ruleset version")
    @APIResponse(responseCode = "409", description = "Another simulation is running")
    @APIResponse(responseCode = "422", description = "A version's files no longer compile")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet to compare with")
    public Response start(StartRequest request) throws Exception {
        StartRequest r = request == null ? new StartRequest(null, null, null, null, null) : request;
        if (r.sample() != null && (r.sample() < 1 || r.sample() > MAX_SAMPLE)) {
            throw new InvalidRequestException("sample", Message.of("field.between", 1, MAX_SAMPLE));
        }
        if (r.chunkSize() != null && (r.chunkSize() < 1 || r.chunkSize() > 5000)) {
            throw new InvalidRequestException("chunkSize", Message.of("field.between", 1, 5000));
        }
        Ruleset candidate = versions.require("candidate", r.candidate(), false);
        Ruleset baseline = versions.require("baseline", r.baseline(), true);
        SimulationSpec spec = new SimulationSpec(candidate, baseline,
                r.asOf() == null ? clock.instant() : r.asOf().toInstant(), r.sample(),
                r.chunkSize() == null ? 0 : r.chunkSize(),
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
        Simulation simulation = runner.start(spec);
        return Response.accepted(status(simulation.simulationId))
                .location(URI.create("/api/v1/rulesets/simulations/" + simulation.simulationId)).build();
    }

    @GET
    @Operation(operationId = "listSimulations",
            summary = "The latest simulations, newest first (without their reports)")
    public List<SimulationStatus> recent(@QueryParam("limit") String limitParameter) {
        int limit = QueryParameters.limit(limitParameter, 20, 500);
        return store.recent(limit).stream().map(runner::settle)
                .map(s -> SimulationStatus.of(s, runner.progress(s.simulationId), null)).toList();
    }

    @GET
    @Path("{simulationId}")
    @Operation(operationId = "getSimulation",
            summary = "A simulation's progress (done, rate, time left) and, once it has ended, its report")
    public SimulationStatus status(@PathParam("simulationId") String simulationId) {
        Simulation s = runner.settle(find(simulationId));
        return SimulationStatus.of(s, runner.progress(simulationId), store.report(s));
    }

    @POST
    @Path("{simulationId}/cancel")
    @Operation(operationId = "cancelSimulation", summary = "Cancel a simulation: it stops after its current chunk",
            description = "The report then covers the cases done until it stopped. 409 if it has already ended.")
    @APIResponse(responseCode = "202", description = "The simulation, cancelling",
            content = @Content(schema = @Schema(implementation = SimulationStatus.class)))
    @APIResponse(responseCode = "409", description = "The simulation has already ended")
    public Response cancel(@PathParam("simulationId") String simulationId) throws InterruptedException {
        find(simulationId);
        if (!store.cancel(simulationId)) {
            throw new SimulationConflictException(Message.of("simulation-conflict.detail.ended", simulationId));
        }
        return Response.accepted(status(simulationId)).build();
    }

    @GET
    @Path("{simulationId}/changes")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(operationId = "listSimulationChanges",
            summary = "The cases whose decision the candidate changes, in case-id order",
            description = "JSON by default (limit at most 10,000, default 100); Accept: text/csv or format=csv gives "
                    + "a CSV file of every changed case (or of limit rows), streamed.")
    @APIResponse(responseCode = "200", description = "A page of the changed cases, or the CSV file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CaseChange.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response changes(@PathParam("simulationId") String simulationId, @QueryParam("format") String format,
            @QueryParam("limit") String limitParameter, @QueryParam("offset") String offsetParameter,
            @Context HttpHeaders headers) {
        Simulation s = find(simulationId);
        int offset = QueryParameters.whole("offset", offsetParameter, 0);
        Integer limit = QueryParameters.whole("limit", limitParameter, null);
        if (offset < 0) {
            throw new InvalidRequestException("offset", Message.of("field.not-negative"));
        }
        boolean csv = format != null ? csv(format) : headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.valueOf("text/csv")) && !m.isWildcardType());
        if (csv) {
            int rows = limit == null ? Integer.MAX_VALUE : checkLimit(limit, Integer.MAX_VALUE);
            StreamingOutput body = out -> changes.csv(s.simulationId, offset, rows, out);
            return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"simulation-" + s.simulationId + "-changes.csv\"").build();
        }
        int rows = limit == null ? 100 : checkLimit(limit, 10_000);
        return Response.ok(changes.page(s.simulationId, offset, rows), MediaType.APPLICATION_JSON).build();
    }

    private Simulation find(String simulationId) {
        return store.find(simulationId).orElseThrow(() -> new SimulationNotFoundException(simulationId));
    }

    private static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidRequestException("limit", Message.of("field.between", 1, max));
        }
        return limit;
    }

    private static boolean csv(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new InvalidRequestException("format", Message.of("field.json-or-csv"));
        };
    }
}
