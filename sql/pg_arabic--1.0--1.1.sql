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

-- ---------------------------------------------------------------------
-- Full-text search
-- ---------------------------------------------------------------------

-- The arabic_search parser: words as written (runs of letters, digits and
-- marks of any script, from the extension's own character tables, never the
-- database locale), everything between them as blank tokens.  Parser and
-- dictionary functions take internal arguments (PostgreSQL calls them, SQL
-- cannot); they are pure, so IMMUTABLE STRICT PARALLEL SAFE like
-- PostgreSQL's own.
CREATE FUNCTION arabic_search_start(internal, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_search_start'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_search_start(internal, integer) IS
'arabic_search text search parser: start parsing a text';

CREATE FUNCTION arabic_search_token(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_search_token'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_search_token(internal, internal, internal) IS
'arabic_search text search parser: the next token (a word as written, or the blank before it)';

CREATE FUNCTION arabic_search_end(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'arabic_search_end'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_search_end(internal) IS
'arabic_search text search parser: end parsing';

CREATE FUNCTION arabic_search_lextype(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_search_lextype'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_search_lextype(internal) IS
'arabic_search text search parser: its token types (aword, word, number, blank)';

CREATE TEXT SEARCH PARSER arabic_search (
    START = arabic_search_start,
    GETTOKEN = arabic_search_token,
    END = arabic_search_end,
    HEADLINE = pg_catalog.prsd_headline,
    LEXTYPES = arabic_search_lextype
);

COMMENT ON TEXT SEARCH PARSER arabic_search IS
'Words of Arabic text as written, the same under every locale: aword (has Arabic letters), word (other letters), number, blank (the rest)';

-- The arabic_light dictionary: search-profile normalization, proclitics and
-- article as arabic_tokens splits them (after the alef fold), a light
-- suffix stemmer and a stop list; option StopWords = true (default) | false.
CREATE FUNCTION arabic_light_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_light_init'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_light_init(internal) IS
'arabic_light text search template: read the dictionary options (StopWords)';

CREATE FUNCTION arabic_light_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_light_lexize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_light_lexize(internal, internal, internal, internal) IS
'arabic_light text search template: the lexeme of a word (none for a stop word)';

CREATE TEXT SEARCH TEMPLATE arabic_light (
    INIT = arabic_light_init,
    LEXIZE = arabic_light_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE arabic_light IS
'Arabic light stemming over the search normalization profile; option StopWords = true | false';

CREATE TEXT SEARCH DICTIONARY arabic_light (TEMPLATE = arabic_light);

COMMENT ON TEXT SEARCH DICTIONARY arabic_light IS
'Arabic words to lexemes: search normalization (every spelling it folds gives one lexeme), proclitics and article dropped, light suffix stemming, stop words dropped; Latin words lower-cased, digits as ASCII';

CREATE TEXT SEARCH CONFIGURATION arabic_search (PARSER = arabic_search);

ALTER TEXT SEARCH CONFIGURATION arabic_search
    ADD MAPPING FOR aword, word, number WITH arabic_light;

COMMENT ON TEXT SEARCH CONFIGURATION arabic_search IS
'Full-text search of Arabic news text that matches every spelling the search normalization profile folds; arabic_search parser, arabic_light dictionary';

-- Hardening of normalization (issue 14: long mark runs, controls, ZWJ in
-- emoji).  The C functions changed behaviour, not signature; only this
-- comment says more.
COMMENT ON FUNCTION arabic_normalize_unicode(text) IS
'the Unicode part of the display profile: presentation forms and ligatures folded, NFC (at most 30 combining marks after a character), zero-width and bidi controls and C0/C1 control characters other than tab and line breaks removed (ZWJ kept inside emoji sequences), spaces unified (line breaks kept), trimmed';

-- ---------------------------------------------------------------------
-- Citus (issue 11): the gazetteer on every node, an IMMUTABLE extraction
-- without it, and costs measured per call (test/bench/costs.sh)
-- ---------------------------------------------------------------------

-- VOLATILE: it changes the cluster.  Run once, on the coordinator.
CREATE FUNCTION arabic_gazetteer_distribute()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    gaz text := (SELECT format('%I.arabic_gazetteer', n.nspname)
                 FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                 WHERE e.extname = 'pg_arabic');
    unsafe text;
BEGIN
    IF to_regproc('pg_catalog.create_reference_table') IS NULL THEN
        RAISE EXCEPTION 'Citus is not installed in this database'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Without Citus the gazetteer needs no distribution; with it, run CREATE EXTENSION citus first.';
    END IF;
    IF EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = gaz::regclass) THEN
        RAISE NOTICE 'arabic_gazetteer is already a Citus reference table';
        RETURN;
    END IF;
    -- Citus copies a table's triggers (the row check, the version stamp)
    -- to its placements only when allowed; allowed here, for this call only
    unsafe := current_setting('citus.enable_unsafe_triggers');
    PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
    PERFORM create_reference_table(gaz::regclass);
    PERFORM set_config('citus.enable_unsafe_triggers', unsafe, true);
END
$$;

COMMENT ON FUNCTION arabic_gazetteer_distribute() IS
'Citus: makes arabic_gazetteer a reference table, copied to every node in one transaction with each change, so arabic_entities() tags with the same gazetteer on every shard; run once on the coordinator (the coordinator must be a node: citus_set_coordinator_host)';

-- IMMUTABLE: the model and its built-in gazetteers change only with the
-- extension's files (like normalization with ICU); no table is read.
CREATE FUNCTION arabic_builtin_entities(input text,
    OUT entity text, OUT type text, OUT pos int, OUT len int, OUT key text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_builtin_entities'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 8;

COMMENT ON FUNCTION arabic_builtin_entities(text) IS
'arabic_entities() without the user gazetteer (arabic_gazetteer): the model and its built-in names only; IMMUTABLE, so Citus pushes INSERT ... SELECT ... LATERAL arabic_builtin_entities() down to co-located shards';

-- Costs per call from test/bench/costs.sh (COST 1 is one call of a cheap
-- built-in operator, the planner's cpu_operator_cost; paragraphs of 315
-- characters on average): normalizing ~150, fingerprinting a text or
-- comparing one with a constant ~1,000, extracting entities ~20,000 with
-- about 3 rows.  With COST 1 the planner took these for free and chose a
-- sequential scan over a GIN or GiST index on small tables (Citus shards).
ALTER FUNCTION arabic_normalize(text, text) COST 150;
ALTER FUNCTION arabic_normalize_unicode(text) COST 150;
ALTER FUNCTION arabic_strip_diacritics(text) COST 150;
ALTER FUNCTION arabic_strip_tatweel(text) COST 150;
ALTER FUNCTION arabic_normalize_alef(text) COST 150;
ALTER FUNCTION arabic_normalize_yeh(text) COST 150;
ALTER FUNCTION arabic_normalize_teh_marbuta(text) COST 150;
ALTER FUNCTION arabic_normalize_hamza(text) COST 150;
ALTER FUNCTION arabic_normalize_farsi(text) COST 150;
ALTER FUNCTION arabic_normalize_digits(text) COST 150;
ALTER FUNCTION arabic_normalize_punctuation(text) COST 150;
ALTER FUNCTION arabic_tokens(text, text) COST 1500;
ALTER FUNCTION arabic_paragraphs(text) COST 250 ROWS 4;
ALTER FUNCTION arabic_fingerprint(text) COST 1000;
ALTER FUNCTION arabic_similarity(text, text) COST 1000;
ALTER FUNCTION arabic_containment(text, text) COST 1000;
ALTER FUNCTION arabic_distance(text, text) COST 1000;
ALTER FUNCTION arabic_similarity(int4[], int4[]) COST 150;
ALTER FUNCTION arabic_containment(int4[], int4[]) COST 150;
ALTER FUNCTION arabic_similar_op(text, text) COST 1000;
ALTER FUNCTION arabic_inside_op(text, text) COST 1000;
ALTER FUNCTION arabic_contains_op(text, text) COST 1000;
ALTER FUNCTION arabic_entities(text) COST 20000 ROWS 3;
ALTER FUNCTION arabic_builtin_entities(text) COST 20000 ROWS 3;
ALTER FUNCTION arabic_entity_key(text) COST 100;

-- ====================================================================
-- Deduplicating an archive: near-duplicate pairs and groups of a whole
-- table as ordinary joins and aggregates (prefix filtering on a global
-- shingle order), so that they run in parallel and pushed down on Citus.
-- See src/dedup.c and the README section "Deduplicating an archive".
-- ====================================================================

-- The sketch of how many fingerprints hold each shingle.  The support
-- functions take or return internal: only the aggregate calls them.
CREATE FUNCTION arabic_shingle_stats_add(internal, int4[])
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_shingle_stats_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION arabic_shingle_stats_add(internal, int4[]) IS
'transition function of arabic_shingle_stats()';

CREATE FUNCTION arabic_shingle_stats_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_shingle_stats_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION arabic_shingle_stats_combine(internal, internal) IS
'combine function of arabic_shingle_stats(): adds two sketches';

CREATE FUNCTION arabic_shingle_stats_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'arabic_shingle_stats_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_shingle_stats_serialize(internal) IS
'final and serial function of arabic_shingle_stats(): the sketch as bytea';

CREATE FUNCTION arabic_shingle_stats_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_shingle_stats_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_shingle_stats_deserialize(bytea, internal) IS
'deserial function of arabic_shingle_stats()';

CREATE AGGREGATE arabic_shingle_stats(fingerprint int4[]) (
    SFUNC = arabic_shingle_stats_add,
    STYPE = internal,
    SSPACE = 4194352,
    FINALFUNC = arabic_shingle_stats_serialize,
    COMBINEFUNC = arabic_shingle_stats_combine,
    SERIALFUNC = arabic_shingle_stats_serialize,
    DESERIALFUNC = arabic_shingle_stats_deserialize,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE arabic_shingle_stats(int4[]) IS
'a fixed-size (4 MB) count-min sketch of how many of the fingerprints hold each shingle hash, for arabic_similarity_keys() and arabic_containment_keys(); NULL fingerprints are skipped, no rows give NULL';

-- The prefix-filter keys of one fingerprint: pure functions of their
-- arguments (the threshold is an argument, not the setting).
CREATE FUNCTION arabic_similarity_keys(fingerprint int4[], stats bytea,
    threshold real DEFAULT 0.5, OUT key int4, OUT indexed bool, OUT min_shared int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_similarity_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 10 ROWS 25;

COMMENT ON FUNCTION arabic_similarity_keys(int4[], bytea, real) IS
'prefix-filter keys for the near-duplicate join at similarity >= threshold: the first |x| - ceil(threshold |x|) + 2 hashes of the fingerprint, rarest first by the sketch; indexed marks the first |x| - ceil(2 threshold / (1 + threshold) |x|) + 2. Two fingerprints reach the threshold only if at least min_shared indexed keys of the smaller one (by size, then id) are keys of the other';

CREATE FUNCTION arabic_containment_keys(fingerprint int4[], stats bytea,
    threshold real DEFAULT 0.7, OUT key int4, OUT min_shared int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_containment_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 10 ROWS 15;

COMMENT ON FUNCTION arabic_containment_keys(int4[], bytea, real) IS
'prefix-filter keys for the containment join: the first |a| - ceil(threshold |a|) + 2 hashes of the fingerprint, rarest first by the sketch. a stands inside b at containment >= threshold only if at least min_shared of these keys are hashes of b';

-- Groups from pairs as they arrive.
CREATE TYPE arabic_group_member AS (id bigint, group_id bigint);

COMMENT ON TYPE arabic_group_member IS
'one id and its group (the smallest id of its connected component), an element of what arabic_groups_agg() returns';

CREATE FUNCTION arabic_groups_add(internal, bigint, bigint)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_groups_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION arabic_groups_add(internal, bigint, bigint) IS
'transition function of arabic_groups_agg()';

CREATE FUNCTION arabic_groups_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_groups_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION arabic_groups_combine(internal, internal) IS
'combine function of arabic_groups_agg(): merges two sets of groups';

CREATE FUNCTION arabic_groups_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'arabic_groups_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_groups_serialize(internal) IS
'serial function of arabic_groups_agg(): (id, group) pairs';

CREATE FUNCTION arabic_groups_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'arabic_groups_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_groups_deserialize(bytea, internal) IS
'deserial function of arabic_groups_agg()';

CREATE FUNCTION arabic_groups_final(internal)
RETURNS arabic_group_member[]
AS 'MODULE_PATHNAME', 'arabic_groups_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION arabic_groups_final(internal) IS
'final function of arabic_groups_agg(): every id with its group, sorted by id';

CREATE AGGREGATE arabic_groups_agg(a bigint, b bigint) (
    SFUNC = arabic_groups_add,
    STYPE = internal,
    SSPACE = 64,
    FINALFUNC = arabic_groups_final,
    COMBINEFUNC = arabic_groups_combine,
    SERIALFUNC = arabic_groups_serialize,
    DESERIALFUNC = arabic_groups_deserialize,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE arabic_groups_agg(bigint, bigint) IS
'connected components of the pairs (a, b) as they arrive (union-find, 20 to 40 bytes per distinct id): every id with the smallest id of its group, as arabic_group_member[] sorted by id (unnest() gives rows); pairs with a NULL are skipped, no pairs give NULL';
