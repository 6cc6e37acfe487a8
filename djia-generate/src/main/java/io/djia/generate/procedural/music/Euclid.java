package io.djia.generate.procedural.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Euclidean rhythms: {@code pulses} onsets spread as evenly as possible over {@code steps}, which generate many
 * traditional rhythms (G. Toussaint, "The Euclidean algorithm generates traditional musical rhythms",
 * BRIDGES 2005): E(3,8) is the tresillo x..x..x., E(5,8) the cinquillo x.xx.xx.
 */
public final class Euclid {
    private Euclid() {
    }

    /** The canonical pattern (Bjorklund's algorithm, as in Toussaint), rotated right by {@code rotation} steps. */
    public static boolean[] rhythm(int pulses, int steps, int rotation) {
        if (steps < 1 || pulses < 0 || pulses > steps) {
            throw new IllegalArgumentException("need 0 <= pulses <= steps and steps >= 1, got E(" + pulses + "," + steps + ")");
        }
        boolean[] raw = bjorklund(pulses, steps);
        boolean[] out = new boolean[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = raw[Math.floorMod(i - rotation, steps)];
        }
        return out;
    }

    /**
     * Bjorklund's grouping: start with k onset groups and n - k rest groups, and repeatedly append one remainder
     * group to each leading group until at most one remainder is left.
     */
    private static boolean[] bjorklund(int pulses, int steps) {
        List<List<Boolean>> heads = new ArrayList<>();
        List<List<Boolean>> tails = new ArrayList<>();
        for (int i = 0; i < pulses; i++) {
            heads.add(new ArrayList<>(List.of(true)));
        }
        for (int i = 0; i < steps - pulses; i++) {
            tails.add(new ArrayList<>(List.of(false)));
        }
        if (heads.isEmpty()) {
            heads = tails;
            tails = new ArrayList<>();
        }
        while (tails.size() > 1) {
            int m = Math.min(heads.size(), tails.size());
            List<List<Boolean>> joined = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                List<Boolean> g = new ArrayList<>(heads.get(i));
                g.addAll(tails.get(i));
                joined.add(g);
            }
            List<List<Boolean>> rest = heads.size() > m
                    ? new ArrayList<>(heads.subList(m, heads.size()))
                    : new ArrayList<>(tails.subList(m, tails.size()));
            heads = joined;
            tails = rest;
        }
        boolean[] out = new boolean[steps];
        int i = 0;
        for (List<List<Boolean>> part : List.of(heads, tails)) {
            for (List<Boolean> g : part) {
                for (boolean b : g) {
                    out[i++] = b;
                }
            }
        }
        return out;
    }
}
