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
import org.autocollections.ruleset.PolicyFolders;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.ruleset.RulesetVersionNotFoundException;
import org.autocollections.ruleset.Wording;
import org.autocollections.security.Roles;
import org.autocollections.tables.TableConverter;
import org.autocollections.tables.TableFormat;
import org.autocollections.validation.TableWorkbook;
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

    @Inject
    PolicyFolders folders;

    /** The version name under which the tables the service was given (its folders, or its bundled copies) are known. */
    static final String SHIPPED = "shipped";

    private final TableConverter converter = new TableConverter();
    private final TableWorkbook workbooks = new TableWorkbook();

    @GET
    @Path("/{name}")
    @Produces({ XLSX, CSV })
    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER })
    @Operation(operationId = "downloadTable", summary = "Download a decision table of a version",
            description = "version: a version or draft's version, or shipped for the tables in the service's "
                    + "decision-tables folder (as shipped, or as edited there). "
                    + "name: the table's file name with or without its format (overdue-buckets, "
                    + "overdue-buckets.drl.csv). format: xlsx or csv (default: the format it is kept in). A workbook "
                    + "comes guided: code rows locked, drop-down lists for closed sets, number formats, the header "
                    + "frozen, and a notes sheet with each column's title in English and Chinese. "
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
        byte[] content = wanted == TableFormat.XLSX ? workbooks.write(table, keptFiles(version))
                : wanted == kept ? table.content() : converter.toCsv(table);
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
        if (SHIPPED.equals(version)) {
            return folders.load().files();
        }
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
