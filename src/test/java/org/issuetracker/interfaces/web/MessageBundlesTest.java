package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every language has every text, with the same placeholders, and every text is a valid message pattern. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+|[a-z]+)");

    @ParameterizedTest
    @CsvSource({"org/issuetracker/interfaces/web/messages, de", "ValidationMessages, de"})
    void theSecondLanguageHasExactlyTheSameKeysAndPlaceholders(String bundle, String language) throws IOException {
        Properties english = load(bundle + ".properties");
        Properties other = load(bundle + "_" + language + ".properties");

        assertThat(new TreeSet<>(other.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(other.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
            assertThat(other.getProperty(key)).as(key).isNotBlank();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "org/issuetracker/interfaces/web/messages.properties",
        "org/issuetracker/interfaces/web/messages_de.properties"
    })
    void everyTextIsAValidMessageFormatPattern(String resource) throws IOException {
        Properties texts = load(resource);
        for (String key : texts.stringPropertyNames()) {
            String formatted = new MessageFormat(texts.getProperty(key), Locale.ROOT).format(new Object[] {1, 2, 3, 4});
            assertThat(formatted).as(key).doesNotContain("{");
        }
    }

    /** Every text a view or a backing bean names exists (names built at run time are listed by their prefix). */
    @org.junit.jupiter.api.Test
    void everyKeyTheUiUsesExists() throws IOException {
        Properties english = load("org/issuetracker/interfaces/web/messages.properties");
        Set<String> used = new TreeSet<>();
        Pattern inViews = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
        Pattern inBeans = Pattern.compile(
                "(?:messages\\.(?:info|error|text)|actions\\.(?:call|run)\\([^,]+,)\\s*\\(?\\s*\"([a-z]+\\.[A-Za-z.]+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main"))) {
            for (java.nio.file.Path file : files.filter(
                            f -> f.toString().endsWith(".xhtml") || f.toString().endsWith(".java"))
                    .toList()) {
                String text = java.nio.file.Files.readString(file);
                Matcher matcher = (file.toString().endsWith(".xhtml") ? inViews : inBeans).matcher(text);
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) { // a prefix completed at run time: below
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(150);
        assertThat(used)
                .allSatisfy(
                        key -> assertThat(english.stringPropertyNames()).as(key).contains(key));
        for (String prefix :
                List.of("sort.", "profile.group.", "history.field.", "history.comment.", "history.approval.")) {
            assertThat(english.stringPropertyNames()).as(prefix).anyMatch(key -> key.startsWith(prefix));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
