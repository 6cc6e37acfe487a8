package io.djia.cli;

import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code djia profiles}: the built-in styles with tempo and key. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List the built-in style profiles with their tempo, key and layer types.")
public final class ProfilesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.printf("%-18s %6s  %-9s %-4s %s%n", "PROFILE", "BPM", "KEY", "CAM", "LAYER TYPES");
        for (StyleProfile p : ProfileLibrary.builtIns()) {
            Key key = p.parsedKey();
            System.out.printf("%-18s %6.1f  %-9s %-4s %s%n", p.name(), p.bpm(), key.displayName(), key.camelot(),
                    String.join(", ", p.layerTypes().stream().map(t -> t.name()).toList()));
        }
        System.out.println();
        System.out.println("Use one with: djia render --profile NAME, or pass a path to your own profile .json file.");
        return 0;
    }
}
