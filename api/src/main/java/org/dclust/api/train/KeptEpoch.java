package org.dclust.api.train;

/**
 * The epoch a clustering phase kept under an {@link EpochSelection}: its number (1-based) of the epochs
 * the phase ran, the selection by name, and the score that made it best (NaN when no epoch could be
 * scored, and the final one was kept).
 *
 * @param phase the phase ("dcss", "mnet"...)
 * @param epoch the kept epoch, 1-based
 * @param epochs the epochs the phase ran (fewer than it planned when it stopped early)
 * @param by the selection's name ({@code silhouette}, {@code max:participation})
 * @param score the kept epoch's score
 * @param finalScore the last epoch's score, for comparison
 */
public record KeptEpoch(String phase, int epoch, int epochs, String by, double score, double finalScore) {
}
