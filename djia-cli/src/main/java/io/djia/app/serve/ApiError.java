package io.djia.app.serve;

/**
 * A request the server answers with an error status: what was wrong, which field when one is to blame, and for
 * 429 and 503 how many seconds to wait before trying again. Thrown inside the server; never leaves it.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;
    private final long retryAfterSeconds;

    ApiError(int status, String code, String field, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: a field is missing or out of range; the message names the field and what is expected. */
    static ApiError badField(String field, String message) {
        return new ApiError(400, "invalid_field", field, field + ": " + message, 0);
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, null, message, 0);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The field to blame, or null. */
    String field() {
        return field;
    }

    /** Seconds for a Retry-After header, 0 for none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
