/**
 * Dataset plugins: the IDX reader ({@link org.dclust.datasets.IdxReader}) and the data sets built on
 * it, {@code idx}, {@code fashion-mnist} and the embedded default {@code fashion-mnist-small}. Every
 * plugin here takes the same subset parameters: {@code n} (0 = all), {@code subset}
 * ({@code first} or {@code stratified}) and {@code subsetSeed}.
 */
package org.dclust.datasets;
