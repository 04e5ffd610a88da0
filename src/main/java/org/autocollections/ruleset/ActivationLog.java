package org.autocollections.ruleset;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The activations as the database keeps them ({@link RulesetActivation}): which version began serving when, from
 * which files. An auditor reads it; the start-up choice asks it which version served last.
 */
@ApplicationScoped
public class ActivationLog {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    PolicyConfig config;

    /** Adds the activation, in the caller's transaction: it commits with whatever else the activation changes. */
    void append(Activation activation) {
        Ruleset ruleset = activation.ruleset();
        String origin = activation.reason().origin();
        RulesetActivation entry = new RulesetActivation();
        entry.version = ruleset.version();
        entry.digest = ruleset.digest();
        entry.activatedAt = clock.instant(); // when it began serving, not when it was compiled
        entry.origin = origin.length() > 500 ? origin.substring(0, 500) : origin;
        entry.ruleModel = config.model().name();
        entry.ruleCount = ruleset.ruleCount();
        entry.files = filesAsJson(ruleset);
        entry.persist();
    }

    /** The version activated last, if any ever was. */
    Optional<String> lastVersion() {
        return QuarkusTransaction.requiringNew().call(() -> RulesetActivation
                .<RulesetActivation>find("order by id desc").firstResultOptional().map(a -> a.version));
    }

    /** Whether the version ever served. */
    boolean served(String version) {
        return QuarkusTransaction.requiringNew().call(() -> RulesetActivation.count("version", version) > 0);
    }

    /** The latest activations, newest first. */
    public List<RulesetActivation> newestFirst(int limit) {
        return RulesetActivation.<RulesetActivation>findAll(Sort.descending("activatedAt", "id"))
                .page(Page.ofSize(limit)).list();
    }

    private String filesAsJson(Ruleset ruleset) {
        try {
            return json.writeValueAsString(ruleset.files());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("File list cannot be written as JSON", e);
        }
    }
}
