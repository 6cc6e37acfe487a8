package io.djia.generate.procedural;

/** The drum and percussion voices a kit can play, with their level and place in the stereo image. */
enum Drum {
    KICK(1.0, 0.0),
    SNARE(0.85, 0.0),
    CLAP(0.75, 0.05),
    RIM(0.5, 0.25),
    CLOSED_HAT(0.5, 0.3),
    OPEN_HAT(0.42, -0.25),
    RIDE(0.38, 0.4),
    CRASH(0.35, -0.35),
    SHAKER(0.3, -0.4),
    BRUSH(0.55, 0.05),
    CONGA_LOW(0.62, -0.35),
    CONGA_HIGH(0.55, 0.3),
    BONGO(0.45, 0.5),
    TOM_LOW(0.75, -0.4),
    TOM_MID(0.7, 0.0),
    TOM_HIGH(0.65, 0.4),
    CLAVE(0.38, 0.45),
    TIMPANI(1.0, 0.0),
    BLIP(0.45, 0.0),
    CLICK(0.5, 0.0),
    NOISE_BURST(0.4, 0.0);

    private final double level;
    private final double pan;

    Drum(double level, double pan) {
        this.level = level;
        this.pan = pan;
    }

    double level() {
        return level;
    }

    double pan() {
        return pan;
    }

    boolean isHat() {
        return this == CLOSED_HAT || this == OPEN_HAT;
    }
}
