package io.djia.stretch;

/** How much work the stretcher spends per frame. */
public enum Quality {
    /**
     * One resolution (2048-point frames at 44.1 and 48 kHz, 1/8 hop) with identity phase locking, transient
     * anchoring and phase reset: the fast default, for the live engine.
     */
    STANDARD,
    /**
     * Two resolutions side by side, in the spirit of Rubber Band's R3 engine: frames twice the standard size
     * below about 600 Hz, so bass partials 20-40 Hz apart stay resolved and clean, and the standard size above
     * for attacks and highs, always at an eighth-frame hop. About three times the cost of {@link #STANDARD}.
     */
    FINE
}
