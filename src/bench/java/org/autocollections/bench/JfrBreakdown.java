package org.autocollections.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU goes, from a JFR recording (bench/profile.sh): the share of Java execution samples whose
 * stack passes through each stage of a decision request. Shares are inclusive and nested stages overlap (decide
 * contains fireAllRules). GC and JIT threads are not sampled by JFR; bench/http.sh's service CPU covers them.
 * Usage: {@code java -cp ... org.autocollections.bench.JfrBreakdown recording.jfr}
 */
public final class JfrBreakdown {

    /** Stage name -> a fragment of "class.method" that marks it. Indented names are parts of the stage above. */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("HTTP event loop (accept, read, write sockets)", "io.netty.channel.nio.NioEventLoop.run");
        STAGES.put("body JSON -> JsonNode (Jackson reader)", "ServerJacksonMessageBodyReader.readFrom");
        STAGES.put("CaseReader.read (JsonNode -> case, validation)", "org.autocollections.api.CaseReader.read");
        STAGES.put("  bean validation", "org.hibernate.validator.internal.engine.ValidatorImpl.validate");
        STAGES.put("DecisionEngine.decide", "org.autocollections.engine.DecisionEngine.decide");
        STAGES.put("  CaseFacts construction", "org.autocollections.policy.CaseFacts.<init>");
        STAGES.put("  newKieSession", "newKieSession");
        STAGES.put("  fireAllRules", "fireAllRules");
        STAGES.put("  conclusions -> Decision", "org.autocollections.engine.Conclusions.");
        STAGES.put("  session.dispose", "StatefulKnowledgeSessionImpl.dispose");
        STAGES.put("decision record (DecisionLedger.record)", "org.autocollections.audit.DecisionLedger.record");
        STAGES.put("  transaction commit", "TransactionImple.commit");
        STAGES.put("response JSON (Jackson writer)", "ServerJacksonMessageBodyWriter.writeResponse");
    }

    private JfrBreakdown() {
    }

    public static void main(String[] args) throws IOException {
        int samples = 0;
        Map<String, Integer> stages = new LinkedHashMap<>();
        STAGES.keySet().forEach(k -> stages.put(k, 0));
        Map<String, Integer> topInRules = new TreeMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : stack.getFrames()) {
                frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
            for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                if (frames.stream().anyMatch(f -> f.contains(stage.getValue()))) {
                    stages.merge(stage.getKey(), 1, Integer::sum);
                }
            }
            if (frames.stream().anyMatch(f -> f.contains("fireAllRules"))) {
                topInRules.merge(frames.get(0), 1, Integer::sum);
            }
        }
        System.out.println("JFR execution samples: " + samples + " (Java threads only)");
        System.out.println();
        System.out.println("| stage (inclusive; indented = part of the stage above) | share of samples |");
        System.out.println("|---|---:|");
        for (Map.Entry<String, Integer> e : stages.entrySet()) {
            String name = e.getKey().startsWith("  ") ? "&nbsp;&nbsp;&nbsp;" + e.getKey().strip() : e.getKey();
            System.out.println("| " + name + " | " + pct(e.getValue(), samples) + " |");
        }
        System.out.println();
        System.out.println("Hottest methods (self time) inside fireAllRules:");
        System.out.println();
        System.out.println("| method | share of all samples |");
        System.out.println("|---|---:|");
        int all = samples;
        topInRules.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.println("| " + e.getKey() + " | " + pct(e.getValue(), all) + " |"));
    }

    private static String pct(int n, int of) {
        return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
    }
}
