-- Issue 11 (item 1). Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).
-- A procedure version may grant a percentage off its fees when the dossier was submitted online and is paid online
-- (0..100, 0 = none); the payment request of such a dossier carries it. Existing versions grant none.
-- Each fee item's legal basis needs no column: it is one more key ("legalBasis") of the items in fees_json, and an
-- item stored before it reads as an empty legal basis.
ALTER TABLE procedure_version ADD COLUMN online_fee_discount_percent INT NOT NULL DEFAULT 0;
