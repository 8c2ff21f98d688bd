package org.issuetracker.interfaces.rest;

import static org.issuetracker.interfaces.rest.HostileValues.utf8;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.issuetracker.interfaces.rest.HostileRequests.Caller;
import org.issuetracker.interfaces.rest.HostileRequests.Case;
import org.issuetracker.interfaces.rest.HostileRequests.Expect;
import org.issuetracker.support.RawHttp;
import org.issuetracker.support.RawHttp.Request;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pages' share of the sweep: every view with hostile values in each of its URL parameters, and every form of
 * every page posted back with a view state that is garbage, empty, another's or {@code stateless}, as a visitor, a
 * signed-in user and an administrator (each with a browser session).
 */
final class HostilePages {

    /** Each page and the URL parameters it reads; {@code ?id=} pages get the fixtures' issue besides. */
    private static final Map<String, List<String>> PAGES = pages();

    private static final List<String> VIEW_STATES = List.of(
            "garbage",
            "",
            "stateless",
            "-1:-1",
            "A".repeat(100_000),
            "%00",
            "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhw",
            "%FF%FE",
            "1234567890:-1234567890");

    /** The query values that reach a page's parameters in different ways (numbers, NUL, invalid UTF-8, size). */
    private static final List<String> PAGE_VALUES = List.of(
            "1e400",
            "9223372036854775808",
            "-1",
            "%00",
            "a%00b",
            "%FF%FE",
            "\u00ff",
            "%24where",
            "x".repeat(5000),
            "..%2F..%2FWEB-INF",
            "%0D%0ALocation:%20http://evil.example");

    private final RawHttp raw;
    private final String context;
    private final String issueId;
    private final String username;
    private final Map<Caller, String> cookies;

    HostilePages(RawHttp raw, String context, String issueId, String username, Map<Caller, String> cookies) {
        this.raw = raw;
        this.context = context;
        this.issueId = issueId;
        this.username = username;
        this.cookies = cookies;
    }

    private static Map<String, List<String>> pages() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "index.xhtml",
                List.of("q", "label", "status", "category", "author", "assignee", "sort", "page", "size"));
        pages.put("issues/view.xhtml", List.of("id", "editComment", "commentPage", "historyPage"));
        pages.put("issues/edit.xhtml", List.of("id"));
        pages.put("issues/new.xhtml", List.of("categoryId"));
        pages.put("dashboard.xhtml", List.of("weeks"));
        pages.put("profile.xhtml", List.of("tab"));
        pages.put("signin.xhtml", List.of("continue"));
        pages.put("admin/approvals.xhtml", List.of("page"));
        pages.put("admin/users.xhtml", List.of("page", "q"));
        pages.put("admin/user.xhtml", List.of("username"));
        pages.put("admin/reference.xhtml", List.of("kind"));
        pages.put("admin/operations.xhtml", List.of("refresh"));
        pages.put("admin/preflight.xhtml", List.of("strict"));
        pages.put("language", List.of("to", "back"));
        pages.put("errors/error.xhtml", List.of("x"));
        pages.put("errors/not-found.xhtml", List.of("x"));
        return pages;
    }

    List<Case> parameters() {
        List<Case> cases = new ArrayList<>();
        PAGES.forEach((page, names) -> {
            for (String name : names) {
                for (String value : PAGE_VALUES) {
                    String query = (page.startsWith("issues/view") && !name.equals("id") ? "id=" + issueId + "&" : "")
                            + name + "=" + value;
                    for (Caller caller : Caller.values()) {
                        cases.add(page("page parameters", page, query, caller));
                    }
                }
            }
        });
        String labels = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> "label=l" + i)
                .collect(Collectors.joining("&"));
        for (Caller caller : Caller.values()) {
            cases.add(page("page parameters", "index.xhtml", labels, caller));
            cases.add(page("page parameters", "index.xhtml", "q=" + "x".repeat(10_000), caller));
            cases.add(page("page parameters", "admin/user.xhtml", "username=" + username + "%00", caller));
        }
        return cases;
    }

    /** Every form of every page this caller sees, posted back with each garbage view state. */
    List<Case> postbacks() {
        List<Case> cases = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (String page : PAGES.keySet()) {
                String query = page.startsWith("issues/")
                        ? "?id=" + issueId
                        : page.equals("admin/user.xhtml") ? "?username=" + username : "";
                RawHttp.Response answer =
                        raw.send(withCookie(Request.of("GET", context + "/" + page + query, null), caller));
                if (answer.status() != 200) {
                    continue;
                }
                Document document = Jsoup.parse(answer.body(), "http://127.0.0.1" + context + "/" + page);
                for (Element form : document.select("form[method=post]")) {
                    for (String viewState : VIEW_STATES) {
                        for (boolean ajax : List.of(false, true)) {
                            cases.add(postback(page, form, viewState, ajax, caller));
                        }
                    }
                }
            }
        }
        return cases;
    }

    private Case postback(String page, Element form, String viewState, boolean ajax, Caller caller) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (type.equals("submit") || type.equals("button") || type.equals("checkbox") || type.equals("radio")) {
                continue;
            }
            // typed fields left empty: no post may become a valid change or a guess at a password
            fields.put(input.attr("name"), type.equals("hidden") ? input.val() : "");
        }
        fields.put("jakarta.faces.ViewState", viewState);
        Element button = form.selectFirst("button[name], input[type=submit][name]");
        if (button != null) {
            fields.put(button.attr("name"), button.val());
        }
        if (ajax) {
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", button == null ? form.id() : button.attr("name"));
            fields.put("jakarta.faces.partial.execute", "@all");
        }
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "="
                        + (e.getKey().equals("jakarta.faces.ViewState")
                                        && e.getValue().startsWith("%")
                                ? e.getValue()
                                : encode(e.getValue())))
                .collect(Collectors.joining("&"));
        String action = form.attr("action");
        String target = action.startsWith("/") ? action : context + "/" + page;
        Request request = Request.of("POST", target, utf8(body), "Content-Type", "application/x-www-form-urlencoded");
        if (ajax) {
            request = request.withHeader("Faces-Request", "partial/ajax");
        }
        return new Case(
                "page postbacks",
                "POST " + page + " " + form.id(),
                caller,
                withCookie(request, caller),
                Expect.ANSWERED);
    }

    private Case page(String category, String page, String query, Caller caller) {
        Request request = Request.of("GET", context + "/" + page + "?" + query, null);
        return new Case(category, "GET " + page, caller, withCookie(request, caller), Expect.ANSWERED);
    }

    private Request withCookie(Request request, Caller caller) {
        String cookie = cookies.get(caller);
        return cookie == null || cookie.isEmpty() ? request : request.withHeader("Cookie", cookie);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
