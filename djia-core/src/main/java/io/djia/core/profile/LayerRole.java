package io.djia.core.profile;

/** What a layer does in the mix; the set allows one {@link #RHYTHM} layer at a time. */
public enum LayerRole {
    /** The main beat (a full kit or break). Only one plays at a time: a new one replaces the old. */
    RHYTHM,
    /** Extra percussion on top of the main beat. */
    PERCUSSION,
    BASS,
    /** Chords, pads, drones, skanks. */
    HARMONY,
    /** Melodies, arpeggios, plucks, bells, riffs. */
    LEAD,
    /** Textures, field recordings, noise beds. */
    TEXTURE,
    /** Risers, sweeps, sirens, scratches: short accents. */
    FX
}
