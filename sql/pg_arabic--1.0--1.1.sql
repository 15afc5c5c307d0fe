/* sql/pg_arabic--1.0--1.1.sql: upgrade pg_arabic 1.0 to 1.1 (unreleased; edited in place until 1.1 ships) */

\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '1.1'" to load this file. \quit

-- Every change to the SQL surface between 1.0 and 1.1 is made twice: here,
-- and in sql/pg_arabic--1.1.sql (the fresh install).  sql/upgrade.sql checks
-- that both paths give the same objects.

-- ---------------------------------------------------------------------
-- Hardening (issue 14): the user gazetteer is cached per backend and
-- read again only after a change; names and keys are limited in length;
-- the model's path is shown only to roles that may read server files
-- ---------------------------------------------------------------------

COMMENT ON TABLE arabic_gazetteer IS
'Names arabic_entities() always tags with the given type and key (key NULL: arabic_entity_key(name)); type IGNORE stops the tagger tagging a name. Names and keys of at most 256 characters. Cached by each backend and read again by the first statement that sees a change; kept by pg_dump';

COMMENT ON FUNCTION arabic_gazetteer_check() IS
'Trigger of arabic_gazetteer: refuses unknown entity types, names of no word or of more than six words, and names or keys of more than 256 characters, with a hint';

CREATE TABLE arabic_gazetteer_stamp (
    n bigint NOT NULL
);
INSERT INTO arabic_gazetteer_stamp VALUES (0);
GRANT SELECT ON arabic_gazetteer_stamp TO PUBLIC;

COMMENT ON TABLE arabic_gazetteer_stamp IS
'Version of arabic_gazetteer (internal): one row, rewritten by every statement that changes the gazetteer; arabic_entities() reads the gazetteer again when the version it sees differs from its cached one';

CREATE FUNCTION arabic_gazetteer_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'arabic_gazetteer_changed'
LANGUAGE C SECURITY DEFINER
SET search_path = pg_catalog, pg_temp;

COMMENT ON FUNCTION arabic_gazetteer_changed() IS
'Trigger of arabic_gazetteer: after each statement that changes it, bumps the version in arabic_gazetteer_stamp so every backend reads the gazetteer again';

CREATE TRIGGER arabic_gazetteer_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON arabic_gazetteer
    FOR EACH STATEMENT EXECUTE FUNCTION arabic_gazetteer_changed();

COMMENT ON FUNCTION arabic_entity_model() IS
'The entity model this backend uses: file path (the file name only, unless the role may read server files), size, number of features and of built-in gazetteer keys (loads it if needed)';

-- pg_arabic is trusted from 1.1 on: the role that installs (or updates)
-- the extension maintains its gazetteer even when the script's objects
-- belong to the bootstrap superuser
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON arabic_gazetteer TO @extowner@;
