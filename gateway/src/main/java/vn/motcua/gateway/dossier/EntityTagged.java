package vn.motcua.gateway.dossier;

/**
 * An answer that is one versioned resource (a dossier, a payment): {@link EntityTagFilter} sends its tag as ETag, so
 * one filter serves every such resource and the tags cannot drift apart in format.
 */
public interface EntityTagged {

    /** The strong entity tag of this revision ({@link EntityTags#of}), as sent in ETag and expected in If-Match. */
    String entityTag();
}
