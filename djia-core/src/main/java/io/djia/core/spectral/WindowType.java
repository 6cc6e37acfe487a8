package io.djia.core.spectral;

/** Analysis and synthesis windows. Periodic forms, which overlap-add to a constant at the usual hops. */
public enum WindowType {
    RECTANGULAR, HANN, HAMMING, BLACKMAN, SQRT_HANN;

    /** A new array holding the periodic window of length {@code size}. */
    public float[] create(int size) {
        float[] w = new float[size];
        for (int i = 0; i < size; i++) {
            double phase = 2.0 * Math.PI * i / size;
            double v = switch (this) {
                case RECTANGULAR -> 1.0;
                case HANN -> 0.5 - 0.5 * Math.cos(phase);
                case HAMMING -> 0.54 - 0.46 * Math.cos(phase);
                case BLACKMAN -> 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
                case SQRT_HANN -> Math.sqrt(0.5 - 0.5 * Math.cos(phase));
            };
            w[i] = (float) v;
        }
        return w;
    }
}
