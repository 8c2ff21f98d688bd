package org.issuetracker.infrastructure.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.issuetracker.infrastructure.config.InvalidConfigurationException;
import org.issuetracker.infrastructure.config.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoSettingsTest {

    private static final String SECRET = "s3cret-Passw0rd";

    @TempDir
    Path dir;

    @Test
    void theDefaultsConnectWithoutCredentialsOrTls() {
        MongoSettings settings = settings(Map.of());
        MongoClientSettings driver = settings.clientSettings().build();

        assertThat(driver.getCredential()).isNull();
        assertThat(driver.getSslSettings().isEnabled()).isFalse();
        assertThat(driver.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(5_000);
        assertThat(driver.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(15_000);
        assertThat(driver.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(4_000);
        assertThat(settings.authenticates()).isFalse();
    }

    @Test
    void credentialsFromTheirOwnPropertiesReachTheDriverAndNothingShowsThePassword() {
        MongoSettings settings = settings(Map.of(
                "mongodb.username", "tracker",
                "mongodb.password", SECRET,
                "mongodb.auth-source", "issuetracker"));
        MongoClientSettings driver = settings.clientSettings().build();

        assertThat(driver.getCredential().getUserName()).isEqualTo("tracker");
        assertThat(driver.getCredential().getSource()).isEqualTo("issuetracker");
        assertThat(driver.getCredential().getPassword()).isEqualTo(SECRET.toCharArray());
        assertThat(settings.authenticates()).isTrue();
        assertThat(settings.toString()).contains("tracker").doesNotContain(SECRET);
    }

    @Test
    void aPasswordInTheUriIsUsedButNeverShown() {
        MongoSettings settings = settings(Map.of(
                "mongodb.uri",
                "mongodb://tracker:" + SECRET + "@db1:27017,db2:27017/issuetracker?replicaSet=rs0&w=majority"));

        assertThat(settings.clientSettings().build().getCredential().getPassword())
                .isEqualTo(SECRET.toCharArray());
        assertThat(settings.authenticates()).isTrue();
        assertThat(settings.redactedUri())
                .isEqualTo("mongodb://tracker:****@db1:27017,db2:27017/issuetracker?replicaSet=rs0&w=majority");
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void aUriTheDriverRefusesIsNamedWithoutItsPassword() {
        assertThatThrownBy(() -> settings(Map.of("mongodb.uri", "mongodb://tracker:" + SECRET + "@db:notaport")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("mongodb.uri 'mongodb://tracker:****@db:notaport'")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void aUsernameWithoutAPasswordIsAConfigurationProblem() {
        assertThatThrownBy(() -> settings(Map.of("mongodb.username", "tracker")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("mongodb.username and mongodb.password are set together or not at all");
    }

    @Test
    void tlsFromTheUriOrThePropertyWithTheTrustStoreGivenToTheDriver() throws Exception {
        assertThat(settings(Map.of("mongodb.uri", "mongodb://db:27017/?tls=true"))
                        .clientSettings()
                        .build()
                        .getSslSettings()
                        .isEnabled())
                .isTrue();

        Path store = trustStore("changeit-store");
        MongoClientSettings driver = settings(Map.of(
                        "mongodb.tls.enabled", "true",
                        "mongodb.tls.trust-store", store.toString(),
                        "mongodb.tls.trust-store-password", "changeit-store"))
                .clientSettings()
                .build();
        assertThat(driver.getSslSettings().isEnabled()).isTrue();
        assertThat(driver.getSslSettings().getContext()).isNotNull();
    }

    @Test
    void anUnreadableTrustStoreStopsTheStartWithItsNameAndNotItsPassword() throws Exception {
        Path store = trustStore("the-right-one");

        assertThatThrownBy(() -> settings(Map.of(
                        "mongodb.tls.enabled", "true",
                        "mongodb.tls.trust-store", store.toString(),
                        "mongodb.tls.trust-store-password", "a-wrong-one")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("mongodb.tls.trust-store '" + store + "' cannot be read as a PKCS12 store")
                .message()
                .doesNotContain("a-wrong-one");
        assertThatThrownBy(() -> settings(Map.of("mongodb.tls.enabled", "yes")))
                .hasMessageContaining("mongodb.tls.enabled has the malformed value 'yes': expected true or false");
    }

    private static MongoSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "mongodb.uri", "mongodb://127.0.0.1:27017",
                "mongodb.database", "issuetracker",
                "mongodb.connect-timeout", "PT5S",
                "mongodb.server-selection-timeout", "PT4S",
                "mongodb.read-timeout", "PT15S"));
        values.putAll(overrides);
        return new MongoSettings(new MapConfig(values));
    }

    /** A PKCS12 store holding one self-signed certificate, made by the JDK's keytool. */
    private Path trustStore(String password) throws Exception {
        Path store = dir.resolve("trust-" + password + ".p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "ca",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=Test CA",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        password)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        return store;
    }
}
