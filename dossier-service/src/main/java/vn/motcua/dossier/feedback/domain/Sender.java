package vn.motcua.dossier.feedback.domain;

/**
 * Who sent a feedback (Decree 20/2008 Art 7: name, address, contact). Personal data: shown to the sender and the
 * unit's TTHC controllers only, never on public listings nor on the change feed.
 *
 * @param citizenId the sender's CCCD from the token when a citizen filed it online; null when an officer recorded
 *                  a written or phoned-in feedback. Kept privately, only to let the sender find it again.
 */
public record Sender(String name, String address, String contact, String citizenId) {}
