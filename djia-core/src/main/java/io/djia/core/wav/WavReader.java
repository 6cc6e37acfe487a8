package io.djia.core.wav;

import io.djia.core.audio.AudioBuffer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads WAV files into planar float audio.
 *
 * <p>Accepts integer PCM of 1..32 bits in 1..4-byte containers (8-bit unsigned), IEEE float of 32 and 64 bits,
 * plain or WAVE_FORMAT_EXTENSIBLE headers, and 1..{@value #MAX_CHANNELS} channels. Chunks it does not know are
 * skipped, odd-sized chunks are followed by their pad byte, and 'smpl' / 'acid' chunks become
 * {@link LoopMetadata}. Anything it cannot read is a {@link WavFormatException} naming the file and the
 * problem; a data chunk shorter than its header claims is an error, never a silently short buffer.
 *
 * <p>Tolerated quirks: a RIFF size that disagrees with the file (reading goes on to the end of the file until
 * the data chunk is found), a data size that is not a whole number of frames (the partial frame is dropped),
 * and a broken chunk after the data chunk (ignored, the audio is complete). Thread-safe: no shared state.
 */
public final class WavReader {
    /** Most channels a file may have. */
    public static final int MAX_CHANNELS = 64;
    /** Largest sample rate accepted, far above any real recording; larger values mean a corrupt header. */
    public static final int MAX_SAMPLE_RATE = 4_000_000;
    /** Largest non-audio chunk read into memory ('fmt ', 'smpl', 'acid'). */
    private static final int MAX_METADATA_CHUNK_BYTES = 1 << 20;
    private static final int DECODE_BLOCK_FRAMES = 8192;

    private WavReader() {
    }

    /** Reads a whole WAV file. */
    public static WavFile read(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        long size = Files.size(path);
        try (InputStream in = Files.newInputStream(path)) {
            return new Parser(new BufferedInputStream(in, 1 << 16), path.toString(), size).parse();
        }
    }

    /**
     * Reads a WAV file from a stream, which is read past the audio (it is buffered) but not closed.
     *
     * @param sourceName how to name the stream in error messages (a file name or URL)
     */
    public static WavFile read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        return new Parser(buffered, sourceName, -1).parse();
    }

    /** One pass over one file. */
    private static final class Parser {
        private final InputStream in;
        private final String source;
        /** Total bytes of the source when known (a file), else -1. */
        private final long knownSize;
        private final byte[] scratch = new byte[8];
        private long position;
        /** Offset just past the RIFF chunk as its header declares it, or Long.MAX_VALUE when implausible. */
        private long riffEnd;

        private WavFormat format;
        private int formatBlockAlign;
        private AudioBuffer audio;
        private Optional<LoopChunks.SamplerInfo> sampler = Optional.empty();
        private Optional<LoopChunks.AcidInfo> acid = Optional.empty();

        Parser(InputStream in, String source, long knownSize) {
            this.in = in;
            this.source = source;
            this.knownSize = knownSize;
        }

        WavFile parse() throws IOException {
            readRiffHeader();
            while (true) {
                if (audio != null && position + 8 > riffEnd) {
                    break; // the RIFF chunk is complete; anything after it is not ours
                }
                int headerBytes = readUpTo(scratch, 8);
                if (headerBytes == 0) {
                    break;
                }
                if (headerBytes < 8) {
                    if (audio != null) {
                        break;
                    }
                    throw error("truncated: chunk header at byte " + (position - headerBytes) + " has only "
                            + headerBytes + " of 8 bytes");
                }
                int id = leInt(scratch, 0);
                long size = leInt(scratch, 4) & 0xFFFF_FFFFL;
                long chunkStart = position;
                if (id == RiffIds.FMT) {
                    if (format != null) {
                        throw error("more than one fmt chunk");
                    }
                    readFormat(readPayload(id, size));
                } else if (id == RiffIds.DATA && audio == null) {
                    if (format == null) {
                        throw error("the data chunk comes before any fmt chunk; expected 'fmt ' first");
                    }
                    readData(size);
                } else if (id == RiffIds.SMPL) {
                    byte[] payload = readPayloadLenient(id, size);
                    if (payload == null) {
                        break;
                    }
                    sampler = LoopChunks.decodeSampler(payload);
                } else if (id == RiffIds.ACID) {
                    byte[] payload = readPayloadLenient(id, size);
                    if (payload == null) {
                        break;
                    }
                    acid = LoopChunks.decodeAcid(payload);
                } else {
                    long skipped = skip(size);
                    if (skipped < size) {
                        if (audio != null) {
                            break;
                        }
                        throw error("truncated: chunk " + RiffIds.describe(id) + " at byte " + (chunkStart - 8)
                                + " claims " + size + " bytes, only " + skipped + " present");
                    }
                }
                if ((size & 1) != 0) {
                    skip(1); // RIFF pads odd chunks to an even size; a missing pad at the end is harmless
                }
            }
            if (format == null) {
                throw error("no fmt chunk");
            }
            if (audio == null) {
                throw error("no data chunk");
            }
            return new WavFile(audio, format, LoopChunks.merge(sampler, acid, audio.frames()));
        }

        private void readRiffHeader() throws IOException {
            byte[] header = new byte[12];
            int n = readUpTo(header, 12);
            if (n == 0) {
                throw error("not a RIFF file: it is empty");
            }
            if (n < 12) {
                throw error("not a RIFF file: only " + n + " bytes, a WAV header needs 12");
            }
            int id = leInt(header, 0);
            if (id == RiffIds.RIFX) {
                throw error("big-endian RIFX files are not supported; expected 'RIFF'");
            }
            if (id == RiffIds.RF64 || id == RiffIds.BW64) {
                throw error(RiffIds.describe(id) + " (64-bit WAV) files are not supported; expected 'RIFF'");
            }
            if (id != RiffIds.RIFF) {
                throw error("not a RIFF file: starts with " + RiffIds.describe(id) + ", expected 'RIFF'");
            }
            int form = leInt(header, 8);
            if (form != RiffIds.WAVE) {
                throw error("RIFF form is " + RiffIds.describe(form) + ", expected 'WAVE'");
            }
            long riffSize = leInt(header, 4) & 0xFFFF_FFFFL;
            riffEnd = riffSize >= 4 && riffSize != 0xFFFF_FFFFL ? 8 + riffSize : Long.MAX_VALUE;
        }

        private void readFormat(byte[] fmt) throws WavFormatException {
            if (fmt.length < 16) {
                throw error("fmt chunk has " + fmt.length + " bytes, expected at least 16");
            }
            int code = leShort(fmt, 0);
            int channels = leShort(fmt, 2);
            long sampleRate = leInt(fmt, 4) & 0xFFFF_FFFFL;
            int blockAlign = leShort(fmt, 12);
            int bits = leShort(fmt, 14);
            int validBits = bits;
            if (code == RiffIds.FORMAT_EXTENSIBLE) {
                if (fmt.length < 40 || leShort(fmt, 16) < 22) {
                    throw error("WAVE_FORMAT_EXTENSIBLE fmt chunk has " + fmt.length
                            + " bytes, expected 40 with a 22-byte extension");
                }
                int declaredValid = leShort(fmt, 18);
                validBits = declaredValid == 0 ? bits : declaredValid;
                if (!Arrays.equals(fmt, 26, 40, RiffIds.SUBFORMAT_GUID_TAIL, 0, 14)) {
                    throw error("unsupported WAVE_FORMAT_EXTENSIBLE subformat GUID " + guid(fmt, 24)
                            + "; expected KSDATAFORMAT_SUBTYPE_PCM or _IEEE_FLOAT");
                }
                code = leShort(fmt, 24);
            }
            if (code != RiffIds.FORMAT_PCM && code != RiffIds.FORMAT_IEEE_FLOAT) {
                throw error(String.format("unsupported codec 0x%04X (%s); expected PCM (0x0001) or IEEE float (0x0003)",
                        code, RiffIds.codecName(code)));
            }
            if (channels == 0) {
                throw error("0 channels; expected 1.." + MAX_CHANNELS);
            }
            if (channels > MAX_CHANNELS) {
                throw error(channels + " channels; at most " + MAX_CHANNELS + " are supported");
            }
            if (sampleRate == 0 || sampleRate > MAX_SAMPLE_RATE) {
                throw error("sample rate " + sampleRate + " Hz; expected 1.." + MAX_SAMPLE_RATE);
            }
            WavEncoding encoding = encodingOf(code, bits);
            if (validBits < 1 || validBits > bits) {
                throw error(validBits + " valid bits in a " + bits + "-bit container");
            }
            if (blockAlign != channels * encoding.bytesPerSample()) {
                throw error("block align " + blockAlign + " does not match " + channels + " channels of " + bits
                        + " bits; expected " + channels * encoding.bytesPerSample());
            }
            format = new WavFormat(encoding, Math.min(validBits, encoding.containerBits()), channels, (int) sampleRate);
            formatBlockAlign = blockAlign;
        }

        private WavEncoding encodingOf(int code, int bits) throws WavFormatException {
            if (code == RiffIds.FORMAT_IEEE_FLOAT) {
                return switch (bits) {
                    case 32 -> WavEncoding.FLOAT32;
                    case 64 -> WavEncoding.FLOAT64;
                    default -> throw error(bits + "-bit IEEE float; expected 32 or 64 bits");
                };
            }
            return switch ((bits + 7) / 8) {
                case 1 -> WavEncoding.PCM8;
                case 2 -> WavEncoding.PCM16;
                case 3 -> WavEncoding.PCM24;
                case 4 -> WavEncoding.PCM32;
                default -> throw error(bits + "-bit PCM; expected 1 to 32 bits");
            };
        }

        private void readData(long claimedBytes) throws IOException {
            int blockAlign = formatBlockAlign;
            long claimedFrames = claimedBytes / blockAlign;
            if (knownSize >= 0 && position + claimedBytes > knownSize) {
                throw truncatedData(claimedBytes, knownSize - position);
            }
            if (claimedFrames > Integer.MAX_VALUE) {
                throw error("data chunk holds " + claimedFrames + " frames; one buffer holds at most "
                        + Integer.MAX_VALUE);
            }
            int channels = format.channels();
            int totalFrames = (int) claimedFrames;
            // With a known file size the claim is verified, so allocate it; a stream grows as data arrives.
            int capacity = knownSize >= 0 ? totalFrames : Math.min(totalFrames, 1 << 16);
            float[][] planar = new float[channels][capacity];
            byte[] block = new byte[DECODE_BLOCK_FRAMES * blockAlign];
            int done = 0;
            while (done < totalFrames) {
                int frames = Math.min(DECODE_BLOCK_FRAMES, totalFrames - done);
                int got = readUpTo(block, frames * blockAlign);
                if (got < frames * blockAlign) {
                    throw truncatedData(claimedBytes, (long) done * blockAlign + got);
                }
                if (done + frames > capacity) {
                    capacity = (int) Math.min(totalFrames, Math.max((long) capacity * 2, done + frames));
                    for (int c = 0; c < channels; c++) {
                        planar[c] = Arrays.copyOf(planar[c], capacity);
                    }
                }
                SampleDecoder.decode(format.encoding(), block, frames, planar, done);
                done += frames;
            }
            long remainder = claimedBytes - (long) totalFrames * blockAlign;
            if (skip(remainder) < remainder) {
                throw truncatedData(claimedBytes, (long) totalFrames * blockAlign);
            }
            audio = new AudioBuffer(planar, format.sampleRate());
        }

        private WavFormatException truncatedData(long claimed, long present) {
            return error("truncated: data chunk claims " + claimed + " bytes, only " + present + " present");
        }

        private byte[] readPayload(int id, long size) throws IOException {
            if (size > MAX_METADATA_CHUNK_BYTES) {
                throw error("chunk " + RiffIds.describe(id) + " claims " + size + " bytes; at most "
                        + MAX_METADATA_CHUNK_BYTES + " expected");
            }
            byte[] payload = new byte[(int) size];
            int got = readUpTo(payload, payload.length);
            if (got < size) {
                throw error("truncated: chunk " + RiffIds.describe(id) + " claims " + size + " bytes, only " + got
                        + " present");
            }
            return payload;
        }

        /** Like {@link #readPayload}, but after the audio has been read a broken chunk gives null instead of an error. */
        private byte[] readPayloadLenient(int id, long size) throws IOException {
            try {
                return readPayload(id, size);
            } catch (WavFormatException e) {
                if (audio != null) {
                    return null;
                }
                throw e;
            }
        }

        private WavFormatException error(String problem) {
            return new WavFormatException(source, problem);
        }

        /** Reads until {@code length} bytes or the end of the stream; returns the count read. */
        private int readUpTo(byte[] buffer, int length) throws IOException {
            int total = 0;
            while (total < length) {
                int n = in.read(buffer, total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            position += total;
            return total;
        }

        /** Skips until {@code count} bytes or the end of the stream; returns the count skipped. */
        private long skip(long count) throws IOException {
            long total = 0;
            while (total < count) {
                long n = in.skip(count - total);
                if (n <= 0) {
                    // skip() may return 0 before the end; a read tells the end apart.
                    if (in.read() < 0) {
                        break;
                    }
                    n = 1;
                }
                total += n;
            }
            position += total;
            return total;
        }
    }

    private static int leShort(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int leInt(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }

    private static String guid(byte[] b, int p) {
        StringBuilder s = new StringBuilder(36);
        s.append(String.format("%08X-%04X-%04X-", leInt(b, p), leShort(b, p + 4), leShort(b, p + 6)));
        for (int i = 8; i < 16; i++) {
            if (i == 10) {
                s.append('-');
            }
            s.append(String.format("%02X", b[p + i] & 0xFF));
        }
        return s.toString();
    }
}
