package io.djia.core.analysis;

import io.djia.core.audio.AudioBuffer;
import io.djia.core.spectral.Stft;
import io.djia.core.spectral.WindowType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A PNG picture of an analysis: a log-frequency spectrogram (30 Hz to Nyquist, 80 dB range) with onset
 * ticks along the top, beat lines (cyan) and bar-start lines (red), and the band profile as bars on the right
 * (60 dB scale below the loudest band, highest band on top). Drawn with
 * java.awt into a {@link BufferedImage}, so it works headless. Stateless and thread-safe.
 */
public final class AnalysisPlot {
    /** Colour of beat lines. */
    public static final Color BEAT_COLOUR = new Color(0, 230, 255);
    /** Colour of bar-start lines. */
    public static final Color BAR_COLOUR = new Color(255, 40, 40);
    /** Colour of onset ticks. */
    public static final Color ONSET_COLOUR = Color.WHITE;
    /** Height in pixels of the onset strip at the top. */
    public static final int ONSET_STRIP = 12;
    /** Width in pixels of the band-profile panel on the right. */
    public static final int PANEL_WIDTH = 220;

    private static final double LOW_HZ = 30;
    private static final double RANGE_DB = 80;

    private AnalysisPlot() {
    }

    /** Writes a {@code width} x {@code height} PNG to {@code file}, creating parent folders. */
    public static void writePng(AudioBuffer audio, AnalysisReport report, Path file, int width, int height)
            throws IOException {
        Objects.requireNonNull(file, "file");
        BufferedImage image = render(audio, report, width, height);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available in this Java runtime");
        }
    }

    /** The picture as an image. */
    public static BufferedImage render(AudioBuffer audio, AnalysisReport report, int width, int height) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(report, "report");
        if (width < PANEL_WIDTH + 100 || height < 100) {
            throw new IllegalArgumentException("plot must be at least " + (PANEL_WIDTH + 100) + " x 100 pixels, got "
                    + width + " x " + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            int plotWidth = width - PANEL_WIDTH;
            drawSpectrogram(image, audio, plotWidth, ONSET_STRIP, height - ONSET_STRIP);
            double seconds = Math.max(1e-9, audio.durationSeconds());
            g.setColor(BEAT_COLOUR);
            g.setStroke(new BasicStroke(1f));
            for (double t : report.beatTimes()) {
                int x = xOf(t, seconds, plotWidth);
                g.drawLine(x, ONSET_STRIP, x, height - 1);
            }
            g.setColor(BAR_COLOUR);
            g.setStroke(new BasicStroke(3f));
            for (double t : report.barStartTimes()) {
                int x = xOf(t, seconds, plotWidth);
                g.drawLine(x, ONSET_STRIP, x, height - 1);
            }
            g.setStroke(new BasicStroke(1f));
            g.setColor(ONSET_COLOUR);
            for (double t : report.onsetTimes()) {
                int x = xOf(t, seconds, plotWidth);
                g.drawLine(x, 0, x, ONSET_STRIP - 2);
            }
            drawPanel(g, report, plotWidth, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Pixel column of time {@code t}. */
    public static int xOf(double t, double seconds, int plotWidth) {
        return (int) Math.max(0, Math.min(plotWidth - 1, Math.round(t / seconds * (plotWidth - 1))));
    }

    private static void drawSpectrogram(BufferedImage image, AudioBuffer audio, int plotWidth, int top, int rows) {
        int rate = audio.sampleRate();
        float[] mono = Signals.mono(audio);
        int fftSize = Signals.powerOfTwoAtLeast(0.04 * rate);
        int hop = Math.max(1, Math.min(fftSize / 2, Integer.highestOneBit(Math.max(1, mono.length / plotWidth))));
        Stft stft = new Stft(fftSize, hop, WindowType.HANN);
        int frames = stft.frameCount(mono.length);
        double high = rate / 2.0;
        int[] binOfRow = new int[rows];
        for (int y = 0; y < rows; y++) {
            double hz = LOW_HZ * Math.pow(high / LOW_HZ, (rows - 1 - y) / (double) Math.max(1, rows - 1));
            binOfRow[y] = (int) Math.min(fftSize / 2, Math.round(hz * fftSize / rate));
        }
        // Loudest column per pixel (max over the frames that land in it), in dB.
        float[][] columns = new float[plotWidth][rows];
        for (float[] c : columns) {
            java.util.Arrays.fill(c, -300f);
        }
        float[] peak = {-300f};
        stft.forEachFrame(mono, (t, re, im) -> {
            int x = (int) Math.min(plotWidth - 1, (long) t * plotWidth / Math.max(1, frames));
            float[] column = columns[x];
            for (int y = 0; y < rows; y++) {
                int k = binOfRow[y];
                float db = (float) (10 * Math.log10(re[k] * re[k] + im[k] * im[k] + 1e-20));
                if (db > column[y]) {
                    column[y] = db;
                }
                if (db > peak[0]) {
                    peak[0] = db;
                }
            }
        });
        for (int x = 0; x < plotWidth; x++) {
            for (int y = 0; y < rows; y++) {
                double level = columns[x][y] <= -299f ? 0 : (columns[x][y] - (peak[0] - RANGE_DB)) / RANGE_DB;
                image.setRGB(x, top + y, heat(Math.max(0, Math.min(1, level))));
            }
        }
    }

    /** Black, purple, red, orange, pale yellow: dark for quiet, bright for loud. */
    private static final int[][] HEAT = {{0, 0, 0}, {60, 10, 100}, {180, 30, 100}, {250, 130, 30}, {255, 250, 180}};

    private static int heat(double v) {
        double pos = v * (HEAT.length - 1);
        int i = (int) Math.min(HEAT.length - 2, Math.floor(pos));
        double f = pos - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            int value = (int) Math.round(HEAT[i][c] + f * (HEAT[i + 1][c] - HEAT[i][c]));
            rgb = (rgb << 8) | value;
        }
        return rgb;
    }

    private static void drawPanel(Graphics2D g, AnalysisReport report, int left, int width, int height) {
        g.setColor(new Color(24, 24, 28));
        g.fillRect(left, 0, width - left, height);
        Band[] bands = Band.values();
        int labelHeight = 60;
        int rowHeight = Math.max(6, (height - labelHeight - 10) / bands.length);
        int barLeft = left + 70;
        int barMax = width - barLeft - 10;
        BandProfile profile = report.bandProfile();
        double loudest = Double.NEGATIVE_INFINITY;
        for (Band b : bands) {
            loudest = Math.max(loudest, profile.levelDb(b));
        }
        for (Band b : bands) {
            // Highest band on top, as in the spectrogram.
            int y = labelHeight + (bands.length - 1 - b.ordinal()) * rowHeight;
            double relative = (profile.levelDb(b) - (loudest - 60)) / 60;
            int length = (int) Math.round(Math.max(0, Math.min(1, relative)) * barMax);
            g.setColor(new Color(255, 170, 40));
            g.fillRect(barLeft, y + 2, length, Math.max(2, rowHeight - 4));
            label(g, b.label(), left + 6, y + rowHeight / 2, Color.LIGHT_GRAY);
            label(g, String.format(Locale.ROOT, "%.0f dB", profile.levelDb(b)), left + 6, y + rowHeight / 2 + 14,
                    Color.GRAY);
        }
        label(g, String.format(Locale.ROOT, "%.1f BPM  %s %s", report.bpm(), report.key().displayName(),
                report.key().camelot()), left + 6, 18, Color.WHITE);
        label(g, String.format(Locale.ROOT, "%.1f LUFS  %.1f dBTP", report.integratedLufs(), report.truePeakDbtp()),
                left + 6, 36, Color.WHITE);
    }

    /**
     * Text is a courtesy: a runtime without any font (a bare headless JRE) throws from the font system, and
     * the picture is still worth having without its labels.
     */
    private static void label(Graphics2D g, String text, int x, int y, Color colour) {
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(colour);
            g.drawString(text, x, y);
        } catch (RuntimeException | Error noFonts) {
            // Leave the label out; see above.
        }
    }
}
