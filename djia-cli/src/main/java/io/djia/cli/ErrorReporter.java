package io.djia.cli;

import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr. Bad values (IllegalArgumentException) exit 2 like a usage error;
 * anything else exits 1. Set DJIA_DEBUG=1 to see the stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cli.getErr().println("djia " + cli.getCommandName() + ": " + message);
        if (System.getenv("DJIA_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        return ex instanceof IllegalArgumentException ? 2 : 1;
    }
}
