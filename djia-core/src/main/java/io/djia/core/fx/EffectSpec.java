package io.djia.core.fx;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One effect in a layer's or the master's chain, as profiles and brain decisions describe it.
 *
 * <p>Only the fields that matter for the {@link #type()} are read: {@code cutoffHz} and {@code q} for
 * filters, {@code size}, {@code decaySeconds} and {@code mix} for reverb, {@code noteValue},
 * {@code feedback} and {@code mix} for delay, {@code gainDb} for shelves. Unused fields hold defaults.
 *
 * @param type        which effect
 * @param cutoffHz    filter cutoff or centre frequency
 * @param q           filter quality factor (0.707 = Butterworth)
 * @param gainDb      shelf gain
 * @param size        reverb room size 0..1
 * @param decaySeconds reverb RT60
 * @param noteValue   delay time as a note value: "1/4", "1/8", "1/8d" (dotted), "1/8t" (triplet), "1/2"...
 * @param feedback    delay feedback 0..0.95
 * @param mix         wet share 0..1 for reverb and delay
 */
public record EffectSpec(Type type, double cutoffHz, double q, double gainDb, double size, double decaySeconds,
                         String noteValue, double feedback, double mix) {

    /** Effect kinds. */
    public enum Type {
        HPF, LPF, BANDPASS, LOW_SHELF, HIGH_SHELF, REVERB, DELAY;

        /** Parses "hpf", "highpass", "lpf", "lowpass", "reverb", "delay", ... */
        public static Type parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (t) {
                case "hpf", "highpass", "hp" -> HPF;
                case "lpf", "lowpass", "lp" -> LPF;
                case "bpf", "bandpass", "bp" -> BANDPASS;
                case "lowshelf" -> LOW_SHELF;
                case "highshelf" -> HIGH_SHELF;
                case "reverb", "verb" -> REVERB;
                case "delay", "echo" -> DELAY;
                default -> throw new IllegalArgumentException("unknown effect type \"" + text
                        + "\"; expected one of hpf, lpf, bandpass, low_shelf, high_shelf, reverb, delay");
            };
        }
    }

    public EffectSpec {
        if (type == null) {
            throw new IllegalArgumentException("effect type is required");
        }
        if (!(cutoffHz > 0 && cutoffHz < 100_000)) {
            throw new IllegalArgumentException("cutoff must be in (0, 100000) Hz, got " + cutoffHz);
        }
        if (!(q > 0.05 && q <= 40)) {
            throw new IllegalArgumentException("filter Q must be in (0.05, 40], got " + q);
        }
        if (!(size >= 0 && size <= 1)) {
            throw new IllegalArgumentException("reverb size must be 0..1, got " + size);
        }
        if (!(decaySeconds > 0 && decaySeconds <= 30)) {
            throw new IllegalArgumentException("reverb decay must be in (0, 30] s, got " + decaySeconds);
        }
        if (!(feedback >= 0 && feedback <= 0.95)) {
            throw new IllegalArgumentException("delay feedback must be 0..0.95, got " + feedback);
        }
        if (!(mix >= 0 && mix <= 1)) {
            throw new IllegalArgumentException("wet mix must be 0..1, got " + mix);
        }
        if (Double.isNaN(gainDb) || Math.abs(gainDb) > 48) {
            throw new IllegalArgumentException("shelf gain must be within +/-48 dB, got " + gainDb);
        }
        noteValue = noteValue == null ? "1/4" : noteValue;
        beatsOf(noteValue);
    }

    /**
     * JSON form used by profiles and decisions: {@code {"type": "hpf", "cutoff_hz": 40}}; missing fields take
     * defaults, and the seed's aliases {@code time} (delay note value) and {@code decay} (reverb seconds) are accepted.
     */
    @JsonCreator
    public static EffectSpec fromJson(@JsonProperty("type") String type,
                                      @JsonProperty("cutoff_hz") Double cutoffHz,
                                      @JsonProperty("q") Double q,
                                      @JsonProperty("gain_db") Double gainDb,
                                      @JsonProperty("size") Double size,
                                      @JsonProperty("decay_seconds") Double decaySeconds,
                                      @JsonProperty("decay") Double decay,
                                      @JsonProperty("note_value") String noteValue,
                                      @JsonProperty("time") String time,
                                      @JsonProperty("feedback") Double feedback,
                                      @JsonProperty("mix") Double mix) {
        if (type == null) {
            throw new IllegalArgumentException("effect needs a \"type\" (hpf, lpf, bandpass, low_shelf, high_shelf, reverb, delay)");
        }
        return new EffectSpec(Type.parse(type),
                cutoffHz == null ? 1000 : cutoffHz,
                q == null ? 0.707 : q,
                gainDb == null ? 0 : gainDb,
                size == null ? 0.5 : size,
                decaySeconds != null ? decaySeconds : decay != null ? decay : 2.0,
                noteValue != null ? noteValue : time != null ? time : "1/4",
                feedback == null ? 0.4 : feedback,
                mix == null ? 0.25 : mix);
    }

    public static EffectSpec highPass(double cutoffHz) {
        return new EffectSpec(Type.HPF, cutoffHz, 0.707, 0, 0.5, 2, "1/4", 0.4, 0.25);
    }

    public static EffectSpec lowPass(double cutoffHz) {
        return new EffectSpec(Type.LPF, cutoffHz, 0.707, 0, 0.5, 2, "1/4", 0.4, 0.25);
    }

    public static EffectSpec reverb(double size, double decaySeconds, double mix) {
        return new EffectSpec(Type.REVERB, 1000, 0.707, 0, size, decaySeconds, "1/4", 0.4, mix);
    }

    public static EffectSpec delay(String noteValue, double feedback, double mix) {
        return new EffectSpec(Type.DELAY, 1000, 0.707, 0, 0.5, 2, noteValue, feedback, mix);
    }

    /**
     * Length of a note value in quarter-note beats: "1/4" = 1, "1/8" = 0.5, "1/8d" = 0.75,
     * "1/8t" = 1/3, "1/2" = 2, "1" = 4.
     */
    public static double beatsOf(String noteValue) {
        String t = noteValue.trim().toLowerCase(Locale.ROOT);
        double factor = 1.0;
        if (t.endsWith("d") || t.endsWith(".")) {
            factor = 1.5;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("t")) {
            factor = 2.0 / 3.0;
            t = t.substring(0, t.length() - 1);
        }
        double whole;
        try {
            if (t.contains("/")) {
                String[] parts = t.split("/");
                whole = Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
            } else {
                whole = Double.parseDouble(t);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad note value \"" + noteValue
                    + "\"; expected e.g. 1/4, 1/8, 1/8d (dotted), 1/8t (triplet), 1/2");
        }
        if (!(whole > 0 && whole <= 4)) {
            throw new IllegalArgumentException("note value \"" + noteValue + "\" out of range 1/64..4 bars");
        }
        return whole * 4.0 * factor;
    }
}
