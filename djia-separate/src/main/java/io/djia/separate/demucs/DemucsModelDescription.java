package io.djia.separate.demucs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the host must know about an exported Demucs-style model: tensor names, segment length, STFT sizes and
 * stem order. Read from a small JSON file next to the {@code .onnx} file ({@code model.onnx} -> {@code model.json}).
 *
 * <p>Tensor layouts (batch 1, row-major), with C channels, S stems, N = segment frames, F = fftSize / 2 bins
 * and T = ceil(N / hopSize) spectrogram frames:
 * <ul>
 *   <li>waveform input {@code [1, C, N]}: the normalised mixture segment;</li>
 *   <li>spectrogram input {@code [1, 2C, F, T]}: its STFT as complex-as-channels (re, im of channel 0, then of
 *       channel 1), HTDemucs conventions: Hann window, normalised by 1/sqrt(fftSize), reflect padding of
 *       3/2 hop, Nyquist bin dropped, the first two and last two frames cropped;</li>
 *   <li>waveform output {@code [1, S, C, N]}: the time branch per stem;</li>
 *   <li>spectrogram output {@code [1, S, 2C, F, T]}: the frequency branch per stem, same layout as the input.</li>
 * </ul>
 * The spectrogram tensors are optional: a model whose graph computes its own STFT has only waveforms.
 *
 * @param name               label for messages, e.g. "htdemucs"
 * @param sampleRate         the rate the model was trained at, Hz
 * @param channels           audio channels the model takes (2 for Demucs)
 * @param segmentFrames      samples per model call (HTDemucs: 7.8 s at 44.1 kHz = 343980)
 * @param overlap            share of a segment that overlaps the next, [0, 0.9] (Demucs: 0.25)
 * @param stems              output stem names in model order; names other than drums, bass, other and vocals
 *                           (guitar, piano) are folded into "other"
 * @param waveformInput      name of the waveform input tensor
 * @param spectrogramInput   name of the spectrogram input tensor, or null
 * @param waveformOutput     name of the time-branch output, or null
 * @param spectrogramOutput  name of the frequency-branch output, or null
 * @param fftSize            STFT size when a spectrogram tensor is present (HTDemucs: 4096), else 0
 * @param hopSize            STFT hop when a spectrogram tensor is present (HTDemucs: 1024), else 0
 */
public record DemucsModelDescription(String name, int sampleRate, int channels, int segmentFrames, double overlap,
                                     List<String> stems, String waveformInput, String spectrogramInput,
                                     String waveformOutput, String spectrogramOutput, int fftSize, int hopSize) {

    private static final Set<String> FIELDS = Set.of("name", "sample_rate", "channels", "segment_frames", "overlap",
            "stems", "waveform_input", "spectrogram_input", "waveform_output", "spectrogram_output", "fft_size",
            "hop_size");

    public DemucsModelDescription {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model description needs a \"name\"");
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample_rate must be 8000..192000 Hz, got " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, got " + channels);
        }
        if (!(overlap >= 0 && overlap <= 0.9)) {
            throw new IllegalArgumentException("overlap must be 0..0.9, got " + overlap);
        }
        if (stems == null || stems.isEmpty()) {
            throw new IllegalArgumentException("model description needs \"stems\", e.g. [\"drums\", \"bass\", \"other\", \"vocals\"]");
        }
        stems = List.copyOf(stems);
        if (new HashSet<>(stems).size() != stems.size()) {
            throw new IllegalArgumentException("stem names must be distinct, got " + stems);
        }
        if (waveformInput == null || waveformInput.isBlank()) {
            throw new IllegalArgumentException("model description needs \"waveform_input\", the name of the [1, C, N] input");
        }
        spectrogramInput = blankToNull(spectrogramInput);
        waveformOutput = blankToNull(waveformOutput);
        spectrogramOutput = blankToNull(spectrogramOutput);
        if (waveformOutput == null && spectrogramOutput == null) {
            throw new IllegalArgumentException("model description needs \"waveform_output\" or \"spectrogram_output\"");
        }
        boolean spectral = spectrogramInput != null || spectrogramOutput != null;
        if (spectral) {
            if (fftSize < 16 || Integer.bitCount(fftSize) != 1) {
                throw new IllegalArgumentException("fft_size must be a power of two >= 16 when a spectrogram tensor is named, got " + fftSize);
            }
            if (hopSize < 1 || hopSize > fftSize / 2 || Integer.bitCount(hopSize) != 1) {
                throw new IllegalArgumentException("hop_size must be a power of two in [1, fft_size / 2], got " + hopSize);
            }
        } else if (fftSize != 0 || hopSize != 0) {
            throw new IllegalArgumentException("fft_size and hop_size apply only when a spectrogram tensor is named");
        }
        int minimum = spectral ? Math.max(2 * fftSize, 2 * hopSize) : 2;
        if (segmentFrames < minimum || segmentFrames > 60 * sampleRate) {
            throw new IllegalArgumentException("segment_frames must be in [" + minimum + ", 60 s], got " + segmentFrames);
        }
    }

    /** The description next to {@code onnxFile}: same name with {@code .json} instead of {@code .onnx}. */
    public static Path pathFor(Path onnxFile) {
        String file = onnxFile.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        return onnxFile.resolveSibling(base + ".json");
    }

    /** Reads and validates a description file. */
    public static DemucsModelDescription read(Path json) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read model description " + json + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model description " + json + ": " + e.getMessage(), e);
        }
    }

    /** Parses a description from its JSON tree (snake_case fields, see the class comment). */
    public static DemucsModelDescription fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field \"" + f + "\"; expected " + new java.util.TreeSet<>(FIELDS));
            }
        });
        JsonNode stemsNode = root.get("stems");
        if (stemsNode == null || !stemsNode.isArray()) {
            throw new IllegalArgumentException("\"stems\" must be an array of names in model order");
        }
        List<String> stemNames = new ArrayList<>();
        stemsNode.forEach(n -> stemNames.add(n.asText()));
        return new DemucsModelDescription(text(root, "name", null), integer(root, "sample_rate", 44100),
                integer(root, "channels", 2), integer(root, "segment_frames", -1),
                root.has("overlap") ? root.get("overlap").asDouble() : 0.25, stemNames,
                text(root, "waveform_input", null), text(root, "spectrogram_input", null),
                text(root, "waveform_output", null), text(root, "spectrogram_output", null),
                integer(root, "fft_size", 0), integer(root, "hop_size", 0));
    }

    /** The JSON form that {@link #fromJson} reads. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("sample_rate", sampleRate);
        m.put("channels", channels);
        m.put("segment_frames", segmentFrames);
        m.put("overlap", overlap);
        m.put("stems", stems);
        m.put("waveform_input", waveformInput);
        m.put("spectrogram_input", spectrogramInput);
        m.put("waveform_output", waveformOutput);
        m.put("spectrogram_output", spectrogramOutput);
        m.put("fft_size", fftSize);
        m.put("hop_size", hopSize);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTDemucs (v4) as exported with the STFT outside the graph; tensor names vary between exports. */
    public static DemucsModelDescription htdemucs(String waveformInput, String spectrogramInput,
                                                  String waveformOutput, String spectrogramOutput) {
        return new DemucsModelDescription("htdemucs", 44100, 2, 343_980, 0.25,
                List.of("drums", "bass", "other", "vocals"), waveformInput, spectrogramInput, waveformOutput,
                spectrogramOutput, 4096, 1024);
    }

    /** Whether the model takes or returns a spectrogram. */
    public boolean spectral() {
        return spectrogramInput != null || spectrogramOutput != null;
    }

    /** Frequency bins in the spectrogram tensors, fftSize / 2 (the Nyquist bin is dropped). */
    public int spectrogramBins() {
        return fftSize / 2;
    }

    /** Frames in the spectrogram tensors, ceil(segmentFrames / hopSize). */
    public int spectrogramFrames() {
        return hopSize == 0 ? 0 : (segmentFrames + hopSize - 1) / hopSize;
    }

    public long[] waveformInputShape() {
        return new long[] {1, channels, segmentFrames};
    }

    public long[] spectrogramInputShape() {
        return new long[] {1, 2L * channels, spectrogramBins(), spectrogramFrames()};
    }

    public long[] waveformOutputShape() {
        return new long[] {1, stems.size(), channels, segmentFrames};
    }

    public long[] spectrogramOutputShape() {
        return new long[] {1, stems.size(), 2L * channels, spectrogramBins(), spectrogramFrames()};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(JsonNode root, String field, String fallback) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    private static int integer(JsonNode root, String field, int fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            if (fallback < 0) {
                throw new IllegalArgumentException("missing \"" + field + "\"");
            }
            return fallback;
        }
        if (!n.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer, got " + n);
        }
        return n.asInt();
    }
}
