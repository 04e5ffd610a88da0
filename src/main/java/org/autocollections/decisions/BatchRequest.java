package org.autocollections.decisions;

import java.util.List;

import org.autocollections.api.CollectionCase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of a batch request; the service reads it case by case so one bad case spoils nothing. */
@Schema(name = "BatchRequest")
public record BatchRequest(
        @Schema(description = "1 to 1,000 cases, decided in order.", maxItems = BatchRequest.MAX_CASES, required = true)
        List<CollectionCase> cases) {

    public static final int MAX_CASES = 1000;
}
