package io.djia.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.theory.Key;
import io.djia.core.theory.Mode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {
    private static final double BPM = 124;
    private static final double SECONDS = 12;

    /**
     * A song sketch: the drum loop at 124 BPM with a chord on every bar start cycling i-VI-iv-V in D minor,
     * each chord sustained through the bar.
     */
    private static float[] song() {
        double first = 0.25;
        float[] x = TestSignals.drumLoop(BPM, SECONDS, first, 21);
        double bar = 4 * 60.0 / BPM;
        int[][] chords = {{62, 65, 69}, {58, 62, 65}, {55, 58, 62}, {57, 61, 64}};
        int i = 0;
        for (double t = first; t + 0.05 < SECONDS; t += bar, i++) {
            for (int note : chords[i % 4]) {
                TestSignals.addNote(x, t, Math.min(bar, SECONDS - t), note, 0.07);
            }
        }
        return x;
    }

    @Test
    void analysesTempoBeatsBarsKeyAndLoudnessOfASong() {
        AudioBuffer audio = TestSignals.stereo(song());
        AnalysisReport r = new Analyzer().analyze(audio);
        assertEquals(BPM, r.bpm(), 0.01 * BPM);
        assertEquals(Key.of(2, Mode.MINOR), r.key());
        double[] truth = TestSignals.beatTimes(BPM, SECONDS, 0.25);
        double[] beats = r.beatTimes();
        assertEquals(truth.length, beats.length);
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], beats[i], 0.02, "beat " + i);
        }
        double[] bars = r.barStartTimes();
        assertTrue(bars.length >= 5);
        for (int i = 0; i < bars.length; i++) {
            assertEquals(truth[4 * i], bars[i], 0.02, "bar " + i);
        }
        assertEquals(LoudnessMeter.integratedLufs(audio), r.integratedLufs(), 1e-9);
        assertTrue(r.truePeakDbtp() >= r.samplePeakDbfs());
        assertTrue(r.bandProfile().share(Band.BASS) + r.bandProfile().share(Band.SUB) > 0.3);
        assertEquals(BPM, r.tempo().orElseThrow().bpm(), 0.01 * BPM);
        assertTrue(r.onsetTimes().length >= truth.length);
    }

    @Test
    void barStartsFollowTheAccentedBeatWhenTheSongStartsMidBar() {
        // Cut the first beat off: the bar now starts on the fourth tracked beat.
        float[] x = song();
        int cut = (int) Math.round((0.25 + 60.0 / BPM - 0.1) * TestSignals.RATE);
        float[] shifted = java.util.Arrays.copyOfRange(x, cut, x.length);
        AnalysisReport r = new Analyzer().analyze(TestSignals.mono(shifted));
        double firstBar = 0.25 + 4 * 60.0 / BPM - cut / (double) TestSignals.RATE;
        assertEquals(firstBar, r.barStartTimes()[0], 0.02);
    }

    @Test
    void silenceGivesAnEmptyButValidReport() {
        AnalysisReport r = new Analyzer().analyze(TestSignals.stereo(new float[TestSignals.RATE * 3]));
        assertEquals(0.0, r.bpm());
        assertEquals(0, r.beatTimes().length);
        assertEquals(Key.ATONAL, r.key());
        assertEquals(Double.NEGATIVE_INFINITY, r.integratedLufs());
        assertFalse(r.tempo().isPresent());
    }

    @Test
    void sameInputGivesTheSameReport() {
        AudioBuffer audio = TestSignals.mono(TestSignals.drumLoop(100, 6, 0.2, 8));
        AnalysisReport a = new Analyzer().analyze(audio);
        AnalysisReport b = new Analyzer().analyze(audio.copy());
        assertEquals(a.bpm(), b.bpm());
        assertArrayEquals(a.beatTimes(), b.beatTimes());
        assertArrayEquals(a.bandProfile().levelDb(), b.bandProfile().levelDb());
    }

    @Test
    void plotShowsBeatsAndBarsHeadless(@TempDir Path dir) throws Exception {
        AudioBuffer audio = TestSignals.mono(TestSignals.clickTrack(120, 6, 0.5));
        AnalysisReport r = new Analyzer().analyze(audio);
        Path png = dir.resolve("sub/plot.png");
        AnalysisPlot.writePng(audio, r, png, 900, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(400, image.getHeight());
        int plotWidth = 900 - AnalysisPlot.PANEL_WIDTH;
        double seconds = audio.durationSeconds();
        int beatColumn = AnalysisPlot.xOf(r.beatTimes()[1], seconds, plotWidth);
        int barColumn = AnalysisPlot.xOf(r.barStartTimes()[0], seconds, plotWidth);
        assertEquals(AnalysisPlot.BEAT_COLOUR.getRGB() & 0xffffff, image.getRGB(beatColumn, 300) & 0xffffff);
        assertEquals(AnalysisPlot.BAR_COLOUR.getRGB() & 0xffffff, image.getRGB(barColumn, 300) & 0xffffff);
        int onsetColumn = AnalysisPlot.xOf(r.onsetTimes()[2], seconds, plotWidth);
        assertEquals(0xffffff, image.getRGB(onsetColumn, 3) & 0xffffff);
        assertTrue(Files.size(png) > 1000);
    }
}
