-- digitization-service owns its schema; its business tables (digitized documents, results, e-data warehouse links) come with the
-- digitization issue. This records which schema generation the service runs, for operators.
CREATE TABLE service_info (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    value VARCHAR(255) NOT NULL
) DEFAULT CHARSET = utf8mb4;
INSERT INTO service_info (name, value) VALUES ('schema', 'digitization-service v1');
