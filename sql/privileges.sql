--
-- privileges.sql: pg_arabic is a trusted extension; what each role may do
--
-- A role that may create objects in a database installs pg_arabic without
-- a superuser (like pg_trgm).  The script's objects then belong to the
-- bootstrap superuser; the installing role maintains the gazetteer, every
-- role reads it, nobody else writes it or its version stamp, and the
-- model's file path stays hidden from roles that may not read server files.
--
\set orig_db :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS pg_arabic_trusted;
DROP ROLE IF EXISTS regress_arabic_installer;
DROP ROLE IF EXISTS regress_arabic_reader;
CREATE ROLE regress_arabic_installer;
CREATE ROLE regress_arabic_reader;
CREATE DATABASE pg_arabic_trusted OWNER regress_arabic_installer
    TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C';
RESET client_min_messages;
\c pg_arabic_trusted

-- the database's owner installs it; it owns the extension, the bootstrap
-- superuser owns the tables
SET ROLE regress_arabic_installer;
CREATE EXTENSION pg_arabic;
SELECT extowner::regrole AS extension_owner FROM pg_extension WHERE extname = 'pg_arabic';
SELECT relname, relowner = 10 AS owned_by_bootstrap_superuser
FROM pg_class WHERE relname IN ('arabic_gazetteer', 'arabic_gazetteer_stamp')
ORDER BY relname;

-- the installing role maintains the gazetteer, and extraction follows it
-- (the version stamp is bumped by the SECURITY DEFINER trigger)
INSERT INTO arabic_gazetteer VALUES ('لافرنتيف', 'PERSON', 'Q1');
SELECT entity, type, key FROM arabic_entities('وصل ألكسندر لافرنتيف إلى سوتشي') ORDER BY pos;
UPDATE arabic_gazetteer SET key = 'Q2';
SELECT entity, type, key FROM arabic_entities('وصل ألكسندر لافرنتيف إلى سوتشي') ORDER BY pos;

-- names and keys are limited to 256 characters
INSERT INTO arabic_gazetteer VALUES ('سوتشي', 'LOCATION', repeat('k', 256));
SELECT length(key) AS longest_key FROM arabic_gazetteer WHERE name = 'سوتشي';
INSERT INTO arabic_gazetteer VALUES ('دمشق', 'LOCATION', repeat('k', 257));
INSERT INTO arabic_gazetteer VALUES (repeat('ب', 257), 'LOCATION', NULL);
UPDATE arabic_gazetteer SET key = repeat('ك', 300) WHERE name = 'سوتشي';

-- the trigger function that bumps the version serves the gazetteer only
CREATE TABLE other_table (x int);
CREATE TRIGGER bump AFTER INSERT ON other_table
    FOR EACH STATEMENT EXECUTE FUNCTION arabic_gazetteer_changed();
INSERT INTO other_table VALUES (1);
DROP TABLE other_table;

-- the model's path: the file name only
SELECT path FROM arabic_entity_model();

-- another role reads the gazetteer, writes neither it nor the stamp
SET ROLE regress_arabic_reader;
SELECT count(*) AS readable_rows FROM arabic_gazetteer;
INSERT INTO arabic_gazetteer VALUES ('دمشق', 'LOCATION');
DELETE FROM arabic_gazetteer;
UPDATE arabic_gazetteer_stamp SET n = 0;
SELECT count(*) AS extracted FROM arabic_entities('وصل ألكسندر لافرنتيف إلى سوتشي');

-- a superuser sees where the model file is
RESET ROLE;
SELECT path LIKE '/%/pg_arabic_ner.model' AS full_path FROM arabic_entity_model();

-- a superuser who empties the stamp by hand is told how to restore it
DELETE FROM arabic_gazetteer_stamp;
SELECT count(*) FROM arabic_entities('وصل ألكسندر لافرنتيف إلى سوتشي');
INSERT INTO arabic_gazetteer VALUES ('دمشق', 'LOCATION');
INSERT INTO arabic_gazetteer_stamp VALUES (0);
SELECT count(*) AS extracted FROM arabic_entities('وصل ألكسندر لافرنتيف إلى سوتشي');

-- the owner may drop it again
SET ROLE regress_arabic_installer;
DROP EXTENSION pg_arabic;
RESET ROLE;

\c :orig_db
SET client_min_messages = warning;
DROP DATABASE pg_arabic_trusted;
DROP ROLE regress_arabic_installer;
DROP ROLE regress_arabic_reader;
