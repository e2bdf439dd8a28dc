/**
 * Dataset plugins and the readers behind them.
 *
 * <ul>
 *   <li>IDX ({@link org.dclust.datasets.IdxReader}): {@code idx}, {@code mnist}, {@code fashion-mnist},
 *       {@code kmnist}, {@code 2mnist}, and the embedded default {@code fashion-mnist-small};
 *   <li>binary image records: {@code cifar10}, {@code cifar100-20}, {@code stl10};
 *   <li>LIBSVM text and HDF5: {@code usps};
 *   <li>NumPy: {@code medmnist} (.npz), and {@code features} (CSV, .npy, .npz);
 *   <li>PNG/JPEG folders: {@code image-folder}; generated: {@code synthetic}.
 * </ul>
 *
 * Labels are handed to {@link org.dclust.api.data.Dataset} as the files hold them (1..10, ids,
 * names), which codes them 0..C−1 over the classes present. Every plugin here extends
 * {@code BaseDatasetProvider} and so takes the shared parameters of
 * {@link org.dclust.api.data.DatasetParams}, applied in this order: the imbalance
 * {@code imbalance}/{@code imbalanceSeed} (DCSS Fig. 7), the subset
 * {@code n}/{@code subset}/{@code subsetSeed}, and the normalisation {@code normalize}. Files may
 * be gzip or bzip2 where noted ({@link org.dclust.datasets.DataFiles}); any malformed input fails
 * with one {@link org.dclust.api.DclustException} naming the file and the problem, never with a
 * partial load.
 */
package org.dclust.datasets;
