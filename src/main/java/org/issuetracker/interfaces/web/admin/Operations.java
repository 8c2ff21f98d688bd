package org.issuetracker.interfaces.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import org.issuetracker.application.operations.OperationsService;
import org.issuetracker.application.operations.OperationsService.OperationsReport;
import org.issuetracker.domain.shared.Actor;

/**
 * The operations page: {@link OperationsService}'s report, asked once per request (reloading the page refreshes it),
 * with the numbers formatted in the view's language.
 */
@Named
@RequestScoped
public class Operations {

    @Inject
    OperationsService operations;

    @Inject
    Actor actor;

    @Inject
    FacesContext faces;

    private OperationsReport report;

    public OperationsReport getReport() {
        if (report == null) {
            report = operations.report(actor);
        }
        return report;
    }

    /** 0.973 as "97.3 %" (or "–" when there is nothing to divide). */
    public String percent(Double fraction) {
        if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
            return "–";
        }
        NumberFormat format =
                NumberFormat.getPercentInstance(faces.getViewRoot().getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(fraction);
    }

    /** Bytes as mebibytes with one decimal: "12.4 MiB". */
    public String mebibytes(long bytes) {
        NumberFormat format = NumberFormat.getNumberInstance(faces.getViewRoot().getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(bytes / (1024.0 * 1024.0)) + " MiB";
    }

    /** A rate with two decimals at most. */
    public String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(faces.getViewRoot().getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
