package org.autocollections.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;

/** A contact attempt as the servicer logged it; its entry id makes a retried log count once. */
@Entity
@Table(name = "contact_entry")
public class ContactEntry extends HistoryEntry {

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ContactChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ContactOutcome outcome;

    /** Which notice permitted after a cease-communication request this was; null for an ordinary contact. */
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public ContactPurpose purpose;
}
