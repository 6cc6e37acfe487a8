package io.djia.stretch;

/**
 * Fast phase functions for the vocoder's inner loop. Polynomials fitted (near-minimax, by iteratively
 * reweighted least squares) for this class: atan on [0, 1] to 2.5e-7 rad, sin and cos on [-pi/2, pi/2] to
 * 2e-10 (and a logarithm to 1e-5 for onset detection). A phase error of 2.5e-7 rad per frame moves a partial by under 1e-5 Hz, far below the 1-cent
 * requirement, and costs a fraction of {@link Math#atan2}. Stateless.
 */
final class PhaseMath {
    private static final double HALF_PI = Math.PI / 2;
    private static final double A1 = 0.99999611255080589;
    private static final double A3 = -0.33317371368549953;
    private static final double A5 = 0.19807846035084914;
    private static final double A7 = -0.13233459773316303;
    private static final double A9 = 0.079625848500227428;
    private static final double A11 = -0.033606129638694873;
    private static final double A13 = 0.006812431438540989;
    private static final double S1 = 0.99999999988989219;
    private static final double S3 = -0.16666666541473013;
    private static final double S5 = 0.0083333292652992622;
    private static final double S7 = -0.00019840702947642244;
    private static final double S9 = 2.7518859372632765e-06;
    private static final double S11 = -2.379477279101927e-08;
    private static final double C0 = 0.99999999978073983;
    private static final double C2 = -0.49999999358688846;
    private static final double C4 = 0.041666636266023051;
    private static final double C6 = -0.0013888361500490193;
    private static final double C8 = 2.4760166444648402e-05;
    private static final double C10 = -2.6051584917086146e-07;

    private static final double L1 = 0.99949453114469888;
    private static final double L2 = -0.49190241582079886;
    private static final double L3 = 0.2894613537955662;
    private static final double L4 = -0.13605215791658018;
    private static final double L5 = 0.032155836359193141;
    private static final double LN2 = Math.log(2);

    private PhaseMath() {
    }

    /**
     * Natural logarithm of a positive, finite {@code x}, to 1e-5: the binary exponent plus a polynomial for
     * {@code ln(1 + t)} on the mantissa {@code 1 + t}, t in [0, 1). For detection functions, not for phases.
     */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double t = Double.longBitsToDouble((bits & 0x000f_ffff_ffff_ffffL) | 0x3ff0_0000_0000_0000L) - 1.0;
        return exponent * LN2 + t * (L1 + t * (L2 + t * (L3 + t * (L4 + t * L5))));
    }

    /** Angle of (x, y) in [-pi, pi]; 0 for the origin. */
    static double atan2(double y, double x) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        if (ax == 0 && ay == 0) {
            return 0;
        }
        boolean steep = ay > ax;
        double z = steep ? ax / ay : ay / ax;
        double z2 = z * z;
        double r = z * (A1 + z2 * (A3 + z2 * (A5 + z2 * (A7 + z2 * (A9 + z2 * (A11 + z2 * A13))))));
        if (steep) {
            r = HALF_PI - r;
        }
        if (x < 0) {
            r = Math.PI - r;
        }
        return y < 0 ? -r : r;
    }

    /** Sine of a phase in [-pi, pi]. */
    static double sin(double x) {
        if (x > HALF_PI) {
            x = Math.PI - x;
        } else if (x < -HALF_PI) {
            x = -Math.PI - x;
        }
        double x2 = x * x;
        return x * (S1 + x2 * (S3 + x2 * (S5 + x2 * (S7 + x2 * (S9 + x2 * S11)))));
    }

    /** Cosine of a phase in [-pi, pi]. */
    static double cos(double x) {
        double sign = 1;
        if (x > HALF_PI) {
            x = Math.PI - x;
            sign = -1;
        } else if (x < -HALF_PI) {
            x = -Math.PI - x;
            sign = -1;
        }
        double x2 = x * x;
        return sign * (C0 + x2 * (C2 + x2 * (C4 + x2 * (C6 + x2 * (C8 + x2 * C10)))));
    }
}
