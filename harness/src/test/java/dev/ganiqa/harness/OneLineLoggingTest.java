package dev.ganiqa.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A library's java.util.logging record reaches stderr as one ganiqa line, without timestamp or class name. */
class OneLineLoggingTest {
    @Test
    void recordsAreOneLineWithoutTimestampOrClass() {
        dev.ganiqa.harness.cli.Logging.oneLine();
        Handler[] handlers = Logger.getLogger("").getHandlers();
        assertThat(handlers).isNotEmpty();
        LogRecord record = new LogRecord(Level.WARNING, "netlib fell back to pure Java ({0})");
        record.setParameters(new Object[] {"F2jBLAS"});
        record.setSourceClassName("dev.ganiqa.metrics.stats.LinearAlgebra");
        String text = handlers[0].getFormatter().format(record);
        assertThat(text.strip()).isEqualTo("ganiqa: warning: netlib fell back to pure Java (F2jBLAS)");
        assertThat(text.strip().lines()).hasSize(1);
    }
}
