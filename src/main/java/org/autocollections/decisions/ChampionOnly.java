package org.autocollections.decisions;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Language;
import org.autocollections.ruleset.Ruleset;

import io.quarkus.arc.DefaultBean;

/** Routing where the experiments are not built in (a benchmark's trimmed build): the champion decides everything. */
@DefaultBean
@ApplicationScoped
public class ChampionOnly implements DecisionRouting {

    @Override
    public Decision route(CollectionCase request, Decision champion, Ruleset ruleset, Language language) {
        return champion;
    }

    @Override
    public void remember(List<Routed> decided) {
        // nothing is assigned, so nothing is kept
    }
}
