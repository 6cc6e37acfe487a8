package io.djia.generate.musicgen;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.djia.generate.models.GraphSignature;
import io.djia.generate.models.OrtSignatureReader;
import io.djia.generate.models.SignatureReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens each graph once, for real use, and hands its declared signature to the folder checker, so the file
 * that is checked is the file that runs. Sessions not taken by an adapter are closed with the loader.
 */
final class OrtGraphLoader implements SignatureReader, AutoCloseable {
    private OrtEnvironment env;
    private final int threads;
    private final Map<String, OrtSession> sessions = new LinkedHashMap<>();
    private final Map<String, GraphSignature> signatures = new LinkedHashMap<>();

    OrtGraphLoader(int threads) {
        this.threads = threads;
    }

    @Override
    public GraphSignature read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        String name = file.getFileName().toString();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            OrtSession session = environment().createSession(file.toString(), options);
            OrtSession old = sessions.put(name, session);
            if (old != null) {
                old.close();
            }
            GraphSignature signature = OrtSignatureReader.signatureOf(name, session);
            signatures.put(name, signature);
            return signature;
        } catch (OrtException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    Map<String, GraphSignature> signatures() {
        return signatures;
    }

    /** The shared runtime environment, started on first use (a missing folder fails without loading it). */
    OrtEnvironment environment() {
        if (env == null) {
            env = OrtEnvironment.getEnvironment();
        }
        return env;
    }

    /** The open session of {@code fileName}; the caller owns it from now on. */
    OrtSession take(String fileName) {
        OrtSession session = sessions.remove(fileName);
        if (session == null) {
            throw new IllegalStateException(fileName + " was not opened");
        }
        return session;
    }

    @Override
    public void close() {
        for (OrtSession session : sessions.values()) {
            try {
                session.close();
            } catch (OrtException e) {
                // Closing a session only frees native memory; nothing to report to the caller.
            }
        }
        sessions.clear();
    }
}
