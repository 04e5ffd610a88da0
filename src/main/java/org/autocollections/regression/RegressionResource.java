package org.autocollections.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.autocollections.security.Roles;
import org.autocollections.ruleset.RulesetVersions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/rulesets/regressions")
@Tag(name = "Ruleset simulations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.DEVELOPER })
public class RegressionResource {

    @Inject
    RegressionRunner runner;

    @Inject
    RulesetVersions versions;

    @Schema(name = "RegressionRequest")
    public record RunRequest(@Schema(description = "The ruleset version to test; by default the active one.",
            example = "3f9c0d7e5a1b2c4d") String candidate) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runRegression", summary = "Run the golden corpus against a candidate ruleset",
            description = "Decides every corpus case with the candidate and reports each expectation that does not "
                    + "hold. Nothing is recorded.")
    @APIResponse(responseCode = "404", description = "No such ruleset version")
    @APIResponse(responseCode = "422", description = "The candidate's files no longer compile")
    @APIResponse(responseCode = "503", description = "No candidate is named and no ruleset is active yet")
    public RegressionReport run(RunRequest request) throws Exception {
        String candidate = request == null ? null : request.candidate();
        return runner.run(versions.require("candidate", candidate, true), List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "runRegression",
            summary = "Run the golden corpus and scenario sheets (CSV or Excel) against a candidate ruleset",
            description = "Form fields: candidate, and any number of files named scenarios. A malformed sheet is a 400 "
                    + "naming the file, row and column.")
    public RegressionReport runWithSheets(@RestForm("candidate") String candidate,
            @RestForm("scenarios") List<FileUpload> scenarios) throws Exception {
        List<RegressionRunner.Sheet> sheets = new ArrayList<>();
        for (FileUpload upload : scenarios == null ? List.<FileUpload>of() : scenarios) {
            sheets.add(new RegressionRunner.Sheet(name(upload), read(upload)));
        }
        return runner.run(versions.require("candidate", candidate, true), sheets);
    }

    private static String name(FileUpload upload) {
        String name = upload.fileName() == null || upload.fileName().isBlank() ? upload.name() : upload.fileName();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private static byte[] read(FileUpload upload) throws IOException {
        return Files.readAllBytes(upload.uploadedFile());
    }
}
