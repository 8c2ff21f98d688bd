package org.issuetracker.infrastructure.config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads typed values from MicroProfile Config and gathers every problem, so that one failed start-up lists all the
 * properties to fix, each by name. Call {@link #validate()} once all values are read.
 */
public final class ConfigValues {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    public ConfigValues(Config config) {
        this.config = config;
    }

    public String string(String name) {
        return raw(name).orElseGet(() -> {
            problems.add(name + " is not set");
            return "";
        });
    }

    public Optional<String> optionalString(String name) {
        return raw(name).filter(value -> !value.isBlank());
    }

    /** An ISO-8601 duration such as {@code PT10M}, {@code PT0.5S}; never zero or negative. */
    public Duration duration(String name) {
        String text = string(name);
        try {
            Duration value = Duration.parse(text.trim());
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, was '" + text + "'");
                return Duration.ofSeconds(1);
            }
            return value;
        } catch (DateTimeParseException e) {
            if (!text.isEmpty()) {
                problems.add(name + " has the malformed value '" + text
                        + "': expected an ISO-8601 duration such as PT10M or PT0.5S");
            }
            return Duration.ofSeconds(1);
        }
    }

    public int integer(String name, int min, int max) {
        String text = string(name);
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + value);
                return min;
            }
            return value;
        } catch (NumberFormatException e) {
            if (!text.isEmpty()) {
                problems.add(name + " has the malformed value '" + text + "': expected a whole number");
            }
            return min;
        }
    }

    /** A URI with one of the given schemes, e.g. {@code redis://host:6379}. */
    public URI uri(String name, String... schemes) {
        String text = string(name).trim();
        try {
            URI value = new URI(text);
            if (value.getScheme() == null || !List.of(schemes).contains(value.getScheme())) {
                problems.add(name + " has the malformed value '" + text + "': expected a URI starting with "
                        + String.join(
                                " or ",
                                List.of(schemes).stream().map(s -> s + "://").toList()));
            }
            return value;
        } catch (java.net.URISyntaxException e) {
            if (!text.isEmpty()) {
                problems.add(name + " has the malformed value '" + text + "': " + e.getReason());
            }
            return URI.create(schemes[0] + "://invalid");
        }
    }

    /** One of the given words (case-insensitive), returned in lower case. */
    public String oneOf(String name, String... choices) {
        String text = string(name).trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of(choices).contains(text)) {
            problems.add(name + " has the value '" + text + "': expected one of " + String.join(", ", choices));
            return choices[0];
        }
        return text;
    }

    /** A comma-separated list of URIs with one of the given schemes; empty if the property is blank. */
    public List<URI> uris(String name, String... schemes) {
        List<URI> result = new ArrayList<>();
        for (String part : optionalString(name).orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                URI value = new URI(part.trim());
                if (value.getScheme() == null || !List.of(schemes).contains(value.getScheme())) {
                    problems.add(name + " has the malformed entry '" + part.trim() + "': expected a URI starting with "
                            + String.join(
                                    " or ",
                                    List.of(schemes).stream()
                                            .map(s -> s + "://")
                                            .toList()));
                } else {
                    result.add(value);
                }
            } catch (java.net.URISyntaxException e) {
                problems.add(name + " has the malformed entry '" + part.trim() + "': " + e.getReason());
            }
        }
        return result;
    }

    /** Records a problem found by the caller's own check of several values together. */
    public void problem(String text) {
        problems.add(text);
    }

    /** Throws {@link InvalidConfigurationException} naming every property that was missing or malformed. */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private Optional<String> raw(String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (RuntimeException e) {
            problems.add(name + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
