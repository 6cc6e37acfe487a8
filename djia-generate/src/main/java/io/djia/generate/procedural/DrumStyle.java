package io.djia.generate.procedural;

/** The drum and percussion styles the kits know: each has a pattern writer and a {@link KitTone}. */
enum DrumStyle {
    TECHNO, HOUSE, BOOM_BAP, TRIP_HOP, ROCK, BREAKBEAT, ONE_DROP, GLITCH, SUBTLE, TIMPANI, GENERIC,
    TECHNO_PERC, HOUSE_PERC, SHAKER
}
