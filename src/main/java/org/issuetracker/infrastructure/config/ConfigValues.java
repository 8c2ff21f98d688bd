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

    /** {@code true} or {@code false} (case-insensitive); {@code otherwise} when the property is not set. */
    public boolean bool(String name, boolean otherwise) {
        Optional<String> text = optionalString(name).map(value -> value.trim().toLowerCase(java.util.Locale.ROOT));
        if (text.isEmpty()) {
            return otherwise;
        }
        if (!text.get().equals("true") && !text.get().equals("false")) {
            problems.add(name + " has the malformed value '" + text.get() + "': expected true or false");
            return otherwise;
        }
        return text.get().equals("true");
    }

    /**
     * A URI with one of the given schemes, e.g. {@code redis://host:6379}. A problem with it names it without the
     * password it may hold ({@link #redacted(String)}).
     */
    public URI uri(String name, String... schemes) {
        String text = string(name).trim();
        String shown = redacted(text);
        try {
            URI value = new URI(text);
            if (value.getScheme() == null || !List.of(schemes).contains(value.getScheme())) {
                problems.add(name + " has the malformed value '" + shown + "': expected a URI starting with "
                        + String.join(
                                " or ",
                                List.of(schemes).stream().map(s -> s + "://").toList()));
            }
            return value;
        } catch (java.net.URISyntaxException e) {
            if (!text.isEmpty()) {
                problems.add(name + " has the malformed value '" + shown + "': " + e.getReason());
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
                    problems.add(name + " has the malformed entry '" + redacted(part.trim())
                            + "': expected a URI starting with "
                            + String.join(
                                    " or ",
                                    List.of(schemes).stream()
                                            .map(s -> s + "://")
                                            .toList()));
                } else {
                    result.add(value);
                }
            } catch (java.net.URISyntaxException e) {
                problems.add(name + " has the malformed entry '" + redacted(part.trim()) + "': " + e.getReason());
            }
        }
        return result;
    }

    /**
     * A connection URI as it may be logged or shown: the password in its user information ({@code
     * scheme://user:password@host}) replaced by {@code ****}. The user information ends at the last {@code @} before
     * the path, as URI parsers read it.
     */
    public static String redacted(String uri) {
        int authority = uri.indexOf("://");
        if (authority < 0) {
            return uri;
        }
        int start = authority + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        int at = uri.lastIndexOf('@', end - 1);
        if (at < start) {
            return uri;
        }
        int colon = uri.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return uri;
        }
        return uri.substring(0, colon + 1) + "****" + uri.substring(at);
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
