package io.djia.generate.procedural;

import io.djia.core.theory.Key;
import io.djia.generate.procedural.music.Euclid;
import io.djia.generate.procedural.music.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drum pattern writers, one per style. Patterns are written on the 16th-note grid of a 4/4 bar (steps 0..15;
 * longer bars repeat the second half, shorter ones are cut) and vary with the seed (variants, Euclidean
 * accents, ghost notes) and with intensity (density, fills in the last bar). Glitch ratchets fall on 32nds.
 */
final class DrumPatterns {
    private final ClipContext ctx;
    private final SplittableRandom rng;
    private final double energy;
    private final List<DrumHit> hits = new ArrayList<>();
    private int bar;

    private DrumPatterns(ClipContext ctx) {
        this.ctx = ctx;
        this.rng = ctx.random("drum-pattern");
        this.energy = ctx.energy();
    }

    static List<DrumHit> write(DrumStyle style, ClipContext ctx) {
        DrumPatterns p = new DrumPatterns(ctx);
        switch (style) {
            case TECHNO -> p.techno();
            case HOUSE -> p.house();
            case BOOM_BAP -> p.boomBap();
            case TRIP_HOP -> p.tripHop();
            case ROCK -> p.rock();
            case BREAKBEAT -> p.breakbeat();
            case ONE_DROP -> p.oneDrop();
            case GLITCH -> p.glitch();
            case SUBTLE -> p.subtle();
            case TIMPANI -> p.timpani();
            case GENERIC -> p.generic();
            case TECHNO_PERC -> p.technoPercussion();
            case HOUSE_PERC -> p.housePercussion();
            case SHAKER -> p.shaker();
        }
        return p.hits;
    }

    /** Adds a hit at a step of the current bar (0..15), humanising the velocity by a few percent. */
    private void hit(double stepInBar, Drum drum, double velocity) {
        hit(stepInBar, drum, velocity, 0.0, Double.NaN);
    }

    private void hit(double stepInBar, Drum drum, double velocity, double tuneHz, double pan) {
        int spb = ctx.stepsPerBar();
        List<Double> positions = new ArrayList<>();
        if (stepInBar < spb) {
            positions.add(stepInBar);
        }
        // Bars longer than 4/4 repeat the second half of the pattern in the extra beats.
        for (double s = stepInBar + 8; s >= 16 && s < spb; s += 8) {
            positions.add(s);
        }
        for (double s : positions) {
            double v = Math.max(0.05, Math.min(1.0, velocity * (0.93 + 0.07 * rng.nextDouble())));
            hits.add(new DrumHit(bar * spb + s, drum, v, tuneHz, pan));
        }
    }

    private boolean lastBar() {
        return bar == ctx.bars() - 1;
    }

    private boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    private static boolean in(int step, int... steps) {
        for (int s : steps) {
            if (s == step) {
                return true;
            }
        }
        return false;
    }

    private void techno() {
        boolean sixteenths = energy > 0.45 || chance(0.25);
        boolean[] rims = Euclid.rhythm(3 + (int) Math.round(2 * energy), 16, rng.nextInt(16));
        boolean snareNotClap = chance(0.3);
        boolean offbeatKickGhost = chance(0.5);
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s = 0; s < 16; s += 4) {
                hit(s, Drum.KICK, 1.0);
            }
            if (ctx.intensity() >= 3) {
                for (int s = 2; s < 16; s += 4) {
                    hit(s, Drum.OPEN_HAT, 0.7);
                }
            }
            if (sixteenths) {
                for (int s = 1; s < 16; s += 2) {
                    hit(s, Drum.CLOSED_HAT, s % 4 == 3 ? 0.42 : 0.3);
                }
            }
            if (energy >= 0.35) {
                hit(4, snareNotClap ? Drum.SNARE : Drum.CLAP, 0.8);
                hit(12, snareNotClap ? Drum.SNARE : Drum.CLAP, 0.85);
            }
            if (ctx.intensity() >= 4) {
                for (int s = 0; s < 16; s++) {
                    if (rims[s] && s % 4 != 0 && s % 4 != 2) {
                        hit(s, Drum.RIM, 0.5 + 0.15 * energy);
                    }
                }
            }
            if (lastBar() && energy > 0.7) {
                if (offbeatKickGhost) {
                    hit(14, Drum.KICK, 0.65);
                } else {
                    for (int s = 12; s < 16; s++) {
                        hit(s, Drum.RIM, 0.45 + 0.12 * (s - 12));
                    }
                }
            }
        }
    }

    private void house() {
        boolean[] rims = Euclid.rhythm(2 + (int) Math.round(2 * energy), 16, rng.nextInt(16));
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s = 0; s < 16; s += 4) {
                hit(s, Drum.KICK, 1.0);
            }
            if (ctx.intensity() >= 3) {
                hit(4, Drum.CLAP, 0.85);
                hit(12, Drum.CLAP, 0.85);
            }
            for (int s = 2; s < 16; s += 4) {
                hit(s, Drum.OPEN_HAT, 0.6);
            }
            if (ctx.intensity() >= 5) {
                for (int s = 1; s < 16; s += 2) {
                    hit(s, Drum.CLOSED_HAT, s % 4 == 3 ? 0.35 : 0.25);
                }
            }
            if (ctx.intensity() >= 6) {
                for (int s = 0; s < 16; s++) {
                    if (rims[s] && s % 2 == 1) {
                        hit(s, Drum.RIM, 0.45);
                    }
                }
            }
            if (lastBar() && energy > 0.6 && chance(0.7)) {
                hit(15, Drum.CLAP, 0.5);
            }
        }
    }

    private static final int[][] BOOM_BAP_KICKS = {{0, 10}, {0, 7, 10}, {0, 3, 10}, {0, 10, 13}, {0, 6, 10}, {0, 3, 7, 10}};

    private void boomBap() {
        int[] kickA = BOOM_BAP_KICKS[rng.nextInt(BOOM_BAP_KICKS.length)];
        int[] kickB = BOOM_BAP_KICKS[rng.nextInt(BOOM_BAP_KICKS.length)];
        boolean openOnAnd = chance(0.5);
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s : bar % 2 == 0 ? kickA : kickB) {
                hit(s, Drum.KICK, s == 0 ? 1.0 : 0.85);
            }
            hit(4, Drum.SNARE, 1.0);
            hit(12, Drum.SNARE, 1.0);
            if (energy >= 0.45) {
                for (int k = 0; k < 2; k++) {
                    int s = 1 + 2 * rng.nextInt(8);
                    if (s != 3 && s != 11) {
                        hit(s, Drum.SNARE, 0.22);
                    }
                }
            }
            boolean open = openOnAnd && bar % 2 == 1;
            for (int s = 0; s < 16; s += 2) {
                if (open && s == 14) {
                    hit(s, Drum.OPEN_HAT, 0.5);
                } else {
                    hit(s, Drum.CLOSED_HAT, s % 4 == 0 ? 0.6 : 0.45);
                }
            }
            if (energy >= 0.6) {
                for (int s = 1; s < 16; s += 2) {
                    if (chance(0.6)) {
                        hit(s, Drum.CLOSED_HAT, 0.25);
                    }
                }
            }
        }
    }

    private static final int[][] TRIP_HOP_KICKS = {{0, 10}, {0, 7, 8}, {0, 3, 10}, {0, 8, 11}};

    private void tripHop() {
        int[] kicks = TRIP_HOP_KICKS[rng.nextInt(TRIP_HOP_KICKS.length)];
        boolean halfTime = ctx.intensity() <= 4;
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s : kicks) {
                if (!(halfTime && s == 8)) {
                    hit(s, Drum.KICK, s == 0 ? 1.0 : 0.8);
                }
            }
            if (halfTime) {
                hit(8, Drum.SNARE, 1.0);
            } else {
                hit(4, Drum.SNARE, 1.0);
                hit(12, Drum.SNARE, 1.0);
            }
            for (int s = 0; s < 16; s++) {
                if (s % 2 == 0) {
                    hit(s, Drum.CLOSED_HAT, s % 4 == 0 ? 0.5 : 0.4);
                } else if (energy > 0.3 && chance(0.75)) {
                    hit(s, Drum.CLOSED_HAT, 0.22);
                }
            }
            if (energy >= 0.55 && bar % 2 == 1) {
                hit(15, Drum.RIM, 0.4);
            }
        }
    }

    private static final int[][] ROCK_KICKS = {{0, 8, 10}, {0, 6, 8}, {0, 3, 8, 10}, {0, 8, 11}};

    private void rock() {
        int[] kicks = energy < 0.4 ? new int[] {0, 8} : ROCK_KICKS[rng.nextInt(ROCK_KICKS.length)];
        boolean ride = energy >= 0.75;
        int fill = rng.nextInt(3);
        boolean doFill = energy >= 0.45 && (ctx.bars() >= 2 || energy >= 0.7);
        for (bar = 0; bar < ctx.bars(); bar++) {
            boolean filling = doFill && lastBar();
            int end = filling ? 12 : 16;
            for (int s : kicks) {
                if (s < end) {
                    hit(s, Drum.KICK, s == 0 ? 1.0 : 0.88);
                }
            }
            hit(4, Drum.SNARE, 1.0);
            if (!filling) {
                hit(12, Drum.SNARE, 1.0);
            }
            for (int s = 0; s < end; s += 2) {
                if (!ride && s == 14 && bar % 2 == 1) {
                    hit(s, Drum.OPEN_HAT, 0.55);
                } else {
                    hit(s, ride ? Drum.RIDE : Drum.CLOSED_HAT, s % 4 == 0 ? 0.62 : 0.46);
                }
            }
            if (bar == 0 && energy >= 0.5) {
                hit(0, Drum.CRASH, 0.8);
            }
            if (filling) {
                Drum[][] fills = {
                    {Drum.SNARE, Drum.SNARE, Drum.SNARE, Drum.SNARE},
                    {Drum.TOM_HIGH, Drum.TOM_HIGH, Drum.TOM_MID, Drum.TOM_LOW},
                    {Drum.SNARE, Drum.SNARE, Drum.TOM_MID, Drum.TOM_LOW},
                };
                for (int k = 0; k < 4; k++) {
                    hit(12 + k, fills[fill][k], 0.7 + 0.1 * k, tomHz(fills[fill][k]), Double.NaN);
                }
            }
        }
    }

    private double tomHz(Drum drum) {
        double target = switch (drum) {
            case TOM_LOW -> 95;
            case TOM_MID -> 135;
            case TOM_HIGH -> 185;
            default -> 0;
        };
        return target == 0 ? 0 : nearestScaleHz(target);
    }

    /**
     * A two-bar break written for this project in the spirit of the classic funk breaks jungle is built from:
     * kick on 1 and the "and" of 1, snares on 2 and 4, a syncopated double kick before beat 4 and ghost snares.
     * Each cell is {step, drum ordinal, velocity x 100}.
     */
    private static final int[][] BREAK = {
        {0, 0, 100}, {2, 0, 82}, {4, 1, 100}, {7, 1, 28}, {9, 1, 34}, {10, 0, 88}, {11, 0, 66}, {12, 1, 100}, {15, 1, 30},
        {16, 0, 100}, {18, 0, 80}, {20, 1, 100}, {23, 1, 30}, {25, 1, 46}, {26, 0, 86}, {28, 1, 100}, {30, 1, 34}, {31, 0, 55},
    };

    private void breakbeat() {
        // Slices of an 8th note (two steps): [source slice][hits as {offset, drum, velocity}]
        List<List<double[]>> slices = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            slices.add(new ArrayList<>());
        }
        for (int[] cell : BREAK) {
            boolean ghost = cell[1] == 1 && cell[2] < 50;
            if (ghost && energy < 0.3) {
                continue;
            }
            slices.get(cell[0] / 2).add(new double[] {cell[0] % 2, cell[1], cell[2] / 100.0});
        }
        double chop = 0.06 + 0.22 * energy;
        boolean rollEnding = energy >= 0.65;
        int[] offbeatSlices = {1, 3, 4, 5, 7, 9, 11, 12, 13, 15};
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int j = 0; j < 8; j++) {
                int source = (bar % 2) * 8 + j;
                // The downbeat and the backbeat snares (slices 0, 2 and 6 of a bar) hold the groove; the slices
                // between them are re-sequenced from elsewhere in the break, as a jungle producer chops an amen.
                boolean anchor = j == 0 || j == 2 || j == 6;
                if (!anchor && chance(chop)) {
                    source = offbeatSlices[rng.nextInt(offbeatSlices.length)];
                }
                boolean roll = rollEnding && lastBar() && j >= 6;
                if (roll) {
                    for (int k = 0; k < 2; k++) {
                        hit(2 * j + k, Drum.SNARE, 0.55 + 0.12 * (2 * (j - 6) + k));
                    }
                } else {
                    for (double[] h : slices.get(source)) {
                        hit(2 * j + h[0], h[1] == 0 ? Drum.KICK : Drum.SNARE, h[2]);
                    }
                }
                hit(2 * j, Drum.CLOSED_HAT, j % 2 == 0 ? 0.55 : 0.42);
                if (energy >= 0.5 && chance(0.5)) {
                    hit(2 * j + 1, Drum.CLOSED_HAT, 0.25);
                }
            }
        }
    }

    private void oneDrop() {
        boolean steppers = energy >= 0.55;
        int openAt = chance(0.5) ? 6 : 14;
        for (bar = 0; bar < ctx.bars(); bar++) {
            if (steppers) {
                for (int s = 0; s < 16; s += 4) {
                    hit(s, Drum.KICK, s == 8 ? 1.0 : 0.9);
                }
            } else {
                hit(8, Drum.KICK, 1.0);
            }
            hit(8, Drum.RIM, 0.85);
            if (energy >= 0.4) {
                hit(8, Drum.SNARE, 0.6);
            }
            boolean filling = lastBar() && energy >= 0.7;
            for (int s = 0; s < 16; s++) {
                if (filling && s >= 12) {
                    hit(s, s % 2 == 0 ? Drum.TOM_HIGH : Drum.TOM_MID, 0.55 + 0.08 * (s - 12),
                            nearestScaleHz(s % 2 == 0 ? 200 : 150), Double.NaN);
                } else if (s % 2 == 0) {
                    hit(s, s == openAt && bar % 2 == 1 ? Drum.OPEN_HAT : Drum.CLOSED_HAT, s % 4 == 0 ? 0.5 : 0.38);
                } else if (energy >= 0.3 && (s % 4 == 3)) {
                    hit(s, Drum.CLOSED_HAT, 0.24);
                }
            }
        }
    }

    private void glitch() {
        boolean[] kicks = Euclid.rhythm(2 + rng.nextInt(3), 16, rng.nextInt(4));
        boolean[] clicks = Euclid.rhythm(3 + (int) Math.round(6 * energy), 16, rng.nextInt(16));
        boolean[] blips = Euclid.rhythm(2 + rng.nextInt(4), 16, rng.nextInt(16));
        boolean[] snares = Euclid.rhythm(1 + rng.nextInt(2), 8, rng.nextInt(8));
        double[] blipHz = new double[3];
        Scale scale = ctx.scale();
        for (int i = 0; i < blipHz.length; i++) {
            blipHz[i] = scale.hz(35 + rng.nextInt(14));
        }
        double ratchet = 0.1 + 0.35 * energy;
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s = 0; s < 16; s++) {
                if (kicks[s]) {
                    hit(s, Drum.KICK, 0.95);
                }
                if (snares[s / 2] && s % 2 == 0 && !kicks[s]) {
                    hit(s, Drum.SNARE, 0.75);
                }
                if (clicks[s] || (energy > 0.5 && chance(0.15))) {
                    double pan = rng.nextDouble() * 1.6 - 0.8;
                    hit(s, Drum.CLICK, 0.7, 0.0, pan);
                    if (chance(ratchet)) {
                        hit(s + 0.5, Drum.CLICK, 0.5, 0.0, -pan);
                    }
                }
                if (blips[s]) {
                    double hz = blipHz[rng.nextInt(blipHz.length)];
                    hit(s, Drum.BLIP, 0.7, hz, rng.nextDouble() - 0.5);
                    if (chance(ratchet)) {
                        hit(s + 0.5, Drum.BLIP, 0.55, hz * 1.5, rng.nextDouble() - 0.5);
                    }
                }
                if (chance(0.04 + 0.1 * energy)) {
                    hit(s, Drum.NOISE_BURST, 0.6, 0.0, rng.nextDouble() * 1.2 - 0.6);
                }
            }
        }
    }

    private void subtle() {
        boolean lateKick = chance(0.5);
        for (bar = 0; bar < ctx.bars(); bar++) {
            hit(0, Drum.KICK, 0.85);
            if (energy >= 0.25) {
                hit(8, Drum.KICK, 0.7);
            }
            if (energy >= 0.5) {
                hit(lateKick ? 11 : 10, Drum.KICK, 0.55);
            }
            Drum back = energy >= 0.35 ? Drum.BRUSH : Drum.RIM;
            hit(4, back, 0.6);
            hit(12, back, 0.65);
            if (energy >= 0.2) {
                for (int s = 0; s < 16; s += 2) {
                    hit(s, Drum.SHAKER, s % 4 == 2 ? 0.45 : 0.3);
                }
            }
            if (energy >= 0.55) {
                for (int s = 1; s < 16; s += 2) {
                    hit(s, Drum.CLOSED_HAT, 0.18);
                }
            }
        }
    }

    private void timpani() {
        double tonic = timpaniHz(0);
        double dominant = timpaniHz(4);
        boolean roll = energy >= 0.55;
        for (bar = 0; bar < ctx.bars(); bar++) {
            hit(0, Drum.TIMPANI, 1.0, tonic, -0.15);
            if (roll && lastBar()) {
                for (int s = 8; s < 16; s++) {
                    hit(s, Drum.TIMPANI, 0.35 + 0.08 * (s - 8), tonic, -0.15);
                }
                continue;
            }
            hit(8, Drum.TIMPANI, 0.75, dominant, 0.15);
            if (energy >= 0.35) {
                hit(14, Drum.TIMPANI, 0.5, dominant, 0.15);
                hit(15, Drum.TIMPANI, 0.58, dominant, 0.15);
            }
            if (energy >= 0.65) {
                hit(4, Drum.TIMPANI, 0.42, tonic, -0.15);
                hit(12, Drum.TIMPANI, 0.42, dominant, 0.15);
            }
        }
    }

    /** Timpani pitch of a scale degree, placed between about 80 and 160 Hz (the kettle drums' compass). */
    private double timpaniHz(int degree) {
        Scale scale = ctx.scale();
        int d = scale.degreeNear(degree, 44.0);
        while (scale.hz(d) < 80) {
            d += 7;
        }
        while (scale.hz(d) >= 160) {
            d -= 7;
        }
        return scale.hz(d);
    }

    private void generic() {
        for (bar = 0; bar < ctx.bars(); bar++) {
            hit(0, Drum.KICK, 1.0);
            hit(8, Drum.KICK, 0.9);
            if (energy > 0.5) {
                hit(10, Drum.KICK, 0.75);
            }
            hit(4, Drum.SNARE, 1.0);
            hit(12, Drum.SNARE, 1.0);
            for (int s = 0; s < 16; s += 2) {
                hit(s, s == 14 && bar % 2 == 1 ? Drum.OPEN_HAT : Drum.CLOSED_HAT, s % 4 == 0 ? 0.6 : 0.45);
            }
        }
    }

    private void technoPercussion() {
        boolean[] rims = Euclid.rhythm(3 + rng.nextInt(3), 16, 1 + rng.nextInt(15));
        boolean[] claves = Euclid.rhythm(3, 8, rng.nextInt(8));
        boolean[] toms = Euclid.rhythm(2 + rng.nextInt(2), 16, rng.nextInt(16));
        double tom = nearestScaleHz(120 + 60 * rng.nextDouble());
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s = 0; s < 16; s++) {
                if (rims[s]) {
                    hit(s, Drum.RIM, 0.7);
                }
                if (ctx.intensity() >= 4) {
                    hit(s, Drum.SHAKER, s % 4 == 2 ? 0.7 : (s % 2 == 0 ? 0.42 : 0.3));
                }
                if (energy >= 0.45 && s % 2 == 0 && claves[s / 2] && !rims[s]) {
                    hit(s, Drum.CLAVE, 0.55);
                }
                if (energy >= 0.6 && toms[s] && !rims[s]) {
                    hit(s, Drum.TOM_MID, 0.6, tom, -0.3);
                }
            }
        }
    }

    private static final int[][][] CONGAS = {
        {{2, 1, 70}, {3, 1, 45}, {6, 0, 80}, {10, 1, 70}, {11, 1, 45}, {14, 0, 80}, {15, 0, 50}},
        {{0, 0, 60}, {3, 1, 60}, {6, 1, 75}, {8, 0, 50}, {11, 1, 60}, {14, 1, 75}},
        {{2, 1, 70}, {5, 0, 65}, {7, 1, 60}, {10, 1, 70}, {13, 0, 65}, {15, 1, 55}},
    };

    private void housePercussion() {
        int[][] congas = CONGAS[rng.nextInt(CONGAS.length)];
        double low = nearestScaleHz(190);
        double high = nearestScaleHz(285);
        boolean[] claves = Euclid.rhythm(3, 8, rng.nextInt(8));
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int[] c : congas) {
                hit(c[0], c[1] == 0 ? Drum.CONGA_LOW : Drum.CONGA_HIGH, c[2] / 100.0, c[1] == 0 ? low : high, Double.NaN);
            }
            if (ctx.intensity() >= 4) {
                for (int s = 0; s < 16; s++) {
                    hit(s, Drum.SHAKER, s % 4 == 2 ? 0.62 : (s % 2 == 0 ? 0.4 : 0.28));
                }
            }
            if (energy >= 0.5) {
                for (int s = 0; s < 16; s += 2) {
                    if (claves[s / 2]) {
                        hit(s, Drum.CLAVE, 0.45);
                    }
                }
            }
            if (lastBar() && energy >= 0.6) {
                double bongo = nearestScaleHz(420);
                for (int s = 12; s < 16; s++) {
                    hit(s, Drum.BONGO, 0.5 + 0.1 * (s - 12), s % 2 == 0 ? bongo : bongo * 0.84, Double.NaN);
                }
            }
        }
    }

    private void shaker() {
        boolean ride = ctx.mentions("ride") && energy >= 0.45;
        for (bar = 0; bar < ctx.bars(); bar++) {
            for (int s = 0; s < 16; s++) {
                double v = s % 4 == 2 ? 0.75 : (s % 2 == 0 ? 0.45 : 0.3);
                if (energy < 0.3 && s % 2 == 1) {
                    continue;
                }
                hit(s, Drum.SHAKER, v);
            }
            if (ride) {
                for (int s = 0; s < 16; s += 4) {
                    hit(s, Drum.RIDE, 0.5);
                }
            }
        }
    }

    /** The scale note nearest a frequency, in Hz, so tuned percussion sits in the key. */
    private double nearestScaleHz(double hz) {
        Scale scale = ctx.scale();
        double midi = 69 + 12 * Math.log(hz / 440.0) / Math.log(2);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int d = 0; d < 7; d++) {
            int degree = scale.degreeNear(d, midi);
            double distance = Math.abs(scale.midi(degree) - midi);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = degree;
            }
        }
        return Key.midiToHz(scale.midi(best));
    }
}
