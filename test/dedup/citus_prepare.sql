-- test/dedup/citus_prepare.sql: the first two blocks of the near-duplicate
-- join on Citus, as in the README section "Citus (distributed PostgreSQL)":
-- the fingerprints of the distributed table :tbl (id bigint, paragraph),
-- co-located with it (one task per shard), and the shingle sketch, summed
-- per shard and merged on the coordinator (the aggregate's combine), kept
-- as a one-row reference table so that every node holds it.  Then run
-- citus_pairs.sql and citus_inside.sql.  Run by test/citus/sql/
-- citus_dedup.sql and test/bench/citus.sh:
--   \set tbl paragraphs \i test/dedup/citus_prepare.sql
CREATE TABLE dedup_fp (id bigint PRIMARY KEY, n int NOT NULL, fp int4[] NOT NULL);
SELECT create_distributed_table('dedup_fp', 'id', colocate_with => :'tbl');
INSERT INTO dedup_fp
SELECT id, cardinality(fp), fp
FROM (SELECT id, arabic_fingerprint(paragraph) AS fp FROM :tbl) s
WHERE fp IS NOT NULL;
CREATE TABLE dedup_stats (stats bytea NOT NULL);
SELECT create_reference_table('dedup_stats');
INSERT INTO dedup_stats SELECT arabic_shingle_stats(fp) FROM dedup_fp;
