package io.djia.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar. Exit codes: 0 ok, 1 failure, 2 usage error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DjiaCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        return cli;
    }
}
