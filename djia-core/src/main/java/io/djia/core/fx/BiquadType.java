package io.djia.core.fx;

/** The filter shapes of R. Bristow-Johnson's "Cookbook formulae for audio EQ biquad filter coefficients". */
public enum BiquadType {
    LOW_PASS, HIGH_PASS, BAND_PASS, LOW_SHELF, HIGH_SHELF, PEAKING
}
