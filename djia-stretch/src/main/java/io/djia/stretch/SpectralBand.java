package io.djia.stretch;

import io.djia.core.spectral.RealFft;
import io.djia.core.spectral.WindowType;

/**
 * One resolution of the phase vocoder: analysis, phase propagation and overlap-add synthesis of all channels
 * at one frame size, restricted to one frequency band.
 *
 * <p><b>Phase.</b> Peaks (bins louder than both neighbours) carry the phase: each advances by its
 * instantaneous frequency times the synthesis hop, the frequency being the bin's plus the heterodyned phase
 * deviation over the analysis hop (Flanagan and Golden 1966; Dolson 1986). Every other bin keeps its
 * analysed phase relation to the peak of its region, the region ending at the quietest bin between two peaks:
 * identity phase locking (Laroche and Dolson 1999, "Improved phase vocoder time-scale modification of audio"),
 * which removes most phasiness. A peak needs to beat one neighbour each side, not Laroche and Dolson's two, so
 * that bass harmonics two bins apart (a 45 Hz note at 2048 points) each keep their own phase; a local maximum
 * that does not look like one sinusoid gives every bin of its region its own phase instead. Where a peak's
 * lobe reaches into a neighbour's region it is modelled from the window's transform and turned with its own
 * rotation, so close partials do not leave spurs. In frames locked around an onset, a peak whose energy rose
 * by more than 6 dB since the previous frame takes its analysed phase again (phase reset), so the attack comes
 * out as it went in.
 *
 * <p><b>Stereo.</b> The phase rotation is computed once from the sum of the channels and applied to every
 * channel, so level and phase differences between channels, hence the stereo image, are kept bin by bin.
 *
 * <p><b>Bands.</b> With a band mask, only the bins under the mask are processed and synthesised; masks of
 * neighbouring bands are raised-cosine crossovers that sum to one, so bands of different frame sizes add up
 * to the full signal. Windows are periodic Hann for analysis and synthesis; the overlap-add is normalised by a
 * constant for a fixed hop, or by the caller from the accumulated window weights when hops vary.
 *
 * <p>Not thread-safe; no allocation after construction.
 */
final class SpectralBand {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double INV_TWO_PI = 1 / TWO_PI;
    /** A lobe correction under this power fraction of its bin (-40 dB) is inaudible and skipped. */
    private static final double NEGLIGIBLE_CORRECTION = 1e-4;
    /** Power rise (6 dB) above which a peak in a locked frame is reset to its analysed phase. */
    private static final float RESET_RISE = 4f;
    /**
     * Largest power of a peak's weaker neighbour, relative to the peak, for the peak to carry its region: -6 dB
     * for an exactly centred sinusoid, with a little room for noise (tuned on the demo loops).
     */
    private static final float SINUSOID_SIDE_POWER = 0.3f;
    /** Bins each side of a sinusoid's frequency over which its lobe (main and first side lobes) is modelled. */
    private static final double LOBE = 4.5;
    private static final int LOBE_TABLE = 6;
    private static final int LOBE_STEPS = 64;
    /** Peaks more than 90 dB below the frame's loudest bin carry no phase of their own. */
    private static final double PEAK_FLOOR = 1e-9;

    private final int size;
    private final int bins;
    private final int channels;
    private final RealFft fft;
    private final float[] analysisWindow;
    private final float[] synthesisWindow;
    /** Analysis times synthesis window: what one frame adds to the overlap-add's normalising sum. */
    private final float[] overlapWeight;
    private final float[] mask;
    private final int kFrom;
    private final int kTo;
    /** Bins whose reference power is computed: the band, or every bin when formants need the envelope. */
    private final int powerFrom;
    private final int powerTo;
    private final float[] frame;
    private final float[][] re;
    private final float[][] im;
    private final float[] refRe;
    private final float[] refIm;
    private final float[] power;
    private final float[] prevPower;
    private final float[] prevRefRe;
    private final float[] prevRefIm;
    private final float[] prevOutRe;
    private final float[] prevOutIm;
    private final int[] peaks;
    private final int[] candidate;
    /** Per carrier: whether it is one sinusoid's peak (else a single bin), and its frequency in bins or NaN. */
    private final boolean[] sinusoidal;
    private final double[] peakFrequency;
    /** Analysed value of each carrier's peak bin, per channel and for the reference, before rotation. */
    private final float[][] peakRe;
    private final float[][] peakIm;
    private final float[] refPeakRe;
    private final float[] refPeakIm;
    /** Transform of the analysis window around zero, {@code W(v)} for v in [-LOBE_TABLE, LOBE_TABLE] bins. */
    private final float[] lobeTableRe;
    private final float[] lobeTableIm;
    /** Result of the last {@link #rotationAt} call. */
    private float rotOutRe;
    private float rotOutIm;
    /** Result of the last {@link #lobeAt} call. */
    private double lobeRe;
    private double lobeIm;
    private final int[] owner;
    private final float[] rotRe;
    private final float[] rotIm;
    private final double[] binPhasePerSample;
    private final FormantCorrector formant;
    private boolean hasPrevious;
    /** Whether this frame found any peak (else its rotations are all identity and not kept). */
    private boolean hasPeaks;
    /** A longer band whose rotations this band uses up to {@link #sharedTo}, so a crossover stays coherent. */
    private SpectralBand phaseSource;
    private int sharedTo = -1;
    private int sourceBinScale;
    /** Power under which a bin's phase is left as analysed (set per frame by {@link #pickPeaks}). */
    private float quietPower;

    /**
     * @param mask bin gains of this band ({@code size / 2 + 1} values), or null for the full spectrum
     * @param formantLifterQuefrency cepstral cut-off for formant preservation in samples, or 0 for none
     */
    /**
     * @param fixedHop synthesis hop when it never changes, so the overlap-add is normalised by a constant; 0
     *                 when hops vary and the caller normalises by the accumulated {@link #overlapWeight}
     */
    SpectralBand(int size, int channels, int fixedHop, float[] mask, int formantLifterQuefrency) {
        this.size = size;
        this.bins = size / 2 + 1;
        this.channels = channels;
        this.fft = new RealFft(size);
        this.analysisWindow = WindowType.HANN.create(size);
        this.synthesisWindow = WindowType.HANN.create(size);
        this.overlapWeight = new float[size];
        for (int i = 0; i < size; i++) {
            overlapWeight[i] = analysisWindow[i] * synthesisWindow[i];
        }
        if (fixedHop > 0) {
            // Sum over frames of the product of two periodic Hann windows at hop <= size/4 is 3/8 * size / hop.
            float norm = (float) (3.0 * size / (8.0 * fixedHop));
            for (int i = 0; i < size; i++) {
                synthesisWindow[i] /= norm;
            }
        }
        this.mask = mask;
        int first = 0;
        int last = bins - 1;
        if (mask != null) {
            while (first < bins - 1 && mask[first] == 0f) {
                first++;
            }
            while (last > first && mask[last] == 0f) {
                last--;
            }
        }
        this.kFrom = Math.max(0, first - 2);
        this.kTo = Math.min(bins - 1, last + 2);
        this.frame = new float[size];
        this.re = new float[channels][bins];
        this.im = new float[channels][bins];
        this.refRe = channels == 1 ? re[0] : new float[bins];
        this.refIm = channels == 1 ? im[0] : new float[bins];
        this.power = new float[bins];
        this.prevPower = new float[bins];
        this.prevRefRe = new float[bins];
        this.prevRefIm = new float[bins];
        this.prevOutRe = new float[bins];
        this.prevOutIm = new float[bins];
        this.peaks = new int[bins];
        this.candidate = new int[bins];
        this.sinusoidal = new boolean[bins];
        this.peakFrequency = new double[bins];
        this.peakRe = new float[channels][bins];
        this.peakIm = new float[channels][bins];
        this.refPeakRe = new float[bins];
        this.refPeakIm = new float[bins];
        int tableSize = 2 * LOBE_TABLE * LOBE_STEPS + 1;
        this.lobeTableRe = new float[tableSize];
        this.lobeTableIm = new float[tableSize];
        for (int i = 0; i < tableSize; i++) {
            double[] w = hannTransform(i / (double) LOBE_STEPS - LOBE_TABLE, size);
            lobeTableRe[i] = (float) w[0];
            lobeTableIm[i] = (float) w[1];
        }
        this.owner = new int[bins];
        this.rotRe = new float[bins];
        this.rotIm = new float[bins];
        this.binPhasePerSample = new double[bins];
        for (int k = 0; k < bins; k++) {
            binPhasePerSample[k] = TWO_PI * k / size;
        }
        this.formant = formantLifterQuefrency > 0 ? new FormantCorrector(size, formantLifterQuefrency) : null;
        this.powerFrom = formant != null ? 0 : kFrom;
        this.powerTo = formant != null ? bins - 1 : kTo;
    }

    int size() {
        return size;
    }

    /**
     * Takes the rotations of {@code source} (a band with longer frames, processed first in each frame) for
     * bins up to {@code toHz}: both bands then turn a partial in their crossover by the same amount, instead of
     * two separately estimated ones that can drift apart and cancel. A stationary partial's rotation (output
     * phase minus analysed phase) does not depend on where the frame starts, so it carries over between sizes.
     */
    void sharePhaseBelow(SpectralBand source, double toHz, int sampleRate) {
        this.phaseSource = source;
        this.sourceBinScale = source.size / size;
        this.sharedTo = Math.min(kTo, (int) Math.floor(toHz * size / sampleRate));
    }

    /** Rotation this frame gives bin {@code k} ({@link #rotOutRe} and {@link #rotOutIm}). */
    private void rotationAt(int k) {
        int i = owner[k];
        rotOutRe = rotRe[i];
        rotOutIm = rotIm[i];
    }

    void reset() {
        hasPrevious = false;
    }

    /**
     * A frame with no input (before the stream): adds only its overlap weight, when the caller normalises by
     * weight; the next real frame starts from analysed phases.
     */
    void skip(float[] weightRing, int outMask, long outCentre) {
        hasPrevious = false;
        if (weightRing != null) {
            addWeight(weightRing, outMask, outCentre);
        }
    }

    private void addWeight(float[] weightRing, int outMask, long outCentre) {
        long start = outCentre - size / 2;
        for (int i = 0; i < size; i++) {
            weightRing[(int) ((start + i) & outMask)] += overlapWeight[i];
        }
    }

    /**
     * Analyses the frame centred at input {@code centre}, propagates phases from {@code analysisHop} to
     * {@code synthesisHop} and overlap-adds the result centred at output {@code outCentre}.
     *
     * @param lockFrame  the frame lies in a region locked around an onset (phase reset allowed)
     * @param pitchScale the pitch factor applied before the vocoder, for formant correction
     * @param weightRing where to add the overlap weight when the caller normalises by it, else null
     */
    void process(float[][] inRing, int inMask, long centre, int analysisHop, int synthesisHop, boolean lockFrame,
            double pitchScale, float[][] outRing, float[] weightRing, int outMask, long outCentre) {
        analyse(inRing, inMask, centre);
        int peakCount = pickPeaks();
        hasPeaks = peakCount > 0;
        computeRotations(peakCount, analysisHop, synthesisHop, lockFrame);
        rememberReference();
        float[] gain = null;
        if (formant != null && pitchScale != 1.0) {
            gain = formant.gains(power, pitchScale);
        }
        applyRotations(peakCount, gain);
        synthesise(outRing, outMask, outCentre);
        if (weightRing != null) {
            addWeight(weightRing, outMask, outCentre);
        }
        hasPrevious = true;
    }

    private void analyse(float[][] inRing, int inMask, long centre) {
        long start = centre - size / 2;
        for (int c = 0; c < channels; c++) {
            float[] ring = inRing[c];
            for (int i = 0; i < size; i++) {
                long idx = start + i;
                frame[i] = idx < 0 ? 0f : ring[(int) (idx & inMask)] * analysisWindow[i];
            }
            fft.forward(frame, re[c], im[c]);
        }
        if (channels > 1) {
            for (int k = powerFrom; k <= powerTo; k++) {
                float sr = 0f;
                float si = 0f;
                for (int c = 0; c < channels; c++) {
                    sr += re[c][k];
                    si += im[c][k];
                }
                refRe[k] = sr;
                refIm[k] = si;
            }
        }
        for (int k = powerFrom; k <= powerTo; k++) {
            power[k] = refRe[k] * refRe[k] + refIm[k] * refIm[k];
        }
    }

    /**
     * Finds peaks in the band and assigns every bin to the phase carrier of its region; returns the number of
     * carriers. A region whose peak does not look like one sinusoid gives each of its bins its own phase.
     */
    private int pickPeaks() {
        float max = 0f;
        for (int k = kFrom; k <= kTo; k++) {
            max = Math.max(max, power[k]);
        }
        if (max <= 0f) {
            return 0;
        }
        float floor = (float) (max * PEAK_FLOOR);
        quietPower = floor;
        int candidates = 0;
        for (int k = kFrom; k <= kTo; k++) {
            float p = power[k];
            if (p <= floor || (k - 1 >= kFrom && p <= power[k - 1]) || (k + 1 <= kTo && p < power[k + 1])) {
                continue;
            }
            candidate[candidates++] = k;
        }
        if (candidates == 0) {
            return 0;
        }
        int count = 0;
        int k = kFrom;
        for (int i = 0; i < candidates; i++) {
            int peak = candidate[i];
            int end = kTo + 1;
            if (i < candidates - 1) {
                // The region ends at the quietest bin between this peak and the next.
                float lowest = Float.MAX_VALUE;
                for (int j = peak + 1; j < candidate[i + 1]; j++) {
                    if (power[j] < lowest) {
                        lowest = power[j];
                        end = j;
                    }
                }
            }
            if (looksSinusoidal(peak)) {
                for (; k < end; k++) {
                    owner[k] = count;
                }
                sinusoidal[count] = true;
                peaks[count++] = peak;
            } else {
                for (; k < end; k++) {
                    owner[k] = count;
                    sinusoidal[count] = false;
                    peaks[count++] = k;
                }
            }
        }
        return count;
    }

    /**
     * A Hann-windowed sinusoid puts at most a quarter of its peak power (-6 dB) into its weaker neighbour; a
     * local maximum made by two partials closer than the main lobe interfering in phase fills both sides.
     */
    private boolean looksSinusoidal(int peak) {
        float left = peak - 1 >= kFrom ? power[peak - 1] : 0f;
        float right = peak + 1 <= kTo ? power[peak + 1] : 0f;
        return Math.min(left, right) <= SINUSOID_SIDE_POWER * power[peak];
    }

    private void computeRotations(int peakCount, int analysisHop, int synthesisHop, boolean lockFrame) {
        double hopRatio = synthesisHop / (double) analysisHop;
        for (int i = 0; i < peakCount; i++) {
            int k = peaks[i];
            float xr = refRe[k];
            float xi = refIm[k];
            peakFrequency[i] = Double.NaN;
            if (!hasPrevious || power[k] <= quietPower || (lockFrame && power[k] > RESET_RISE * prevPower[k])) {
                rotRe[i] = 1f;
                rotIm[i] = 0f;
                continue;
            }
            float pr = prevRefRe[k];
            float pi = prevRefIm[k];
            double yr = prevOutRe[k];
            double yi = prevOutIm[k];
            double dr = (double) xr * pr + (double) xi * pi;
            double di = (double) xi * pr - (double) xr * pi;
            if ((yr == 0 && yi == 0) || (dr == 0 && di == 0)) {
                rotRe[i] = 1f;
                rotIm[i] = 0f;
                continue;
            }
            double omega = binPhasePerSample[k];
            double deviation = principal(PhaseMath.atan2(di, dr) - omega * analysisHop);
            // Output phase advance: instantaneous frequency times the synthesis hop, the large bin term wrapped
            // on its own so it stays exact.
            double advance = principal(principal(omega * synthesisHop) + deviation * hopRatio);
            double frequency = (omega + deviation / analysisHop) * size / TWO_PI;
            if (sinusoidal[i] && Math.abs(frequency - k) < 1.0) {
                peakFrequency[i] = frequency;
            }
            double ca = PhaseMath.cos(advance);
            double sa = PhaseMath.sin(advance);
            // Rotation = (previous output phasor advanced) times conj(current analysis phasor), normalised once.
            double zr = yr * ca - yi * sa;
            double zi = yr * sa + yi * ca;
            double wr = zr * xr + zi * xi;
            double wi = zi * xr - zr * xi;
            double scale = 1.0 / Math.sqrt(wr * wr + wi * wi);
            rotRe[i] = (float) (wr * scale);
            rotIm[i] = (float) (wi * scale);
        }
    }

    /** Keeps this frame's reference spectrum and its rotated image for the next frame's phase step. */
    private void rememberReference() {
        System.arraycopy(power, kFrom, prevPower, kFrom, kTo - kFrom + 1);
        System.arraycopy(refRe, kFrom, prevRefRe, kFrom, kTo - kFrom + 1);
        System.arraycopy(refIm, kFrom, prevRefIm, kFrom, kTo - kFrom + 1);
    }

    private void applyRotations(int peakCount, float[] gain) {
        for (int i = 0; i < peakCount; i++) {
            if (!Double.isNaN(peakFrequency[i])) {
                int k = peaks[i];
                refPeakRe[i] = refRe[k];
                refPeakIm[i] = refIm[k];
                for (int c = 0; c < channels; c++) {
                    peakRe[c][i] = re[c][k];
                    peakIm[c][i] = im[c][k];
                }
            }
        }
        rotate(refRe, refIm, prevOutRe, prevOutIm, peakCount);
        for (int c = 0; c < channels; c++) {
            float[] xr = re[c];
            float[] xi = im[c];
            java.util.Arrays.fill(xr, 0, kFrom, 0f);
            java.util.Arrays.fill(xi, 0, kFrom, 0f);
            java.util.Arrays.fill(xr, kTo + 1, bins, 0f);
            java.util.Arrays.fill(xi, kTo + 1, bins, 0f);
            rotate(xr, xi, xr, xi, peakCount);
        }
        if (peakCount > 0) {
            correctLobes(peakCount);
        }
        if (mask != null || gain != null) {
            for (int c = 0; c < channels; c++) {
                float[] xr = re[c];
                float[] xi = im[c];
                for (int k = kFrom; k <= kTo; k++) {
                    float g = mask == null ? 1f : mask[k];
                    if (gain != null) {
                        g *= gain[k];
                    }
                    xr[k] *= g;
                    xi[k] *= g;
                }
            }
        }
        // The imaginary parts at DC and Nyquist are implied zero by the real inverse transform.
    }

    /** Identity phase locking: every bin turned by its region's rotation ({@code out} may be {@code in}). */
    private void rotate(float[] inRe, float[] inIm, float[] outRe, float[] outIm, int peakCount) {
        if (peakCount == 0) {
            if (outRe != inRe) {
                System.arraycopy(inRe, kFrom, outRe, kFrom, kTo - kFrom + 1);
                System.arraycopy(inIm, kFrom, outIm, kFrom, kTo - kFrom + 1);
            }
            return;
        }
        int k = kFrom;
        if (phaseSource != null && phaseSource.hasPeaks) {
            for (; k <= sharedTo; k++) {
                phaseSource.rotationAt(k * sourceBinScale);
                float rr = phaseSource.rotOutRe;
                float ri = phaseSource.rotOutIm;
                float a = inRe[k];
                float b = inIm[k];
                outRe[k] = a * rr - b * ri;
                outIm[k] = a * ri + b * rr;
            }
        }
        for (; k <= kTo; k++) {
            int i = owner[k];
            float rr = rotRe[i];
            float ri = rotIm[i];
            float a = inRe[k];
            float b = inIm[k];
            outRe[k] = a * rr - b * ri;
            outIm[k] = a * ri + b * rr;
        }
    }

    /**
     * Where a sinusoid's lobe reaches into a neighbouring region, identity locking turned that part with the
     * neighbour's rotation. Model the lobe as {@code c * W(k - f)} (W the window's transform, f the measured
     * frequency, {@code c = X(p) / W(p - f)} fitted at the peak bin p) and give it its own rotation instead:
     * add {@code (R_peak - R_region) * W(k - f) / W(p - f) * X(p)} to the reference and every channel.
     * Without this, two partials a few bins apart leave a spur at
     * {@code f + (difference) * (1 - analysis hop / synthesis hop)}.
     */
    private void correctLobes(int peakCount) {
        for (int i = 0; i < peakCount; i++) {
            double f = peakFrequency[i];
            if (Double.isNaN(f)) {
                continue;
            }
            int from = Math.max(kFrom, (int) Math.ceil(f - LOBE));
            int to = Math.min(kTo, (int) Math.floor(f + LOBE));
            if (owner[from] == i && owner[to] == i) {
                continue;
            }
            lobeAt(peaks[i] - f);
            double den = lobeRe * lobeRe + lobeIm * lobeIm;
            if (den < 1e-12) {
                continue;
            }
            // 1 / W(p - f)
            double ir = lobeRe / den;
            double ii = -lobeIm / den;
            double peakPower = power[peaks[i]];
            int shared = phaseSource != null && phaseSource.hasPeaks ? sharedTo : -1;
            for (int k = Math.max(from, shared + 1); k <= to; k++) {
                int j = owner[k];
                if (j == i) {
                    continue;
                }
                lobeAt(k - f);
                double qr = lobeRe * ir - lobeIm * ii;
                double qi = lobeRe * ii + lobeIm * ir;
                if ((qr * qr + qi * qi) * peakPower < NEGLIGIBLE_CORRECTION * power[k]) {
                    continue;
                }
                double dr = rotRe[i] - rotRe[j];
                double di = rotIm[i] - rotIm[j];
                // P = (R_i - R_j) * W(k - f) / W(p - f)
                double pr = dr * qr - di * qi;
                double pim = dr * qi + di * qr;
                prevOutRe[k] += (float) (pr * refPeakRe[i] - pim * refPeakIm[i]);
                prevOutIm[k] += (float) (pr * refPeakIm[i] + pim * refPeakRe[i]);
                for (int c = 0; c < channels; c++) {
                    float xr = peakRe[c][i];
                    float xi = peakIm[c][i];
                    re[c][k] += (float) (pr * xr - pim * xi);
                    im[c][k] += (float) (pr * xi + pim * xr);
                }
            }
        }
    }

    /** Sets {@link #lobeRe} and {@link #lobeIm} to the window transform at {@code v} bins, interpolated. */
    private void lobeAt(double v) {
        double x = (v + LOBE_TABLE) * LOBE_STEPS;
        int i = (int) x;
        double f = x - i;
        lobeRe = lobeTableRe[i] + f * (lobeTableRe[i + 1] - lobeTableRe[i]);
        lobeIm = lobeTableIm[i] + f * (lobeTableIm[i + 1] - lobeTableIm[i]);
    }

    /**
     * DFT of the periodic Hann window of length {@code n} at {@code v} bins:
     * {@code W(v) = D(v)/2 - D(v-1)/4 - D(v+1)/4}, with {@code D(v) = sum_n e^(-2 pi i v n / n)}.
     */
    static double[] hannTransform(double v, int n) {
        double[] d0 = dirichlet(v, n);
        double[] dm = dirichlet(v - 1, n);
        double[] dp = dirichlet(v + 1, n);
        return new double[] {0.5 * d0[0] - 0.25 * (dm[0] + dp[0]), 0.5 * d0[1] - 0.25 * (dm[1] + dp[1])};
    }

    private static double[] dirichlet(double v, int n) {
        double nr = 1 - Math.cos(TWO_PI * v);
        double ni = Math.sin(TWO_PI * v);
        double dr = 1 - Math.cos(TWO_PI * v / n);
        double di = Math.sin(TWO_PI * v / n);
        double den = dr * dr + di * di;
        if (den < 1e-18) {
            return new double[] {n, 0};
        }
        return new double[] {(nr * dr + ni * di) / den, (ni * dr - nr * di) / den};
    }

    private void synthesise(float[][] outRing, int outMask, long outCentre) {
        long start = outCentre - size / 2;
        for (int c = 0; c < channels; c++) {
            fft.inverse(re[c], im[c], frame);
            float[] ring = outRing[c];
            for (int i = 0; i < size; i++) {
                int idx = (int) ((start + i) & outMask);
                ring[idx] += frame[i] * synthesisWindow[i];
            }
        }
    }

    /** Wraps a phase into (-pi, pi]. */
    static double principal(double phase) {
        return phase - TWO_PI * Math.floor((phase + Math.PI) * INV_TWO_PI);
    }
}
