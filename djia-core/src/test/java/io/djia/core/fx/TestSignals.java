package io.djia.core.fx;

/** Known-answer signals and measurements shared by the effect and mixer tests. */
public final class TestSignals {
    private TestSignals() {
    }

    /** {@code amplitude * sin(2 pi f n / fs + phase)} on every channel. */
    public static float[][] sine(int channels, int frames, double frequencyHz, double amplitude, double phase,
                                 int sampleRate) {
        float[][] out = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate + phase));
            for (int c = 0; c < channels; c++) {
                out[c][i] = v;
            }
        }
        return out;
    }

    /** Runs {@code processor} over {@code in} in blocks of {@code blockFrames}, out of place. */
    public static float[][] processInBlocks(AudioProcessor processor, float[][] in, int blockFrames) {
        int channels = in.length;
        int frames = in[0].length;
        float[][] out = new float[channels][frames];
        float[][] blockIn = new float[channels][blockFrames];
        float[][] blockOut = new float[channels][blockFrames];
        for (int start = 0; start < frames; start += blockFrames) {
            int n = Math.min(blockFrames, frames - start);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(in[c], start, blockIn[c], 0, n);
            }
            processor.process(blockIn, blockOut, n);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(blockOut[c], 0, out[c], start, n);
            }
        }
        return out;
    }

    /** Runs {@code processor} in place on a copy of {@code in}, in blocks of {@code blockFrames}. */
    public static float[][] processInPlace(AudioProcessor processor, float[][] in, int blockFrames) {
        int channels = in.length;
        int frames = in[0].length;
        float[][] out = new float[channels][frames];
        float[][] block = new float[channels][blockFrames];
        for (int start = 0; start < frames; start += blockFrames) {
            int n = Math.min(blockFrames, frames - start);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(in[c], start, block[c], 0, n);
            }
            processor.process(block, block, n);
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, out[c], start, n);
            }
        }
        return out;
    }

    public static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    public static double peak(float[] x, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    public static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    /**
     * True peak of {@code x[from, to)} by 16x band-limited interpolation (Kaiser-windowed sinc over +/-64
     * samples), independent of the limiter's own 4x, 12-tap estimator.
     */
    public static double truePeak(float[] x, int from, int to) {
        int half = 64;
        int oversample = 16;
        double beta = 9.0;
        double i0Beta = besselI0(beta);
        double[][] kernel = new double[oversample][2 * half];
        for (int p = 0; p < oversample; p++) {
            for (int j = 0; j < 2 * half; j++) {
                double d = (j - half + 1) - p / (double) oversample;
                double sinc = d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
                double u = d / half;
                kernel[p][j] = sinc * (Math.abs(u) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta);
            }
        }
        double peak = 0;
        for (int n = Math.max(from, half); n < Math.min(to, x.length - half); n++) {
            for (int p = 0; p < oversample; p++) {
                double sum = 0;
                for (int j = 0; j < 2 * half; j++) {
                    sum += x[n - half + 1 + j] * kernel[p][j];
                }
                peak = Math.max(peak, Math.abs(sum));
            }
        }
        return peak;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
