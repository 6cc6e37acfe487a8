package io.djia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code djia models}: listing, folder checks and the offline download message, with no network. */
class ModelsCommandTest {
    private record Run(int exitCode, String out, String err) {
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
    void listsTheLayoutsAndWhatTheModelsFolderHolds(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("musicgen-small/onnx"));
        Files.writeString(root.resolve("musicgen-small/tokenizer.json"), "{}");
        Run run = run("models", "--models-dir", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*musicgen-small\\s+missing 3\\s.*"), run.out());
        assertTrue(run.out().matches("(?s).*musicgen-large\\s+-\\s.*"), run.out());
        assertTrue(run.out().matches("(?s).*stable-audio-open\\s+unsupported\\s.*"), run.out());
        assertTrue(run.out().contains("no standard ONNX export of Stable Audio Open"), run.out());
        assertTrue(run.out().contains("optimum-cli export onnx --model facebook/musicgen-medium"), run.out());
        assertTrue(run.out().contains("Models folder: " + root), run.out());
    }

    @Test
    void checkNamesEveryMissingOrUnreadableFile(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("musicgen-small");
        Files.createDirectories(folder.resolve("onnx"));
        Files.write(folder.resolve("onnx/text_encoder.onnx"), new byte[] {8, 1, 2, 3});
        Files.writeString(folder.resolve("tokenizer.json"), "{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", -1.0]]}}");
        Run run = run("models", "check", folder.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("as musicgen-small"), run.out());
        assertTrue(run.out().matches("(?s).*onnx/decoder_model_merged\\.onnx\\s+MISSING.*"), run.out());
        assertTrue(run.err().contains("decoder_model_merged.onnx: is missing"), run.err());
        assertTrue(run.err().contains("encodec_decode.onnx: is missing"), run.err());
        assertTrue(run.err().contains("text_encoder.onnx: cannot be read as an ONNX model"), run.err());
        assertTrue(run.err().contains("djia models download musicgen-small"), run.err());

        Run unknown = run("models", "check", folder.toString(), "--model", "musicgen-xxl");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("musicgen-xxl") && unknown.err().contains("musicgen-small"), unknown.err());
    }

    @Test
    void downloadOfflineExplainsWhereToPutTheFiles(@TempDir Path root) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Run run = run("models", "--models-dir", root.toString(), "download", "musicgen-small", "-q",
                "--hub-url", "http://127.0.0.1:" + closedPort);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("offline"), run.err());
        assertTrue(run.err().contains("/Xenova/musicgen-small/resolve/main/onnx/text_encoder.onnx"), run.err());
        assertTrue(run.err().contains(root.resolve("musicgen-small").toString()), run.err());

        Run unsupported = run("models", "--models-dir", root.toString(), "download", "stable-audio-open");
        assertEquals(2, unsupported.exitCode());
        assertTrue(unsupported.err().contains("no standard ONNX export"), unsupported.err());
    }
}
