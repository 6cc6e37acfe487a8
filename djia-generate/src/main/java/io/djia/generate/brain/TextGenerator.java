package io.djia.generate.brain;

import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A local language model as the LLM brain sees it: a chat completion under a grammar, with a deadline.
 * {@link LlamaCppGenerator} is the llama.cpp implementation; tests supply their own to simulate failures.
 */
interface TextGenerator extends AutoCloseable {
    /** One past exchange of the chat. */
    record ChatTurn(String user, String assistant) {
    }

    /**
     * What the model wrote.
     *
     * @param text            the generated text
     * @param promptTokens    tokens of the whole templated prompt (system, history and the new message)
     * @param generatedTokens tokens generated
     * @param nanos           wall time of the call
     */
    record Completion(String text, int promptTokens, int generatedTokens, long nanos) {
    }

    /**
     * Completes a chat.
     *
     * @param deadlineNanos {@link System#nanoTime()} value after which generation stops
     * @throws TimeoutException when the deadline passed before the model finished
     */
    Completion complete(String systemPrompt, List<ChatTurn> history, String userPrompt, String grammar, int maxTokens,
                        int seed, double temperature, long deadlineNanos) throws TimeoutException;

    /** Short name, e.g. the model file name. */
    String name();

    @Override
    void close();
}
