/* sql/pg_arabic--1.1.sql: pg_arabic 1.1 (unreleased; edited in place until 1.1 ships; 1.0 users run pg_arabic--1.0--1.1.sql) */

\echo Use "CREATE EXTENSION pg_arabic" to load this file. \quit

-- Refuse non-UTF8 databases up front: every function would refuse anyway.
DO $$
BEGIN
    IF pg_catalog.current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'pg_arabic requires a UTF8 database, but this database uses %',
            pg_catalog.current_setting('server_encoding')
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Create the database with ENCODING ''UTF8'' (for example CREATE DATABASE news ENCODING ''UTF8'' TEMPLATE template0) and install pg_arabic there.';
    END IF;
END
$$;

-- Every function here is a pure function of its arguments: classes come
-- from the extension's own tables and the server's ICU, never from the
-- database locale.  Hence IMMUTABLE (usable in indexes and generated
-- columns), STRICT (NULL in, NULL out) and PARALLEL SAFE.

CREATE FUNCTION arabic_normalize(input text, profile text DEFAULT 'search')
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize(text, text) IS
'normalize Arabic text under a profile: display, search (default) or camel; see arabic_profiles()';

CREATE FUNCTION arabic_normalize_unicode(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_unicode'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_unicode(text) IS
'the Unicode part of the display profile: presentation forms and ligatures folded, NFC, zero-width and bidi controls removed, spaces unified (line breaks kept), trimmed';

CREATE FUNCTION arabic_strip_diacritics(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_strip_diacritics'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_strip_diacritics(text) IS
'remove Arabic diacritics: harakat U+064B-065F, superscript alef U+0670, Quranic marks U+0610-061A and U+06D6-06ED, extended marks U+08D3-08FF';

CREATE FUNCTION arabic_strip_tatweel(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_strip_tatweel'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_strip_tatweel(text) IS
'remove tatweel (kashida, U+0640)';

CREATE FUNCTION arabic_normalize_alef(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_alef'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_alef(text) IS
'fold alef with hamza above or below, alef with madda and alef wasla (أ إ آ ٱ) to bare alef (ا)';

CREATE FUNCTION arabic_normalize_yeh(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_yeh'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_yeh(text) IS
'fold alef maksura (ى) to yeh (ي)';

CREATE FUNCTION arabic_normalize_teh_marbuta(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_teh_marbuta'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_teh_marbuta(text) IS
'fold teh marbuta (ة) to heh (ه)';

CREATE FUNCTION arabic_normalize_hamza(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_hamza'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_hamza(text) IS
'fold hamza seats: ؤ to و, ئ to ي, أ and إ to ا (lone hamza ء is kept)';

CREATE FUNCTION arabic_normalize_farsi(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_farsi'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_farsi(text) IS
'fold Persian and Urdu letter forms to Arabic: keheh ک to ك, farsi yeh ی to ي, heh goal ہ to ه';

CREATE FUNCTION arabic_normalize_digits(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_digits'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_digits(text) IS
'fold Arabic-Indic (٠-٩) and extended Arabic-Indic (۰-۹) digits to ASCII 0-9';

CREATE FUNCTION arabic_normalize_punctuation(input text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize_punctuation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize_punctuation(text) IS
'fold Arabic punctuation to ASCII (، ؛ ؟ ٪ ٫ ٬ ۔ to , ; ? % . , .), double quote styles (“ ” „ « » ″ ...) to " and single ones (‘ ’ ‹ › ′ ...) to ''';

CREATE FUNCTION arabic_tokens(input text, profile text DEFAULT 'search')
RETURNS text[]
AS 'MODULE_PATHNAME', 'arabic_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_tokens(text, text) IS
'the normalized words of a text; proclitics (و ف ب ك ل) and the article (ال) are separate elements ending in +, e.g. وبالمدينة gives {و+,ب+,ال+,مدينه}';

CREATE FUNCTION arabic_profiles(OUT profile text, OUT description text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_profiles'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 3;

COMMENT ON FUNCTION arabic_profiles() IS
'the normalization profiles and what each does';

CREATE FUNCTION arabic_version()
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_version() IS
'version of the loaded pg_arabic library';

-- STABLE, not IMMUTABLE: the answer changes when the server is upgraded to
-- another ICU, which is exactly when normalized indexes need a REINDEX.
CREATE FUNCTION arabic_icu_version()
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_icu_version'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_icu_version() IS
'version of the ICU library pg_arabic normalizes with; indexes on normalized text need a REINDEX when it changes';

-- A trigger function: VOLATILE like every trigger; it only changes the row
-- being written.
CREATE FUNCTION arabic_normalize_trigger()
RETURNS trigger
AS 'MODULE_PATHNAME', 'arabic_normalize_trigger'
LANGUAGE C;

COMMENT ON FUNCTION arabic_normalize_trigger() IS
'BEFORE INSERT OR UPDATE row trigger: arabic_normalize_trigger(profile, column, ...) normalizes columns in place; source:target writes the normalized copy to another column';

-- ---------------------------------------------------------------------
-- Near-duplicate paragraphs
-- ---------------------------------------------------------------------

CREATE FUNCTION arabic_paragraphs(doc text, OUT n int, OUT paragraph text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_paragraphs'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 8;

COMMENT ON FUNCTION arabic_paragraphs(text) IS
'split a document into paragraphs at line breaks and bullet markers (•), trimmed, empty ones dropped, numbered from 1';

CREATE FUNCTION arabic_fingerprint(input text)
RETURNS int4[]
AS 'MODULE_PATHNAME', 'arabic_fingerprint'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_fingerprint(text) IS
'the sorted hashes of the word shingles (consecutive stems after search normalization) that arabic_similarity() and arabic_containment() compare';

CREATE FUNCTION arabic_similarity(a text, b text)
RETURNS real
AS 'MODULE_PATHNAME', 'arabic_similarity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_similarity(text, text) IS
'near-duplicate similarity in [0, 1]: Jaccard similarity of the word-shingle fingerprints; 1 for texts equal after search normalization, 0 when either has no words';

CREATE FUNCTION arabic_similarity(a int4[], b int4[])
RETURNS real
AS 'MODULE_PATHNAME', 'arabic_similarity_fp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_similarity(int4[], int4[]) IS
'arabic_similarity() on stored fingerprints (arabic_fingerprint())';

CREATE FUNCTION arabic_containment(a text, b text)
RETURNS real
AS 'MODULE_PATHNAME', 'arabic_containment'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_containment(text, text) IS
'how much of a stands in b, in [0, 1]: the share of a''s word shingles found in b; near 1 when a is a paragraph inside a longer merged b';

CREATE FUNCTION arabic_containment(a int4[], b int4[])
RETURNS real
AS 'MODULE_PATHNAME', 'arabic_containment_fp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_containment(int4[], int4[]) IS
'arabic_containment() on stored fingerprints (arabic_fingerprint())';

CREATE FUNCTION arabic_distance(a text, b text)
RETURNS real
AS 'MODULE_PATHNAME', 'arabic_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_distance(text, text) IS
'1 - arabic_similarity(a, b): the <~> operator, for ORDER BY ... LIMIT k with a GiST index';

-- The boolean operators compare with a threshold setting, so they are
-- STABLE: their answer changes when the setting does.
CREATE FUNCTION arabic_similar_op(a text, b text)
RETURNS bool
AS 'MODULE_PATHNAME', 'arabic_similar_op'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_similar_op(text, text) IS
'implementation of ~=: arabic_similarity(a, b) >= pg_arabic.similarity_threshold (and > 0)';

CREATE FUNCTION arabic_inside_op(a text, b text)
RETURNS bool
AS 'MODULE_PATHNAME', 'arabic_inside_op'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_inside_op(text, text) IS
'implementation of <@~: arabic_containment(a, b) >= pg_arabic.containment_threshold (and > 0)';

CREATE FUNCTION arabic_contains_op(a text, b text)
RETURNS bool
AS 'MODULE_PATHNAME', 'arabic_contains_op'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_contains_op(text, text) IS
'implementation of ~@>: arabic_containment(b, a) >= pg_arabic.containment_threshold (and > 0)';

CREATE OPERATOR ~= (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = arabic_similar_op,
    COMMUTATOR = ~=,
    RESTRICT = matchingsel, JOIN = matchingjoinsel
);

COMMENT ON OPERATOR ~= (text, text) IS
'is a near-duplicate of: arabic_similarity() >= pg_arabic.similarity_threshold';

CREATE OPERATOR <~> (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = arabic_distance,
    COMMUTATOR = <~>
);

COMMENT ON OPERATOR <~> (text, text) IS
'near-duplicate distance: 1 - arabic_similarity()';

CREATE OPERATOR <@~ (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = arabic_inside_op,
    COMMUTATOR = ~@>,
    RESTRICT = matchingsel, JOIN = matchingjoinsel
);

COMMENT ON OPERATOR <@~ (text, text) IS
'stands inside: arabic_containment(left, right) >= pg_arabic.containment_threshold';

CREATE OPERATOR ~@> (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = arabic_contains_op,
    COMMUTATOR = <@~,
    RESTRICT = matchingsel, JOIN = matchingjoinsel
);

COMMENT ON OPERATOR ~@> (text, text) IS
'contains: arabic_containment(right, left) >= pg_arabic.containment_threshold';

-- GIN: the keys of a text are its fingerprint hashes.
CREATE FUNCTION gin_arabic_extract_value(text, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gin_arabic_extract_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_arabic_extract_query(text, internal, int2, internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gin_arabic_extract_query'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_arabic_consistent(internal, int2, text, int4, internal, internal, internal, internal)
RETURNS bool
AS 'MODULE_PATHNAME', 'gin_arabic_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_arabic_triconsistent(internal, int2, text, int4, internal, internal, internal)
RETURNS "char"
AS 'MODULE_PATHNAME', 'gin_arabic_triconsistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION gin_arabic_extract_value(text, internal) IS 'GIN support for gin_arabic_ops';
COMMENT ON FUNCTION gin_arabic_extract_query(text, internal, int2, internal, internal, internal, internal) IS 'GIN support for gin_arabic_ops';
COMMENT ON FUNCTION gin_arabic_consistent(internal, int2, text, int4, internal, internal, internal, internal) IS 'GIN support for gin_arabic_ops';
COMMENT ON FUNCTION gin_arabic_triconsistent(internal, int2, text, int4, internal, internal, internal) IS 'GIN support for gin_arabic_ops';

CREATE OPERATOR CLASS gin_arabic_ops
FOR TYPE text USING gin
AS
    OPERATOR 1 ~= (text, text),
    OPERATOR 2 ~@> (text, text),
    OPERATOR 3 <@~ (text, text),
    FUNCTION 1 btint4cmp(int4, int4),
    FUNCTION 2 gin_arabic_extract_value(text, internal),
    FUNCTION 3 gin_arabic_extract_query(text, internal, int2, internal, internal, internal, internal),
    FUNCTION 4 gin_arabic_consistent(internal, int2, text, int4, internal, internal, internal, internal),
    FUNCTION 6 gin_arabic_triconsistent(internal, int2, text, int4, internal, internal, internal),
    STORAGE int4;

COMMENT ON OPERATOR CLASS gin_arabic_ops USING gin IS
'GIN index over word-shingle fingerprints: accelerates ~= (near-duplicate), ~@> (contains) and <@~ (stands inside)';

CREATE FUNCTION arabic_duplicate_groups(a bigint[], b bigint[], OUT id bigint, OUT group_id bigint)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_duplicate_groups'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 100;

COMMENT ON FUNCTION arabic_duplicate_groups(bigint[], bigint[]) IS
'groups of near-duplicates: given pairs (a[i], b[i]), every id that appears with the smallest id of its connected component as group_id';

-- GiST: leaf keys are fingerprints (sorted hashes; a 4096-bit signature for
-- fingerprints over 512 hashes), inner keys 4096-bit signatures; every key
-- keeps the range of fingerprint sizes below it.  See src/similarity_gist.c.
CREATE TYPE arabic_gist_key;

CREATE FUNCTION arabic_gist_key_in(cstring)
RETURNS arabic_gist_key
AS 'MODULE_PATHNAME', 'arabic_gist_key_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_gist_key_out(arabic_gist_key)
RETURNS cstring
AS 'MODULE_PATHNAME', 'arabic_gist_key_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE arabic_gist_key (
    INTERNALLENGTH = -1,
    INPUT = arabic_gist_key_in,
    OUTPUT = arabic_gist_key_out,
    ALIGNMENT = int4,
    STORAGE = plain
);

COMMENT ON TYPE arabic_gist_key IS 'storage of gist_arabic_ops index keys (internal)';
COMMENT ON FUNCTION arabic_gist_key_in(cstring) IS 'input of arabic_gist_key: always an error, the type is internal';
COMMENT ON FUNCTION arabic_gist_key_out(arabic_gist_key) IS 'output of arabic_gist_key: a short summary of an index key';

CREATE FUNCTION gist_arabic_consistent(internal, text, int2, oid, internal)
RETURNS bool
AS 'MODULE_PATHNAME', 'gist_arabic_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_union(internal, internal)
RETURNS arabic_gist_key
AS 'MODULE_PATHNAME', 'gist_arabic_union'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_compress(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gist_arabic_compress'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_decompress(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gist_arabic_decompress'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_penalty(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gist_arabic_penalty'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_picksplit(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gist_arabic_picksplit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_same(arabic_gist_key, arabic_gist_key, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'gist_arabic_same'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gist_arabic_distance(internal, text, int2, oid, internal)
RETURNS float8
AS 'MODULE_PATHNAME', 'gist_arabic_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION gist_arabic_consistent(internal, text, int2, oid, internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_union(internal, internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_compress(internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_decompress(internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_penalty(internal, internal, internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_picksplit(internal, internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_same(arabic_gist_key, arabic_gist_key, internal) IS 'GiST support for gist_arabic_ops';
COMMENT ON FUNCTION gist_arabic_distance(internal, text, int2, oid, internal) IS 'GiST support for gist_arabic_ops';

CREATE OPERATOR CLASS gist_arabic_ops
FOR TYPE text USING gist
AS
    OPERATOR 1 ~= (text, text),
    OPERATOR 2 ~@> (text, text),
    OPERATOR 3 <@~ (text, text),
    OPERATOR 4 <~> (text, text) FOR ORDER BY pg_catalog.float_ops,
    FUNCTION 1 gist_arabic_consistent(internal, text, int2, oid, internal),
    FUNCTION 2 gist_arabic_union(internal, internal),
    FUNCTION 3 gist_arabic_compress(internal),
    FUNCTION 4 gist_arabic_decompress(internal),
    FUNCTION 5 gist_arabic_penalty(internal, internal, internal),
    FUNCTION 6 gist_arabic_picksplit(internal, internal),
    FUNCTION 7 gist_arabic_same(arabic_gist_key, arabic_gist_key, internal),
    FUNCTION 8 gist_arabic_distance(internal, text, int2, oid, internal),
    STORAGE arabic_gist_key;

COMMENT ON OPERATOR CLASS gist_arabic_ops USING gist IS
'GiST index over word-shingle fingerprints (exact on leaves, 4096-bit signatures above): accelerates ~= (near-duplicate), ~@> (contains), <@~ (stands inside) and ORDER BY <~> (nearest paragraphs)';

-- ---------------------------------------------------------------------
-- Entity extraction
-- ---------------------------------------------------------------------

-- The user gazetteer: names that are always tagged with their type and key
-- (aliases share a key), or never tagged (type IGNORE).  Kept by pg_dump.
CREATE TABLE arabic_gazetteer (
    name text NOT NULL PRIMARY KEY,
    type text NOT NULL
        CONSTRAINT arabic_gazetteer_type_check
        CHECK (type IN ('PERSON', 'LOCATION', 'ORGANIZATION', 'MISC', 'IGNORE')),
    key  text
);

COMMENT ON TABLE arabic_gazetteer IS
'Names arabic_entities() always tags with the given type and key (key NULL: arabic_entity_key(name)); type IGNORE stops the tagger tagging a name. Names and keys of at most 256 characters. Cached by each backend and read again by the first statement that sees a change; kept by pg_dump';

SELECT pg_catalog.pg_extension_config_dump('arabic_gazetteer', '');
GRANT SELECT ON arabic_gazetteer TO PUBLIC;
-- pg_arabic is trusted: a role with CREATE on the database may install it,
-- and the script's objects then belong to the bootstrap superuser.  The
-- installing role (the extension's owner) maintains the gazetteer.
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON arabic_gazetteer TO @extowner@;

CREATE FUNCTION arabic_gazetteer_check()
RETURNS trigger
AS 'MODULE_PATHNAME', 'arabic_gazetteer_check'
LANGUAGE C;

COMMENT ON FUNCTION arabic_gazetteer_check() IS
'Trigger of arabic_gazetteer: refuses unknown entity types, names of no word or of more than six words, and names or keys of more than 256 characters, with a hint';

CREATE TRIGGER arabic_gazetteer_check
    BEFORE INSERT OR UPDATE ON arabic_gazetteer
    FOR EACH ROW EXECUTE FUNCTION arabic_gazetteer_check();

-- The gazetteer's version: one row that every statement changing
-- arabic_gazetteer rewrites, so that each backend keeps its copy of the
-- gazetteer until a statement's snapshot sees a newer version.  Not dumped:
-- CREATE EXTENSION makes it anew.
CREATE TABLE arabic_gazetteer_stamp (
    n bigint NOT NULL
);
INSERT INTO arabic_gazetteer_stamp VALUES (0);
GRANT SELECT ON arabic_gazetteer_stamp TO PUBLIC;

COMMENT ON TABLE arabic_gazetteer_stamp IS
'Version of arabic_gazetteer (internal): one row, rewritten by every statement that changes the gazetteer; arabic_entities() reads the gazetteer again when the version it sees differs from its cached one';

-- SECURITY DEFINER: roles that may change the gazetteer need no right on
-- the stamp; it only bumps the counter (schema-qualified, fixed path).
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

-- STABLE, not IMMUTABLE: the result depends on the rows of arabic_gazetteer.
CREATE FUNCTION arabic_entities(input text,
    OUT entity text, OUT type text, OUT pos int, OUT len int, OUT key text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_entities'
LANGUAGE C STABLE STRICT PARALLEL SAFE
ROWS 8;

COMMENT ON FUNCTION arabic_entities(text) IS
'People (PERSON), places (LOCATION), organizations (ORGANIZATION) and other names (MISC) in the text: cleaned mention, type, 1-based character position and length of the mention as written (proclitics included), and join key (arabic_entity_key, or the arabic_gazetteer row''s key)';

-- STABLE: it reads the model file installed with the extension.
CREATE FUNCTION arabic_entity_model(OUT path text, OUT bytes bigint,
    OUT features int, OUT gazetteer_keys int)
RETURNS record
AS 'MODULE_PATHNAME', 'arabic_entity_model'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_entity_model() IS
'The entity model this backend uses: file path (the file name only, unless the role may read server files), size, number of features and of built-in gazetteer keys (loads it if needed)';

CREATE FUNCTION arabic_entity_key(name text)
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_entity_key'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_entity_key(text) IS
'Join key of a name: one key for its spelling variants (letter forms, diacritics, tatweel, doubled letters, the vowel letters transliterations add or drop), different keys for different names (سعد/سعيد, محمد/محمود)';

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
