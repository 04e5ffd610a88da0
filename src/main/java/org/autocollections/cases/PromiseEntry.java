package org.autocollections.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A promise to pay; once its due date passes unpaid the servicer marks it BROKEN. */
@Entity
@Table(name = "promise_entry")
public class PromiseEntry extends HistoryEntry {

    public enum Status {
        OPEN, KEPT, BROKEN
    }

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(precision = 14, scale = 2)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;
}
