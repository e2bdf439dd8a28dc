package org.dclust.api;

/**
 * A user error: something the user named, gave or configured is wrong. Its message says what was
 * wrong and what to do; the CLI prints it without a stack trace and exits with code 2.
 */
public class DclustException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DclustException(String message) {
        super(message);
    }

    public DclustException(String message, Throwable cause) {
        super(message, cause);
    }
}
