package org.autocollections.bench;

import java.util.concurrent.TimeUnit;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Trace;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.RecordedConclusions;
import org.autocollections.http.JsonSetup;
import org.autocollections.ruleset.RuleModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * What writing a decision's JSON costs, on its own: the compact answer of the M2 example (what the decision endpoint
 * sends) and its record's payload JSON (the request and the conclusions, before compression), written by a mapper set
 * up as the service's ({@link JsonSetup}), with Jackson's reflection-based accessors ({@code plain}) or with the
 * Blackbird module's generated ones ({@code blackbird}). The HTTP profile put the answer's JSON at about an eighth of
 * a request and the record's at a twelfth; this says how much of that a faster accessor would save.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchSupport.SERVICE_LOGGING)
@Threads(1)
public class JsonWriteBenchmark {

    @Param({ "plain", "blackbird" })
    public String mapper;

    private ObjectMapper json;
    private Object answer;
    private DecisionLedger.Payload payload;

    @Setup
    public void setUp() {
        // the modules named, not found: Blackbird, on this classpath for the comparison, would otherwise join both
        JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule());
        if (mapper.equals("blackbird")) {
            builder.addModule(new BlackbirdModule());
        }
        json = builder.build();
        new JsonSetup().customize(json);
        json.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CollectionCase request = BenchSupport.readCase("m2");
        Decision decision = BenchSupport.engine(RuleModel.EXECUTABLE)
                .decide(request, BenchSupport.compile(RuleModel.EXECUTABLE, BenchSupport.shippedPolicy()));
        answer = Trace.COMPACT.answer(decision);
        payload = new DecisionLedger.Payload(request, RecordedConclusions.of(decision));
    }

    @Benchmark
    public byte[] answer() throws Exception {
        return json.writeValueAsBytes(answer);
    }

    @Benchmark
    public byte[] recordPayload() throws Exception {
        return json.writeValueAsBytes(payload);
    }
}
