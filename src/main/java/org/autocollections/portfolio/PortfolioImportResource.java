package org.autocollections.portfolio;

import org.autocollections.api.Message;
import org.autocollections.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Language;
import org.autocollections.api.LanguageChoice;
import org.autocollections.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A whole portfolio in one request, read as it arrives: the body is never held in memory, so its size is not
 * limited by quarkus.http.limits.max-body-size (see {@link ImportBodyLimit}).
 */
@Path("/api/v1/cases/import")
@Tag(name = "Stored cases")
public class PortfolioImportResource {

    @Inject
    PortfolioImporter importer;

    @Inject
    LanguageChoice languages;

    @RolesAllowed({ Roles.BATCH, Roles.SERVICER })
    @POST
    @Consumes({ ImportFormat.JSONL_MEDIA_TYPE, ImportFormat.CSV_MEDIA_TYPE })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importCases",
            summary = "Import a portfolio of cases", description = "JSON Lines (application/x-ndjson: one case per "
            + "line, the body of PUT /api/v1/cases/{caseId}) or CSV (text/csv: a header row naming the fields by "
            + "dotted path, then one case per row). Each case is validated as PUT validates it; the valid ones are "
            + "stored (created, updated, or left unchanged when sent again with the same data) and each refused line "
            + "is reported with its line number and the fields at fault. The body is streamed: there is no size limit.")
    @RequestBody(required = true, content = {
            // The JSON Lines example is added by ImportApiDocumentation.
            @Content(mediaType = ImportFormat.JSONL_MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = ImportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "Two cases", value = ImportExamples.CSV)) })
    @APIResponse(responseCode = "200", description = "What was imported, and the lines refused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "A CSV header naming columns that are not fields of a case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither application/x-ndjson nor text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database went away; the batches stored before stay stored, "
            + "and importing the file again is safe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportSummary importCases(@Context HttpHeaders headers, InputStream body) {
        MediaType type = headers.getMediaType();
        ImportFormat format = ImportFormat.ofMediaType(type).orElseThrow(); // @Consumes let no other type in
        try (InputStream in = body) {
            ImportSummary summary = importer.importFrom(in, format, charset(type), null);
            return summary.in(languages.chosen(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), null));
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidRequestException("Content-Type", Message.of("field.charset", name));
        }
    }

    @ServerExceptionMapper
    public jakarta.ws.rs.core.Response invalidPortfolio(InvalidPortfolioException e, UriInfo uri, HttpHeaders headers) {
        Language language = languages.chosen(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), null);
        return jakarta.ws.rs.core.Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(e.raised().in(language).at(uri.getPath())).build();
    }
}
