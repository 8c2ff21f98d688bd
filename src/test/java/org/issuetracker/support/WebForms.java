package org.issuetracker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pages and forms over plain HTTP, as a browser without JavaScript uses them: reads a page, submits one of its forms
 * with what a user typed (hidden fields such as Faces' view state included as the page gave them), and follows the
 * redirect that ends a successful post.
 */
public final class WebForms {

    private final Http http;

    public WebForms(Http http) {
        this.http = http;
    }

    public Http http() {
        return http;
    }

    /** A page that must answer 200. */
    public Document page(String path, String... headers) {
        HttpResponse<String> response = http.get(path, headers);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response, http.uri(path));
    }

    /**
     * Submits the form {@code formId} of {@code page} by its button {@code buttonId} (the button's full client id),
     * with {@code typed} over the form's current values (keys are client ids, e.g. {@code issueForm:title}).
     */
    public HttpResponse<String> submit(
            Document page, String formId, String buttonId, Map<String, String> typed, String... headers) {
        Element form = page.getElementById(formId);
        assertThat(form).as("form " + formId).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if ("submit".equals(type) || "button".equals(type)) {
                continue;
            }
            if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), selected == null ? "" : selected.val());
            } else {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.putAll(typed);
        assertThat(buttonId).as(form.outerHtml()).isNotEmpty();
        Element button = form.getElementById(buttonId);
        assertThat(button).as("button " + buttonId).isNotNull();
        fields.put(button.attr("name"), button.val());
        URI action = URI.create(form.absUrl("action"));
        return http.postForm(relative(action), fields, headers);
    }

    /** Submits and follows the redirect that ends a successful post; fails if there is none. */
    public Document submitAndFollow(Document page, String formId, String buttonId, Map<String, String> typed) {
        HttpResponse<String> posted = submit(page, formId, buttonId, typed);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return follow(posted);
    }

    public Document follow(HttpResponse<String> redirect) {
        URI next = http.toLoopback(
                URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> response = http.get(next);
        assertThat(response.statusCode()).as(next + ": " + response.body()).isEqualTo(200);
        return parse(response, next);
    }

    /** Signs in through the form; the session cookie stays with this client. */
    public Document signIn(String username, String password) {
        Document form = page("signin.xhtml");
        return submitAndFollow(
                form,
                "signInForm",
                "signInForm:submit",
                Map.of("signInForm:username", username, "signInForm:password", password));
    }

    /** No trace of a Java exception on a page a user sees. */
    public static void assertNoStackTrace(String body) {
        assertThat(body)
                .doesNotContain("\tat ")
                .doesNotContain(".java:")
                .doesNotContainPattern("[A-Za-z]+(Exception|Error): ");
    }

    public static Document parse(HttpResponse<String> response, URI base) {
        return Jsoup.parse(response.body(), base.toString());
    }

    private String relative(URI action) {
        String appPath = http.uri("").getRawPath();
        String path = action.getRawPath();
        String relative = path.startsWith(appPath) ? path.substring(appPath.length()) : path;
        return action.getRawQuery() == null ? relative : relative + "?" + action.getRawQuery();
    }
}
