-- test/dedup/citus_candidates.sql: the step shared by citus_pairs.sql and
-- citus_inside.sql (which include it): the pairs of dedup_hits that share
-- at least min_shared keys, counted on the shard of a (dedup_hits is
-- distributed by a), with a's fingerprint, into dedup_cand, distributed by
-- b, so that the exact score runs beside b's fingerprint.
CREATE TABLE dedup_cand (a bigint, b bigint, fp_a int4[]);
SELECT create_distributed_table('dedup_cand', 'b', colocate_with => 'dedup_fp');
INSERT INTO dedup_cand
SELECT c.a, c.b, x.fp
FROM (SELECT a, b FROM dedup_hits GROUP BY a, b HAVING count(*) >= min(min_shared)) c
JOIN dedup_fp x ON x.id = c.a;
