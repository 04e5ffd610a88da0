package org.autocollections.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.autocollections.scoring.RunSpec;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import org.autocollections.DatabaseFree;

/** How {@code score} reads its trace options: compact unless the full trace is asked for. */
@DatabaseFree
class ScoreCommandTest {

    private static RunSpec spec(String... trace) {
        ScoreCommand command = new ScoreCommand();
        String[] args = new String[trace.length + 4];
        System.arraycopy(new String[] { "--in", "cases.jsonl", "--out", "decisions.jsonl" }, 0, args, 0, 4);
        System.arraycopy(trace, 0, args, 4, trace.length);
        new CommandLine(command).parseArgs(args);
        return command.spec();
    }

    @Test
    void aFileRunWritesCompactDecisionsUnlessTheFullTraceIsAskedFor() {
        assertThat(spec().trace()).isFalse();
        assertThat(spec("--trace=compact").trace()).isFalse();
        assertThat(spec("--trace", "full").trace()).isTrue();
    }

    @Test
    void theOldNoTraceOptionStillRunsAndMeansCompact() {
        assertThat(spec("--no-trace").trace()).isFalse();
        assertThatThrownBy(() -> spec("--no-trace", "--trace=full")).hasMessageContaining("contradict");
    }

    @Test
    void anUnknownTraceIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> spec("--trace=verbose")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--trace must be compact or full, not verbose");
    }
}
