package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheServerOptions() {
        Run r = run("serve", "--help");
        assertEquals(0, r.code());
        for (String option : new String[] {"--host", "--port", "--api-key-file", "--workers", "--queue",
                "--request-timeout", "--shutdown-grace", "--audio-model", "--brain", "DJIA_API_KEY"}) {
            assertTrue(r.out().contains(option), option + " in\n" + r.out());
        }
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption(@TempDir Path dir) {
        Run port = run("serve", "--port", "70000");
        assertEquals(2, port.code());
        assertTrue(port.err().contains("--port") && port.err().contains("70000"), port.err());
        Run key = run("serve", "--api-key-file", dir.resolve("missing").toString());
        assertEquals(2, key.code());
        assertTrue(key.err().contains("not found"), key.err());
        Run timeout = run("serve", "--request-timeout", "-1");
        assertEquals(2, timeout.code());
        assertTrue(timeout.err().contains("--request-timeout"), timeout.err());
    }

    @Test
    void aPublicAddressWithoutAKeyIsRefused() {
        assumeTrue(System.getenv("DJIA_API_KEY") == null, "a key in the environment would make the address acceptable");
        Run r = run("serve", "--host", "0.0.0.0", "--port", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("DJIA_API_KEY") && r.err().contains("--insecure-no-key"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }
}
