package vn.motcua.dossier.feedback.domain;

/** A citizen's reaction to a published answer; more dislikes than likes makes the feedback "dissatisfied" (766). */
public enum Reaction {
    LIKE,
    DISLIKE
}
