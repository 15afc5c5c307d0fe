-- test/dedup/stories.sql: each story once, in one statement from the table
-- :tbl (id, paragraph) to the new table :result (the ids kept: one per group
-- of near-duplicates at similarity >= :sim, and every paragraph without
-- one), as in the README section "Deduplicating an archive".  Run by
-- sql/dedup.sql and test/bench/dedup_speed.sh.
CREATE TABLE :result AS
WITH fp AS MATERIALIZED (
    SELECT id, arabic_fingerprint(paragraph) AS fp FROM :tbl),
uniq AS MATERIALIZED (
    SELECT min(id) AS id, fp FROM fp WHERE cardinality(fp) > 0 GROUP BY fp),
stats AS (
    SELECT arabic_shingle_stats(fp) AS stats FROM uniq),
keys AS MATERIALIZED (
    SELECT u.id, cardinality(u.fp) AS n, k.*
    FROM uniq u, stats, arabic_similarity_keys(u.fp, stats.stats, :sim) AS k),
candidates AS (
    SELECT x.id AS a, y.id AS b
    FROM keys x JOIN keys y ON y.key = x.key
    WHERE x.indexed AND (x.n, x.id) < (y.n, y.id) AND x.n >= :sim * y.n
    GROUP BY x.id, y.id
    HAVING count(*) >= min(x.min_shared)),
pairs AS (
    SELECT c.a, c.b
    FROM candidates c JOIN uniq x ON x.id = c.a JOIN uniq y ON y.id = c.b
    WHERE arabic_similarity(x.fp, y.fp) >= :'sim'::float8
    UNION ALL
    SELECT u.id, f.id FROM fp f JOIN uniq u ON u.fp = f.fp AND u.id <> f.id),
groups AS (
    SELECT g.* FROM (SELECT arabic_groups_agg(a, b) AS m FROM pairs) s, unnest(s.m) AS g)
SELECT p.id FROM :tbl p LEFT JOIN groups g ON g.id = p.id
WHERE g.id IS NULL OR g.group_id = p.id;
