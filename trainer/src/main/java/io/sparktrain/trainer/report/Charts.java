package io.sparktrain.trainer.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart and rendered to PNG bytes without a display. */
final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One line per named series over the epochs; series without values are left out. */
    static byte[] perEpoch(String title, String yTitle, List<Integer> epochs, Map<String, List<Double>> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        series.forEach((name, values) -> {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null && !values.get(i).isNaN()) {
                    x.add(epochs.get(i));
                    y.add(values.get(i));
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        });
        return png(chart);
    }

    /** A curve from (x, y) points, with the diagonal of a random guess when {@code diagonal}. */
    static byte[] curve(String title, String xTitle, String yTitle, List<double[]> points, boolean diagonal) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.addSeries(title, points.stream().map(p -> p[0]).toList(), points.stream().map(p -> p[1]).toList())
                .setMarker(SeriesMarkers.NONE);
        if (diagonal) {
            chart.addSeries("random guess", List.of(0.0, 1.0), List.of(0.0, 1.0)).setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    /** Predicted against actual values, with the line where they are equal. */
    static byte[] predictedVsActual(List<double[]> pairs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("predicted vs actual (test rows)")
                .xAxisTitle("actual").yAxisTitle("predicted").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.addSeries("test rows", pairs.stream().map(p -> p[0]).toList(), pairs.stream().map(p -> p[1]).toList());
        double low = pairs.stream().mapToDouble(p -> Math.min(p[0], p[1])).min().orElse(0);
        double high = pairs.stream().mapToDouble(p -> Math.max(p[0], p[1])).max().orElse(1);
        chart.addSeries("predicted = actual", List.of(low, high), List.of(low, high))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE);
        return png(chart);
    }

    /** Rows: true class, columns: predicted class; the count in each cell. */
    static byte[] confusion(List<String> labels, long[][] counts) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(WIDTH).title("confusion matrix (test rows)")
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setShowValue(true);
        List<Number[]> cells = new ArrayList<>();
        for (int truth = 0; truth < labels.size(); truth++) {
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                cells.add(new Number[] {predicted, truth, counts[truth][predicted]});
            }
        }
        chart.addSeries("count", labels, labels, cells);
        return png(chart);
    }

    /** Bars of class counts, one group per named count (e.g. before and after resampling). */
    static byte[] classBalance(Map<String, Map<String, Long>> counts) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("class balance")
                .xAxisTitle("class").yAxisTitle("rows").build();
        counts.forEach((name, byClass) -> chart.addSeries(name, new ArrayList<>(byClass.keySet()),
                new ArrayList<Number>(byClass.values())));
        return png(chart);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + chart.getTitle() + ": " + e.getMessage(), e);
        }
    }
}
