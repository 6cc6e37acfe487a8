package io.djia.generate.musicgen;

/**
 * The text encoder's output for one prompt.
 *
 * @param hidden row-major [tokens][width] hidden states
 * @param tokens number of tokens
 * @param width  hidden width (768 for T5-base)
 */
record EncodedText(float[] hidden, int tokens, int width) {
    EncodedText {
        if (hidden.length != tokens * width) {
            throw new IllegalArgumentException("hidden states hold " + hidden.length + " values, expected " + tokens + " x " + width);
        }
    }
}
