package io.djia.generate.procedural;

import io.djia.generate.procedural.music.Chord;
import io.djia.generate.procedural.music.Voicing;
import java.util.ArrayList;
import java.util.List;

/** Chord spans of a clip and their voice-led voicings, shared by the chordal instruments. */
final class Harmony {
    /** A chord held from {@code startBar} for {@code bars} bars. */
    record Span(int startBar, int bars, Chord chord) {
    }

    private Harmony() {
    }

    /** Consecutive bars on the same chord merged into one span. */
    static List<Span> spans(ClipContext ctx) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int bar = 1; bar <= ctx.bars(); bar++) {
            boolean change = bar == ctx.bars() || !ctx.plan().chordAtBar(bar).equals(ctx.plan().chordAtBar(start));
            if (change) {
                out.add(new Span(start, bar - start, ctx.plan().chordAtBar(start)));
                start = bar;
            }
        }
        return out;
    }

    /**
     * Voice-led voicings (absolute degrees) for the spans, within MIDI {@code [low, high]}. Led twice round the loop
     * so the first chord is also led from the last one: the loop's own turnaround is smooth.
     */
    static List<int[]> voicings(ClipContext ctx, List<Span> spans, double low, double high) {
        int[] previous = null;
        List<int[]> out = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            out.clear();
            for (Span s : spans) {
                previous = Voicing.lead(previous, s.chord(), ctx.scale(), low, high);
                out.add(previous);
            }
        }
        return out;
    }

    /** First frame of a bar. */
    static long barFrame(ClipContext ctx, int bar) {
        return ctx.frameAt((double) bar * ctx.stepsPerBar());
    }

    /** Frames covered by {@code bars} bars from {@code startBar}. */
    static int barFrames(ClipContext ctx, int startBar, int bars) {
        return (int) (barFrame(ctx, startBar + bars) - barFrame(ctx, startBar));
    }
}
