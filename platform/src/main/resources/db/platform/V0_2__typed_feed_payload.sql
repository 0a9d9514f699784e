-- Feed payloads are protobuf messages declared in proto/ (option motcua.feed.v1.feed_event): the outbox keeps the
-- message's full name (e.g. motcua.dossier.v1.DossierChanged) and its serialized bytes instead of a JSON text.
-- Events already written as JSON cannot be served as typed messages, so they are retired the way retention retires
-- events: min_retained_seq moves past them, and a consumer whose cursor is older gets CURSOR_EXPIRED (and rebuilds)
-- instead of a silent gap. Seq allocation (ADR 0001) is untouched: last_seq keeps counting from where it was.
UPDATE feed_counter SET min_retained_seq = last_seq + 1 WHERE id = 1;
DELETE FROM feed_outbox;

ALTER TABLE feed_outbox DROP COLUMN payload_json;
ALTER TABLE feed_outbox ADD COLUMN payload_type VARCHAR(255) NOT NULL;
ALTER TABLE feed_outbox ADD COLUMN payload MEDIUMBLOB NOT NULL;
