// A synthetic portfolio for import benchmarks (bench/portfolio-import.sh), written straight to a file in bounded
// memory. Run with the JDK alone: java bench/GeneratePortfolio.java 1000000 /tmp/portfolio.jsonl [jsonl|csv]
// Cases BENCH-0 ... vary in jurisdiction, balances, dates, flags and consents; every one is valid.
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

public class GeneratePortfolio {

    private static final String[] FLAGS = { "", "DISPUTE_OPEN", "WILFUL_DEFAULT", "DISPUTE_OPEN|FRAUD_SUSPECTED", "" , "", "" };
    private static final String[] HARDSHIP = { "NONE", "ILLNESS", "UNEMPLOYMENT", "NONE", "NONE" };
    private static final String[] GPS = { "ONLINE", "OFFLINE", "NONE" };

    public static void main(String[] args) throws IOException {
        long count = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        boolean csv = args.length > 2 ? args[2].equals("csv") : file.toString().endsWith(".csv");
        LocalDate base = LocalDate.of(2026, 11, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (csv) {
                out.write("caseId,jurisdiction,borrower.timeZone,borrower.creditScore,borrower.monthlyIncome,"
                        + "borrower.monthlyDebtPayments,borrower.employment,borrower.hardship,borrower.flags,"
                        + "borrower.consents.phone,borrower.consents.sms,loan.loanId,loan.currency,loan.outstandingBalance,"
                        + "loan.overdueAmount,loan.annualInterestRate,loan.monthlyInstalment,loan.remainingTermMonths,"
                        + "loan.oldestUnpaidDueDate,loan.arbitrationClause,collateral.vehicleValue,collateral.valuedOn,"
                        + "collateral.gpsTracking\n");
            }
            StringBuilder b = new StringBuilder(1024);
            for (long i = 0; i < count; i++) {
                boolean us = i % 5 == 0;
                long balance = 20_000 + (i * 7919) % 180_000;
                long instalment = Math.max(500, balance / 40);
                long overdue = instalment * (1 + i % 6);
                int score = 300 + (int) (i % 551);
                String due = base.minusDays(i % 400).toString();
                String flags = FLAGS[(int) (i % FLAGS.length)];
                b.setLength(0);
                if (csv) {
                    b.append("BENCH-").append(i).append(',').append(us ? "US" : "CN").append(',')
                            .append(us ? "America/New_York" : "Asia/Shanghai").append(',').append(score).append(',')
                            .append(8000 + i % 9000).append(".00,").append(1000 + i % 3000).append(".00,EMPLOYED,")
                            .append(HARDSHIP[(int) (i % HARDSHIP.length)]).append(',').append(flags).append(',')
                            .append(i % 9 != 0).append(',').append(i % 11 != 0).append(",LN-").append(i).append(',')
                            .append(us ? "USD" : "CNY").append(',').append(balance).append(".00,").append(overdue).append(".00,0.068,")
                            .append(instalment).append(".00,").append(12 + i % 48).append(',').append(due).append(',')
                            .append(i % 7 == 0).append(',').append(balance * 8 / 10).append(".00,2026-09-30,")
                            .append(GPS[(int) (i % GPS.length)]).append('\n');
                } else {
                    b.append("{\"caseId\":\"BENCH-").append(i).append("\",\"jurisdiction\":\"").append(us ? "US" : "CN")
                            .append("\",\"borrower\":{\"customerId\":\"CUST-").append(i).append("\",\"timeZone\":\"")
                            .append(us ? "America/New_York" : "Asia/Shanghai").append("\",\"creditScore\":").append(score)
                            .append(",\"monthlyIncome\":").append(8000 + i % 9000).append(".00,\"monthlyDebtPayments\":")
                            .append(1000 + i % 3000).append(".00,\"employment\":\"EMPLOYED\",\"hardship\":\"")
                            .append(HARDSHIP[(int) (i % HARDSHIP.length)]).append("\",\"consents\":{\"phone\":")
                            .append(i % 9 != 0).append(",\"sms\":").append(i % 11 != 0).append(",\"email\":true},\"flags\":[");
                    if (!flags.isEmpty()) {
                        b.append('"').append(flags.replace("|", "\",\"")).append('"');
                    }
                    b.append("]},\"loan\":{\"loanId\":\"LN-").append(i).append("\",\"currency\":\"").append(us ? "USD" : "CNY")
                            .append("\",\"outstandingBalance\":").append(balance).append(".00,\"overdueAmount\":").append(overdue)
                            .append(".00,\"annualInterestRate\":0.068,\"monthlyInstalment\":").append(instalment)
                            .append(".00,\"remainingTermMonths\":").append(12 + i % 48).append(",\"oldestUnpaidDueDate\":\"")
                            .append(due).append("\",\"arbitrationClause\":").append(i % 7 == 0)
                            .append("},\"collateral\":{\"vehicleValue\":").append(balance * 8 / 10)
                            .append(".00,\"valuedOn\":\"2026-09-30\",\"gpsTracking\":\"").append(GPS[(int) (i % GPS.length)])
                            .append("\"}}\n");
                }
                out.append(b);
            }
        }
    }
}
