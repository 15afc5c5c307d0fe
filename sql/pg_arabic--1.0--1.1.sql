/* sql/pg_arabic--1.0--1.1.sql: upgrade pg_arabic 1.0 to 1.1 (unreleased; edited in place until 1.1 ships) */

\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '1.1'" to load this file. \quit

-- Every change to the SQL surface between 1.0 and 1.1 is made twice: here,
-- and in sql/pg_arabic--1.1.sql (the fresh install).  sql/upgrade.sql checks
-- that both paths give the same objects.

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
