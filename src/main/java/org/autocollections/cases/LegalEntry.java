package org.autocollections.cases;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.autocollections.api.LegalStage;

@Entity
@Table(name = "legal_entry")
public class LegalEntry extends HistoryEntry {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public LegalStage stage;

    @Column(name = "taken_on", nullable = false)
    public LocalDate takenOn;
}
