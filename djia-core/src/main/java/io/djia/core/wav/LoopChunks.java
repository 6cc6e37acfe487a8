package io.djia.core.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Encodes and decodes the 'smpl' chunk (MIDI Manufacturers Association sampler chunk, as in the RIFF
 * specification update of 1994) and the 'acid' chunk (Sonic Foundry ACID loop information, layout as
 * documented by libsndfile): 4-byte flags, 2-byte root note, 2 + 4 unused bytes, 4-byte beat count,
 * 2-byte meter denominator, 2-byte meter numerator, 4-byte float tempo.
 */
final class LoopChunks {
    static final int SMPL_HEADER_BYTES = 36;
    static final int SMPL_LOOP_BYTES = 24;
    static final int SMPL_BYTES = SMPL_HEADER_BYTES + SMPL_LOOP_BYTES;
    static final int ACID_BYTES = 24;

    static final int ACID_ONE_SHOT = 0x01;
    static final int ACID_ROOT_NOTE_SET = 0x02;
    static final int ACID_STRETCH = 0x04;

    private LoopChunks() {
    }

    /** What a 'smpl' chunk says; loop fields are meaningful when {@code hasLoop}. */
    record SamplerInfo(int unityNote, boolean hasLoop, long loopStart, long loopEndInclusive) {
    }

    /** What an 'acid' chunk says. */
    record AcidInfo(int flags, int rootNote, long beats, int meterDenominator, int meterNumerator, float tempo) {
    }

    /** The 'smpl' payload for one forward loop, played forever. */
    static byte[] encodeSampler(LoopMetadata loop, int sampleRate) {
        ByteBuffer b = ByteBuffer.allocate(SMPL_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0); // manufacturer: none
        b.putInt(0); // product
        b.putInt((int) Math.round(1e9 / sampleRate)); // sample period in nanoseconds
        b.putInt(loop.rootNote()); // MIDI unity note
        b.putInt(0); // pitch fraction
        b.putInt(0); // SMPTE format: none
        b.putInt(0); // SMPTE offset
        b.putInt(1); // one loop
        b.putInt(0); // no sampler-specific data
        b.putInt(0); // cue point id
        b.putInt(0); // type 0: forward
        b.putInt((int) loop.loopStartFrame());
        b.putInt((int) (loop.loopEndFrame() - 1)); // the chunk stores the last frame played, inclusive
        b.putInt(0); // fraction
        b.putInt(0); // play count 0: infinite
        return b.array();
    }

    /** The 'acid' payload: root note set, stretching allowed, not a one-shot, meter n/4. */
    static byte[] encodeAcid(LoopMetadata loop) {
        ByteBuffer b = ByteBuffer.allocate(ACID_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ACID_ROOT_NOTE_SET | ACID_STRETCH);
        b.putShort((short) loop.rootNote());
        b.putShort((short) 0x8000); // unused; the value ACID itself writes
        b.putFloat(0f); // unused
        b.putInt(loop.beats());
        b.putShort((short) 4); // meter denominator
        b.putShort((short) loop.beatsPerBar());
        b.putFloat((float) loop.bpm());
        return b.array();
    }

    /** Empty when the chunk is too short to hold its fixed header. */
    static Optional<SamplerInfo> decodeSampler(byte[] payload) {
        if (payload.length < SMPL_HEADER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int unityNote = b.getInt(12);
        long loopCount = b.getInt(28) & 0xFFFF_FFFFL;
        boolean hasLoop = loopCount > 0 && payload.length >= SMPL_BYTES;
        long start = hasLoop ? b.getInt(SMPL_HEADER_BYTES + 8) & 0xFFFF_FFFFL : 0;
        long end = hasLoop ? b.getInt(SMPL_HEADER_BYTES + 12) & 0xFFFF_FFFFL : 0;
        return Optional.of(new SamplerInfo(unityNote, hasLoop, start, end));
    }

    /** Empty when the chunk is too short. */
    static Optional<AcidInfo> decodeAcid(byte[] payload) {
        if (payload.length < ACID_BYTES) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        return Optional.of(new AcidInfo(b.getInt(0), b.getShort(4) & 0xFFFF, b.getInt(12) & 0xFFFF_FFFFL,
                b.getShort(16) & 0xFFFF, b.getShort(18) & 0xFFFF, b.getFloat(20)));
    }

    /**
     * Merges what the chunks say for a file of {@code frames} frames. Metadata is advisory, so values out of
     * range are dropped rather than rejected: a loop reaching past the data is cut at the last frame, an empty
     * loop falls back to the whole file, a tempo that is not finite and positive becomes unknown. A one-shot
     * 'acid' chunk without a 'smpl' loop means the file does not loop: empty.
     */
    static Optional<LoopMetadata> merge(Optional<SamplerInfo> sampler, Optional<AcidInfo> acid, long frames) {
        if (frames < 1 || (sampler.isEmpty() && acid.isEmpty())) {
            return Optional.empty();
        }
        long start = 0;
        long end = frames;
        boolean hasLoopRegion = false;
        if (sampler.isPresent() && sampler.get().hasLoop()) {
            long s = sampler.get().loopStart();
            long e = Math.min(frames, sampler.get().loopEndInclusive() + 1);
            if (s < e) {
                start = s;
                end = e;
                hasLoopRegion = true;
            }
        }
        if (!hasLoopRegion && (acid.isEmpty() || (acid.get().flags() & ACID_ONE_SHOT) != 0)) {
            return Optional.empty();
        }
        double bpm = LoopMetadata.UNKNOWN_BPM;
        int beats = 0;
        int beatsPerBar = 4;
        int root = LoopMetadata.DEFAULT_ROOT_NOTE;
        if (acid.isPresent()) {
            AcidInfo a = acid.get();
            if (a.tempo() > 0 && a.tempo() <= LoopMetadata.MAX_BPM) {
                bpm = a.tempo();
            }
            beats = (int) Math.min(a.beats(), Integer.MAX_VALUE);
            if (a.meterNumerator() >= 1 && a.meterNumerator() <= 32) {
                beatsPerBar = a.meterNumerator();
            }
            if ((a.flags() & ACID_ROOT_NOTE_SET) != 0 && a.rootNote() <= 127) {
                root = a.rootNote();
            }
        }
        if (sampler.isPresent() && sampler.get().unityNote() >= 0 && sampler.get().unityNote() <= 127) {
            root = sampler.get().unityNote();
        }
        return Optional.of(new LoopMetadata(start, end, bpm, beats, root, beatsPerBar));
    }
}
