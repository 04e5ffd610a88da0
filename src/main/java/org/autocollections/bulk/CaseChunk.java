package org.autocollections.bulk;

import java.util.List;

/** Cases read together, and where the input stands once they are committed (the checkpoint to resume from). */
public record CaseChunk(List<PendingCase> cases, String checkpoint) {
}
