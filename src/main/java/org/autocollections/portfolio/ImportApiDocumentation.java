package org.autocollections.portfolio;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Puts the JSON Lines example of the import into the OpenAPI document as the text it is. Given in an annotation, an
 * example that starts with '{' is read as JSON, which keeps only its first line.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ImportApiDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        PathItem path = openAPI.getPaths().getPathItem("/api/v1/cases/import");
        if (path == null || path.getPOST() == null || path.getPOST().getRequestBody() == null
                || path.getPOST().getRequestBody().getContent() == null) {
            return;
        }
        MediaType jsonLines = path.getPOST().getRequestBody().getContent().getMediaType(ImportFormat.JSONL_MEDIA_TYPE);
        if (jsonLines != null) {
            jsonLines.addExample("Two cases", OASFactory.createExample().summary("Two cases, one per line")
                    .value(ImportExamples.JSONL));
        }
    }
}
