package org.autocollections.outcomes;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.autocollections.api.CsvAnswer;
import org.autocollections.api.QueryParameters;
import org.autocollections.bulk.CsvRows;
import org.autocollections.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolio/roll-rates")
@Tag(name = "Portfolio runs")
public class RollRateTrendResource {

    @Inject
    RollRateTrend trend;

    @RolesAllowed({ Roles.ANALYST, Roles.AUDITOR })
    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(operationId = "getRollRateTrend",
            summary = "The roll rates of the latest completed runs of the stored portfolio, oldest first, to chart",
            description = "One point per run and pair of buckets: of the cases in one bucket at the previous run, how "
                    + "many are in another now, and the share. limit: how many runs (default 12, at most 500). "
                    + "JSON by default; Accept: text/csv or format=csv for a CSV file.")
    @APIResponse(responseCode = "200", description = "The series, or the CSV file", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RollRateTrend.Point.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response trend(@QueryParam("limit") String limit, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        int runs = QueryParameters.limit(limit, 12, 500);
        boolean csv = CsvAnswer.wanted(format, headers);
        List<RollRateTrend.Point> points = trend.latest(runs);
        if (!csv) {
            return Response.ok(points, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(CsvRows.row("runId", "asOf", "previousRunId", "from", "to", "cases", "moved", "rate"));
            for (RollRateTrend.Point p : points) {
                writer.write(CsvRows.row(p.runId(), p.asOf().toString(), p.previousRunId(), p.from(), p.to(),
                        Long.toString(p.cases()), Long.toString(p.moved()), p.rate() == null ? null : p.rate().toPlainString()));
            }
            writer.flush();
        };
        return CsvAnswer.file(body, "roll-rates.csv");
    }
}
