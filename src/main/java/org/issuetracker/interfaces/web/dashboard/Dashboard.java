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
        return pie(getSummary().byStatus(), "doughnut");
    }

    public String getByCategoryChart() {
        List<Summary.Count> counts = getSummary().byCategory();
        return bar(
                counts, Summary.Count::name, Summary.Count::issues, messages.text("dashboard.issues"), "y", PALETTE[0]);
    }

    public String getTopContributorsChart() {
        return bar(
                getSummary().topContributors(),
                Summary.Contributor::displayName,
                Summary.Contributor::issues,
                messages.text("dashboard.issues"),
                "y",
                PALETTE[4]);
    }

    /** Created and closed per week, the last 12 weeks, as two lines. */
    public String getCreatedVsClosedChart() {
        DateTimeFormatter week =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(messages.locale());
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder created = Json.createArrayBuilder();
        JsonArrayBuilder closed = Json.createArrayBuilder();
        for (Summary.Week w : getSummary().weeks()) {
            labels.add(week.format(w.start()));
            created.add(w.created());
            closed.add(w.closed());
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(line(messages.text("dashboard.created"), created, PALETTE[0]))
                                                .add(line(messages.text("dashboard.closed"), closed, PALETTE[1]))))
                .add("options", options(true).add("scales", integerScale("y")))
                .build()
                .toString()
                .transform(Dashboard::scriptSafe);
    }

    /**
     * PrimeFaces writes the configuration into an inline script as it is: a name containing {@code </script>} must
     * not end that script. Inside JSON strings (the only place these characters can occur) the escapes mean the same.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static JsonObjectBuilder line(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("tension", 0);
    }

    private String pie(List<Summary.Count> counts, String type) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int i = 0; i < counts.size(); i++) {
            labels.add(counts.get(i).name());
            data.add(counts.get(i).issues());
            colours.add(PALETTE[i % PALETTE.length]);
        }
        return Json.createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", messages.text("dashboard.issues"))
                                                        .add("data", data)
                                                        .add("backgroundColor", colours))))
                .add("options", options(true))
                .build()
                .toString()
                .transform(Dashboard::scriptSafe);
    }

    private static <T> String bar(
            List<T> rows,
            Function<T, String> label,
            ToLongFunction<T> value,
            String seriesName,
            String valueAxis,
            String colour) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (T row : rows) {
            labels.add(label.apply(row));
            data.add(value.applyAsLong(row));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", seriesName)
                                                        .add("data", data)
                                                        .add("backgroundColor", colour))))
                .add(
                        "options",
                        options(false)
                                .add("indexAxis", "y".equals(valueAxis) ? "y" : "x")
                                .add("scales", integerScale("y".equals(valueAxis) ? "x" : "y")))
                .build()
                .toString()
                .transform(Dashboard::scriptSafe);
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
