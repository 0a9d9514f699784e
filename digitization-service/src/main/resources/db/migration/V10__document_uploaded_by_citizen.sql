-- Whether the uploader acted as a citizen (the applicant filling their own online dossier) rather than as an officer
-- (reception officer or specialist). A citizen's file may carry a valid signature of anyone (a certificate they were
-- once given, a signed letter), so it is never attached as a dossier's result or certified as a copy: only a file an
-- officer put in is. Existing rows were uploaded before the rule and count as an officer's (FALSE).
ALTER TABLE document ADD COLUMN uploaded_by_citizen BOOLEAN NOT NULL DEFAULT FALSE;
