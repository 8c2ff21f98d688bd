package org.issuetracker.application.setup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.issuetracker.application.caching.CacheInvalidator;
import org.issuetracker.application.caching.CacheRegion;
import org.issuetracker.domain.reference.ReferenceItem;
import org.issuetracker.domain.reference.ReferenceKind;
import org.issuetracker.domain.reference.ReferenceRepository;
import org.issuetracker.domain.shared.ConflictException;
import org.issuetracker.domain.user.PasswordHasher;
import org.issuetracker.domain.user.Role;
import org.issuetracker.domain.user.User;
import org.issuetracker.domain.user.UserRepository;
import org.issuetracker.infrastructure.config.ConfigValues;

/**
 * Puts in place, once, what an empty database needs: the standard categories and statuses, and the first
 * administrator ({@code bootstrap.admin.*}; without a password a random one is generated and logged once). Each
 * step only acts on an empty collection, so running it again (every start, every instance) changes nothing.
 */
@ApplicationScoped
public class InitialData {

    private static final Logger LOG = Logger.getLogger(InitialData.class.getName());

    @Inject
    ReferenceRepository reference;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    DemoData demo;

    @Inject
    CacheInvalidator invalidator;

    private String adminUsername;
    private String adminPassword;
    private boolean demoData;
    private volatile boolean done;

    @Inject
    void configure(Config config) {
        ConfigValues values = new ConfigValues(config);
        adminUsername = values.string("bootstrap.admin.username");
        adminPassword = values.optionalString("bootstrap.admin.password").orElse(null);
        demoData = Boolean.parseBoolean(values.string("seed.demo-data"));
        values.validate();
    }

    /**
     * Creates the bean, so reads its configuration, while the application starts, with the application's class
     * loader: when MongoDB is not there yet, {@link #ensure} is first called by the start-up health check, which
     * Payara runs under its default web module, where the application's microprofile-config.properties is not
     * visible (found by StartupIT: the instance never became started).
     */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        adminUsername.hashCode();
    }

    /** Creates what is missing; throws if MongoDB cannot be reached (the start-up check tries again). */
    public void ensure() {
        if (done) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (ReferenceKind kind : ReferenceKind.values()) {
            if (reference.list(kind, true).isEmpty()) {
                kind.seeds()
                        .forEach(seed -> addUnlessThere(() -> reference.add(new ReferenceItem(
                                reference.nextId(),
                                kind,
                                seed.name(),
                                seed.description(),
                                seed.closed(),
                                false,
                                now,
                                now,
                                0))));
                LOG.info(() -> "Seeded the standard " + kind.label() + " list");
                invalidator.newGeneration(CacheRegion.REFERENCE);
            }
        }
        if (users.count() == 0) {
            String password = adminPassword == null ? randomPassword() : adminPassword;
            boolean created = addUnlessThere(() -> users.add(new User(
                    adminUsername,
                    "Administrator",
                    adminUsername + "@localhost",
                    EnumSet.of(Role.ADMIN, Role.USER),
                    true,
                    hasher.hash(password),
                    now,
                    now,
                    0,
                    // a generated password was in the log: whoever signs in with it chooses their own first
                    adminPassword == null,
                    null)));
            if (created && adminPassword == null) {
                LOG.warning("Created the first administrator '" + adminUsername + "' with the generated password "
                        + password + " (shown once; set bootstrap.admin.password to choose it)");
            } else if (created) {
                LOG.info(() -> "Created the first administrator '" + adminUsername + "'");
            }
            if (created && demoData) {
                demo.seed();
            }
        }
        done = true;
    }

    /**
     * Adds one seed; false when another instance, starting at the same time on the same empty database, added it
     * first (the unique indexes refuse the second).
     */
    private static boolean addUnlessThere(Runnable add) {
        try {
            add.run();
            return true;
        } catch (ConflictException alreadyThere) {
            LOG.info(() -> "Another instance seeded the same meanwhile: " + alreadyThere.getMessage());
            return false;
        }
    }

    public boolean isDone() {
        return done;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
