package org.issuetracker.interfaces.web.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.issuetracker.application.report.ReportService;
import org.issuetracker.application.report.Summary;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * The dashboard: the summary report (cached in the reports region) as cards and Chart.js charts. The charts'
 * configurations are built here as JSON (PrimeFaces' {@code p:chart} takes Chart.js JSON); every label in them is
 * data or comes from the bundle, and JSON-P escapes it.
 */
@Named
@RequestScoped
public class Dashboard {

    private static final String[] PALETTE = {
        "#3b82f6", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#06b6d4", "#84cc16", "#ec4899", "#64748b", "#f97316"
    };

    @Inject
    ReportService reports;

    @Inject
    UiMessages messages;

    @Inject
    Actor actor;

    private Summary summary;

    public Summary getSummary() {
        if (summary == null) {
            summary = reports.summary(actor);
        }
        return summary;
    }

    /** Issues created in the current week (Monday to now, UTC). */
    public long getCreatedThisWeek() {
        List<Summary.Week> weeks = getSummary().weeks();
        return weeks.isEmpty() ? 0 : weeks.get(weeks.size() - 1).created();
    }

    public String getByStatusChart() {
        List<Summary.Count> counts = getSummary().byStatus();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int i = 0; i < counts.size(); i++) {
            colours.add(PALETTE[i % PALETTE.length]);
        }
        return chart(
                "doughnut",
                labels(counts, Summary.Count::name),
                Json.createArrayBuilder()
                        .add(dataset(messages.text("dashboard.issues"), values(counts, Summary.Count::issues))
                                .add("backgroundColor", colours)),
                options(true));
    }

    public String getByCategoryChart() {
        List<Summary.Count> counts = getSummary().byCategory();
        return horizontalBars(labels(counts, Summary.Count::name), values(counts, Summary.Count::issues), PALETTE[0]);
    }

    public String getTopContributorsChart() {
        List<Summary.Contributor> top = getSummary().topContributors();
        return horizontalBars(
                labels(top, Summary.Contributor::displayName), values(top, Summary.Contributor::issues), PALETTE[4]);
    }

    /** Created and closed per week, the last 12 weeks, as two lines. */
    public String getCreatedVsClosedChart() {
        DateTimeFormatter week =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(messages.locale());
        List<Summary.Week> weeks = getSummary().weeks();
        return chart(
                "line",
                labels(weeks, w -> week.format(w.start())),
                Json.createArrayBuilder()
                        .add(line(messages.text("dashboard.created"), values(weeks, Summary.Week::created), PALETTE[0]))
                        .add(line(messages.text("dashboard.closed"), values(weeks, Summary.Week::closed), PALETTE[1])),
                options(true).add("scales", integerScale("y")));
    }

    private String horizontalBars(JsonArrayBuilder labels, JsonArrayBuilder values, String colour) {
        return chart(
                "bar",
                labels,
                Json.createArrayBuilder()
                        .add(dataset(messages.text("dashboard.issues"), values).add("backgroundColor", colour)),
                options(false).add("indexAxis", "y").add("scales", integerScale("x")));
    }

    /** A Chart.js configuration, made safe to write into an inline script. */
    private static String chart(
            String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder options) {
        return scriptSafe(Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build()
                .toString());
    }

    /**
     * PrimeFaces writes the configuration into an inline script as it is: a name containing {@code </script>} must
     * not end that script. Inside JSON strings (the only place these characters can occur) the escapes mean the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder values) {
        return Json.createObjectBuilder().add("label", label).add("data", values);
    }

    private static JsonObjectBuilder line(String label, JsonArrayBuilder values, String colour) {
        return dataset(label, values)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("tension", 0);
    }

    private static <T> JsonArrayBuilder labels(List<T> rows, Function<T, String> label) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        rows.forEach(row -> labels.add(label.apply(row)));
        return labels;
    }

    private static <T> JsonArrayBuilder values(List<T> rows, ToLongFunction<T> value) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        rows.forEach(row -> values.add(value.applyAsLong(row)));
        return values;
    }

    private static JsonObjectBuilder options(boolean legend) {
        return Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                        "plugins",
                        Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", legend)));
    }

    private static JsonObjectBuilder integerScale(String axis) {
        return Json.createObjectBuilder()
                .add(
                        axis,
                        Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)));
    }
}
