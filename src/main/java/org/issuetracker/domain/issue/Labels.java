package org.issuetracker.domain.issue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Labels as the tracker keeps them: trimmed, lower-case, each once, in the order first given. */
public final class Labels {

    public static final int MAX_COUNT = 10;
    public static final int MAX_LENGTH = 30;
    /** Letters, digits and a few separators; no markup, no operators. */
    public static final String PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._/+#-]*";

    private Labels() {}

    public static List<String> normalize(List<String> labels) {
        if (labels == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        labels.stream()
                .filter(Objects::nonNull)
                .map(label -> label.strip().toLowerCase(Locale.ROOT))
                .filter(label -> !label.isEmpty())
                .forEach(unique::add);
        return List.copyOf(unique);
    }
}
