package org.autocollections.portfolio;

/** The request examples shown in the OpenAPI document: two cases, as JSON Lines and as CSV. */
final class ImportExamples {

    private ImportExamples() {
    }

    static final String JSONL = "{\"caseId\":\"CASE-1\",\"jurisdiction\":\"CN\",\"borrower\":{\"timeZone\":\"Asia/Shanghai\","
            + "\"creditScore\":640,\"monthlyIncome\":12000.00,\"hardship\":\"ILLNESS\",\"flags\":[]},\"loan\":{"
            + "\"outstandingBalance\":86000.00,\"overdueAmount\":4300.00,\"annualInterestRate\":0.068,\"monthlyInstalment\":2150.00,"
            + "\"remainingTermMonths\":40,\"oldestUnpaidDueDate\":\"2026-10-15\",\"arbitrationClause\":false},"
            + "\"collateral\":{\"vehicleValue\":70000.00,\"gpsTracking\":\"ONLINE\"}}\n"
            + "{\"caseId\":\"CASE-2\",\"jurisdiction\":\"US\",\"borrower\":{\"timeZone\":\"America/New_York\",\"flags\":[\"DISPUTE_OPEN\"]},"
            + "\"loan\":{\"outstandingBalance\":21000.00,\"overdueAmount\":900.00,\"oldestUnpaidDueDate\":\"2026-09-01\","
            + "\"arbitrationClause\":true}}\n";

    static final String CSV = "caseId,jurisdiction,borrower.timeZone,borrower.creditScore,borrower.monthlyIncome,"
            + "borrower.hardship,borrower.flags,borrower.consents.phone,loan.outstandingBalance,loan.overdueAmount,"
            + "loan.oldestUnpaidDueDate,loan.arbitrationClause,collateral.vehicleValue,collateral.gpsTracking\n"
            + "CASE-1,CN,Asia/Shanghai,640,12000.00,ILLNESS,,true,86000.00,4300.00,2026-10-15,false,70000.00,ONLINE\n"
            + "CASE-2,US,America/New_York,,,,DISPUTE_OPEN|WILFUL_DEFAULT,false,21000.00,900.00,2026-09-01,true,,\n";
}
