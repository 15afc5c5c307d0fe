-- test/dedup/citus_inside.sql: every paragraph inside another at
-- containment >= :inside (a inside b) of the table fingerprinted by
-- citus_prepare.sql, pushed down on Citus, into the new distributed table
-- :result (a, b), as in the README section "Citus (distributed
-- PostgreSQL)".  a's prefix keys and every hash of b are rows of tables
-- distributed by key (the join on the key runs on each shard); then the
-- same steps as citus_pairs.sql.  Leaves the work tables dedup_probe,
-- dedup_hashes, dedup_hits and dedup_cand.  Run by
-- test/citus/sql/citus_dedup.sql and test/bench/citus.sh:
--   \set inside 0.7 \set result inside \i test/dedup/citus_inside.sql
CREATE TABLE dedup_probe (key int4, id bigint, n int, min_shared int);
SELECT create_distributed_table('dedup_probe', 'key');
INSERT INTO dedup_probe
SELECT k.key, f.id, f.n, k.min_shared
FROM dedup_fp f, dedup_stats s, arabic_containment_keys(f.fp, s.stats, :inside) AS k;
CREATE TABLE dedup_hashes (key int4, id bigint, n int);
SELECT create_distributed_table('dedup_hashes', 'key', colocate_with => 'dedup_probe');
INSERT INTO dedup_hashes SELECT h.key, f.id, f.n FROM dedup_fp f, unnest(f.fp) AS h(key);
CREATE TABLE dedup_hits (a bigint, b bigint, min_shared int);
SELECT create_distributed_table('dedup_hits', 'a', colocate_with => 'dedup_fp');
INSERT INTO dedup_hits
SELECT x.id, y.id, x.min_shared
FROM dedup_probe x JOIN dedup_hashes y ON y.key = x.key AND y.id <> x.id
WHERE y.n >= :inside * x.n;
\ir citus_candidates.sql
CREATE TABLE :result (a bigint, b bigint);
SELECT create_distributed_table(:'result', 'a', colocate_with => 'dedup_fp');
INSERT INTO :result
SELECT c.a, c.b
FROM dedup_cand c JOIN dedup_fp y ON y.id = c.b
WHERE arabic_containment(c.fp_a, y.fp) >= :'inside'::float8;
