package org.autocollections.fuzz;

import static org.autocollections.fuzz.Mutations.Kind.ARRAY;
import static org.autocollections.fuzz.Mutations.Kind.BOOL;
import static org.autocollections.fuzz.Mutations.Kind.COUNT;
import static org.autocollections.fuzz.Mutations.Kind.CURRENCY;
import static org.autocollections.fuzz.Mutations.Kind.DATE;
import static org.autocollections.fuzz.Mutations.Kind.ENUM;
import static org.autocollections.fuzz.Mutations.Kind.ID;
import static org.autocollections.fuzz.Mutations.Kind.PATH_ID;
import static org.autocollections.fuzz.Mutations.Kind.MONEY;
import static org.autocollections.fuzz.Mutations.Kind.MONTHS;
import static org.autocollections.fuzz.Mutations.Kind.OBJECT;
import static org.autocollections.fuzz.Mutations.Kind.RATE;
import static org.autocollections.fuzz.Mutations.Kind.SCORE;
import static org.autocollections.fuzz.Mutations.Kind.STATE;
import static org.autocollections.fuzz.Mutations.Kind.TEXT;
import static org.autocollections.fuzz.Mutations.Kind.TIMESTAMP;
import static org.autocollections.fuzz.Mutations.Kind.ZONE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.autocollections.Cases;
import org.autocollections.api.BorrowerFlag;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.Employment;
import org.autocollections.api.GpsTracking;
import org.autocollections.api.Hardship;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.LegalStage;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;
import org.autocollections.fuzz.Mutations.Field;
import org.autocollections.fuzz.Mutations.Kind;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fields of a case (docs/api.md) as the mutations see them, and the valid case they start from. */
final class CaseSchema {

    private CaseSchema() {
    }

    static final Map<String, Field> CASE = new LinkedHashMap<>();

    static {
        put("caseId", ID, true);
        put("asOf", TIMESTAMP, false);
        enumeration("jurisdiction", Jurisdiction.class, false);
        put("borrower", OBJECT, true);
        put("borrower.customerId", TEXT, false);
        put("borrower.timeZone", ZONE, false);
        put("borrower.creditScore", SCORE, false);
        put("borrower.monthlyIncome", MONEY, false);
        put("borrower.monthlyDebtPayments", MONEY, false);
        enumeration("borrower.employment", Employment.class, false);
        enumeration("borrower.hardship", Hardship.class, false);
        put("borrower.consents", OBJECT, false);
        put("borrower.consents.phone", BOOL, false);
        put("borrower.consents.sms", BOOL, false);
        put("borrower.consents.email", BOOL, false);
        put("borrower.flags", ARRAY, false);
        enumeration("borrower.flags[]", BorrowerFlag.class, true);
        put("borrower.state", STATE, false);
        put("loan", OBJECT, true);
        put("loan.loanId", TEXT, false);
        put("loan.currency", CURRENCY, false);
        put("loan.outstandingBalance", MONEY, true);
        put("loan.overdueAmount", MONEY, true);
        put("loan.annualInterestRate", RATE, false);
        put("loan.monthlyInstalment", MONEY, false);
        put("loan.remainingTermMonths", MONTHS, false);
        put("loan.oldestUnpaidDueDate", DATE, false);
        put("loan.arbitrationClause", BOOL, false);
        put("collateral", OBJECT, false);
        put("collateral.vehicleValue", MONEY, false);
        put("collateral.valuedOn", DATE, false);
        enumeration("collateral.gpsTracking", GpsTracking.class, false);
        put("history", OBJECT, false);
        put("history.contacts", ARRAY, false);
        put("history.contacts[]", OBJECT, true);
        put("history.contacts[].at", TIMESTAMP, true);
        enumeration("history.contacts[].channel", ContactChannel.class, true);
        enumeration("history.contacts[].outcome", ContactOutcome.class, true);
        enumeration("history.contacts[].purpose", ContactPurpose.class, false);
        put("history.brokenPromises", COUNT, false);
        put("history.plans", ARRAY, false);
        put("history.plans[]", OBJECT, true);
        enumeration("history.plans[].type", PlanType.class, true);
        put("history.plans[].startedOn", DATE, true);
        enumeration("history.plans[].status", PlanStatus.class, true);
        put("history.legalActions", ARRAY, false);
        put("history.legalActions[]", OBJECT, true);
        enumeration("history.legalActions[].stage", LegalStage.class, true);
        put("history.legalActions[].on", DATE, true);
        put("history.lastPaymentOn", DATE, false);
    }

    private static void put(String path, Kind kind, boolean required) {
        CASE.put(path, Field.of(kind, required));
    }

    private static void enumeration(String path, Class<? extends Enum<?>> type, boolean required) {
        CASE.put(path, Field.enumeration(type, required));
    }

    /**
     * The documented example with a flag, a state, a letter with its purpose, a plan and a legal action, so that every
     * field is there to mutate.
     */
    static ObjectNode fullCase(String caseId) {
        ObjectNode c = Cases.example();
        c.put("caseId", caseId);
        ((ArrayNode) c.get("borrower").get("flags")).add("WILFUL_DEFAULT");
        ((ObjectNode) c.get("borrower")).put("state", "NY");
        ObjectNode history = (ObjectNode) c.get("history");
        history.withArray("contacts").addObject().put("at", "2026-11-26T09:00:00+08:00").put("channel", "LETTER")
                .put("outcome", "DELIVERED").put("purpose", "REMEDIES_AVAILABLE");
        history.withArray("plans").addObject().put("type", "EXTENSION").put("startedOn", "2026-06-01").put("status", "BROKEN");
        history.withArray("legalActions").addObject().put("stage", "DEMAND_NOTICE").put("on", "2026-11-20");
        return c;
    }

    /** The case to store with PUT: the same without its history, which is logged entry by entry. */
    static ObjectNode storedCase(String caseId) {
        ObjectNode c = fullCase(caseId);
        c.remove("history");
        c.remove("asOf");
        return c;
    }

    static Map<String, Field> storedSchema() {
        Map<String, Field> schema = new LinkedHashMap<>(CASE);
        schema.keySet().removeIf(p -> p.startsWith("history") || p.equals("asOf"));
        schema.put("caseId", new Field(PATH_ID, false, false, List.of())); // left out, it is taken from the path
        return schema;
    }
}
