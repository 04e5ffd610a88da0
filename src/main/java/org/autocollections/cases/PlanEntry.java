package org.autocollections.cases;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;

/** A repayment plan agreed with the borrower; its status is the one field that changes as the plan runs. */
@Entity
@Table(name = "plan_entry")
public class PlanEntry extends HistoryEntry {

    @Enumerated(EnumType.STRING)
    @Column(name = "plan_type", nullable = false, length = 16)
    public PlanType type;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PlanStatus status;
}
