package org.issuetracker.interfaces.web.issue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.issuetracker.application.issue.IssueService;
import org.issuetracker.application.issue.IssueView;
import org.issuetracker.application.issue.IssueViews;
import org.issuetracker.application.reference.ReferenceService;
import org.issuetracker.application.user.Preferences;
import org.issuetracker.application.user.PreferencesService;
import org.issuetracker.domain.issue.IssueQuery;
import org.issuetracker.domain.issue.IssueSort;
import org.issuetracker.domain.issue.Labels;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.shared.Actor;
import org.issuetracker.domain.shared.Page;
import org.issuetracker.interfaces.web.UiMessages;

/**
 * The home page: the issues the viewer may see (approved and not archived, plus their own), filtered, sorted and
 * paged as the URL says ({@link IssueFilter}); only the rows of the page shown are read. Rows per page and the
 * default order come from the viewer's preferences. A search beyond the limits of a query is not run: the page says
 * why instead.
 */
@Named
@RequestScoped
public class IssueList {

    @Inject
    IssueService issues;

    @Inject
    IssueViews views;

    @Inject
    ReferenceService reference;

    @Inject
    PreferencesService preferences;

    @Inject
    ExternalContext external;

    @Inject
    Actor actor;

    @Inject
    UiMessages messages;

    private IssueFilter filter;
    private Preferences preferred;
    private Page<IssueView> result;

    @PostConstruct
    void readUrl() {
        filter = IssueFilter.from(external.getRequestParameterValuesMap());
        preferred = preferences.of(actor);
    }

    public IssueFilter getFilter() {
        return filter;
    }

    public Page<IssueView> getResult() {
        if (result == null) {
            result = filter.exceededLimit().isPresent()
                    ? new Page<>(List.of(), 0, preferred.pageSize(), 0)
                    : views.of(issues.search(filter.toQuery(preferred.sort(), preferred.pageSize()), actor));
        }
        return result;
    }

    /** Why the search was not run (too long, too many labels), in the viewer's language; null when it was. */
    public String getLimitMessage() {
        return filter.exceededLimit()
                .map(key -> messages.text(key, IssueQuery.MAX_TEXT_LENGTH, IssueQuery.MAX_LABELS, Labels.MAX_LENGTH))
                .orElse(null);
    }

    /** The order in effect: the URL's, else the viewer's preferred one. */
    public IssueSort getSort() {
        return filter.sort() == null ? preferred.sort() : filter.sort();
    }

    /** The order in effect as it is written in URLs ({@code votes}). */
    public String getSortName() {
        return getSort().name().toLowerCase();
    }

    public List<IssueSort> getSorts() {
        return List.of(IssueSort.NEWEST, IssueSort.VOTES, IssueSort.UPDATED, IssueSort.OLDEST);
    }

    public List<ReferenceItem> getStatuses() {
        return reference.list(ReferenceKind.STATUS, false);
    }

    public List<ReferenceItem> getCategories() {
        return reference.list(ReferenceKind.CATEGORY, false);
    }

    /** The labels filtered on, as the label field shows them (several separated by commas). */
    public String getLabelsText() {
        return String.join(", ", filter.labels());
    }

    /** Label suggestions for the filter field (a datalist): the labels in use. */
    public List<String> getKnownLabels() {
        return issues.labelSuggestions("", actor);
    }

    public String pageUrl(int page) {
        return url(filter.onPage(page));
    }

    public String withLabelUrl(String label) {
        return url(filter.withLabel(label));
    }

    public String withoutLabelUrl(String label) {
        return url(filter.withoutLabel(label));
    }

    /**
     * The list's filter as a CSV download: the API's export ({@code /api/issues.csv}), which takes the same
     * parameters; the browser's session signs the download in as the viewer.
     */
    public String getExportUrl() {
        String query = filter.onPage(1).queryString();
        return external.getRequestContextPath() + "/api/issues.csv?approval=APPROVED"
                + (query.isEmpty() ? "" : "&" + query);
    }

    /** The number of the first row shown, counting from 1 (0 when there are none). */
    public long getFirstRow() {
        Page<IssueView> page = getResult();
        return page.total() == 0 ? 0 : (long) page.page() * page.size() + 1;
    }

    public long getLastRow() {
        Page<IssueView> page = getResult();
        return Math.min(page.total(), (long) (page.page() + 1) * page.size());
    }

    private String url(IssueFilter target) {
        String query = target.queryString();
        return external.getRequestContextPath() + "/index.xhtml" + (query.isEmpty() ? "" : "?" + query);
    }
}
