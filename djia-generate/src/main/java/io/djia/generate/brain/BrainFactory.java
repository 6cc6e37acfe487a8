package io.djia.generate.brain;

/** Builds the brain the options ask for, so callers never branch on the engine. */
public final class BrainFactory {
    private BrainFactory() {
    }

    /**
     * The rule brain for {@code rules}; the LLM brain, with its model loaded, for {@code llm}.
     *
     * @throws IllegalArgumentException when the model cannot be loaded (the message names the file and the problem)
     */
    public static Brain create(BrainOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("brain options are required");
        }
        return switch (options.kind()) {
            case RULES -> new RuleBrain(options.openEndedBarsPerWeight());
            case LLM -> LlamaBrain.open(options);
        };
    }
}
