package io.djia.generate.procedural.dsp;

/**
 * Plucked string by the Karplus-Strong algorithm (K. Karplus and A. Strong, "Digital synthesis of
 * plucked-string and drum timbres", CMJ 1983) with the extensions of D. Jaffe and J. Smith ("Extensions of the
 * Karplus-Strong plucked-string algorithm", CMJ 1983): a first-order all-pass for fractional tuning, a
 * brightness-controlled loop low-pass, and a loop gain set for a given decay time.
 */
public final class KarplusStrong {
    private KarplusStrong() {
    }

    /**
     * Adds a plucked note to {@code out[0..length)}.
     *
     * @param brightness    0 (dull, nylon or pizzicato) .. 1 (bright steel)
     * @param decaySeconds  time for the fundamental to fall by 60 dB
     * @param amplitude     peak level of the excitation
     * @param noise         excitation source (seeded)
     * @return the number of samples written before the note fell below -80 dB (at most {@code length})
     */
    public static int pluck(float[] out, int length, double frequencyHz, double brightness, double decaySeconds,
                            double amplitude, Noise noise, double sampleRate) {
        double period = sampleRate / frequencyHz;
        // Loop low-pass y = (1 - rho) x + rho x[n-1]: phase delay ~rho samples at low frequencies.
        double rho = 0.5 - 0.45 * Math.max(0.0, Math.min(brightness, 1.0));
        double total = period - rho;
        // At least two samples of delay line: a note near Nyquist plays flat rather than failing.
        int delay = Math.max(2, (int) Math.floor(total - 0.1));
        double frac = total - delay;
        double apCoeff = (1.0 - frac) / (1.0 + frac);
        double loopGain = Math.pow(1e-3, 1.0 / (frequencyHz * decaySeconds));
        double[] line = new double[delay];
        // Excitation: one period of noise, softened by a one-pole low-pass for darker plucks.
        double soft = 0.15 + 0.8 * brightness;
        double lp = 0;
        double mean = 0;
        for (int i = 0; i < line.length; i++) {
            lp += soft * (noise.white() - lp);
            line[i] = lp;
            mean += lp;
        }
        mean /= line.length;
        double peak = 1e-9;
        for (int i = 0; i < line.length; i++) {
            line[i] -= mean;
            peak = Math.max(peak, Math.abs(line[i]));
        }
        double scale = amplitude / peak;
        for (int i = 0; i < line.length; i++) {
            line[i] *= scale;
        }
        int pos = 0;
        double prev = 0;
        double apState = 0;
        double apPrevIn = 0;
        double level = amplitude;
        int quietRun = 0;
        // A 0.5 ms ramp at the start: the excitation begins at zero, so the pluck never clicks.
        int ramp = Math.max(1, (int) (0.0005 * sampleRate));
        for (int n = 0; n < length; n++) {
            double x = line[pos];
            out[n] += (float) (n < ramp ? x * n / ramp : x);
            double filtered = (1.0 - rho) * x + rho * prev;
            prev = x;
            // First-order all-pass: y = a x + x[n-1] - a y[n-1].
            double ap = apCoeff * filtered + apPrevIn - apCoeff * apState;
            apPrevIn = filtered;
            apState = ap;
            line[pos] = ap * loopGain;
            if (++pos == line.length) {
                pos = 0;
            }
            double a = Math.abs(x);
            level = Math.max(a, level * 0.9995);
            if (level < 1e-4 * amplitude) {
                if (++quietRun > line.length) {
                    return n + 1;
                }
            } else {
                quietRun = 0;
            }
        }
        return length;
    }
}
