package org.autocollections.lifecycle;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.autocollections.api.Language;
import org.autocollections.api.LanguageChoice;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetVersions;
import org.autocollections.ruleset.Wording;
import org.autocollections.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The collectors' scripts a version's contact decisions name, titled and explained in the reader's language. */
@Path("/api/v1/rulesets/{version}/scripts")
@Tag(name = "Rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptResource {

    @Inject
    RulesetVersions versions;

    @Inject
    LanguageChoice languages;

    public record ScriptsView(String rulesetVersion, String language, List<Wording.Script> scripts) {
    }

    @GET
    @RolesAllowed({ Roles.ANALYST, Roles.APPROVER, Roles.AUDITOR, Roles.DEVELOPER })
    @Operation(operationId = "listScripts", summary = "The collectors' scripts of a version",
            description = "Each script id a contact decision may name (M2-NEGOTIATE, L-CEASE, ...) with its title and "
                    + "purpose, as the version's wording file words them in the language asked for.")
    public ScriptsView scripts(@PathParam("version") String version,
            @Parameter(description = Language.DESCRIPTION, schema = @Schema(enumeration = { "en", "zh-CN", "zh-TW" }))
            @QueryParam("lang") String lang,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage)
            throws RulesetCompilationException {
        Language language = languages.chosen(lang, acceptLanguage, null);
        return new ScriptsView(version, language.tag(), versions.require("version", version, false).wording().scripts(language));
    }
}
