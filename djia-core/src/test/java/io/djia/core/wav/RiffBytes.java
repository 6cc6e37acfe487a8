package io.djia.core.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds RIFF/WAVE files byte by byte, so tests can make headers no writer of ours would make. */
final class RiffBytes {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Long riffSizeOverride;
    private String riffId = "RIFF";
    private String formId = "WAVE";

    static RiffBytes wave() {
        return new RiffBytes();
    }

    RiffBytes riffId(String id) {
        this.riffId = id;
        return this;
    }

    RiffBytes formId(String id) {
        this.formId = id;
        return this;
    }

    RiffBytes riffSize(long size) {
        this.riffSizeOverride = size;
        return this;
    }

    /** A chunk with its true size and a pad byte when the size is odd. */
    RiffBytes chunk(String id, byte[] payload) {
        return chunk(id, payload.length, payload, true);
    }

    /** A chunk whose header claims {@code declaredSize}, followed by {@code payload} as given. */
    RiffBytes chunk(String id, long declaredSize, byte[] payload, boolean pad) {
        body.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(le32((int) declaredSize));
        body.writeBytes(payload);
        if (pad && (payload.length & 1) != 0) {
            body.write(0);
        }
        return this;
    }

    RiffBytes raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    byte[] build() {
        byte[] content = body.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(12 + content.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(riffId.getBytes(StandardCharsets.US_ASCII));
        b.putInt((int) (riffSizeOverride != null ? riffSizeOverride : 4 + content.length));
        b.put(formId.getBytes(StandardCharsets.US_ASCII));
        b.put(content);
        return b.array();
    }

    /** A plain 16-byte fmt payload. */
    static byte[] fmt(int code, int channels, int sampleRate, int blockAlign, int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) code).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return b.array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt payload with the standard GUID for {@code subformatCode}. */
    static byte[] fmtExtensible(int channels, int sampleRate, int containerBits, int validBits, int channelMask,
            int subformatCode) {
        byte[] guidTail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
            (byte) 0x9B, 0x71};
        return fmtExtensible(channels, sampleRate, containerBits, validBits, channelMask, subformatCode, guidTail);
    }

    static byte[] fmtExtensible(int channels, int sampleRate, int containerBits, int validBits, int channelMask,
            int subformatCode, byte[] guidTail) {
        int blockAlign = channels * containerBits / 8;
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xFFFE).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) containerBits);
        b.putShort((short) 22).putShort((short) validBits).putInt(channelMask);
        b.putShort((short) subformatCode).put(guidTail);
        return b.array();
    }

    static byte[] le16(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static byte[] le24(int... values) {
        byte[] out = new byte[3 * values.length];
        for (int i = 0; i < values.length; i++) {
            out[3 * i] = (byte) values[i];
            out[3 * i + 1] = (byte) (values[i] >> 8);
            out[3 * i + 2] = (byte) (values[i] >> 16);
        }
        return out;
    }

    static byte[] le32(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] leFloat(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] leDouble(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** Index of the first occurrence of a chunk id in {@code file}, or -1. */
    static int indexOf(byte[] file, String id) {
        byte[] needle = id.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 12; i + 4 <= file.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (file[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int readLe32(byte[] file, int at) {
        return ByteBuffer.wrap(file, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    static int readLe16(byte[] file, int at) {
        return ByteBuffer.wrap(file, at, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }
}
