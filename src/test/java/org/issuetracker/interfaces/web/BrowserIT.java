package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.issuetracker.support.ArquillianIT;
import org.issuetracker.support.Browser;
import org.issuetracker.support.Tracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * One journey through the web UI in a real browser (headless Chromium), in order: sign in with the keyboard only,
 * file an issue (label autocomplete included), approve it as admin after fixing its title, find it through the
 * list's URL filter, vote and comment as someone else, mark the answer as its author, look at the dashboard's
 * charts, see a title full of markup shown as text, and have an inline confirmation and Swagger UI work. Every page
 * is also checked with axe-core (WCAG 2 A/AA), photographed into {@code target/screenshots}, and watched for
 * violations of its Content-Security-Policy (which would mean a script or style the page needs was blocked).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT extends ArquillianIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String TITLE = "Printer on floor 3 jams " + RUN;
    private static final String FIXED_TITLE = "Printer on floor 3 jams on every job " + RUN;
    private static final String XSS_TITLE = "<script>alert(1)</script> in a title " + RUN;
    private static final String LABEL = "printers-" + RUN;

    private static Browser browser;
    private static Tracker.User alice;
    private static Tracker.User bob;
    private static String issueUrl;
    private static final List<String> accessibility = new ArrayList<>();
    private static final List<String> contentSecurity = new ArrayList<>();

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(http.uri(""));
            Tracker tracker = new Tracker(http);
            alice = tracker.newUser("alice");
            bob = tracker.newUser("bob");
            // a label in use, for the autocomplete to suggest
            tracker.filePublic(alice.http(), "Toner runs out too fast " + RUN, LABEL);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signInWithTheKeyboardOnly() {
        Browser b = browser();
        b.open("signin.xhtml");
        checkPage("01-sign-in");

        WebElement focused = b.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("signInForm:username");
        focused.sendKeys(alice.username());
        focused.sendKeys(Keys.TAB);
        WebElement password = b.driver().switchTo().activeElement();
        assertThat(password.getAttribute("id")).isEqualTo("signInForm:password");
        assertThat(b.script("return getComputedStyle(document.activeElement).outlineStyle;"))
                .as("the keyboard focus is visible")
                .isEqualTo("solid");
        WebElement html = b.find("html");
        password.sendKeys(Tracker.PASSWORD, Keys.ENTER);
        b.waitForNewPage(html);

        assertThat(b.text(".notice-info")).isEqualTo("You are signed in.");
        assertThat(b.text("#navProfile")).isEqualTo("User " + alice.username());
    }

    @Test
    @Order(2)
    void fileAnIssueWithLabelAutocomplete() {
        Browser b = browser();
        b.clickAndWait("#navNewIssue");
        checkPage("02-new-issue");

        b.find("#issueForm\\:title").sendKeys(TITLE);
        new Select(b.find("#issueForm\\:categoryId")).selectByVisibleText("Bug");
        b.find("#issueForm\\:labels_input").sendKeys("printers-" + RUN.substring(0, 3));
        // the panel is redrawn as the suggestions arrive: wait until it shows the label, then pick it
        String item = ".ui-autocomplete-panel li[data-item-value='" + LABEL + "']";
        b.waitUntil(driver -> b.visible(item));
        b.screenshot("03-label-autocomplete");
        b.retryWhileRedrawn(() -> b.find(item).click());
        assertThat(b.find("#issueForm\\:labels_input").getAttribute("value")).isEqualTo(LABEL);
        b.find("#issueForm\\:description").sendKeys("It jams on every job since Monday; the tray light blinks.");
        b.clickAndWait("#issueForm\\:save");

        assertThat(b.text(".notice-info")).startsWith("Issue filed.");
        assertThat(b.text("#issueTitle")).isEqualTo(TITLE);
        assertThat(b.text("#pendingBadge")).isEqualTo("Awaiting approval");
        issueUrl = b.driver().getCurrentUrl();
        checkPage("04-issue-pending");

        // a second one whose title is markup, for the escaping check
        b.clickAndWait("#navNewIssue");
        b.find("#issueForm\\:title").sendKeys(XSS_TITLE);
        new Select(b.find("#issueForm\\:categoryId")).selectByVisibleText("Question");
        b.find("#issueForm\\:description").sendKeys("<img src=x onerror=alert(2)> in the description.");
        b.clickAndWait("#issueForm\\:save");
        assertThat(b.text("#issueTitle")).isEqualTo(XSS_TITLE);
    }

    @Test
    @Order(3)
    void anAdminFixesTheTitleAndApprovesFromTheQueue() {
        Browser b = browser();
        signInAs("admin", Tracker.ADMIN_PASSWORD);
        assertThat(b.text("#navApprovals .badge")).matches("\\d+");
        b.clickAndWait("#navApprovals");
        checkPage("05-approval-queue");

        WebElement card = approvalCard(TITLE);
        WebElement title = card.findElement(org.openqa.selenium.By.cssSelector("input[name=title]"));
        title.clear();
        title.sendKeys(FIXED_TITLE);
        b.clickAndWait(card.findElement(org.openqa.selenium.By.cssSelector("button[id$=':approve']")));
        assertThat(b.text(".notice-info")).isEqualTo("Approved: " + FIXED_TITLE);

        b.clickAndWait(
                approvalCard(XSS_TITLE).findElement(org.openqa.selenium.By.cssSelector("button[id$=':approve']")));
        assertThat(b.text(".notice-info")).isEqualTo("Approved: " + XSS_TITLE);

        // the operations page, from the bar: every dependency UP
        b.clickAndWait("#navOperations");
        assertThat(b.text("#overall")).isEqualTo("UP");
        assertThat(b.text("#dependency-mongodb")).contains("UP");
        checkPage("16-operations");
    }

    private WebElement approvalCard(String title) {
        return browser.findAll("section.approval").stream()
                .filter(card -> card.findElement(org.openqa.selenium.By.cssSelector("h2"))
                        .getText()
                        .equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No approval card for " + title));
    }

    @Test
    @Order(4)
    void theListShowsItAndTheFilterLivesInTheUrl() {
        Browser b = browser();
        b.clickAndWait("#navIssues");
        checkPage("06-issue-list");
        assertThat(b.findAll(".issue-title").stream().map(WebElement::getText)).contains(FIXED_TITLE);

        b.find("#q").sendKeys("every job " + RUN);
        new Select(b.find("#category")).selectByVisibleText("Bug");
        new Select(b.find("#sort")).selectByVisibleText("Most voted");
        b.clickAndWait("#applyFilter");

        String url = b.driver().getCurrentUrl();
        assertThat(url).contains("q=every+job+" + RUN).contains("category=").contains("sort=votes");
        assertThat(b.findAll(".issue-title").stream().map(WebElement::getText)).containsExactly(FIXED_TITLE);
        checkPage("07-issue-list-filtered");

        b.driver().navigate().to("about:blank");
        b.driver().get(url);
        assertThat(b.findAll(".issue-title").stream().map(WebElement::getText))
                .as("a bookmarked filter shows the same list")
                .containsExactly(FIXED_TITLE);
        b.clickAndWait(b.findAll(".issue-title").get(0));
        assertThat(b.text("#issueTitle")).isEqualTo(FIXED_TITLE);
    }

    @Test
    @Order(5)
    void someoneElseVotesAndComments() {
        Browser b = browser();
        signInAs(bob.username(), Tracker.PASSWORD);
        b.driver().get(issueUrl);
        assertThat(b.text("#voteCount")).isEqualTo("0");

        b.clickAndWait("#actions\\:vote");
        assertThat(b.text(".notice-info")).isEqualTo("Your vote is counted.");
        assertThat(b.text("#voteCount")).isEqualTo("1");
        assertThat(b.findAll("#actions\\:unvote")).hasSize(1);

        b.find("#issueForm\\:body").sendKeys("Same here on floor 3: it is the fuser unit.");
        b.clickAndWait("#issueForm\\:addComment");
        assertThat(b.text(".notice-info")).isEqualTo("Your comment is added.");
        assertThat(b.findAll(".comment .comment-body").stream().map(WebElement::getText))
                .containsExactly("Same here on floor 3: it is the fuser unit.");
    }

    @Test
    @Order(6)
    void theAuthorMarksTheAnswer() {
        Browser b = browser();
        signInAs(alice.username(), Tracker.PASSWORD);
        b.driver().get(issueUrl);
        assertThat(b.findAll("#actions\\:vote"))
                .as("no vote on one's own issue")
                .isEmpty();

        b.clickAndWait(b.find(".comment input[id$=':markAnswer']"));

        assertThat(b.text(".notice-info")).isEqualTo("The comment is marked as the answer.");
        assertThat(b.find(".comment").getAttribute("class")).contains("answer");
        assertThat(b.text(".comment .answer-badge")).isEqualTo("Answer");
        assertThat(b.findAll("#history li").stream().map(WebElement::getText))
                .anyMatch(entry -> entry.contains("commented"));
        checkPage("08-issue-answered");
    }

    @Test
    @Order(7)
    void theDashboardDrawsItsCharts() {
        Browser b = browser();
        b.clickAndWait("#navDashboard");

        for (String chart : List.of("byStatus", "byCategory", "createdVsClosed", "topContributors")) {
            Object points = b.waitUntil(driver -> b.script(
                    "const c = window.Chart && Chart.getChart(document.getElementById(arguments[0] + '_canvas'));"
                            + "return c ? c.data.datasets[0].data.length : null;",
                    chart));
            assertThat(((Number) points).intValue()).as(chart).isPositive();
        }
        assertThat(Long.parseLong(b.text("#statTotal"))).isPositive();
        checkPage("09-dashboard");
    }

    @Test
    @Order(8)
    void aTitleFullOfMarkupIsShownAsText() {
        Browser b = browser();
        b.open("index.xhtml?q=" + RUN);
        assertThat(b.findAll(".issue-title").stream().map(WebElement::getText))
                .as(
                        "the list at %s:%n%s",
                        b.driver().getCurrentUrl(), b.find("body").getText())
                .contains(XSS_TITLE);
        assertNoAlert();

        b.clickAndWait(b.findAll(".issue-title").stream()
                .filter(link -> link.getText().equals(XSS_TITLE))
                .findFirst()
                .orElseThrow());
        assertThat(b.text("#issueTitle")).isEqualTo(XSS_TITLE);
        assertThat(b.text("#issueDescription")).isEqualTo("<img src=x onerror=alert(2)> in the description.");
        assertThat(b.driver().getTitle()).startsWith(XSS_TITLE);
        assertNoAlert();
        b.screenshot("10-markup-as-text");
    }

    @Test
    @Order(9)
    void profileAndAdminPagesPassTheirChecksToo() {
        Browser b = browser();
        b.clickAndWait("#navProfile");
        assertThat(b.findAll("#group-APPROVED li").stream().map(WebElement::getText))
                .anyMatch(item -> item.startsWith(FIXED_TITLE));
        checkPage("11-profile");

        signInAs("admin", Tracker.ADMIN_PASSWORD);
        b.clickAndWait("#navCategories");
        checkPage("12-admin-categories");
        b.clickAndWait("#navUsers");
        checkPage("13-admin-users");
    }

    @Test
    @Order(10)
    void anInlineConfirmationStillAsksUnderTheContentSecurityPolicy() {
        Browser b = browser();
        b.driver().get(issueUrl);
        WebElement archive = b.find(".comment input[id$=':archiveComment']");

        archive.click();
        org.openqa.selenium.Alert confirm =
                b.waitUntil(driver -> org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()
                        .apply(driver));
        assertThat(confirm.getText()).isNotBlank();
        confirm.dismiss();

        assertThat(b.findAll(".comment .comment-body"))
                .as("dismissed: nothing archived")
                .hasSize(1);
        checkPage("17-issue-as-admin");
    }

    @Test
    @Order(11)
    void swaggerUiShowsTheApiUnderTheContentSecurityPolicy() {
        Browser b = browser();
        b.open("api-docs/");
        b.waitUntil(driver -> b.visible(".swagger-ui .opblock"));
        assertThat(b.text(".swagger-ui .info .title")).startsWith("Issue Tracker API");
        contentSecurity.addAll(b.contentSecurityViolations());
        b.screenshot("18-api-docs");
    }

    @Test
    @Order(12)
    void atPhoneWidthNothingScrollsSideways() {
        Browser b = browser();
        b.resize(390, 844);
        try {
            for (String page : List.of("index.xhtml", issueUrl, "dashboard.xhtml")) {
                b.driver().get(page.startsWith("http") ? page : http.uri(page).toString());
                Number overflow = (Number)
                        b.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as(page).isLessThanOrEqualTo(0);
            }
            b.open("index.xhtml");
            b.screenshot("14-phone-issue-list");
            b.driver().get(issueUrl);
            b.screenshot("15-phone-issue");
        } finally {
            b.resize(1280, 1000);
        }
    }

    @Test
    @Order(13)
    void everyPageVisitedHasNoSeriousAccessibilityViolation() {
        assertThat(accessibility).isEmpty();
    }

    @Test
    @Order(14)
    void noPageVisitedViolatedItsContentSecurityPolicy() {
        contentSecurity.addAll(browser().contentSecurityViolations());
        assertThat(contentSecurity).isEmpty();
    }

    private void signInAs(String username, String password) {
        Browser b = browser();
        if (!b.findAll("#signOut\\:signOutButton").isEmpty()) {
            b.clickAndWait("#signOut\\:signOutButton");
            assertThat(b.text(".notice-info")).isEqualTo("You are signed out.");
        }
        b.open("signin.xhtml");
        b.find("#signInForm\\:username").sendKeys(username);
        b.find("#signInForm\\:password").sendKeys(password);
        b.clickAndWait("#signInForm\\:submit");
        assertThat(b.text(".notice-info")).isEqualTo("You are signed in.");
    }

    /** Photographs the page and runs axe-core on it; violations are collected and failed on at the end. */
    private void checkPage(String name) {
        assertThat(browser.text("h1")).as(name).isNotEqualTo("Something went wrong");
        browser.screenshot(name);
        browser.accessibilityViolations().forEach(violation -> accessibility.add(name + ": " + violation));
        browser.contentSecurityViolations().forEach(violation -> contentSecurity.add(name + ": " + violation));
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }
}
