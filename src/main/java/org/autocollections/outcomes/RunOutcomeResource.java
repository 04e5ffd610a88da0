package org.autocollections.outcomes;

import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import org.autocollections.api.CsvAnswer;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;
import org.autocollections.lifecycle.Actor;
import org.autocollections.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/portfolio/runs/{runId}")
@Tag(name = "Portfolio runs")
public class RunOutcomeResource {

    @Inject
    RunOutcomes outcomes;

    @Inject
    java.time.Clock clock;

    @Inject
    RiskBandCalibration calibration;

    @Inject
    SecurityIdentity identity;

    @RolesAllowed({ Roles.ANALYST, Roles.AUDITOR })
    @GET
    @Path("outcomes")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(operationId = "getPortfolioRunOutcomes",
            summary = "How the run's cases fared in the window after it, by next action, channel, script, bucket or rating",
            description = "Cure, roll-forward, promise-kept and right-party-contact rates with 95 % Wilson intervals, "
                    + "collected share and contacts per case, from the history logged by asOf (default now; give it "
                    + "to get the same report again). JSON by default; Accept: text/csv or format=csv for a CSV file.")
    @APIResponse(responseCode = "200", description = "The report, or the CSV file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunOutcomeReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response outcomes(@PathParam("runId") String runId,
            @Parameter(schema = @Schema(enumeration = { "P30D", "P60D", "P90D" }, defaultValue = "P30D"))
            @QueryParam("window") String window,
            @Parameter(description = "Only what was logged by this instant counts.", example = "2026-12-01T00:00:00Z")
            @QueryParam("asOf") String asOf,
            @Parameter(schema = @Schema(enumeration = { "action", "channel", "script", "bucket", "rating" }, defaultValue = "action"))
            @QueryParam("by") String by,
            @Parameter(schema = @Schema(enumeration = { "json", "csv" })) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        RunGrouping grouping = RunGrouping.of(by);
        Period period = ReportQuery.window(window, Period.ofDays(30));
        Instant at = ReportQuery.asOf(asOf, clock);
        boolean csv = CsvAnswer.wanted(format, headers);
        RunOutcomeReport report = outcomes.report(runId, period, at, grouping);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = out -> RunOutcomeCsv.write(report, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return CsvAnswer.file(body, report.runId() + "-outcomes-" + grouping.label() + "-" + period + ".csv");
    }

    @RolesAllowed({ Roles.ANALYST })
    @POST
    @Path("calibration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "calibrateRiskBands",
            summary = "Each risk band's observed default rate after the run against its PD; a draft of the "
                    + "risk-rating table with revised PDs where a PD lies outside the observed rate's interval",
            description = "A case counts as in default when over 90 days past due at the window's end (M4 and "
                    + "beyond). Rates carry 95 % Wilson intervals. The draft goes through the usual lifecycle: "
                    + "validated now, approved and activated by people; its note says what was observed. 201 with the "
                    + "draft's Location when one was made, 200 when none was (noDraft says why).")
    @APIResponse(responseCode = "200", description = "The calibration; no draft",
            content = @Content(schema = @Schema(implementation = RiskBandCalibration.Calibration.class)))
    @APIResponse(responseCode = "201", description = "The calibration and the draft it made",
            content = @Content(schema = @Schema(implementation = RiskBandCalibration.Calibration.class)))
    public Response calibrate(@PathParam("runId") String runId,
            @Parameter(schema = @Schema(enumeration = { "P30D", "P60D", "P90D" }, defaultValue = "P90D"))
            @QueryParam("window") String window,
            @Parameter(description = "Only what was logged by this instant counts.", example = "2026-12-01T00:00:00Z")
            @QueryParam("asOf") String asOf) {
        RiskBandCalibration.Calibration found = calibration.calibrate(runId, ReportQuery.window(window, Period.ofDays(90)),
                ReportQuery.asOf(asOf, clock), new Actor(identity.getPrincipal().getName(), identity.getRoles()));
        if (found.draftId() == null) {
            return Response.ok(found, MediaType.APPLICATION_JSON).build();
        }
        return Response.created(URI.create("/api/v1/rulesets/drafts/" + found.draftId()))
                .entity(found).type(MediaType.APPLICATION_JSON).build();
    }
}
