-- test/dedup/inside.sql: every paragraph of the table :tbl (id, paragraph)
-- inside another at containment >= :inside into the new table :result
-- (a inside b), as in the README section "Deduplicating an archive".  Run by
-- sql/dedup.sql and test/bench/dedup_speed.sh.
CREATE TABLE :result AS
WITH fp AS MATERIALIZED (
    SELECT id, arabic_fingerprint(paragraph) AS fp FROM :tbl),
stats AS (
    SELECT arabic_shingle_stats(fp) AS stats FROM fp),
probe AS MATERIALIZED (
    SELECT fp.id, cardinality(fp.fp) AS n, k.*
    FROM fp, stats, arabic_containment_keys(fp.fp, stats.stats, :inside) AS k),
hashes AS MATERIALIZED (
    SELECT fp.id, cardinality(fp.fp) AS n, h.key FROM fp, unnest(fp.fp) AS h(key)),
candidates AS (
    SELECT x.id AS a, y.id AS b
    FROM probe x JOIN hashes y ON y.key = x.key AND y.id <> x.id
    WHERE y.n >= :inside * x.n
    GROUP BY x.id, y.id
    HAVING count(*) >= min(x.min_shared))
SELECT c.a, c.b
FROM candidates c JOIN fp x ON x.id = c.a JOIN fp y ON y.id = c.b
WHERE arabic_containment(x.fp, y.fp) >= :'inside'::float8;
