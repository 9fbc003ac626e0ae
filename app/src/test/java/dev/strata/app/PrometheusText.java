package dev.strata.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Prometheus text exposition, read into series ({@code name{labels}}) and their values. */
record PrometheusText(Map<String, Double> series) {

    static PrometheusText parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new PrometheusText(series);
    }

    /** What changed since {@code earlier}: each series' value minus its earlier value. */
    PrometheusText minus(PrometheusText earlier) {
        Map<String, Double> difference = new LinkedHashMap<>();
        series.forEach((key, value) -> difference.put(key, value - earlier.value(key)));
        return new PrometheusText(difference);
    }

    /** The value of one series, 0 when it is absent. */
    double value(String nameAndLabels) {
        return series.getOrDefault(nameAndLabels, 0.0);
    }

    boolean has(String namePrefix) {
        return series.keySet().stream().anyMatch(key -> key.startsWith(namePrefix));
    }
}
