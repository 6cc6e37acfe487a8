package io.djia.core.wav;

/** Chunk identifiers and format codes of RIFF/WAVE (Microsoft Multimedia Programming Interface and Data Specifications 1.0, 1991; WAVEFORMATEXTENSIBLE). */
final class RiffIds {
    static final int RIFF = fourCc("RIFF");
    static final int RIFX = fourCc("RIFX");
    static final int RF64 = fourCc("RF64");
    static final int BW64 = fourCc("BW64");
    static final int WAVE = fourCc("WAVE");
    static final int FMT = fourCc("fmt ");
    static final int DATA = fourCc("data");
    static final int FACT = fourCc("fact");
    static final int SMPL = fourCc("smpl");
    static final int ACID = fourCc("acid");

    static final int FORMAT_PCM = 0x0001;
    static final int FORMAT_IEEE_FLOAT = 0x0003;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /**
     * Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID built from a format code
     * ({@code XXXXXXXX-0000-0010-8000-00AA00389B71}, stored little-endian); bytes 0..1 hold the code.
     */
    static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private RiffIds() {
    }

    /** The four ASCII characters as a little-endian int, as they are read from the file. */
    static int fourCc(String id) {
        return (id.charAt(0) & 0xFF) | (id.charAt(1) & 0xFF) << 8 | (id.charAt(2) & 0xFF) << 16
                | (id.charAt(3) & 0xFF) << 24;
    }

    /** A chunk id for messages: its characters in quotes when printable, otherwise hex bytes. */
    static String describe(int id) {
        StringBuilder text = new StringBuilder(6).append('\'');
        for (int i = 0; i < 4; i++) {
            int c = (id >>> (8 * i)) & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return String.format("0x%02X%02X%02X%02X", id & 0xFF, (id >>> 8) & 0xFF, (id >>> 16) & 0xFF, id >>> 24);
            }
            text.append((char) c);
        }
        return text.append('\'').toString();
    }

    /** Name of a WAVE format code, for the message that rejects it. */
    static String codecName(int formatCode) {
        return switch (formatCode) {
            case 0x0001 -> "PCM";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0003 -> "IEEE float";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG-1 audio";
            case 0x0055 -> "MP3";
            case 0x00FF -> "AAC";
            case 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0x2000 -> "AC-3";
            case 0x2001 -> "DTS";
            case 0xF1AC -> "FLAC";
            case 0xFFFE -> "WAVE_FORMAT_EXTENSIBLE";
            default -> "unknown";
        };
    }
}
