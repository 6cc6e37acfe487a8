package io.djia.app.live;

import io.djia.app.serve.LoopRequest;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live set's command line: what the person at the set types, checked where it is typed and handed to the
 * engine as {@link LiveRequest}s.
 *
 * <pre>
 *   Enter          let the brain choose the next loop now
 *   any text       generate that ("deep rolling bass", "no drums", "faster")
 *   s drums,bass   stems new loops keep (s alone: the brain chooses)
 *   b 130          tempo from the next bar (internal clock)
 *   k F minor      key of new loops
 *   y ambient      style of new loops
 *   layers         what plays
 *   remove N       take layer N (or an id) out at the next bar
 *   help, q
 * </pre>
 */
public final class LivePrompt {
    /** Where lines come from and go to: a terminal with line editing, or plain streams in tests. */
    public interface Console {
        /** The next line typed, or null at the end of input. */
        String readLine(String prompt) throws IOException;

        /** Prints a line (above the line being typed, on a terminal); any thread. */
        void println(String line);
    }

    static final String PROMPT = "djia> ";

    private final LiveEngine engine;
    private final Console console;

    public LivePrompt(LiveEngine engine, Console console) {
        if (engine == null || console == null) {
            throw new IllegalArgumentException("an engine and a console are required");
        }
        this.engine = engine;
        this.console = console;
    }

    /** A console over plain streams: lines from {@code in}, output to {@code out} (flushed per line). */
    public static Console streams(Reader in, Writer out) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        PrintWriter writer = out instanceof PrintWriter p ? p : new PrintWriter(out, true);
        return new Console() {
            @Override
            public String readLine(String prompt) throws IOException {
                return reader.readLine();
            }

            @Override
            public void println(String line) {
                synchronized (writer) {
                    writer.println(line);
                    writer.flush();
                }
            }
        };
    }

    /** Reads and handles lines until {@code q} (true) or the end of input (false). */
    public boolean run() throws IOException {
        String line;
        while ((line = console.readLine(PROMPT)) != null) {
            if (!handle(line)) {
                return true;
            }
        }
        return false;
    }

    /** Handles one line; false when it asks to quit. */
    public boolean handle(String line) {
        String text = line.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        String word = lower.split("\\s+", 2)[0];
        String rest = text.length() > word.length() ? text.substring(word.length()).strip() : "";
        try {
            switch (word) {
                case "" -> {
                    engine.submit(new LiveRequest.Next());
                    console.println("the brain chooses the next loop");
                }
                case "q", "quit", "exit" -> {
                    return false;
                }
                case "help", "?" -> help().forEach(console::println);
                case "layers" -> layers(engine.status()).forEach(console::println);
                case "remove", "rm" -> remove(rest);
                case "s" -> stems(rest);
                case "b" -> tempo(rest);
                case "k" -> engine.submit(new LiveRequest.ChangeKey(Key.parse(requireArgument(rest, "k F minor"))));
                case "y" -> engine.submit(new LiveRequest.ChangeStyle(style(requireArgument(rest, "y ambient"))));
                default -> {
                    engine.submit(new LiveRequest.Generate(text));
                    console.println("generating \"" + text + "\" for the next bar it is ready on");
                }
            }
        } catch (IllegalArgumentException e) {
            console.println(e.getMessage());
        }
        return true;
    }

    private static String requireArgument(String rest, String example) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("missing value, e.g. `" + example + "`");
        }
        return rest;
    }

    private void tempo(String rest) {
        double bpm;
        try {
            bpm = Double.parseDouble(requireArgument(rest, "b 130"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tempo must be a number of BPM, e.g. `b 130`; got \"" + rest + "\"");
        }
        engine.submit(new LiveRequest.ChangeTempo(bpm));
    }

    private void stems(String rest) {
        List<String> stems = new ArrayList<>();
        for (String s : rest.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (s.isEmpty()) {
                continue;
            }
            if (!LoopRequest.STEMS.contains(s)) {
                throw new IllegalArgumentException("unknown stem \"" + s + "\"; choose from "
                        + String.join(", ", LoopRequest.STEMS));
            }
            stems.add(s);
        }
        engine.submit(new LiveRequest.Stems(stems));
    }

    private void remove(String rest) {
        String which = requireArgument(rest, "remove 1");
        List<LiveStatus.LayerInfo> layers = engine.status().layers();
        String id = which;
        if (which.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(which);
            if (n < 1 || n > layers.size()) {
                throw new IllegalArgumentException("no layer " + n + ": " + (layers.isEmpty() ? "nothing plays yet"
                        : "`layers` lists 1.." + layers.size()));
            }
            id = layers.get(n - 1).layerId();
        }
        engine.submit(new LiveRequest.Remove(id));
        console.println("removing " + id + " at the next bar");
    }

    /** A built-in style by name, a unique part of a name ("ambient"), or a profile file. */
    static StyleProfile style(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (ProfileLibrary.BUILT_IN.contains(wanted) || Files.isRegularFile(Path.of(name))) {
            return ProfileLibrary.load(ProfileLibrary.BUILT_IN.contains(wanted) ? wanted : name);
        }
        List<String> matches = ProfileLibrary.BUILT_IN.stream().filter(n -> n.contains(wanted)).toList();
        if (matches.size() == 1) {
            return ProfileLibrary.load(matches.get(0));
        }
        throw new IllegalArgumentException((matches.isEmpty() ? "no style \"" + name + "\"" : "\"" + name
                + "\" could be " + String.join(" or ", matches)) + "; styles: " + String.join(", ", ProfileLibrary.BUILT_IN));
    }

    static List<String> help() {
        return List.of(
                "Enter          let the brain choose the next loop now",
                "any text       generate that, e.g. \"deep rolling bass\", \"no drums\", \"faster\"",
                "s drums,bass   stems new loops keep (drums, bass, other, vocals, all); `s` alone: the brain chooses",
                "b 130          tempo from the next bar (with a MIDI clock, change it in the DAW)",
                "k F minor      key of new loops",
                "y ambient      style of new loops (a built-in name or part of one)",
                "layers         what plays now",
                "remove N       take layer N of `layers` (or its id) out at the next bar",
                "help           this list",
                "q              quit");
    }

    static List<String> layers(LiveStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s, %s BPM (clips at %s), %s, %s, phase %s, %s", status.clock(),
                LiveEngine.bpm(status.bpm()), LiveEngine.bpm(status.clipBpm()), status.key(), status.style(),
                status.phase(), status.bar() < 0 ? "not started" : "bar " + (status.bar() + 1) + "."
                        + (status.beatInBar() + 1) + (status.playing() ? "" : " (stopped)")));
        if (status.layers().isEmpty()) {
            lines.add("no layers yet" + (status.waiting() > 0 ? " (" + status.waiting() + " changes on their way)" : ""));
        }
        for (int i = 0; i < status.layers().size(); i++) {
            LiveStatus.LayerInfo l = status.layers().get(i);
            lines.add(String.format(Locale.ROOT, "%2d. %-16s %-14s %d bars, since bar %d, volume %.2f, stems %s",
                    i + 1, l.layerId(), l.type(), l.bars(), l.startedBar() + 1, l.volume(), String.join("+", l.stems())));
        }
        if (!status.stems().isEmpty()) {
            lines.add("new loops keep " + String.join(", ", status.stems()));
        }
        return lines;
    }
}
