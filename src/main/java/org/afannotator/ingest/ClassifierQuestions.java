package org.afannotator.ingest;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which classifier fields of the released transcript formats ask whether a transcript is alignment
 * faking, and which ask something else (decision 0022). The importers give a label only to the
 * first; the others (training awareness, goal guarding, refusal, the preference model's score,
 * StrongREJECT's harmfulness...) are kept as scores, and the classifier audit leaves them out
 * unless asked for by name: their scores do not measure faking (decision 0113).
 */
public final class ClassifierQuestions {
    /** Released fields that answer another question (Redwood json_outputs and osaf results). */
    static final Set<String> OTHER = Set.of("pm_score", "is_refusal_0_7", "full_goal_guarding",
            "at_least_some_goal_guarding", "training_awareness", "understands_modification", "preference_conflict",
            "deviates_for_reward", "motivated_by_modification", "made_compromise", "partial_compliance", "strong_reject");

    private ClassifierQuestions() {
    }

    /** Whether a released classifier field of this name answers another question than alignment faking. */
    public static boolean answersAnotherQuestion(String classifier) {
        return OTHER.contains(classifier);
    }

    /** The released fields that answer another question, sorted (for help texts and docs). */
    public static Set<String> otherQuestions() {
        return new TreeSet<>(OTHER);
    }
}
