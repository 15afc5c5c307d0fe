-- test/dedup/citus_pairs.sql: every near-duplicate pair at similarity >=
-- :sim of the table fingerprinted by citus_prepare.sql, pushed down on
-- Citus, into the new distributed table :result (a, b, similarity), as in
-- the README section "Citus (distributed PostgreSQL)".  The keys are rows
-- of a table distributed by key, so the self-join on the key runs on each
-- shard; the pairs that share keys move to the shard of a, where they are
-- counted (GROUP BY a, b), then with a's fingerprint to the shard of b,
-- where the exact score is computed.  Rows move worker to worker (INSERT
-- ... SELECT by repartition), never through the coordinator.  Leaves the
-- work tables dedup_keys, dedup_hits and dedup_cand (drop them before the
-- next run).  Run by test/citus/sql/citus_dedup.sql and test/bench/citus.sh:
--   \set sim 0.5 \set result pairs \i test/dedup/citus_pairs.sql
CREATE TABLE dedup_keys (key int4, id bigint, n int, indexed bool, min_shared int);
SELECT create_distributed_table('dedup_keys', 'key');
INSERT INTO dedup_keys
SELECT k.key, f.id, f.n, k.indexed, k.min_shared
FROM dedup_fp f, dedup_stats s, arabic_similarity_keys(f.fp, s.stats, :sim) AS k;
CREATE TABLE dedup_hits (a bigint, b bigint, min_shared int);
SELECT create_distributed_table('dedup_hits', 'a', colocate_with => 'dedup_fp');
INSERT INTO dedup_hits
SELECT x.id, y.id, x.min_shared
FROM dedup_keys x JOIN dedup_keys y ON y.key = x.key
WHERE x.indexed AND (x.n, x.id) < (y.n, y.id) AND x.n >= :sim * y.n;
\ir citus_candidates.sql
CREATE TABLE :result (a bigint, b bigint, similarity real);
SELECT create_distributed_table(:'result', 'a', colocate_with => 'dedup_fp');
INSERT INTO :result
SELECT least(c.a, c.b), greatest(c.a, c.b), arabic_similarity(c.fp_a, y.fp)
FROM dedup_cand c JOIN dedup_fp y ON y.id = c.b
WHERE arabic_similarity(c.fp_a, y.fp) >= :'sim'::float8;
