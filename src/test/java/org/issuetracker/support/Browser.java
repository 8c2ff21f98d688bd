package org.issuetracker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded one: Selenium Manager is
 * not used when the driver is named). It only ever talks to loopback: every other host resolves to nothing, and
 * the background services and "alternate error pages" that would look up Google's hosts are off (Chromium looks
 * them up at start and on a page that fails to load unless told not to). Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final URI app;
    private final Path screenshots = Path.of("target", "screenshots");

    public Browser(URI app) {
        this.app = app;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--lang=en-US",
                "--window-size=1280,1000");
        options.setExperimentalOption(
                "prefs",
                Map.of("alternate_error_pages", Map.of("enabled", false), "intl.accept_languages", "en-US,en"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
    }

    /**
     * Run in every document before its own scripts (and, being the browser's, exempt from the page's policy): keeps
     * each Content-Security-Policy violation in the tab's session storage, where it outlives the page that had it.
     */
    private static final String RECORD_CSP_VIOLATIONS = "document.addEventListener('securitypolicyviolation', e => {"
            + " try {"
            + " const seen = JSON.parse(sessionStorage.getItem('cspViolations') || '[]');"
            + " seen.push(location.pathname + ': ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline')"
            + " + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : ''));"
            + " sessionStorage.setItem('cspViolations', JSON.stringify(seen));"
            + " } catch (noStorage) {}"
            + " });";

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the application ({@code "issues/new.xhtml"}). */
    public void open(String path) {
        driver.get(app.resolve(path).toString());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Clicks something that loads a new page and waits until it has. */
    public void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        waitForNewPage(html);
    }

    /**
     * Waits until {@code html} (the old page's root) is gone. Chromium reports a node of a replaced document either
     * as stale or as "does not belong to the document"; both mean the new page is there.
     */
    public void waitForNewPage(WebElement html) {
        waitUntil(driver -> {
            try {
                html.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    public void clickAndWait(String css) {
        clickAndWait(find(css));
    }

    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    /** Whether an element is there and shown; false while the page is being redrawn around it. */
    public boolean visible(String css) {
        try {
            return find(css).isDisplayed();
        } catch (org.openqa.selenium.WebDriverException redrawnOrAbsent) {
            return false;
        }
    }

    /** Does something to an element that script may redraw meanwhile (ajax updates), trying again a few times. */
    public void retryWhileRedrawn(Runnable action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                boolean redrawn = e instanceof org.openqa.selenium.StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document");
                if (!redrawn || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Runs axe-core (the accessibility rules engine, from its WebJar) on the current page and returns the
     * violations of WCAG 2 A/AA rules, each as "rule (impact): where".
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        script(axeSource());
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                        + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                        + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    /**
     * The Content-Security-Policy violations of the pages shown since the last call (as "page: directive blocked
     * what"), and forgets them.
     */
    @SuppressWarnings("unchecked")
    public List<String> contentSecurityViolations() {
        Object seen = script("const seen = sessionStorage.getItem('cspViolations') || '[]';"
                + " sessionStorage.removeItem('cspViolations'); return JSON.parse(seen);");
        return (List<String>) seen;
    }

    private static String axeSource() {
        String resource = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3")
                + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind harms nothing
        }
    }
}
