package org.autocollections.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "payment_entry")
public class PaymentEntry extends HistoryEntry {

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;
}
