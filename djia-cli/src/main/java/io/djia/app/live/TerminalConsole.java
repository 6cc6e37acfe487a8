package io.djia.app.live;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The prompt's console on a terminal, through JLine: line editing, history kept across sessions in
 * {@code ~/.djia_history}, and engine messages printed above the line being typed. Ctrl-D and Ctrl-C end the
 * session as {@code q} does. The only class that touches JLine.
 */
public final class TerminalConsole implements LivePrompt.Console, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalConsole(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /** The system terminal (a dumb one when output is not a terminal). */
    public static TerminalConsole open() throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("djia")
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".djia_history"))
                .build();
        return new TerminalConsole(terminal, reader);
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void println(String line) {
        reader.printAbove(line);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
