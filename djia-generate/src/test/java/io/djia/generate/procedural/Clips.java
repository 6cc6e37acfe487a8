package io.djia.generate.procedural;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerRole;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.core.theory.Key;
import io.djia.generate.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.provider.Arguments;

/** Shared fixtures: the built-in profiles' layers and a generator. */
final class Clips {
    static final ProceduralGenerator GENERATOR = new ProceduralGenerator();

    private Clips() {
    }

    /** (profile name, layer name) for every layer of every built-in profile, optionally filtered by role. */
    static List<Arguments> layers(Set<LayerRole> roles) {
        List<Arguments> out = new ArrayList<>();
        for (StyleProfile p : ProfileLibrary.builtIns()) {
            for (LayerType t : p.layerTypes()) {
                if (roles.isEmpty() || roles.contains(t.role())) {
                    out.add(Arguments.of(p.name(), t.name()));
                }
            }
        }
        return out;
    }

    static GenerationRequest request(String profile, String layer, int bars, int intensity, long seed, int sampleRate) {
        StyleProfile p = ProfileLibrary.load(profile);
        return new GenerationRequest(p, layer, List.of(), "", p.parsedKey(), p.tempo(), bars, intensity, seed, sampleRate);
    }

    static GenerationRequest request(String profile, String layer, Key key, int intensity, long seed) {
        StyleProfile p = ProfileLibrary.load(profile);
        return new GenerationRequest(p, layer, List.of(), "", key, p.tempo(), 4, intensity, seed, 44100);
    }

    static AudioBuffer render(GenerationRequest request) {
        return GENERATOR.generate(request);
    }

    static LayerType layer(String profile, String layer) {
        return ProfileLibrary.load(profile).layerType(layer).orElseThrow();
    }
}
