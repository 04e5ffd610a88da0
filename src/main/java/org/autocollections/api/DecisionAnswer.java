package org.autocollections.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a call that decides answers, named in the API document so that a generated client has one type for it: the
 * compact decision, or with {@code ?trace=full} the full one. Only the document uses it; the answer is either record.
 */
@Schema(name = DecisionAnswer.NAME, description = "The decision: compact unless ?trace=full asks for it in full.",
        oneOf = { CompactDecision.class, Decision.class })
public interface DecisionAnswer {

    String NAME = "DecisionAnswer";
}
