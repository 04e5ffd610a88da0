package org.autocollections.decisions;

/** Examples shown in the OpenAPI document; the same case as docs/examples/case-m2.json (a test keeps them equal). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String CASE_M2 = "{\"caseId\":\"CASE-1\",\"asOf\":\"2026-11-29T10:00:00+08:00\",\"jurisdiction\":\"CN\",\"borrower\":{"
            + "\"customerId\":\"CUST-1\",\"timeZone\":\"Asia/Shanghai\",\"creditScore\":640,\"monthlyIncome\":12000"
            + ".0,\"monthlyDebtPayments\":2500.0,\"employment\":\"EMPLOYED\",\"hardship\":\"ILLNESS\",\"consents\":"
            + "{\"phone\":true,\"sms\":true,\"email\":true},\"flags\":[]},\"loan\":{\"loanId\":\"LN-2024-0001\",\"c"
            + "urrency\":\"CNY\",\"outstandingBalance\":86000.0,\"overdueAmount\":4300.0,\"annualInterestRate\":0.0"
            + "68,\"monthlyInstalment\":2150.0,\"remainingTermMonths\":40,\"oldestUnpaidDueDate\":\"2026-10-15\",\""
            + "arbitrationClause\":false},\"collateral\":{\"vehicleValue\":70000.0,\"valuedOn\":\"2026-09-30\",\"gp"
            + "sTracking\":\"ONLINE\"},\"history\":{\"contacts\":[{\"at\":\"2026-11-20T10:15:00+08:00\",\"channel\""
            + ":\"SMS\",\"outcome\":\"NO_ANSWER\"},{\"at\":\"2026-11-25T15:40:00+08:00\",\"channel\":\"PHONE\",\"ou"
            + "tcome\":\"CONTACTED\"}],\"brokenPromises\":1,\"plans\":[],\"legalActions\":[],\"lastPaymentOn\":\"20"
            + "26-09-14\"}}";
}
