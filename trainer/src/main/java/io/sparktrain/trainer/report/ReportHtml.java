package io.sparktrain.trainer.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The report's index.html: plain HTML with its style inline and images by relative file name. */
final class ReportHtml {
    private ReportHtml() {
    }

    static String of(JsonNode manifest, Optional<JsonNode> evaluation, List<String> charts) {
        StringBuilder html = new StringBuilder();
        String job = escape(manifest.path("jobName").asText());
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sparktrain report: ").append(job)
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1500px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;")
                .append("text-align:right}th{background:#f3f3f3}img{margin:8px;border:1px solid #eee}</style>")
                .append("</head><body>\n<h1>").append(job).append("</h1>\n<p>")
                .append(escape(manifest.path("task").asText())).append(", written ")
                .append(escape(manifest.path("created").asText())).append(", final epoch ")
                .append(manifest.path("finalEpoch").asInt()).append(manifest.path("stoppedEarly").asBoolean()
                        ? " (stopped early)" : "").append(", sparktrain ")
                .append(escape(manifest.at("/versions/sparktrain").asText())).append("</p>\n");
        html.append("<h2>Test metrics</h2>\n<table><tr>");
        manifest.at("/metrics/test").fieldNames().forEachRemaining(f -> html.append("<th>").append(escape(f)).append("</th>"));
        html.append("</tr><tr>");
        manifest.at("/metrics/test").forEach(v -> html.append("<td>").append(format(v.asDouble())).append("</td>"));
        html.append("</tr></table>\n");
        evaluation.map(e -> e.path("metrics").path("perClass")).filter(JsonNode::isObject).ifPresent(perClass -> {
            html.append("<h2>Per class (test rows)</h2>\n<table><tr><th>class</th>");
            perClass.elements().next().fieldNames().forEachRemaining(f -> html.append("<th>").append(escape(f)).append("</th>"));
            html.append("</tr>");
            perClass.fields().forEachRemaining(entry -> {
                html.append("<tr><th>").append(escape(entry.getKey())).append("</th>");
                entry.getValue().forEach(v -> html.append("<td>").append(format(v.asDouble())).append("</td>"));
                html.append("</tr>");
            });
            html.append("</table>\n");
        });
        html.append("<h2>Charts</h2>\n");
        charts.forEach(c -> html.append("<img src=\"").append(c).append("\" alt=\"").append(c).append("\">\n"));
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,.0f", value)
                : String.format("%.4f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
