package io.djia.separate;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.resample.Resampler;
import io.djia.separate.demucs.DemucsModelDescription;
import io.djia.separate.demucs.HybridPipeline;
import io.djia.separate.demucs.OnnxSegmentModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs an exported Demucs model (HTDemucs by default) with ONNX Runtime. The model file comes with a description
 * ({@code model.onnx} -> {@code model.json}) giving tensor names, segment length, STFT sizes and stem order; the
 * host does normalisation, segmenting with overlap-add and the STFTs (see {@link HybridPipeline}).
 *
 * <p>Clips at other rates than the model's (44.1 kHz for HTDemucs) are resampled to it and back. Calls on one
 * instance are serialised;
 * use one instance per thread for parallel clips. Close it to free the native session.
 */
public final class DemucsOnnxSeparator implements Separator {
    private final OnnxSegmentModel model;
    private final HybridPipeline pipeline;
    private final String description;

    private DemucsOnnxSeparator(OnnxSegmentModel model, HybridPipeline pipeline, String description) {
        this.model = model;
        this.pipeline = pipeline;
        this.description = description;
    }

    /**
     * Loads {@code onnxFile} and the description beside it, and checks the model's real inputs and outputs
     * against the description.
     *
     * @throws IllegalArgumentException when a file is missing or the model does not match its description
     */
    public static DemucsOnnxSeparator open(Path onnxFile, OnnxOptions options) {
        Objects.requireNonNull(onnxFile, "onnxFile");
        Objects.requireNonNull(options, "options");
        if (!Files.isRegularFile(onnxFile)) {
            throw new IllegalArgumentException("model file " + onnxFile + " does not exist");
        }
        Path json = DemucsModelDescription.pathFor(onnxFile);
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("model " + onnxFile.getFileName() + " needs its description "
                    + json.getFileName() + " in the same folder (tensor names, segment, STFT sizes, stems);"
                    + " see djia-separate/README.md");
        }
        DemucsModelDescription d;
        try {
            d = DemucsModelDescription.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OnnxSegmentModel model = OnnxSegmentModel.load(onnxFile, d, options);
        String text = "demucs-onnx " + d.name() + " (" + d.stems().size() + " stems, " + model.provider() + ", "
                + options.threads() + " threads)";
        return new DemucsOnnxSeparator(model, new HybridPipeline(d, model), text);
    }

    /** The description the model was checked against. */
    public DemucsModelDescription modelDescription() {
        return pipeline.description();
    }

    /**
     * Separates a clip; one at another rate than the model's is resampled to it and its stems back, and "other"
     * is then taken at the clip's rate, so the stems still sum back exactly.
     */
    @Override
    public synchronized Stems separate(AudioBuffer clip, SeparationProgress progress) {
        Objects.requireNonNull(clip, "clip");
        int modelRate = pipeline.description().sampleRate();
        if (clip.sampleRate() == modelRate) {
            return pipeline.separate(clip, progress);
        }
        Stems atModelRate = pipeline.separate(Resampler.resample(clip, modelRate), progress);
        Resampler back = Resampler.create(modelRate, clip.sampleRate());
        AudioBuffer[] parts = new AudioBuffer[3];
        Stem[] kept = {Stem.DRUMS, Stem.BASS, Stem.VOCALS};
        for (int i = 0; i < kept.length; i++) {
            parts[i] = fitLength(back.apply(atModelRate.get(kept[i])), clip.frames());
        }
        return Stems.withResidualOther(clip, parts[0], parts[1], parts[2]);
    }

    /** Pads with silence or cuts so a resampled stem has exactly the clip's frames. */
    private static AudioBuffer fitLength(AudioBuffer b, int frames) {
        if (b.frames() == frames) {
            return b;
        }
        float[][] out = new float[b.channels()][frames];
        for (int c = 0; c < out.length; c++) {
            System.arraycopy(b.channel(c), 0, out[c], 0, Math.min(frames, b.frames()));
        }
        return new AudioBuffer(out, b.sampleRate());
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        model.close();
    }
}
