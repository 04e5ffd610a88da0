package org.autocollections.experiments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.FieldMessage;
import org.autocollections.api.Message;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.RiskRating;
import org.autocollections.lifecycle.Actor;
import org.autocollections.lifecycle.ApprovalWorkflow;
import org.autocollections.lifecycle.Draft;
import org.autocollections.lifecycle.DraftStatus;
import org.autocollections.lifecycle.DraftStore;
import org.autocollections.lifecycle.FourEyesException;
import org.autocollections.ruleset.ActiveRuleset;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The life of an experiment: proposed by an analyst, approved by an approver other than its creator (four eyes, as
 * drafts are), started (the active version becomes the champion, every arm having met the corpus's compliance
 * expectations, and no other live experiment sharing a case of its segment), paused, resumed, stopped, or ended by
 * promoting a challenger through the ruleset lifecycle. Every step is an event in the experiment's audit trail.
 */
@ApplicationScoped
public class ExperimentWorkflow {

    static final String CHAMPION = "champion";
    private static final Pattern ARM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,16}");
    private static final Pattern BUCKET = Pattern.compile("M[0-7]");
    /** The statuses in which an experiment holds its segment: a paused one is resumed without asking again. */
    private static final Set<ExperimentStatus> LIVE = EnumSet.of(ExperimentStatus.RUNNING, ExperimentStatus.PAUSED);
    /** How far a challenger's version must have gone: approved by a second person, or having served before. */
    private static final Set<DraftStatus> CHALLENGEABLE = EnumSet.of(DraftStatus.APPROVED, DraftStatus.ACTIVE,
            DraftStatus.RETIRED);

    @Inject
    Clock clock;

    @Inject
    DraftStore drafts;

    @Inject
    ActiveRuleset active;

    @Inject
    ComplianceGate compliance;

    @Inject
    RunningExperiments running;

    @Inject
    ApprovalWorkflow lifecycle;

    public ExperimentView create(ExperimentRequest request, Actor actor) {
        Checked checked = check(request);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Experiment e = new Experiment();
            e.name = request.name().strip();
            e.status = ExperimentStatus.PROPOSED;
            e.segmentBuckets = Segment.join(checked.segment().buckets());
            e.segmentJurisdictions = Segment.join(checked.segment().jurisdictions());
            e.segmentRiskRatings = Segment.join(checked.segment().riskRatings());
            e.createdBy = actor.name();
            e.createdAt = now;
            e.note = trim(request.note());
            e.persist();
            for (int i = 0; i < checked.arms().size(); i++) {
                ExperimentArm arm = checked.arms().get(i);
                arm.experimentId = e.id;
                arm.position = i;
                arm.persist();
            }
            ExperimentEvent.of(e, null, actor.name(), now, request.note()).persist();
            return view(e);
        });
    }

    public ExperimentView approve(long id, String note, Actor actor) {
        return step(id, actor, note, e -> {
            require(e, "approved", ExperimentStatus.PROPOSED);
            if (e.createdBy.equals(actor.name())) {
                throw new FourEyesException(Message.of("four-eyes.detail.experiment-approve", id, actor.name()));
            }
            e.approvedBy = actor.name();
            e.approvedAt = clock.instant();
            e.status = ExperimentStatus.APPROVED;
        });
    }

    /** Starts an approved experiment: the version active now is its champion from here to its end. */
    public synchronized ExperimentView start(long id, String note, Actor actor) {
        Experiment before = find(id);
        require(before, "started", ExperimentStatus.APPROVED);
        refuseOverlap(before);
        String champion = active.current().version();
        List<ExperimentArm> arms = arms(id);
        compliance.require(champion, arms);
        return step(id, actor, note, e -> {
            require(e, "started", ExperimentStatus.APPROVED);
            e.championVersion = champion;
            e.startedAt = clock.instant();
            e.status = ExperimentStatus.RUNNING;
            ExperimentArm championArm = ExperimentArm.find("experimentId = ?1 and position = 0", id).firstResult();
            championArm.version = champion;
        });
    }

    public ExperimentView pause(long id, String note, Actor actor) {
        return step(id, actor, note, e -> {
            require(e, "paused", ExperimentStatus.RUNNING);
            e.status = ExperimentStatus.PAUSED;
        });
    }

    public ExperimentView resume(long id, String note, Actor actor) {
        return step(id, actor, note, e -> {
            require(e, "resumed", ExperimentStatus.PAUSED);
            e.status = ExperimentStatus.RUNNING;
        });
    }

    /** Ends it for good, whether it ran or not; its assignments stay for the outcomes. */
    public ExperimentView stop(long id, String note, Actor actor) {
        return step(id, actor, note, e -> {
            if (e.status == ExperimentStatus.STOPPED) {
                throw ExperimentException.conflict(Message.of("experiment-conflict.detail.2", id));
            }
            e.status = ExperimentStatus.STOPPED;
            e.stoppedAt = clock.instant();
        });
    }

    /**
     * Makes a challenger's version the active one through the ruleset lifecycle (an approved draft is activated, a
     * retired version rolled back to), by an approver who did not propose the experiment, and stops the experiment.
     */
    public synchronized ExperimentView promote(long id, String arm, String note, Actor actor) {
        Experiment e = find(id);
        if (!LIVE.contains(e.status)) {
            throw ExperimentException.conflict(Message.of("experiment-conflict.detail.4", id, e.status));
        }
        if (e.createdBy.equals(actor.name())) {
            throw new FourEyesException(Message.of("four-eyes.detail.experiment-promote", id, actor.name()));
        }
        ExperimentArm chosen = arms(id).stream().filter(a -> a.position > 0 && a.arm.equals(arm)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("arm", Message.of("field.experiment-promote-arm", id, arm)));
        String why = "promoted from experiment " + id + ", arm " + chosen.arm + (note == null ? "" : ": " + note);
        lifecycle.putInForce(chosen.version, why, actor);
        return stop(id, "promoted arm " + chosen.arm + " (version " + chosen.version + ")"
                + (note == null || note.isBlank() ? "" : ": " + note), actor);
    }

    public ExperimentView get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Experiment e = Experiment.findById(id);
            if (e == null) {
                throw ExperimentException.notFound(id);
            }
            return view(e);
        });
    }

    /** The newest first; of one status, or of any. */
    public List<ExperimentView> list(ExperimentStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> (status == null
                ? Experiment.<Experiment>list("order by id desc")
                : Experiment.<Experiment>list("status = ?1 order by id desc", status)).stream()
                .map(e -> ExperimentView.of(e, ExperimentArm.list("experimentId = ?1 order by position", e.id), null))
                .toList());
    }

    /** One step, committed with its event; the running set is re-read after it, so routing follows at once. */
    private ExperimentView step(long id, Actor actor, String note, java.util.function.Consumer<Experiment> change) {
        ExperimentView done = QuarkusTransaction.requiringNew().call(() -> {
            Experiment e = Experiment.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw ExperimentException.notFound(id);
            }
            ExperimentStatus from = e.status;
            change.accept(e);
            ExperimentEvent.of(e, from, actor.name(), clock.instant(), note).persist();
            return view(e);
        });
        running.refresh();
        return done;
    }

    private static ExperimentView view(Experiment e) {
        return ExperimentView.of(e, ExperimentArm.list("experimentId = ?1 order by position", e.id),
                ExperimentEvent.list("experimentId = ?1 order by id", e.id));
    }

    private static Experiment find(long id) {
        Experiment e = QuarkusTransaction.requiringNew().call(() -> Experiment.<Experiment>findById(id));
        if (e == null) {
            throw ExperimentException.notFound(id);
        }
        return e;
    }

    private static List<ExperimentArm> arms(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ExperimentArm.list("experimentId = ?1 order by position", id));
    }

    private static void require(Experiment e, String step, ExperimentStatus wanted) {
        if (e.status != wanted) {
            throw ExperimentException.conflict(Message.of("experiment-conflict.detail.1", e.id, e.status, wanted, step));
        }
    }

    /** At most one live experiment per segment: the other experiment is named, so the analyst knows which to stop. */
    private void refuseOverlap(Experiment starting) {
        Segment segment = starting.segment();
        List<Experiment> live = QuarkusTransaction.requiringNew().call(() -> Experiment
                .<Experiment>list("status in ?1 and id <> ?2 order by id", LIVE, starting.id));
        for (Experiment other : live) {
            if (other.segment().overlaps(segment)) {
                throw ExperimentException.conflict(Message.of("experiment-conflict.detail.3", other.id, other.name, other.status,
                        other.segment().describe(), segment.describe()));
            }
        }
    }

    private record Checked(List<ExperimentArm> arms, Segment segment) {
    }

    /** Every field of the proposal checked, each error naming its field, before anything is stored. */
    private Checked check(ExperimentRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidRequestException("name", Message.of("field.experiment-name"));
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldMessage("name", Message.of("field.experiment-name")));
        }
        List<ExperimentArm> arms = new ArrayList<>();
        arms.add(arm(CHAMPION, null, basisPoints("championShare", request.championShare(), errors)));
        if (request.challengers() == null || request.challengers().isEmpty()) {
            errors.add(new FieldMessage("challengers", Message.of("field.experiment-challengers")));
        } else {
            Set<String> names = new LinkedHashSet<>(List.of(CHAMPION));
            for (int i = 0; i < request.challengers().size(); i++) {
                ExperimentRequest.Challenger c = request.challengers().get(i);
                String at = "challengers[" + i + "]";
                if (c == null) {
                    errors.add(new FieldMessage(at, Message.of("field.experiment-challenger")));
                    continue;
                }
                if (c.arm() == null || !ARM_NAME.matcher(c.arm()).matches()) {
                    errors.add(new FieldMessage(at + ".arm", Message.of("field.experiment-arm")));
                } else if (!names.add(c.arm())) {
                    errors.add(new FieldMessage(at + ".arm", Message.of("field.experiment-arm-unique", c.arm())));
                }
                checkVersion(at + ".version", c.version(), errors);
                arms.add(arm(c.arm(), c.version(), basisPoints(at + ".share", c.share(), errors)));
            }
        }
        int total = arms.stream().mapToInt(a -> a.shareBasisPoints).sum();
        if (errors.isEmpty() && total != ArmAssignment.WHOLE) {
            errors.add(new FieldMessage("championShare", Message.of("field.experiment-shares",
                    BigDecimal.valueOf(total, 2).stripTrailingZeros().toPlainString())));
        }
        Segment segment = segment(request.segment(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Checked(arms, segment);
    }

    private void checkVersion(String field, String version, List<FieldMessage> errors) {
        if (version == null || !VERSION.matcher(version).matches()) {
            errors.add(new FieldMessage(field, Message.of("field.experiment-version")));
            return;
        }
        java.util.Optional<Draft> draft = drafts.newestOf(version, CHALLENGEABLE);
        if (draft.isEmpty()) {
            errors.add(new FieldMessage(field, Message.of("field.experiment-version-status", version)));
        }
    }

    private static int basisPoints(String field, BigDecimal share, List<FieldMessage> errors) {
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) >= 0
                || share.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldMessage(field, Message.of("field.experiment-share")));
            return 0;
        }
        return share.movePointRight(2).intValueExact();
    }

    private static ExperimentArm arm(String name, String version, int basisPoints) {
        ExperimentArm arm = new ExperimentArm();
        arm.arm = name;
        arm.version = version;
        arm.shareBasisPoints = basisPoints;
        return arm;
    }

    private static Segment segment(ExperimentRequest.SegmentSpec spec, List<FieldMessage> errors) {
        if (spec == null) {
            return Segment.EVERY_CASE;
        }
        return new Segment(values("segment.buckets", spec.buckets(), v -> BUCKET.matcher(v).matches(), "M0 to M7", errors),
                values("segment.jurisdictions", spec.jurisdictions(), v -> isName(Jurisdiction.class, v), "CN or US", errors),
                values("segment.riskRatings", spec.riskRatings(), v -> isName(RiskRating.class, v),
                        "LOW, MEDIUM, HIGH, VERY_HIGH or CRITICAL", errors));
    }

    private static Set<String> values(String field, List<String> given, java.util.function.Predicate<String> valid,
            String allowed, List<FieldMessage> errors) {
        if (given == null) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : given) {
            if (value == null || !valid.test(value)) {
                errors.add(new FieldMessage(field, Message.of("field.experiment-segment", allowed, value)));
            } else {
                values.add(value);
            }
        }
        return values;
    }

    private static <E extends Enum<E>> boolean isName(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String note) {
        return note == null ? null : note.length() <= 2000 ? note : note.substring(0, 2000);
    }
}
