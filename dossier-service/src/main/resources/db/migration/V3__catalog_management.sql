-- Catalogue management (CatalogService): drafts carry their own receiving units, publication and withdrawal are
-- recorded on the version. Portable between MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL): utf8mb4, no
-- server-specific collations; instants are DATETIME(6) UTC written through UtcTimestamps.

-- Where a version is received and which unit decides it there. procedure_unit stays the one-stop listing of the
-- current published version; publishing a version rewrites it from these rows.
CREATE TABLE procedure_version_unit (
    procedure_code      VARCHAR(40) NOT NULL,
    version             INT         NOT NULL,
    unit_code           VARCHAR(32) NOT NULL,
    competent_unit_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (procedure_code, version, unit_code)
) DEFAULT CHARSET = utf8mb4;

-- Who created, published and withdrew a version, and when the publication was entered into the system (Decision
-- 766 indicator 1.2 compares it with the decision date). Token subjects only; the reason is never put on the feed.
ALTER TABLE procedure_version ADD COLUMN created_at DATETIME(6);
ALTER TABLE procedure_version ADD COLUMN created_by VARCHAR(64);
ALTER TABLE procedure_version ADD COLUMN published_at DATETIME(6);
ALTER TABLE procedure_version ADD COLUMN published_by VARCHAR(64);
ALTER TABLE procedure_version ADD COLUMN withdrawn_at DATETIME(6);
ALTER TABLE procedure_version ADD COLUMN withdrawn_by VARCHAR(64);
ALTER TABLE procedure_version ADD COLUMN withdrawal_reason VARCHAR(1000);

-- Versions published before this migration: their receiving units are those of the one-stop listing. (The demo
-- seed, db/demo V1000, runs after this file on a fresh database; the repository falls back to procedure_unit for
-- released versions without rows of their own.)
INSERT INTO procedure_version_unit (procedure_code, version, unit_code, competent_unit_code)
SELECT pu.procedure_code, p.version, pu.unit_code, pu.competent_unit_code
FROM procedure_unit pu
JOIN procedure_version p ON p.code = pu.procedure_code
WHERE p.state = 'PUBLISHED'
  AND p.version = (SELECT MAX(v.version) FROM procedure_version v WHERE v.code = p.code AND v.state = 'PUBLISHED');
