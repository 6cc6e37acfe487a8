package io.djia.core.wav;

import io.djia.core.audio.AudioBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a WAV file block by block, for recordings and offline renders too long to hold in memory.
 *
 * <p>After every {@link #flush()} the file on disk is a complete, valid WAV file holding every frame appended
 * so far: the RIFF and data sizes are rewritten and the data is forced to the device, so a crash loses at most
 * what came after the last flush. {@link #commit()} pads the data chunk, appends the 'smpl' and 'acid' chunks
 * when the options carry a loop, and closes.
 *
 * <p>Two modes. {@link #openAtomic}: frames go to a hidden temporary file next to the target, which
 * {@link #commit()} moves over the target in one atomic rename; {@link #close()} without commit deletes it, so
 * the target is either the old file or the complete new one, never a partial one. {@link #openDirect}: frames go
 * to the target itself, and {@link #close()} finishes the file as commit does (a recording keeps what was recorded).
 *
 * <p>Headers follow libsndfile's choice: WAVE_FORMAT_PCM (or IEEE_FLOAT with a 'fact' chunk) for one and two
 * channels, WAVE_FORMAT_EXTENSIBLE with channel mask 0 ("no speaker positions": stems, not surround) above that.
 *
 * <p>Not thread-safe, and it does file I/O: feed it from a recorder thread draining a lock-free queue,
 * never from the audio callback.
 */
public final class WavStreamWriter implements AutoCloseable {
    private static final int BUFFER_FRAMES = 8192;
    private static final long MAX_RIFF_SIZE = 0xFFFF_FFFFL;

    private enum State { OPEN, CLOSED }

    private final Path target;
    private final Path writePath;
    private final boolean atomic;
    private final int channels;
    private final int sampleRate;
    private final WavWriteOptions options;
    private final SampleEncoder encoder;
    private final FileChannel file;
    private final int blockAlign;
    private final byte[] pending;
    private final int dataSizeOffset;
    private final int factFramesOffset;
    private final int dataStart;
    private int pendingBytes;
    /** Data bytes already in the file; the total data so far is this plus {@code pendingBytes}. */
    private long writtenBytes;
    private long framesWritten;
    private State state = State.OPEN;

    private WavStreamWriter(Path target, Path writePath, boolean atomic, int channels, int sampleRate,
            WavWriteOptions options, FileChannel file) throws IOException {
        this.target = target;
        this.writePath = writePath;
        this.atomic = atomic;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.options = options;
        this.file = file;
        this.encoder = new SampleEncoder(options.encoding(), options.dither());
        this.blockAlign = channels * options.encoding().bytesPerSample();
        this.pending = new byte[BUFFER_FRAMES * blockAlign];

        byte[] fmt = formatChunk(options.encoding(), channels, sampleRate);
        boolean hasFact = options.encoding().isFloatingPoint();
        ByteBuffer header = ByteBuffer.allocate(12 + 8 + fmt.length + (hasFact ? 12 : 0) + 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(RiffIds.RIFF).putInt(0).putInt(RiffIds.WAVE);
        header.putInt(RiffIds.FMT).putInt(fmt.length).put(fmt);
        if (hasFact) {
            // IEEE float is a non-PCM format, for which the specification requires a 'fact' frame count.
            header.putInt(RiffIds.FACT).putInt(4);
            factFramesOffset = header.position();
            header.putInt(0);
        } else {
            factFramesOffset = -1;
        }
        header.putInt(RiffIds.DATA);
        dataSizeOffset = header.position();
        header.putInt(0);
        dataStart = header.position();
        header.flip();
        writeFully(header, 0);
        updateHeader(dataStart);
    }

    /**
     * Opens a writer whose frames become visible at {@code target} only on {@link #commit()}.
     *
     * @throws IOException when the temporary file cannot be created next to the target
     */
    public static WavStreamWriter openAtomic(Path target, int channels, int sampleRate, WavWriteOptions options)
            throws IOException {
        validate(target, channels, sampleRate, options);
        Path absolute = target.toAbsolutePath();
        Path temp = io.djia.core.io.AtomicFiles.createTempSibling(absolute, ".part");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new WavStreamWriter(absolute, temp, true, channels, sampleRate, options, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Opens a writer that writes straight into {@code target}, replacing it; the file is valid after each flush. */
    public static WavStreamWriter openDirect(Path target, int channels, int sampleRate, WavWriteOptions options)
            throws IOException {
        validate(target, channels, sampleRate, options);
        Path absolute = target.toAbsolutePath();
        FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new WavStreamWriter(absolute, absolute, false, channels, sampleRate, options, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void validate(Path target, int channels, int sampleRate, WavWriteOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (channels < 1 || channels > WavReader.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + WavReader.MAX_CHANNELS + ", got " + channels);
        }
        if (sampleRate < 1 || sampleRate > WavReader.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate must be 1.." + WavReader.MAX_SAMPLE_RATE + " Hz, got "
                    + sampleRate);
        }
        if (target.getFileName() == null) {
            throw new IllegalArgumentException("target must name a file, got " + target);
        }
    }

    /** Appends all frames of {@code block}, which must have this writer's channel count and sample rate. */
    public void append(AudioBuffer block) throws IOException {
        Objects.requireNonNull(block, "block");
        if (block.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("block is at " + block.sampleRate() + " Hz, the file at " + sampleRate
                    + " Hz; resample it first");
        }
        append(block.planar(), 0, block.frames());
    }

    /**
     * Appends {@code frames} frames from {@code planar[c][offset..]}.
     *
     * @throws IllegalArgumentException on a NaN or infinite sample, before anything of the block is written
     */
    public void append(float[][] planar, int offset, int frames) throws IOException {
        requireOpen();
        Objects.requireNonNull(planar, "planar");
        if (planar.length != channels) {
            throw new IllegalArgumentException("block has " + planar.length + " channels, the file " + channels);
        }
        for (float[] ch : planar) {
            if (offset < 0 || frames < 0 || offset + (long) frames > ch.length) {
                throw new IndexOutOfBoundsException("frames [" + offset + ", " + (offset + (long) frames)
                        + ") outside a channel of " + ch.length);
            }
        }
        long newBytes = (long) frames * blockAlign;
        long trailer = options.loop().isPresent() ? 2 * 8 + LoopChunks.SMPL_BYTES + LoopChunks.ACID_BYTES : 0;
        if (dataStart + writtenBytes + pendingBytes + newBytes + 1 + trailer - 8 > MAX_RIFF_SIZE) {
            throw new IOException("WAV data would pass the 4 GiB RIFF limit after " + framesWritten
                    + " frames; split the recording into several files");
        }
        SampleEncoder.requireFinite(planar, offset, frames, framesWritten);
        int done = 0;
        while (done < frames) {
            int room = (pending.length - pendingBytes) / blockAlign;
            if (room == 0) {
                writePending();
                continue;
            }
            int n = Math.min(room, frames - done);
            pendingBytes = encoder.encode(planar, offset + done, n, pending, pendingBytes);
            done += n;
        }
        framesWritten += frames;
    }

    /** Writes buffered frames, rewrites the header sizes and forces the data to the device. */
    public void flush() throws IOException {
        requireOpen();
        writePending();
        updateHeader(dataStart + writtenBytes);
        file.force(false);
    }

    /**
     * Finishes the file: pad byte, loop chunks, final sizes, forced to the device; in atomic mode, then moves it
     * over the target. The writer is closed afterwards, whether this succeeds or not.
     *
     * @throws IllegalStateException when the loop in the options ends after the last frame written (the writer
     *                               stays open, so the caller may append more or close)
     */
    public void commit() throws IOException {
        requireOpen();
        if (options.loop().isPresent() && options.loop().get().loopEndFrame() > framesWritten) {
            throw new IllegalStateException("loop ends at frame " + options.loop().get().loopEndFrame()
                    + " but only " + framesWritten + " frames were written");
        }
        finish(true);
    }

    private void finish(boolean writeLoop) throws IOException {
        state = State.CLOSED;
        boolean done = false;
        try {
            writePending();
            long end = dataStart + writtenBytes;
            ByteBuffer trailer = ByteBuffer.allocate(1 + 16 + LoopChunks.SMPL_BYTES + LoopChunks.ACID_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            if ((writtenBytes & 1) != 0) {
                trailer.put((byte) 0);
            }
            if (writeLoop && options.loop().isPresent() && options.loop().get().loopEndFrame() <= framesWritten) {
                LoopMetadata loop = options.loop().get();
                byte[] smpl = LoopChunks.encodeSampler(loop, sampleRate);
                trailer.putInt(RiffIds.SMPL).putInt(smpl.length).put(smpl);
                if (loop.hasTempo()) {
                    byte[] acid = LoopChunks.encodeAcid(loop);
                    trailer.putInt(RiffIds.ACID).putInt(acid.length).put(acid);
                }
            }
            trailer.flip();
            end += writeFully(trailer, end);
            updateHeader(end);
            file.force(true);
            file.close();
            if (atomic) {
                moveIntoPlace();
            }
            done = true;
        } finally {
            if (!done) {
                discard();
            }
        }
    }

    /**
     * Atomic mode: deletes the temporary file unless committed. Direct mode: finishes the file as commit does,
     * leaving out a loop that ends after the last frame written rather than losing the recording.
     */
    @Override
    public void close() throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        if (atomic) {
            state = State.CLOSED;
            discard();
        } else {
            finish(true);
        }
    }

    /** Frames appended so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Integer samples that fell outside the encoding's range and were clipped to it. */
    public long clippedSamples() {
        return encoder.clippedSamples();
    }

    /** The file this writer produces. */
    public Path target() {
        return target;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the writer for " + target + " is already committed or closed");
        }
    }

    private void writePending() throws IOException {
        if (pendingBytes > 0) {
            writeFully(ByteBuffer.wrap(pending, 0, pendingBytes), dataStart + writtenBytes);
            writtenBytes += pendingBytes;
            pendingBytes = 0;
        }
    }

    /** Rewrites the RIFF, 'fact' and data sizes for the bytes in the file, which end at {@code fileEnd}. */
    private void updateHeader(long fileEnd) throws IOException {
        ByteBuffer four = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        writeFully(four.putInt(0, (int) (fileEnd - 8)), 4);
        writeFully(four.clear().putInt(0, (int) writtenBytes), dataSizeOffset);
        if (factFramesOffset >= 0) {
            writeFully(four.clear().putInt(0, (int) (writtenBytes / blockAlign)), factFramesOffset);
        }
    }

    private int writeFully(ByteBuffer bytes, long at) throws IOException {
        int total = 0;
        while (bytes.hasRemaining()) {
            total += file.write(bytes, at + total);
        }
        return total;
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(writePath, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(writePath, target, StandardCopyOption.REPLACE_EXISTING);
        }
        // Make the rename itself durable. Some platforms cannot open a directory; the file is then safe but the
        // rename may be lost in a crash, which leaves the old file, never a partial one.
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort, see above
        }
    }

    private void discard() throws IOException {
        closeQuietly(file);
        if (atomic) {
            Files.deleteIfExists(writePath);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing after a failure: the first error is the one to report
        }
    }

    /** The fmt chunk payload (see the class comment for the choice of header). */
    static byte[] formatChunk(WavEncoding encoding, int channels, int sampleRate) {
        boolean extensible = channels > 2;
        int code = encoding.isFloatingPoint() ? RiffIds.FORMAT_IEEE_FLOAT : RiffIds.FORMAT_PCM;
        int size = extensible ? 40 : (encoding.isFloatingPoint() ? 18 : 16);
        int blockAlign = channels * encoding.bytesPerSample();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (extensible ? RiffIds.FORMAT_EXTENSIBLE : code));
        b.putShort((short) channels);
        b.putInt(sampleRate);
        b.putInt((int) ((long) sampleRate * blockAlign));
        b.putShort((short) blockAlign);
        b.putShort((short) encoding.containerBits());
        if (extensible) {
            b.putShort((short) 22);
            b.putShort((short) encoding.containerBits()); // valid bits
            b.putInt(0); // channel mask: no speaker positions
            b.putShort((short) code).put(RiffIds.SUBFORMAT_GUID_TAIL);
        } else if (encoding.isFloatingPoint()) {
            b.putShort((short) 0); // cbSize
        }
        return b.array();
    }
}
