package org.autocollections.scoring;

import java.util.Arrays;

import org.autocollections.api.Message;
import org.autocollections.bulk.Shard;
import org.autocollections.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.autocollections.api.CsvAnswer;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.QueryParameters;
import org.autocollections.api.NextActionType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/v1/portfolio/runs")
@Tag(name = "Portfolio runs")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioRunResource {

    @Inject
    PortfolioRuns runs;

    @Inject
    RunStore store;

    @Inject
    WorkList workList;

    @Inject
    RunSummaries summaries;

    @Inject
    ObjectMapper json;

    @Schema(name = "PortfolioRunRequest", description = "All fields are optional.")
    public record StartRequest(
            @Schema(description = "Resume or join this run; by default a new run is started.", example = "nightly-2026-11-29")
            String runId,
            @Schema(description = "The instant to decide every case as of; by default now.") OffsetDateTime asOf,
            @Schema(description = "The part of the portfolio this service scores, i/N.", example = "0/1") String shard,
            @Schema(description = "Cases per chunk (and per commit), 1-5000.", example = "500") Integer chunkSize) {
    }

    @RolesAllowed({ Roles.BATCH })
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startPortfolioRun", summary = "Score every stored case with the active ruleset",
            description = "Starts a run (or resumes one, given its runId) in the background and answers 202 at once; "
                    + "follow it with GET. Each decision is recorded like any other, with the run's id.")
    @APIResponse(responseCode = "202", description = "The run, started or resumed",
            content = @Content(schema = @Schema(implementation = RunStatus.class)))
    @APIResponse(responseCode = "409", description = "The run named has already ended")
    @APIResponse(responseCode = "503", description = "No ruleset is active yet")
    public Response start(StartRequest request) {
        StartRequest r = request == null ? new StartRequest(null, null, null, null) : request;
        Shard shard;
        try {
            shard = r.shard() == null ? Shard.WHOLE : Shard.parse(r.shard());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("shard", Message.verbatim(e.getMessage()));
        }
        if (r.runId() != null && !r.runId().matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new InvalidRequestException("runId", Message.of("field.run-id"));
        }
        if (r.chunkSize() != null && (r.chunkSize() < 1 || r.chunkSize() > 5000)) {
            throw new InvalidRequestException("chunkSize", Message.of("field.between", 1, 5000));
        }
        RunSpec spec = new RunSpec(r.runId(), null, null, null, null, shard, r.asOf() == null ? null : r.asOf().toInstant(),
                r.chunkSize() == null ? 0 : r.chunkSize(), 0, false);
        RunStore.Claim claim = runs.start(spec);
        String runId = claim.run().runId;
        return Response.accepted(status(runId)).location(URI.create("/api/v1/portfolio/runs/" + runId)).build();
    }

    @RolesAllowed({ Roles.BATCH, Roles.SERVICER, Roles.AUDITOR })
    @GET
    @Operation(operationId = "listPortfolioRuns", summary = "The latest runs, newest first")
    public List<RunStatus> recent(@QueryParam("limit") String limitParameter) {
        int limit = QueryParameters.limit(limitParameter, 20, 500);
        return store.recent(limit).stream().map(run -> RunStatus.of(run, store.shards(run.runId))).toList();
    }

    @RolesAllowed({ Roles.BATCH, Roles.SERVICER, Roles.AUDITOR })
    @GET
    @Path("{runId}")
    @Operation(operationId = "getPortfolioRun", summary = "A run's progress: cases done, rate and time left")
    public RunStatus status(@PathParam("runId") String runId) {
        PortfolioRun run = store.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        return RunStatus.of(run, store.shards(runId));
    }

    @RolesAllowed({ Roles.BATCH })
    @POST
    @Path("{runId}/cancel")
    @Operation(operationId = "cancelPortfolioRun", summary = "Cancel a run: every shard stops after its current chunk",
            description = "Chunks already committed stay; a cancelled run cannot be resumed. 409 if the run has ended.")
    @APIResponse(responseCode = "202", description = "The run, cancelling",
            content = @Content(schema = @Schema(implementation = RunStatus.class)))
    @APIResponse(responseCode = "409", description = "The run has already ended")
    public Response cancel(@PathParam("runId") String runId) {
        if (!store.cancel(runId)) {
            throw new RunConflictException(Message.of("run-conflict.detail.ended", runId));
        }
        return Response.accepted(status(runId)).build();
    }

    @RolesAllowed({ Roles.BATCH, Roles.SERVICER, Roles.AUDITOR })
    @GET
    @Path("{runId}/summary")
    @Operation(operationId = "getPortfolioRunSummary",
            summary = "What the run found: cases by bucket, classification, rating and next action; exposure, "
            + "expected loss and the roll rates since the previous run",
            description = "For a run still going, the figures so far.")
    public RunSummary summary(@PathParam("runId") String runId) throws Exception {
        PortfolioRun run = store.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.summary != null) {
            return json.readValue(run.summary, RunSummary.class);
        }
        return summaries.current(runId);
    }

    @RolesAllowed({ Roles.BATCH, Roles.SERVICER })
    @GET
    @Path("{runId}/worklist")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(operationId = "getWorkList",
            summary = "The run's cases with a next action, most urgent first (priority, then exposure)",
            description = "JSON by default; Accept: text/csv or format=csv gives a CSV file of the whole list "
                    + "(or of limit rows).")
    @APIResponse(responseCode = "200", description = "A page of the work list, or the CSV file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WorkList.Entry.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response workList(@PathParam("runId") String runId, @QueryParam("action") String action,
            @QueryParam("limit") String limitParameter, @QueryParam("offset") String offsetParameter,
            @QueryParam("format") String format, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        PortfolioRun run = store.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        String type = action == null ? null : nextAction(action);
        int offset = QueryParameters.whole("offset", offsetParameter, 0);
        Integer limit = QueryParameters.whole("limit", limitParameter, null);
        if (offset < 0) {
            throw new InvalidRequestException("offset", Message.of("field.not-negative"));
        }
        if (CsvAnswer.wanted(format, headers)) {
            int rows = limit == null ? Integer.MAX_VALUE : checkLimit(limit, Integer.MAX_VALUE);
            StreamingOutput body = out -> workList.csv(run.runId, type, offset, rows, out);
            String name = run.runId + "-worklist" + (type == null ? "" : "-" + type.toLowerCase(Locale.ROOT)) + ".csv";
            return CsvAnswer.file(body, name);
        }
        int rows = limit == null ? 100 : checkLimit(limit, 10_000);
        return Response.ok(workList.page(run.runId, type, offset, rows), MediaType.APPLICATION_JSON).build();
    }

    private static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new InvalidRequestException("limit", Message.of("field.between", 1, max));
        }
        return limit;
    }

    private static String nextAction(String action) {
        try {
            return NextActionType.valueOf(action.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("action", Message.of("field.one-of", Arrays.toString(NextActionType.values())));
        }
    }
}
