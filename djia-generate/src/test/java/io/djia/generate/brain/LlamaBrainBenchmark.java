package io.djia.generate.brain;

import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decision latency of the LLM brain on the tiny fixture model, and prompt size in tokens, over the first
 * decision points of a set (prompt caching included, as in a real run), next to the rule brain's latency.
 * Run: {@code java -cp <test classpath> io.djia.generate.brain.LlamaBrainBenchmark [profile] [decisions]}.
 */
public final class LlamaBrainBenchmark {
    private LlamaBrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StyleProfile profile = ProfileLibrary.load(args.length > 0 ? args[0] : "techno_minimal");
        int decisions = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Path model = LlamaBrainTest.writeFixture(Files.createTempFile("djia-bench", ".gguf"));
        List<Long> nanos = new ArrayList<>();
        List<Integer> promptTokens = new ArrayList<>();
        List<Integer> generated = new ArrayList<>();
        int[] fallbacks = {0};
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        try (LlamaBrain brain = LlamaBrain.open(LlamaBrainTest.options(model).withHistoryTurns(4))) {
            Brain timed = new Brain() {
                @Override
                public List<Decision> decide(SetState state) {
                    long t = System.nanoTime();
                    List<Decision> out = brain.decide(state);
                    nanos.add(System.nanoTime() - t);
                    promptTokens.add(brain.lastStats().promptTokens());
                    generated.add(brain.lastStats().generatedTokens());
                    if (brain.lastStats().ruleFallback()) {
                        fallbacks[0]++;
                        String note = brain.lastNotes().get(brain.lastNotes().size() - 1);
                        reasons.merge(note.replaceAll("^[^:]*: ", "").replaceAll("[0-9.]+", "N").replaceAll("; the rule brain.*", ""), 1, Integer::sum);
                    }
                    return out;
                }

                @Override
                public String name() {
                    return brain.name();
                }
            };
            SetSimulator.run(timed, profile, (long) decisions * profile.loopBars(), 0, 1, Map.of());
        } finally {
            Files.deleteIfExists(model);
        }
        // The first call pays for evaluating the system prompt; the rest reuse it from the cache.
        long[] warm = nanos.subList(1, nanos.size()).stream().mapToLong(Long::longValue).sorted().toArray();
        double[] prompt = promptTokens.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] gen = generated.stream().mapToDouble(Integer::doubleValue).toArray();
        long ruleStart = System.nanoTime();
        int ruleCalls = 0;
        for (int i = 0; i < 20; i++) {
            ruleCalls += SetSimulator.run(new RuleBrain(), profile, (long) decisions * profile.loopBars(), 0, i, Map.of()).size();
        }
        double ruleMicros = (System.nanoTime() - ruleStart) / 1e3 / ruleCalls;
        System.out.printf("profile %s, %d decisions on the fixture model (%d fell back to the rules)%n", profile.name(),
                nanos.size(), fallbacks[0]);
        reasons.forEach((why, n) -> System.out.println("  fallback x" + n + ": " + why));
        System.out.printf("first decision %.0f ms; later decisions median %.0f ms, p90 %.0f ms%n", nanos.get(0) / 1e6,
                warm[warm.length / 2] / 1e6, warm[(int) (warm.length * 0.9)] / 1e6);
        System.out.printf("prompt tokens per decision: mean %.0f, max %.0f; generated tokens: mean %.0f%n",
                Arrays.stream(prompt).average().orElse(0), Arrays.stream(prompt).max().orElse(0),
                Arrays.stream(gen).average().orElse(0));
        System.out.printf("system prompt: %d characters%n", DecisionPrompt.system(profile).length());
        System.out.printf("rule brain: %.1f us per decision point (simulated sets included)%n", ruleMicros);
        System.exit(0);
    }
}
