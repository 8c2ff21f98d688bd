package org.issuetracker.application.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.issuetracker.application.caching.SessionData;
import org.issuetracker.application.operations.Monitored;
import org.issuetracker.domain.shared.Actor;

/**
 * Users' preferences, kept in the cache's session region for a day after they were last saved (the production
 * guide's "session data, 24 h"). Anonymous visitors, and everyone while the cache is unreachable, get the defaults.
 */
@Monitored
@ApplicationScoped
public class PreferencesService {

    @Inject
    SessionData sessionData;

    public Preferences of(Actor actor) {
        if (!actor.isSignedIn()) {
            return Preferences.DEFAULTS;
        }
        return sessionData.find(key(actor), Preferences.class).orElse(Preferences.DEFAULTS);
    }

    public void save(Preferences preferences, Actor actor) {
        actor.requireSignedIn("keep preferences");
        sessionData.put(key(actor), preferences);
    }

    private static String key(Actor actor) {
        return "preferences:" + actor.username();
    }
}
