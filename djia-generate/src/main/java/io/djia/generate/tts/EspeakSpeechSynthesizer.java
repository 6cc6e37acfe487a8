package io.djia.generate.tts;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.resample.Resampler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Speech through the espeak-ng program: the text goes to its standard input, the WAV it prints on standard output
 * ({@code --stdout}) is parsed here, trimmed, normalised to -6 dBFS peak and resampled to the session rate. Energy
 * sets the speaking rate (130..190 words per minute) and pitch. The WAV espeak-ng writes to a pipe carries
 * placeholder sizes (it cannot seek back to fix them), so the reader takes the data chunk up to the end of the
 * stream rather than trusting the header. Immutable; each call runs one short process.
 */
public final class EspeakSpeechSynthesizer implements SpeechSynthesizer {
    private static final long TIMEOUT_SECONDS = 15;
    private final Path executable;
    private final String version;

    private EspeakSpeechSynthesizer(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** espeak-ng from the PATH, when installed and working. */
    public static Optional<EspeakSpeechSynthesizer> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "espeak-ng");
            if (Files.isExecutable(candidate)) {
                Optional<EspeakSpeechSynthesizer> found = at(candidate);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** The program at {@code executable}, if it answers {@code --version}. */
    public static Optional<EspeakSpeechSynthesizer> at(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String firstLine = out.lines().findFirst().orElse("espeak-ng");
            return Optional.of(new EspeakSpeechSynthesizer(executable, firstLine));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public AudioBuffer speak(String text, int energy, int sampleRate) {
        SpeechSynthesizer.checkArguments(text, energy, sampleRate);
        int wordsPerMinute = 130 + (energy - 1) * 60 / 9;
        int pitch = 35 + (energy - 1) * 30 / 9;
        List<String> command = List.of(executable.toString(), "--stdout", "--stdin", "-v", "en",
                "-s", String.valueOf(wordsPerMinute), "-p", String.valueOf(pitch));
        byte[] wav;
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.replaceAll("\\p{Cntrl}", " ").getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream out = p.getInputStream()) {
                wav = out.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpeechException(executable + " did not finish within " + TIMEOUT_SECONDS + " s", null);
            }
            if (p.exitValue() != 0) {
                throw new SpeechException(executable + " failed with exit code " + p.exitValue(), null);
            }
        } catch (IOException e) {
            throw new SpeechException("cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("interrupted while " + executable + " was speaking", e);
        }
        AudioBuffer speech = SpeechLevels.trimAndNormalise(parseWav(wav));
        return Resampler.resample(speech, sampleRate);
    }

    /**
     * Mono float audio from a PCM WAV (8, 16, 24 or 32-bit integer, or 32-bit float; channels averaged). A data
     * size larger than what follows, as written to a pipe, is read to the end of the bytes.
     *
     * @throws SpeechException when the bytes are not such a WAV
     */
    static AudioBuffer parseWav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
            throw new SpeechException("espeak-ng output is not a WAV file (" + wav.length + " bytes)", null);
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            String id = tag(wav, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ") && size >= 16 && body + 16 <= wav.length) {
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2) & 0xffff;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xffff;
            } else if (id.equals("data")) {
                if (channels < 1 || rate < 1000 || bits == 0) {
                    throw new SpeechException("WAV data chunk before a usable fmt chunk", null);
                }
                int end = (int) Math.min(wav.length, body + size);
                return decode(b, body, end, format, channels, rate, bits);
            }
            pos = (int) Math.min(wav.length, body + size + (size & 1));
        }
        throw new SpeechException("WAV without a data chunk", null);
    }

    private static AudioBuffer decode(ByteBuffer b, int from, int to, int format, int channels, int rate, int bits) {
        // WAVE_FORMAT_IEEE_FLOAT is 3; PCM (1) and EXTENSIBLE (0xFFFE, as integer PCM) are read as integers.
        boolean isFloat = format == 3;
        if (!(format == 1 || format == 3 || format == 0xFFFE) || !(bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
            throw new SpeechException("unsupported WAV encoding (format " + format + ", " + bits + " bits)", null);
        }
        int bytes = bits / 8;
        int frames = (to - from) / (bytes * channels);
        float[] mono = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = from + (f * channels + c) * bytes;
                sum += switch (bits) {
                    case 8 -> ((b.get(at) & 0xff) - 128) / 128.0;
                    case 16 -> b.getShort(at) / 32768.0;
                    case 24 -> ((b.get(at) & 0xff) | ((b.get(at + 1) & 0xff) << 8) | (b.get(at + 2) << 16)) / 8388608.0;
                    default -> isFloat ? b.getFloat(at) : b.getInt(at) / 2147483648.0;
                };
            }
            mono[f] = (float) (sum / channels);
        }
        return new AudioBuffer(new float[][] {mono}, rate);
    }

    private static String tag(byte[] wav, int at) {
        return new String(wav, at, 4, StandardCharsets.US_ASCII);
    }

    @Override
    public String name() {
        return "espeak-ng";
    }

    @Override
    public String description() {
        return "speech: " + version + " (" + executable + ")";
    }
}
