package org.autocollections.observability;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Decision;
import org.autocollections.api.Trace;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The spans of a decision, children of the request's own span: reading the case ({@value #CASE_READ}), the rule
 * engine ({@value #ENGINE_DECIDE}) and the commit of its record ({@value #RECORD_COMMIT}); and one span for each shard
 * of a portfolio run ({@value #PORTFOLIO_SHARD}). A batch gets one span of each kind for all its cases, so that a
 * request of 1,000 cases makes four spans, not 3,000. Attributes name the ruleset version, the next action, the bucket
 * and the answer's trace mode, never anything of the borrower: no customer id, no amount, no field of the case.
 * A failure is marked with its exception class only, as a library's message may quote the data it failed on.
 * While traces are off (no OTLP endpoint, {@link TracesSwitch}) every method only runs the work it is given.
 */
@ApplicationScoped
public class DecisionSpans {

    public static final String CASE_READ = "case.read";
    public static final String ENGINE_DECIDE = "engine.decide";
    public static final String RECORD_COMMIT = "record.commit";
    public static final String PORTFOLIO_SHARD = "portfolio.shard";

    public static final AttributeKey<String> RULESET_VERSION = AttributeKey.stringKey("collections.ruleset.version");
    public static final AttributeKey<String> NEXT_ACTION = AttributeKey.stringKey("collections.next_action");
    public static final AttributeKey<String> BUCKET = AttributeKey.stringKey("collections.bucket");
    public static final AttributeKey<String> TRACE_MODE = AttributeKey.stringKey("collections.trace_mode");
    public static final AttributeKey<Long> CASES = AttributeKey.longKey("collections.cases");
    public static final AttributeKey<Long> GROUP_SIZE = AttributeKey.longKey("collections.commit.group_size");
    public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("collections.run.id");
    public static final AttributeKey<String> SHARD = AttributeKey.stringKey("collections.run.shard");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    @ConfigProperty(name = TracesSwitch.SDK_DISABLED, defaultValue = "false")
    boolean disabled;

    @Inject
    OpenTelemetry openTelemetry;

    private Tracer tracer;

    @PostConstruct
    void start() {
        tracer = openTelemetry.getTracer("org.autocollections");
    }

    /** Whether spans are made and exported. */
    public boolean on() {
        return !disabled;
    }

    /** Reads a case (sent, or rebuilt from its stored history). */
    public <T> T caseRead(Supplier<T> read) {
        return in(CASE_READ, read, (span, result) -> { });
    }

    /** Decides one case, and names what the decision concluded. */
    public Decision engineDecide(Supplier<Decision> decide) {
        return in(ENGINE_DECIDE, decide, (span, decision) -> {
            span.setAttribute(RULESET_VERSION, decision.rulesetVersion());
            if (decision.nextAction() != null) {
                span.setAttribute(NEXT_ACTION, decision.nextAction().type().name());
            }
            if (decision.overdue() != null) {
                span.setAttribute(BUCKET, decision.overdue().bucket());
            }
        });
    }

    /** Decides a batch's cases with one version: one span for them all, with their number. */
    public List<Decision> engineDecideAll(String rulesetVersion, int cases, Supplier<List<Decision>> decide) {
        return in(ENGINE_DECIDE, decide, (span, decisions) -> span.setAttribute(RULESET_VERSION, rulesetVersion)
                .setAttribute(CASES, cases));
    }

    /** Commits decision records; {@code commit} gives the number of records its transaction held. */
    public void recordCommit(IntSupplier commit) {
        in(RECORD_COMMIT, commit::getAsInt, (span, group) -> span.setAttribute(GROUP_SIZE, group.longValue()));
    }

    /** Scores one shard of a portfolio run: a span of its own, the root of a trace, whoever started it. */
    public <T> T portfolioShard(String runId, String shard, String rulesetVersion, Supplier<T> score) {
        if (disabled) {
            return score.get();
        }
        Span span = tracer.spanBuilder(PORTFOLIO_SHARD).setNoParent().setAttribute(RUN_ID, runId)
                .setAttribute(SHARD, shard).setAttribute(RULESET_VERSION, rulesetVersion).startSpan();
        return within(span, score, (s, result) -> { });
    }

    /** Names, on the request's span, how much of each decision the answer carries ({@code ?trace=}). */
    public void traceMode(Trace trace) {
        if (!disabled) {
            Span.current().setAttribute(TRACE_MODE, trace.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The id of the trace the calling thread works in; null while traces are off or outside a trace. */
    public String traceId() {
        if (disabled) {
            return null;
        }
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    private <T> T in(String name, Supplier<T> work, BiConsumer<Span, T> describe) {
        if (disabled) {
            return work.get();
        }
        return within(tracer.spanBuilder(name).startSpan(), work, describe);
    }

    private static <T> T within(Span span, Supplier<T> work, BiConsumer<Span, T> describe) {
        try (Scope ignored = span.makeCurrent()) {
            T result = work.get();
            describe.accept(span, result);
            return result;
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR).setAttribute(ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }
}
