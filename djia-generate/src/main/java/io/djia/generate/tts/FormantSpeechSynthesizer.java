package io.djia.generate.tts;

import io.djia.core.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A built-in "robot voice" for when no speech engine is installed: rough English letter-to-sound rules drive a
 * formant synthesiser in the manner of Klatt (1980, "Software for a cascade/parallel formant synthesizer", JASA
 * 67(3)): a Rosenberg (1971) glottal pulse train, differentiated for lip radiation, through three cascaded
 * two-pole formant resonators, plus band-pass noise for fricatives and bursts. Vowel formants are the male
 * averages of Peterson and Barney (1952). It is intelligible for short DJ shouts, clearly synthetic, and needs no
 * files. Energy raises the pitch (102..165 Hz) and the pace. Deterministic: the same line gives the same samples.
 * Immutable and thread-safe.
 */
public final class FormantSpeechSynthesizer implements SpeechSynthesizer {
    /** Formant bandwidths in Hz (Klatt 1980 defaults are of this order). */
    private static final double[] BANDWIDTHS = {80, 100, 140};
    private static final double RISE_SECONDS = 0.012;
    private static final double AMPLITUDE_SECONDS = 0.004;

    /** One phone: formant targets (or null to keep the previous ones), level of voicing and noise, duration. */
    private record Phone(double[] formants, double seconds, double voicing, double noise, double noiseHz,
                         double noiseBandwidthHz, boolean aspirated) {
    }

    private static final Map<String, double[]> VOWELS = Map.ofEntries(
            Map.entry("i", new double[] {270, 2290, 3010}), Map.entry("I", new double[] {390, 1990, 2550}),
            Map.entry("E", new double[] {530, 1840, 2480}), Map.entry("ae", new double[] {660, 1720, 2410}),
            Map.entry("A", new double[] {730, 1090, 2440}), Map.entry("O", new double[] {570, 840, 2410}),
            Map.entry("U", new double[] {440, 1020, 2240}), Map.entry("u", new double[] {300, 870, 2240}),
            Map.entry("V", new double[] {640, 1190, 2390}), Map.entry("R", new double[] {490, 1350, 1690}));
    private static final Map<String, String[]> DIPHTHONGS = Map.of(
            "ai", new String[] {"A", "I"}, "ei", new String[] {"E", "i"}, "oa", new String[] {"O", "U"},
            "ou", new String[] {"A", "U"}, "oi", new String[] {"O", "I"});
    private static final Map<String, Phone> CONSONANTS = Map.ofEntries(
            Map.entry("m", new Phone(new double[] {280, 1000, 2500}, 0.07, 0.45, 0, 0, 0, false)),
            Map.entry("n", new Phone(new double[] {280, 1700, 2600}, 0.065, 0.45, 0, 0, 0, false)),
            Map.entry("ng", new Phone(new double[] {280, 2300, 2750}, 0.07, 0.45, 0, 0, 0, false)),
            Map.entry("l", new Phone(new double[] {360, 1300, 2700}, 0.06, 0.7, 0, 0, 0, false)),
            Map.entry("r", new Phone(new double[] {420, 1300, 1600}, 0.06, 0.7, 0, 0, 0, false)),
            Map.entry("w", new Phone(new double[] {300, 610, 2200}, 0.05, 0.7, 0, 0, 0, false)),
            Map.entry("j", new Phone(new double[] {270, 2290, 3010}, 0.05, 0.7, 0, 0, 0, false)),
            Map.entry("s", new Phone(null, 0.10, 0, 0.5, 6000, 3000, false)),
            Map.entry("z", new Phone(null, 0.09, 0.3, 0.35, 5500, 3000, false)),
            Map.entry("sh", new Phone(null, 0.11, 0, 0.55, 3000, 1500, false)),
            Map.entry("zh", new Phone(null, 0.09, 0.3, 0.4, 3000, 1500, false)),
            Map.entry("f", new Phone(null, 0.09, 0, 0.25, 5000, 5000, false)),
            Map.entry("v", new Phone(null, 0.07, 0.35, 0.15, 5000, 5000, false)),
            Map.entry("th", new Phone(null, 0.08, 0, 0.2, 5000, 5000, false)),
            Map.entry("h", new Phone(null, 0.06, 0, 0.35, 0, 0, true)));
    /** Plosive bursts: centre and width of the burst noise band. */
    private static final Map<String, double[]> BURSTS = Map.of(
            "p", new double[] {1000, 2000, 0}, "b", new double[] {1000, 2000, 1},
            "t", new double[] {4500, 3000, 0}, "d", new double[] {4500, 3000, 1},
            "k", new double[] {2000, 1500, 0}, "g", new double[] {2000, 1500, 1});
    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine"};

    @Override
    public String name() {
        return "formant";
    }

    @Override
    public String description() {
        return "speech: built-in formant robot voice (espeak-ng not found on the PATH; install espeak-ng for "
                + "natural speech)";
    }

    /** Starting pitch in Hz for an energy: 95 Hz plus 7 Hz per step. */
    public static double basePitchHz(int energy) {
        return 95 + 7.0 * energy;
    }

    @Override
    public AudioBuffer speak(String text, int energy, int sampleRate) {
        SpeechSynthesizer.checkArguments(text, energy, sampleRate);
        List<Phone> phones = phones(text, 1.15 - 0.03 * energy);
        if (phones.stream().noneMatch(p -> p.voicing() > 0 || p.noise() > 0)) {
            throw new IllegalArgumentException("nothing speakable in \"" + text + "\"");
        }
        String trimmed = text.trim();
        boolean question = trimmed.endsWith("?");
        double exclaim = trimmed.endsWith("!") ? 1.08 : 1.0;
        return SpeechLevels.trimAndNormalise(render(phones, sampleRate, basePitchHz(energy) * exclaim, question,
                text.hashCode()));
    }

    // ---- letters to phones ------------------------------------------------------------------------------------

    private static List<Phone> phones(String text, double pace) {
        List<Phone> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z') {
                word.append(c);
                continue;
            }
            if (c == '\'') {
                continue;
            }
            if (word.length() > 0) {
                wordPhones(word.toString(), pace, out);
                word.setLength(0);
            }
            if (c >= '0' && c <= '9') {
                wordPhones(DIGITS[c - '0'], pace, out);
                out.add(pause(0.05));
            } else if (c == ',' || c == ';' || c == ':') {
                out.add(pause(0.18));
            } else if (c == '.' || c == '!' || c == '?') {
                out.add(pause(0.3));
            } else if (out.isEmpty() || out.get(out.size() - 1).voicing() > 0 || out.get(out.size() - 1).noise() > 0) {
                // A word gap, unless a pause (after punctuation) is already there.
                out.add(pause(0.06));
            }
        }
        return out;
    }

    private static Phone pause(double seconds) {
        return new Phone(null, seconds, 0, 0, 0, 0, false);
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /** Rough English spelling rules: common digraphs, soft c, silent final e with a long vowel before it. */
    private static void wordPhones(String w, double pace, List<Phone> out) {
        boolean magicE = w.length() > 2 && w.endsWith("e") && !vowel(w.charAt(w.length() - 2))
                && vowel(w.charAt(w.length() - 3)) && (w.length() == 3 || !vowel(w.charAt(w.length() - 4)));
        int end = magicE || (w.length() > 3 && w.endsWith("e") && !vowel(w.charAt(w.length() - 2))) ? w.length() - 1
                : w.length();
        if (w.equals("a")) {
            vowelPhones("V", pace, out);
            return;
        }
        if (w.equals("the")) {
            consonant("th", pace, out);
            vowelPhones("V", pace, out);
            return;
        }
        int i = 0;
        while (i < end) {
            String rest = w.substring(i, end);
            char c = w.charAt(i);
            char next = i + 1 < end ? w.charAt(i + 1) : ' ';
            if (rest.startsWith("tion")) {
                consonant("sh", pace, out);
                vowelPhones("V", pace, out);
                consonant("n", pace, out);
                i += 4;
            } else if (rest.startsWith("igh")) {
                vowelPhones("ai", pace, out);
                i += 3;
            } else if (two(rest, "th", "sh", "ng", "ph", "ck", "wh", "qu", "ch")) {
                switch (rest.substring(0, 2)) {
                    case "ph" -> consonant("f", pace, out);
                    case "ck" -> consonant("k", pace, out);
                    case "wh" -> consonant("w", pace, out);
                    case "qu" -> {
                        consonant("k", pace, out);
                        consonant("w", pace, out);
                    }
                    case "ch" -> {
                        consonant("t", pace, out);
                        consonant("sh", pace, out);
                    }
                    default -> consonant(rest.substring(0, 2), pace, out);
                }
                i += 2;
            } else if (two(rest, "ee", "ea", "oo", "ou", "ow", "oi", "oy", "ai", "ay", "oa")) {
                String v = switch (rest.substring(0, 2)) {
                    case "ee", "ea" -> "i";
                    case "oo" -> "u";
                    case "ou", "ow" -> "ou";
                    case "oi", "oy" -> "oi";
                    case "ai", "ay" -> "ei";
                    default -> "oa";
                };
                vowelPhones(v, pace, out);
                i += 2;
            } else if (two(rest, "er", "ir", "ur") && (i + 2 >= end || !vowel(w.charAt(i + 2)))) {
                vowelPhones("R", pace, out);
                i += 2;
            } else if (vowel(c) && !(c == 'y' && i == 0)) {
                boolean longVowel = magicE && i == end - 2;
                String v = switch (c) {
                    case 'a' -> longVowel ? "ei" : "ae";
                    case 'e' -> longVowel ? "i" : "E";
                    case 'i' -> longVowel ? "ai" : "I";
                    case 'o' -> longVowel ? "oa" : "A";
                    case 'u' -> longVowel ? "u" : "V";
                    default -> i == end - 1 ? "i" : "I";
                };
                vowelPhones(v, pace, out);
                i++;
            } else {
                if (c == next) {
                    i++;
                    continue;
                }
                switch (c) {
                    case 'c' -> consonant(next == 'e' || next == 'i' || next == 'y' ? "s" : "k", pace, out);
                    case 'q' -> consonant("k", pace, out);
                    case 'x' -> {
                        consonant("k", pace, out);
                        consonant("s", pace, out);
                    }
                    case 'j' -> {
                        consonant("d", pace, out);
                        consonant("zh", pace, out);
                    }
                    case 'y' -> consonant("j", pace, out);
                    default -> consonant(String.valueOf(c), pace, out);
                }
                i++;
            }
        }
    }

    private static boolean two(String rest, String... options) {
        if (rest.length() < 2) {
            return false;
        }
        String head = rest.substring(0, 2);
        for (String o : options) {
            if (o.equals(head)) {
                return true;
            }
        }
        return false;
    }

    private static void vowelPhones(String v, double pace, List<Phone> out) {
        String[] parts = DIPHTHONGS.getOrDefault(v, new String[] {v});
        double each = 0.13 * pace / parts.length * (parts.length > 1 ? 1.4 : 1);
        for (String part : parts) {
            out.add(new Phone(VOWELS.get(part), each, 1, 0, 0, 0, false));
        }
    }

    private static void consonant(String name, double pace, List<Phone> out) {
        double[] burst = BURSTS.get(name);
        if (burst != null) {
            boolean voiced = burst[2] > 0;
            out.add(new Phone(null, 0.045 * pace, voiced ? 0.12 : 0, 0, 0, 0, false));
            out.add(new Phone(null, 0.018 * pace, voiced ? 0.3 : 0, voiced ? 0.45 : 0.7, burst[0], burst[1], false));
            return;
        }
        Phone p = CONSONANTS.get(name);
        if (p != null) {
            out.add(new Phone(p.formants(), p.seconds() * pace, p.voicing(), p.noise(), p.noiseHz(),
                    p.noiseBandwidthHz(), p.aspirated()));
        }
    }

    // ---- synthesis --------------------------------------------------------------------------------------------

    private static AudioBuffer render(List<Phone> phones, int sampleRate, double f0, boolean question, long seed) {
        double[][] targets = resolveFormants(phones);
        double totalSeconds = phones.stream().mapToDouble(Phone::seconds).sum();
        int frames = (int) Math.ceil((totalSeconds + 0.05) * sampleRate);
        float[] out = new float[frames];
        SplittableRandom noise = new SplittableRandom(seed);
        double formantCoeff = 1 - Math.exp(-1 / (RISE_SECONDS * sampleRate));
        double levelCoeff = 1 - Math.exp(-1 / (AMPLITUDE_SECONDS * sampleRate));
        double[] formants = targets[0].clone();
        double voicing = 0;
        double noiseLevel = 0;
        double aspiration = 0;
        double phase = 0;
        double lastPulse = 0;
        Resonator[] cascade = {new Resonator(), new Resonator(), new Resonator()};
        BandPass fricative = new BandPass();
        int phone = 0;
        double phoneEnd = phones.get(0).seconds() * sampleRate;
        for (int n = 0; n < frames; n++) {
            while (phone + 1 < phones.size() && n >= phoneEnd) {
                phone++;
                phoneEnd += phones.get(phone).seconds() * sampleRate;
            }
            Phone p = n < phoneEnd ? phones.get(phone) : pause(0);
            for (int k = 0; k < 3; k++) {
                formants[k] += formantCoeff * (targets[phone][k] - formants[k]);
            }
            voicing += levelCoeff * (p.voicing() - voicing);
            double frication = p.aspirated() ? 0 : p.noise();
            noiseLevel += levelCoeff * (frication - noiseLevel);
            aspiration += levelCoeff * ((p.aspirated() ? p.noise() : 0) - aspiration);
            if ((n & 15) == 0) {
                for (int k = 0; k < 3; k++) {
                    cascade[k].tune(formants[k], BANDWIDTHS[k], sampleRate);
                }
                if (p.noiseHz() > 0) {
                    fricative.tune(Math.min(p.noiseHz(), 0.45 * sampleRate), p.noiseBandwidthHz(), sampleRate);
                }
            }
            // Declination: the pitch falls by 12 % over the line, and rises by a fifth at the end of a question.
            double progress = (double) n / frames;
            double pitch = f0 * (1 - 0.12 * progress) * (question && progress > 0.75 ? 1 + 0.8 * (progress - 0.75) : 1);
            phase += pitch / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
            double pulse = rosenberg(phase);
            double source = (pulse - lastPulse) * voicing * 40;
            lastPulse = pulse;
            double white = noise.nextDouble() * 2 - 1;
            double voiced = source + white * aspiration * 0.08;
            for (Resonator r : cascade) {
                voiced = r.process(voiced);
            }
            double hiss = noiseLevel > 1e-4 ? fricative.process(white) * noiseLevel : fricative.process(0);
            out[n] = (float) (voiced + hiss);
        }
        return new AudioBuffer(new float[][] {out}, sampleRate);
    }

    /** Phones without formants of their own take the previous phone's (or, for "h", the next vowel's). */
    private static double[][] resolveFormants(List<Phone> phones) {
        double[][] targets = new double[phones.size()][];
        double[] previous = VOWELS.get("V");
        for (int i = 0; i < phones.size(); i++) {
            Phone p = phones.get(i);
            double[] f = p.formants();
            if (f == null && p.aspirated()) {
                for (int j = i + 1; j < phones.size() && f == null; j++) {
                    f = phones.get(j).formants();
                }
            }
            targets[i] = f != null ? f : previous;
            previous = targets[i];
        }
        return targets;
    }

    /** Rosenberg (1971) glottal pulse, type C: opening 40 % of the period, closing 16 %, closed the rest. */
    private static double rosenberg(double phase) {
        double open = 0.4;
        double close = 0.16;
        if (phase < open) {
            return 0.5 * (1 - Math.cos(Math.PI * phase / open));
        }
        if (phase < open + close) {
            return Math.cos(Math.PI * (phase - open) / (2 * close));
        }
        return 0;
    }

    /** Klatt's two-pole resonator: y = A x + B y1 + C y2 with unity gain at 0 Hz. */
    private static final class Resonator {
        private double a;
        private double b;
        private double c;
        private double y1;
        private double y2;

        void tune(double hz, double bandwidthHz, int sampleRate) {
            double t = 1.0 / sampleRate;
            c = -Math.exp(-2 * Math.PI * bandwidthHz * t);
            b = 2 * Math.exp(-Math.PI * bandwidthHz * t) * Math.cos(2 * Math.PI * hz * t);
            a = 1 - b - c;
        }

        double process(double x) {
            double y = a * x + b * y1 + c * y2;
            y2 = y1;
            y1 = y;
            return y;
        }
    }

    /** Band-pass with 0 dB peak gain (RBJ Audio EQ Cookbook, constant 0 dB peak form) for noise bands. */
    private static final class BandPass {
        private double b0;
        private double a1;
        private double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        void tune(double hz, double bandwidthHz, int sampleRate) {
            double w0 = 2 * Math.PI * hz / sampleRate;
            double q = Math.max(0.3, hz / bandwidthHz);
            double alpha = Math.sin(w0) / (2 * q);
            double a0 = 1 + alpha;
            b0 = alpha / a0;
            a1 = -2 * Math.cos(w0) / a0;
            a2 = (1 - alpha) / a0;
        }

        double process(double x) {
            double y = b0 * x - b0 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
