package org.issuetracker.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
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
