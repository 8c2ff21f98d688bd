package org.issuetracker.application.preflight;

/**
 * One item of the checklist: a stable id for scripts, its title, the verdict, what it was judged on (never a
 * password), and what to do about it ({@code null} when it passes).
 */
public record Check(String id, String title, Verdict verdict, String evidence, String fix) {

    static Check pass(String id, String title, String evidence) {
        return new Check(id, title, Verdict.PASS, evidence, null);
    }
}
