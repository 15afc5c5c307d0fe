-- test/dedup/pairs.sql: every near-duplicate pair of the table :tbl (id,
-- paragraph) at similarity >= :sim into the new table :result (a, b,
-- similarity), as in the README section "Deduplicating an archive".  Run by
-- sql/dedup.sql, test/demo/demo.sql and test/bench/dedup_speed.sh:
--   \set tbl paragraphs \set result pairs \set sim 0.5 \i test/dedup/pairs.sql
CREATE TABLE :result AS
WITH fp AS MATERIALIZED (
    SELECT id, arabic_fingerprint(paragraph) AS fp FROM :tbl),
stats AS (
    SELECT arabic_shingle_stats(fp) AS stats FROM fp),
keys AS MATERIALIZED (
    SELECT fp.id, cardinality(fp.fp) AS n, k.*
    FROM fp, stats, arabic_similarity_keys(fp.fp, stats.stats, :sim) AS k),
candidates AS (
    SELECT x.id AS a, y.id AS b
    FROM keys x JOIN keys y ON y.key = x.key
    WHERE x.indexed AND (x.n, x.id) < (y.n, y.id) AND x.n >= :sim * y.n
    GROUP BY x.id, y.id
    HAVING count(*) >= min(x.min_shared))
SELECT least(c.a, c.b) AS a, greatest(c.a, c.b) AS b,
       arabic_similarity(x.fp, y.fp) AS similarity
FROM candidates c JOIN fp x ON x.id = c.a JOIN fp y ON y.id = c.b
WHERE arabic_similarity(x.fp, y.fp) >= :'sim'::float8;
