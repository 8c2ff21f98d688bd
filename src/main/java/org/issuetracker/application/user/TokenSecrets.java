package org.issuetracker.application.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The form of API token secrets: {@code itk_} and 256 random bits in base64url. The prefix lets secret scanners and
 * people recognise a leaked one; the bits make guessing hopeless, which is why a plain SHA-256 digest is enough to
 * store them (a password needs a slow hash because people choose guessable ones; nobody chooses these).
 */
public final class TokenSecrets {

    public static final String PREFIX = "itk_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("itk_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    public static String newSecret() {
        byte[] bits = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether the text could be a secret this tracker made; anything else is refused without a lookup. */
    public static boolean wellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The SHA-256 digest of the secret, in lower-case hex: what is stored and looked up. */
    public static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
