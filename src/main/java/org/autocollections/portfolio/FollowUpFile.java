package org.autocollections.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.autocollections.api.CollectionCase;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The simulated weeks after a decision on each case of a portfolio ({@link FollowUp}), as JSON Lines a script posts
 * to the logs of the stored cases: {@code {"caseId": ..., "log": "payments", "entry": {...}}}, the entry in the body
 * shape of {@code POST /api/v1/cases/{caseId}/{log}}. Cases current at the decision have nothing to follow up.
 */
public final class FollowUpFile {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build()
            .writer();

    private final FollowUp followUp;
    private final FollowUpStrategy strategy;
    private final Instant decidedAt;
    private final int days;

    /** Decided at noon UTC of {@code decidedOn}: the same calendar day in every zone the generator uses. */
    public FollowUpFile(long seed, FollowUpStrategy strategy, LocalDate decidedOn, int days) {
        this.followUp = new FollowUp(seed);
        this.strategy = strategy;
        this.decidedAt = decidedOn.atTime(12, 0).toInstant(ZoneOffset.UTC);
        this.days = days;
    }

    public void write(Stream<CollectionCase> cases, Writer out) throws IOException {
        Iterator<CollectionCase> each = cases.iterator();
        while (each.hasNext()) {
            CollectionCase c = each.next();
            if (c.loan().oldestUnpaidDueDate() == null) {
                continue;
            }
            FollowUp.Logs logs = followUp.simulate(c, strategy, decidedAt, days);
            for (Object entry : logs.contacts()) {
                line(out, c.caseId(), "contacts", entry);
            }
            for (Object entry : logs.promises()) {
                line(out, c.caseId(), "promises", entry);
            }
            for (Object entry : logs.payments()) {
                line(out, c.caseId(), "payments", entry);
            }
        }
        out.flush();
    }

    private static void line(Writer out, String caseId, String log, Object entry) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("caseId", caseId);
        line.put("log", log);
        line.put("entry", entry);
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }
}
