package io.djia.app.live;

import io.djia.app.serve.RemoteException;
import io.djia.app.serve.RemoteGeneratorClient;
import io.djia.app.serve.RemoteRequest;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.resample.Resampler;
import io.djia.generate.GenerationRequest;
import io.djia.generate.Generator;
import java.util.ArrayList;
import java.util.List;

/**
 * Loops made by a {@code djia serve} server ({@code djia live --api-url}), behind the {@link Generator} interface
 * so the live engine makes them like any other clip, in the background. Each request carries the style, tempo,
 * key, length, intensity and seed the brain chose and the user's words as the prompt; the answer is brought to
 * the engine's rate and cut or padded to exactly the bars asked for.
 *
 * <p>When the server cannot make a loop (down, busy, wrong key) the call fails with the client's message, written
 * for the person at the set; the engine reports it and plays on with what it has. Thread-safe.
 */
final class RemoteGenerator implements Generator {
    private final RemoteGeneratorClient client;

    RemoteGenerator(RemoteGeneratorClient client) {
        this.client = client;
    }

    /** The server's error, unchecked: generation runs in the engine's background threads. */
    static final class RemoteGenerationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteGenerationException(RemoteException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public AudioBuffer generate(GenerationRequest request) {
        List<String> words = new ArrayList<>();
        if (!request.prompt().isBlank()) {
            words.add(request.prompt());
        }
        words.add(request.layerType().replace('_', ' '));
        words.addAll(request.keywords());
        String prompt = String.join(" ", words);
        if (prompt.length() > 500) {
            prompt = prompt.substring(0, 500);
        }
        double bpm = Math.max(40, Math.min(240, request.tempo().bpm()));
        RemoteRequest remote = RemoteRequest.of(request.profile().name(), prompt)
                .withBpm(bpm)
                .withKey(request.key().atonal() ? null : request.key().displayName())
                .withMeasures(request.bars())
                .withSeed(request.seed())
                .withIntensity(request.intensity());
        AudioBuffer loop;
        try {
            loop = client.generate(remote);
        } catch (RemoteException e) {
            throw new RemoteGenerationException(e);
        }
        if (loop.sampleRate() != request.sampleRate()) {
            loop = Resampler.resample(loop, request.sampleRate());
        }
        return exactLength(loop.channels() == 2 ? loop : loop.toStereo(), request.frames());
    }

    private static AudioBuffer exactLength(AudioBuffer loop, int frames) {
        if (loop.frames() == frames) {
            return loop;
        }
        float[][] out = new float[loop.channels()][frames];
        for (int c = 0; c < loop.channels(); c++) {
            System.arraycopy(loop.channel(c), 0, out[c], 0, Math.min(frames, loop.frames()));
        }
        return new AudioBuffer(out, loop.sampleRate());
    }

    @Override
    public String name() {
        return "remote:" + client.options().baseUrl();
    }

    /** The server runs whatever engine it was started with; one request at a time keeps its queue fair. */
    @Override
    public boolean isNeural() {
        return true;
    }

    /** The server fits its loops to the bar grid before sending them. */
    @Override
    public boolean outputIsOnGrid() {
        return true;
    }

    @Override
    public void close() {
        client.close();
    }
}
