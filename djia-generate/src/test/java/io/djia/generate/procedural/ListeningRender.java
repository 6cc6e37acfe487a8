package io.djia.generate.procedural;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.profile.LayerType;
import io.djia.core.profile.ProfileLibrary;
import io.djia.core.profile.StyleProfile;
import io.djia.generate.GenerationRequest;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Renders clips to 16-bit WAV files for listening: {@code ListeningRender <outDir> <profile|all> [layer|all]
 * [bars] [intensity] [seed]}. Also writes a summed three-layer preview per profile ("mix") and prints the render
 * time of each clip. A development tool, not a test.
 */
public final class ListeningRender {
    private ListeningRender() {
    }

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "/tmp/djia-listen");
        String profileArg = args.length > 1 ? args[1] : "all";
        String layerArg = args.length > 2 ? args[2] : "all";
        int bars = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int intensity = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 7L;
        dir.mkdirs();
        ProceduralGenerator generator = new ProceduralGenerator();
        List<StyleProfile> profiles = profileArg.equals("all") ? ProfileLibrary.builtIns() : List.of(ProfileLibrary.load(profileArg));
        for (StyleProfile profile : profiles) {
            float[][] mix = null;
            int mixed = 0;
            for (LayerType layer : profile.layerTypes()) {
                if (!layerArg.equals("all") && !layerArg.equals(layer.name())) {
                    continue;
                }
                GenerationRequest request = new GenerationRequest(profile, layer.name(), List.of(), "",
                        profile.parsedKey(), profile.tempo(), bars, intensity, seed, 44100);
                long t0 = System.nanoTime();
                AudioBuffer clip = generator.generate(request);
                long t1 = System.nanoTime();
                System.out.printf("%-18s %-16s %-18s %7.1f ms  %5.2f s  rms %6.1f dB  peak %6.2f dB%n", profile.name(),
                        layer.name(), layer.instrument(), (t1 - t0) / 1e6, clip.durationSeconds(),
                        20 * Math.log10(clip.rms()), 20 * Math.log10(clip.peak()));
                write(clip, new File(dir, profile.name() + "-" + layer.name() + ".wav"));
                if (mixed < 3 && (mixed == 0 || layer.role() != profile.layerTypes().get(0).role())) {
                    if (mix == null) {
                        mix = new float[2][clip.frames()];
                    }
                    for (int c = 0; c < 2; c++) {
                        for (int i = 0; i < clip.frames(); i++) {
                            mix[c][i] += 0.7f * clip.channel(c)[i];
                        }
                    }
                    mixed++;
                }
            }
            if (mix != null && layerArg.equals("all")) {
                write(new AudioBuffer(mix, 44100), new File(dir, profile.name() + "-mix.wav"));
            }
        }
    }

    static void write(AudioBuffer clip, File file) throws IOException {
        int n = clip.frames();
        byte[] bytes = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                float v = Math.max(-1f, Math.min(1f, clip.channel(Math.min(c, clip.channels() - 1))[i]));
                int s = Math.round(v * 32767f);
                bytes[4 * i + 2 * c] = (byte) s;
                bytes[4 * i + 2 * c + 1] = (byte) (s >> 8);
            }
        }
        AudioFormat format = new AudioFormat(clip.sampleRate(), 16, 2, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file);
        }
    }
}
