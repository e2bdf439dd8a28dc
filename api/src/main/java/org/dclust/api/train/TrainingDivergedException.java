package org.dclust.api.train;

import org.dclust.api.DclustException;

/**
 * A training phase diverged: its loss, its parameters or what it produced (latent codes, centres,
 * cluster probabilities) hold NaN or infinite values, so any model it ended with is meaningless. Thrown
 * by {@link org.dclust.api.toolkit.EpochLoop} at the first non-finite batch loss and after any epoch
 * that leaves a non-finite parameter, before that epoch is checkpointed, and by the framework when a
 * phase's result is not finite. Nothing is saved as a result; the {@code dclust} command line prints
 * the message and exits with code 3 (a study records the run as failed and runs the others).
 *
 * <p>The message names the phase, the epoch and what went wrong, and ends with {@link #advice()},
 * what to try; the framework replaces the generic advice with the settings of the plugin that trained
 * ({@link #withAdvice}).
 */
public class TrainingDivergedException extends DclustException {
    private static final long serialVersionUID = 1L;
    /** The advice given when nothing more specific is known. */
    public static final String GENERIC_ADVICE = "try a smaller learning rate, or standardize the input";

    private final String phase;
    private final int epoch;
    private final int epochs;
    private final String problem;
    private final String advice;

    /**
     * @param phase the training phase ("pretrain", "dcss", "mnet"...) or the step that found it
     * @param epoch the 1-based epoch in which it diverged, or 0 when found after training
     * @param epochs the phase's number of epochs (0 when {@code epoch} is 0)
     * @param problem what is not finite, e.g. "the loss is NaN"
     * @param advice what to try
     */
    public TrainingDivergedException(String phase, int epoch, int epochs, String problem, String advice) {
        super(message(phase, epoch, epochs, problem, advice));
        this.phase = phase;
        this.epoch = epoch;
        this.epochs = epochs;
        this.problem = problem;
        this.advice = advice;
    }

    /** With the {@link #GENERIC_ADVICE}. */
    public TrainingDivergedException(String phase, int epoch, int epochs, String problem) {
        this(phase, epoch, epochs, problem, GENERIC_ADVICE);
    }

    private static String message(String phase, int epoch, int epochs, String problem, String advice) {
        String when = epoch > 0 ? " in epoch " + epoch + " of " + epochs : "";
        return phase + ": the training diverged" + when + ": " + problem + ". Nothing was saved as a result; " + advice;
    }

    /** The same failure with other advice (the settings of the plugin that trained). */
    public TrainingDivergedException withAdvice(String newAdvice) {
        TrainingDivergedException e = new TrainingDivergedException(phase, epoch, epochs, problem, newAdvice);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The phase that diverged. */
    public String phase() {
        return phase;
    }

    /** The 1-based epoch in which it diverged; 0 when it was found after training. */
    public int epoch() {
        return epoch;
    }

    /** What was not finite. */
    public String problem() {
        return problem;
    }

    /** What to try. */
    public String advice() {
        return advice;
    }
}
