package org.autocollections.experiments;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Period;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;
import org.autocollections.api.Problem;
import org.autocollections.api.CsvAnswer;
import org.autocollections.outcomes.OutcomeCsv;
import org.autocollections.outcomes.OutcomeReport;
import org.autocollections.outcomes.OutcomeReports;
import org.autocollections.outcomes.ReportQuery;
import org.autocollections.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What became of each arm's cases: the outcomes of the cases the experiment assigned, over an observation window from
 * each case's first assignment, as of an instant (so the same question always gets the same report), with the
 * challengers' differences from the champion and a verdict.
 */
@Path("/api/v1/experiments/{id}/report")
@Tag(name = "Experiments")
@RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR })
public class ExperimentReportResource {

    /** Cases read and measured at a time: a page's cases, their stored loans and their history are held, no more. */
    static final int PAGE = 10_000;

    @Inject
    ExperimentWorkflow workflow;

    @Inject
    ExperimentAssignments assignments;

    @Inject
    OutcomeReports reports;

    @Inject
    Clock clock;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(operationId = "getExperimentReport", summary = "Each arm's outcomes and the challengers' differences",
            description = "Cure, roll-forward, collected share, promise-kept, right-party-contact rates and contacts "
                    + "per case of each arm's cases over the window from their first assignment, counted from the "
                    + "logged history up to asOf (default: now); each challenger against the champion with 95 % "
                    + "intervals and a verdict in en, zh-CN and zh-TW. Accept: text/csv or format=csv gives CSV. "
                    + "See docs/outcomes.md.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such experiment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("id") String id,
            @QueryParam("window") @Schema(enumeration = { "P30D", "P60D", "P90D" }, defaultValue = "P30D") String window,
            @QueryParam("asOf") @Schema(description = "a timestamp with offset; default now") String asOf,
            @QueryParam("liftPoints") @Schema(description = "a lift in cure rate, in percentage points, to size the arms for") String liftPoints,
            @QueryParam("format") @Schema(enumeration = { "json", "csv" }) String format,
            @Context HttpHeaders headers) {
        long experimentId = ExperimentResource.id(id);
        ExperimentView experiment = workflow.get(experimentId);
        OutcomeReport report = reports.report(assignments.pages(experimentId, PAGE),
                experiment.arms().stream().map(ExperimentView.Arm::arm).toList(), ExperimentWorkflow.CHAMPION,
                ReportQuery.window(window, Period.ofDays(30)), ReportQuery.asOf(asOf, clock), lift(liftPoints));
        if (!CsvAnswer.wanted(format, headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            OutcomeCsv.write(report, writer);
            writer.flush();
        };
        return CsvAnswer.file(body, "experiment-" + experiment.id() + "-report.csv");
    }

    private static Optional<BigDecimal> lift(String lift) {
        if (lift == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(lift.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("liftPoints", Message.of("field.number"));
        }
    }
}
