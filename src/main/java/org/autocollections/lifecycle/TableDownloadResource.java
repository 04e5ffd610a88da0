package org.autocollections.lifecycle;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.ruleset.RulesetVersionNotFoundException;
import org.autocollections.ruleset.Wording;
import org.autocollections.security.Roles;
import org.autocollections.tables.TableConverter;
import org.autocollections.tables.TableFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A table of any kept version or draft, as a workbook or CSV file, so an analyst starts an edit from exactly what
 * serves (or what a draft holds) and sends it back in either format.
 */
@Path("/api/v1/rulesets/{version}/tables")
@Tag(name = "Ruleset lifecycle")
public class TableDownloadResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    RulesetArchive archive;

    @Inject
    DraftStore drafts;

    private final TableConverter converter = new TableConverter();

    @GET
    @Path("/{name}")
    @Produces({ XLSX, CSV })
    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER })
    @Operation(operationId = "downloadTable", summary = "Download a decision table of a version",
            description = "name: the table's file name with or without its format (overdue-buckets, "
                    + "overdue-buckets.drl.csv). format: xlsx or csv (default: the format it is kept in). "
                    + "A workbook with tables on several sheets cannot become one CSV file (422).")
    @APIResponse(responseCode = "200", description = "The table as a file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "422",
            description = "A workbook with tables on several sheets cannot become one CSV file")
    public Response download(@PathParam("version") String version, @PathParam("name") String name,
            @QueryParam("format") String format) {
        if (Wording.isWordingFile(name) || name.equals("wording")) {
            // the wording is kept as CSV UTF-8 only: Excel opens it as it is, and saves it back so
            PolicyFile wording = keptFiles(version).stream().filter(f -> Wording.isWordingFile(f.path())).findFirst()
                    .orElseThrow(() -> new DraftNotFoundException("Version " + version + " has no " + Wording.FILE));
            return Response.ok(wording.content(), CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + Wording.FILE + "\"").build();
        }
        PolicyFile table = table(version, name);
        TableFormat kept = TableFormat.of(table.path()).orElseThrow();
        TableFormat wanted = wanted(format, kept);
        byte[] content = wanted == kept ? table.content()
                : wanted == TableFormat.CSV ? converter.toCsv(table) : converter.toXlsx(table);
        String fileName = TableFormat.withoutSuffix(table.path()).replaceFirst(".*/", "") + wanted.suffix();
        return Response.ok(content, wanted == TableFormat.CSV ? CSV : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private PolicyFile table(String version, String name) {
        List<PolicyFile> files = keptFiles(version);
        if (files.isEmpty()) {
            throw new RulesetVersionNotFoundException(version);
        }
        String wanted = TableFormat.withoutSuffix(name);
        Optional<PolicyFile> match = files.stream().filter(PolicyFile::isTable)
                .filter(f -> TableFormat.withoutSuffix(f.path()).replaceFirst(".*/", "").equals(wanted)).findFirst();
        return match.orElseThrow(() -> new DraftNotFoundException("Version " + version + " has no table " + name
                + "; its tables: " + files.stream().filter(PolicyFile::isTable)
                        .map(f -> f.path().replaceFirst(".*/", "")).toList()));
    }

    private List<PolicyFile> keptFiles(String version) {
        List<PolicyFile> files = archive.files(version);
        if (files.isEmpty()) {
            // a draft that does not compile is not in the archive, but its files are kept with it
            files = drafts.filesOfVersion(version);
        }
        return files;
    }

    private static TableFormat wanted(String format, TableFormat kept) {
        if (format == null || format.isBlank()) {
            return kept;
        }
        return switch (format.trim().toLowerCase()) {
            case "xlsx" -> TableFormat.XLSX;
            case "csv" -> TableFormat.CSV;
            default -> throw new InvalidRequestException("format", "must be xlsx or csv");
        };
    }
}
