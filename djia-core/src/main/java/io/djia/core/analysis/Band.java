package io.djia.core.analysis;

/** The named frequency bands that mixing engineers talk about, with their edges in Hz. */
public enum Band {
    SUB("sub", 20, 60),
    BASS("bass", 60, 250),
    LOW_MID("low-mid", 250, 500),
    MID("mid", 500, 2_000),
    HIGH_MID("high-mid", 2_000, 4_000),
    PRESENCE("presence", 4_000, 6_000),
    AIR("air", 6_000, 20_000);

    private final String label;
    private final double lowHz;
    private final double highHz;

    Band(String label, double lowHz, double highHz) {
        this.label = label;
        this.lowHz = lowHz;
        this.highHz = highHz;
    }

    /** Lower-case name as printed and used in JSON, e.g. "low-mid". */
    public String label() {
        return label;
    }

    public double lowHz() {
        return lowHz;
    }

    public double highHz() {
        return highHz;
    }

    /** The band holding {@code hz}, or null outside 20 Hz .. 20 kHz. Edges belong to the upper band. */
    public static Band of(double hz) {
        for (Band b : values()) {
            if (hz >= b.lowHz && hz < b.highHz) {
                return b;
            }
        }
        return null;
    }
}
