package io.djia.separate;

import io.djia.core.analysis.MaskingAnalyzer;
import io.djia.core.analysis.MaskingReport;
import io.djia.core.audio.AudioBuffer;
import io.djia.core.fx.EffectSpec;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Picks the stems of a new clip that complement the mix, and the corrective EQ they need.
 *
 * <ul>
 *   <li>Named stems are always honoured, even when they carry little energy (the brain may want a quiet
 *       texture); "all" keeps the four; "random" draws one audible stem with the given seed.</li>
 *   <li>Otherwise ("auto") the audible stem that overlaps least with what already plays wins (Bark-band masking
 *       from {@link MaskingAnalyzer}); with nothing playing, the loudest one (the clip's dominant stem).</li>
 *   <li>For every chosen stem: a high-pass when it fights the mix below 200 Hz and the mix already puts a
 *       quarter of its energy there (a second bass, a second kick), else the high-pass the masking analysis
 *       suggests; a high shelf cut when it fights above 6.4 kHz (two
 *       hat patterns); the analysis' gain cut for what overlap remains.</li>
 * </ul>
 * Stateless and thread-safe; the same inputs and seed give the same selection.
 */
public final class StemSelector {
    /** A stem needs this share of the clip's energy to be picked on its own (-13 dB). */
    public static final double DEFAULT_MIN_ENERGY_SHARE = 0.05;
    private static final double SILENCE_DBFS = -70;
    /** Bark-band overlap above which two signals are said to clash in a band. */
    private static final double CLASH = 0.3;
    private static final int FIRST_HIGH_BAND = 20; // 6400 Hz and up
    private static final double HIGH_SHELF_HZ = 6400;
    private static final double HIGH_SHELF_CUT_DB = -4;
    private static final double LOW_END_HZ = 200;
    /** Share of the mix's energy under 200 Hz from which the mix is said to own the low end (a kick, a bass). */
    private static final double LOW_END_OWNED = 0.25;

    private final double minEnergyShare;
    private final MaskingAnalyzer masking = new MaskingAnalyzer();

    public StemSelector() {
        this(DEFAULT_MIN_ENERGY_SHARE);
    }

    /** @param minEnergyShare share of the clip's energy (0..0.5) a stem needs to be picked on its own */
    public StemSelector(double minEnergyShare) {
        if (!(minEnergyShare >= 0 && minEnergyShare <= 0.5)) {
            throw new IllegalArgumentException("minimum energy share must be 0..0.5, got " + minEnergyShare);
        }
        this.minEnergyShare = minEnergyShare;
    }

    /**
     * @param stems      the new clip's stems
     * @param preference what the brain asked for
     * @param currentMix what plays now over the clip's length, at the clip's rate; null or silence when nothing
     * @param seed       drives "random"
     */
    public StemSelection select(Stems stems, StemPreference preference, AudioBuffer currentMix, long seed) {
        Objects.requireNonNull(stems, "stems");
        Objects.requireNonNull(preference, "preference");
        if (currentMix != null && currentMix.sampleRate() != stems.sampleRate()) {
            throw new IllegalArgumentException("the mix is at " + currentMix.sampleRate() + " Hz but the clip at "
                    + stems.sampleRate() + " Hz; resample one of them first");
        }
        boolean mixPlays = currentMix != null && currentMix.frames() > 0
                && rmsDb(currentMix.rms()) > SILENCE_DBFS;
        Stem[] all = Stem.values();
        double[] energy = new double[all.length];
        double total = 0;
        for (Stem s : all) {
            double rms = stems.get(s).rms();
            energy[s.ordinal()] = rms * rms;
            total += rms * rms;
        }
        List<StemScore> scores = new ArrayList<>();
        MaskingReport[] reports = new MaskingReport[all.length];
        for (Stem s : all) {
            double share = total > 0 ? energy[s.ordinal()] / total : 0;
            double db = rmsDb(Math.sqrt(energy[s.ordinal()]));
            boolean audible = db > SILENCE_DBFS && share >= minEnergyShare;
            double overlap = 0;
            if (mixPlays && db > SILENCE_DBFS) {
                reports[s.ordinal()] = masking.score(stems.get(s), currentMix);
                overlap = reports[s.ordinal()].overall();
            }
            scores.add(new StemScore(s, db, Math.min(1, share), overlap, audible));
        }

        List<Stem> picked = new ArrayList<>();
        String reason;
        switch (preference.kind()) {
            case NAMED -> {
                picked.addAll(preference.stems());
                List<String> quiet = picked.stream().filter(s -> !scores.get(s.ordinal()).audible())
                        .map(Stem::id).toList();
                reason = "kept " + preference + " as asked"
                        + (quiet.isEmpty() ? "" : ", though " + String.join(" and ", quiet) + " carry little energy");
            }
            case ALL -> {
                picked.addAll(List.of(all));
                reason = "kept the whole clip as asked";
            }
            case RANDOM -> {
                List<Stem> audible = scores.stream().filter(StemScore::audible).map(StemScore::stem).toList();
                if (audible.isEmpty()) {
                    reason = "the clip is silent; nothing to draw from";
                } else {
                    Stem s = audible.get(new SplittableRandom(seed).nextInt(audible.size()));
                    picked.add(s);
                    reason = "drew " + s.id() + " at random among " + audible.size() + " audible stems";
                }
            }
            default -> {
                StemScore best = null;
                for (StemScore sc : scores) {
                    if (!sc.audible()) {
                        continue;
                    }
                    if (best == null || (mixPlays ? better(sc, best) : sc.energyShare() > best.energyShare())) {
                        best = sc;
                    }
                }
                if (best == null) {
                    reason = "the clip is silent; nothing to add";
                } else {
                    picked.add(best.stem());
                    reason = mixPlays
                            ? String.format(Locale.ROOT, "%s overlaps least with the mix (%.0f%%) among audible stems",
                                    best.stem().id(), 100 * best.overlap())
                            : String.format(Locale.ROOT, "nothing plays yet, so the dominant stem %s (%.0f%% of the clip)",
                                    best.stem().id(), 100 * best.energyShare());
                }
            }
        }
        boolean mixOwnsLowEnd = mixPlays && lowEndShare(currentMix) >= LOW_END_OWNED;
        List<StemChoice> chosen = new ArrayList<>();
        for (Stem s : picked) {
            chosen.add(correct(s, reports[s.ordinal()], mixOwnsLowEnd));
        }
        return new StemSelection(chosen, scores, preference, reason);
    }

    /** Less overlap wins; within 2% of each other, more energy wins. */
    private static boolean better(StemScore a, StemScore b) {
        if (Math.abs(a.overlap() - b.overlap()) > 0.02) {
            return a.overlap() < b.overlap();
        }
        return a.energyShare() > b.energyShare();
    }

    /** The EQ for one chosen stem from its masking report (null when nothing plays). */
    private static StemChoice correct(Stem stem, MaskingReport report, boolean mixOwnsLowEnd) {
        if (report == null) {
            return new StemChoice(stem, List.of(), 0, "nothing to clash with");
        }
        double[] overlap = report.bandOverlap();
        double[] edges = MaskingAnalyzer.bandEdgesHz();
        List<EffectSpec> eq = new ArrayList<>();
        List<String> why = new ArrayList<>();
        // Bands 0 and 1 (0-100 and 100-200 Hz): two basses or two kicks there make mud; the new one yields.
        double lowCut = 0;
        for (int b = 0; b < 2 && mixOwnsLowEnd; b++) {
            if (overlap[b] >= CLASH) {
                lowCut = edges[b + 1];
            }
        }
        if (lowCut > 0) {
            eq.add(EffectSpec.highPass(lowCut));
            why.add(String.format(Locale.ROOT, "high-pass at %.0f Hz: the mix already owns the low end", lowCut));
        } else if (report.suggestedHighPassHz() > 0) {
            eq.add(EffectSpec.highPass(report.suggestedHighPassHz()));
            why.add(String.format(Locale.ROOT, "high-pass at %.0f Hz: below it the stem fights the mix",
                    report.suggestedHighPassHz()));
        }
        double high = 0;
        for (int b = FIRST_HIGH_BAND; b < overlap.length; b++) {
            high = Math.max(high, overlap[b]);
        }
        if (high >= CLASH) {
            eq.add(new EffectSpec(EffectSpec.Type.HIGH_SHELF, HIGH_SHELF_HZ, 0.707, HIGH_SHELF_CUT_DB, 0.5, 2, "1/4",
                    0.4, 0.25));
            why.add(String.format(Locale.ROOT, "high shelf %.0f dB above %.0f Hz: the top end clashes",
                    HIGH_SHELF_CUT_DB, HIGH_SHELF_HZ));
        }
        double gain = report.suggestedGainDb();
        if (gain < 0) {
            why.add(String.format(Locale.ROOT, "%.1f dB for the overlap that remains", gain));
        }
        return new StemChoice(stem, eq, gain, why.isEmpty() ? "sits well against the mix" : String.join("; ", why));
    }

    /** Share of the mono mix's energy under 200 Hz. */
    static double lowEndShare(AudioBuffer mix) {
        AudioBuffer mono = mix.toMono();
        int fftSize = 4096;
        Stft stft = new Stft(fftSize, fftSize / 2, WindowType.HANN);
        int lowBins = (int) Math.ceil(LOW_END_HZ * fftSize / mix.sampleRate());
        double[] sums = new double[2];
        stft.forEachFrame(mono.channel(0), (t, re, im) -> {
            for (int k = 1; k < re.length; k++) {
                double p = re[k] * re[k] + im[k] * im[k];
                sums[1] += p;
                if (k < lowBins) {
                    sums[0] += p;
                }
            }
        });
        return sums[1] > 0 ? sums[0] / sums[1] : 0;
    }

    private static double rmsDb(double rms) {
        return rms > 0 ? 20 * Math.log10(rms) : Double.NEGATIVE_INFINITY;
    }
}
