package org.dclust.framework.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dclust.api.toolkit.Atomic;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts drawn with XChart (Apache-2.0), written atomically. */
public final class Charts {
    private static final int W = 800;
    private static final int H = 500;

    private Charts() {
    }

    /** Lines: one series per entry, x = 1..n. */
    public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, double[]> series) throws IOException {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            c.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
        }
        save(c, file);
    }

    /** Lines with explicit x: one series per entry of {@code ys}, x from {@code xs} under the same key. */
    public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, double[]> xs, Map<String, double[]> ys,
            boolean logY) throws IOException {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setYAxisLogarithmic(logY);
        for (Map.Entry<String, double[]> e : ys.entrySet()) {
            c.addSeries(e.getKey(), xs.get(e.getKey()), e.getValue()).setMarker(e.getValue().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        save(c, file);
    }

    /** Grouped bars: categories on x, one series per entry. */
    public static void bars(Path file, String title, String yLabel, List<String> categories, Map<String, List<Double>> series) throws IOException {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).yAxisTitle(yLabel).build();
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            c.addSeries(e.getKey(), categories, e.getValue());
        }
        save(c, file);
    }

    /** A histogram of values in {@code bins} equal bins over [min, max]. */
    public static void histogram(Path file, String title, String xLabel, double[] values, int bins) throws IOException {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] counts = new double[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        }
        List<String> labels = new java.util.ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.2f", lo + (b + 0.5) * (hi - lo) / bins));
        }
        CategoryChart c = new CategoryChartBuilder().width(W).height(H).title(title).xAxisTitle(xLabel).yAxisTitle("samples").build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(90);
        c.addSeries("count", labels, java.util.Arrays.stream(counts).boxed().toList());
        save(c, file);
    }

    /** A 2-D scatter, points coloured by group. */
    public static void scatter(Path file, String title, double[][] xy, int[] group) throws IOException {
        XYChart c = new XYChartBuilder().width(H + 100).height(H + 100).title(title).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(3);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        int k = 0;
        for (int g : group) {
            k = Math.max(k, g + 1);
        }
        for (int g = 0; g < k; g++) {
            int n = 0;
            for (int v : group) {
                n += v == g ? 1 : 0;
            }
            if (n == 0) {
                continue;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            int j = 0;
            for (int i = 0; i < group.length; i++) {
                if (group[i] == g) {
                    x[j] = xy[i][0];
                    y[j++] = xy[i][1];
                }
            }
            c.addSeries("cluster " + g, x, y);
        }
        save(c, file);
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Atomic.writeBytes(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    }
}
