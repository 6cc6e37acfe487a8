package io.djia.app.serve;

import java.util.Optional;

/**
 * Why a remote generation gave no loop. The message is written for a person at a live set: what happened, and
 * what to do. {@link #kind()} lets code choose what to do (keep playing, ask for a key, stop asking).
 */
public final class RemoteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No connection to the server (refused, unknown host, reset) after every attempt. */
        UNREACHABLE,
        /** The server wants an API key and none was sent (401). */
        UNAUTHORIZED,
        /** The API key was wrong (403). */
        FORBIDDEN,
        /** The server rejected the request's fields (400, 413, 415); sending it again will not help. */
        BAD_REQUEST,
        /** The queue stayed full (429) through every attempt. */
        BUSY,
        /** The server is shutting down or overloaded (503) through every attempt. */
        UNAVAILABLE,
        /** No loop within the client's timeout; the request was cancelled on the server. */
        TIMEOUT,
        /** The server failed (500). */
        SERVER_ERROR,
        /** The reply was not what a DJ-IA server sends (wrong content, bad WAV). */
        PROTOCOL,
        /** The calling thread was interrupted; the request was cancelled on the server. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;
    private final String field;
    private final int attempts;

    RemoteException(Kind kind, int status, String field, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.field = field;
        this.attempts = attempts;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the last reply, 0 when there was none. */
    public int status() {
        return status;
    }

    /** The request field the server blamed, for {@link Kind#BAD_REQUEST}. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Attempts made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** Whether the same request may succeed later (the server is down, busy or slow), as opposed to a bad request or key. */
    public boolean isTransient() {
        return kind == Kind.UNREACHABLE || kind == Kind.BUSY || kind == Kind.UNAVAILABLE || kind == Kind.TIMEOUT
                || kind == Kind.SERVER_ERROR;
    }
}
