--
-- citus_dedup.sql: the near-duplicate join of "Deduplicating an archive"
-- pushed down on Citus (the README's recipe, test/dedup/citus_*.sql): keys
-- as rows in tables distributed by key, the heavy joins on the workers, and
-- the same pairs, containment pairs and groups as the exact local nested
-- loop, at the default thresholds and at another pair of thresholds
--
\set SHOW_CONTEXT never
\getenv dedup PG_ARABIC_CITUS_DEDUP
-- the suite's paragraphs with the recipe's column names, co-located
CREATE TABLE archive (id bigint PRIMARY KEY, paragraph text);
SELECT create_distributed_table('archive', 'id', colocate_with => 'paras');
INSERT INTO archive SELECT id, body FROM paras;
-- Citus's defaults: no repartition join of whole tables is allowed
SHOW citus.enable_repartition_joins;
-- the exact answers: nested loops over the operators on the local copy
CREATE TABLE exact_sim AS
SELECT x.id AS a, y.id AS b FROM paras_local x JOIN paras_local y
  ON x.body ~= y.body AND x.id < y.id;
CREATE TABLE exact_inside AS
SELECT x.id AS a, y.id AS b FROM paras_local x JOIN paras_local y
  ON x.body <@~ y.body AND x.id <> y.id;
SET pg_arabic.similarity_threshold = 0.3;
SET pg_arabic.containment_threshold = 0.9;
CREATE TABLE exact_sim_03 AS
SELECT x.id AS a, y.id AS b FROM paras_local x JOIN paras_local y
  ON x.body ~= y.body AND x.id < y.id;
CREATE TABLE exact_inside_09 AS
SELECT x.id AS a, y.id AS b FROM paras_local x JOIN paras_local y
  ON x.body <@~ y.body AND x.id <> y.id;
RESET pg_arabic.similarity_threshold;
RESET pg_arabic.containment_threshold;
-- pairs of a distributed table against the exact ones: recall, precision,
-- and no pair twice
CREATE FUNCTION pair_check(exact regclass, got regclass,
    OUT exact_pairs int, OUT pairs int, OUT recall numeric, OUT "precision" numeric,
    OUT twice int) LANGUAGE plpgsql AS $$
DECLARE e text[]; g text[]; found int;
BEGIN
    EXECUTE format('SELECT coalesce(array_agg(a || '' '' || b), ''{}'') FROM %s', exact) INTO e;
    EXECUTE format('SELECT coalesce(array_agg(a || '' '' || b), ''{}'') FROM %s', got) INTO g;
    SELECT count(DISTINCT x) FILTER (WHERE x = ANY (e)), count(*) - count(DISTINCT x)
      INTO found, twice FROM unnest(g) x;
    exact_pairs := cardinality(e);
    pairs := cardinality(g);
    recall := round(found::numeric / greatest(exact_pairs, 1), 4);
    "precision" := round(found::numeric / greatest(pairs, 1), 4);
END $$;
-- 1. fingerprints (co-located) and the sketch (a one-row reference table)
\set tbl archive
\set ECHO none
\o /dev/null
\i :dedup/citus_prepare.sql
\o
\set ECHO all
SELECT count(*) AS fingerprints FROM dedup_fp;
-- the sketch: Citus splits an aggregate into per-shard parts only when its
-- state is not of type internal (arabic_shingle_stats's is), so the shards
-- send their fingerprints and the coordinator sums them in one pass (no
-- Aggregate inside the tasks)
SELECT l AS plan FROM plan_of($$SELECT arabic_shingle_stats(fp) FROM dedup_fp$$) l
WHERE l ~ 'Custom Scan|Task Count|Aggregate|Scan';
-- one row, on every node (the coordinator and the two workers)
SELECT count(*) AS rows, min(length(stats)) AS bytes FROM dedup_stats;
SELECT count(*) AS copies FROM citus_shards WHERE table_name = 'dedup_stats'::regclass;
-- 2. near-duplicate pairs at the default threshold (0.5)
\set sim 0.5
\set result sim_pairs
\set ECHO none
\o /dev/null
\i :dedup/citus_pairs.sql
\o
\set ECHO all
-- the keys move from the shards of the rows to the shards of the keys,
-- worker to worker (repartition, not through the coordinator)
SELECT l AS plan FROM plan_of($$INSERT INTO dedup_keys
SELECT k.key, f.id, f.n, k.indexed, k.min_shared
FROM dedup_fp f, dedup_stats s, arabic_similarity_keys(f.fp, s.stats, 0.5) AS k$$) l
WHERE l ~ 'Custom Scan|method|Task Count|Join|Scan|Function';
-- the self-join on the key is co-located: one task per shard, on the workers
SELECT l AS plan FROM plan_of($$INSERT INTO dedup_hits
SELECT x.id, y.id, x.min_shared
FROM dedup_keys x JOIN dedup_keys y ON y.key = x.key
WHERE x.indexed AND (x.n, x.id) < (y.n, y.id) AND x.n >= 0.5 * y.n$$) l
WHERE l ~ 'Custom Scan|method|Task Count|Join|Scan';
-- shared keys are counted on the shard of a, with a's fingerprint there
SELECT l AS plan FROM plan_of($$INSERT INTO dedup_cand
SELECT c.a, c.b, x.fp
FROM (SELECT a, b FROM dedup_hits GROUP BY a, b HAVING count(*) >= min(min_shared)) c
JOIN dedup_fp x ON x.id = c.a$$) l
WHERE l ~ 'Custom Scan|method|Task Count|Join|Scan|Aggregate';
-- the exact score on the shard of b, with b's fingerprint there
SELECT l AS plan FROM plan_of($$INSERT INTO sim_pairs
SELECT least(c.a, c.b), greatest(c.a, c.b), arabic_similarity(c.fp_a, y.fp)
FROM dedup_cand c JOIN dedup_fp y ON y.id = c.b
WHERE arabic_similarity(c.fp_a, y.fp) >= 0.5::float8$$) l
WHERE l ~ 'Custom Scan|method|Task Count|Join|Scan';
-- the same pairs as the nested loop over ~=
SELECT * FROM pair_check('exact_sim', 'sim_pairs');
SELECT count(*) AS candidates FROM dedup_cand;
SELECT a, b, round(similarity::numeric, 3) AS similarity FROM sim_pairs
ORDER BY similarity, a, b LIMIT 3;
-- 3. groups: likewise the pairs (the output) stream from the shards into
-- one arabic_groups_agg on the coordinator
SELECT l AS plan FROM plan_of($$SELECT arabic_groups_agg(a, b) FROM sim_pairs$$) l
WHERE l ~ 'Custom Scan|Task Count|Aggregate|Scan';
CREATE TABLE dist_groups AS
SELECT g.* FROM (SELECT arabic_groups_agg(a, b) AS m FROM sim_pairs) s, unnest(s.m) AS g;
SELECT group_id, array_agg(id ORDER BY id) AS members FROM dist_groups
GROUP BY 1 ORDER BY 1;
-- the groups of arabic_duplicate_groups over the exact pairs
SELECT (SELECT array_agg(d ORDER BY d.id) FROM dist_groups d)::text
     = (SELECT array_agg(g ORDER BY g.id)
        FROM (SELECT array_agg(a) AS a, array_agg(b) AS b FROM exact_sim) p,
             LATERAL arabic_duplicate_groups(p.a, p.b) g)::text AS same_groups;
-- each story once: one paragraph per group and every paragraph without one,
-- the same ids as with the exact groups
CREATE TABLE dist_stories AS
SELECT p.id FROM archive p LEFT JOIN dist_groups g ON g.id = p.id
WHERE g.id IS NULL OR g.group_id = p.id;
CREATE TABLE exact_stories AS
SELECT p.id FROM paras_local p
LEFT JOIN (SELECT g.* FROM (SELECT array_agg(a) AS a, array_agg(b) AS b FROM exact_sim) p,
                  LATERAL arabic_duplicate_groups(p.a, p.b) g) g ON g.id = p.id
WHERE g.id IS NULL OR g.group_id = p.id;
SELECT (SELECT count(*) FROM archive) AS paragraphs,
       (SELECT count(*) FROM dist_stories) AS stories,
       (SELECT count(DISTINCT id) FROM dist_stories) AS distinct_ids,
       (SELECT array_agg(id ORDER BY id) FROM dist_stories)
     = (SELECT array_agg(id ORDER BY id) FROM exact_stories) AS same_stories;
-- 4. containment pairs at the default threshold (0.7)
DROP TABLE dedup_keys, dedup_hits, dedup_cand;
\set inside 0.7
\set result inside_pairs
\set ECHO none
\o /dev/null
\i :dedup/citus_inside.sql
\o
\set ECHO all
SELECT l AS plan FROM plan_of($$INSERT INTO dedup_hits
SELECT x.id, y.id, x.min_shared
FROM dedup_probe x JOIN dedup_hashes y ON y.key = x.key AND y.id <> x.id
WHERE y.n >= 0.7 * x.n$$) l
WHERE l ~ 'Custom Scan|method|Task Count|Join|Scan';
SELECT * FROM pair_check('exact_inside', 'inside_pairs');
-- 5. the other thresholds: similarity 0.3, containment 0.9
DROP TABLE dedup_probe, dedup_hashes, dedup_hits, dedup_cand;
\set sim 0.3
\set result sim_pairs_03
\set ECHO none
\o /dev/null
\i :dedup/citus_pairs.sql
\o
\set ECHO all
SELECT * FROM pair_check('exact_sim_03', 'sim_pairs_03');
DROP TABLE dedup_keys, dedup_hits, dedup_cand;
\set inside 0.9
\set result inside_pairs_09
\set ECHO none
\o /dev/null
\i :dedup/citus_inside.sql
\o
\set ECHO all
SELECT * FROM pair_check('exact_inside_09', 'inside_pairs_09');
-- the groups at 0.3 are those of the exact pairs too
SELECT (SELECT array_agg(g.id || ':' || g.group_id ORDER BY g.id)
        FROM (SELECT arabic_groups_agg(a, b) AS m FROM sim_pairs_03) s, unnest(s.m) AS g)
     = (SELECT array_agg(g.id || ':' || g.group_id ORDER BY g.id)
        FROM (SELECT array_agg(a) AS a, array_agg(b) AS b FROM exact_sim_03) p,
             LATERAL arabic_duplicate_groups(p.a, p.b) g) AS same_groups_03,
       (SELECT count(DISTINCT g.group_id)
        FROM (SELECT arabic_groups_agg(a, b) AS m FROM sim_pairs_03) s, unnest(s.m) AS g) AS groups_03;
-- the recipe passes its thresholds as arguments: the workers' setting
-- stayed at its default and no query was refused
SELECT result AS worker_setting, count(*)
FROM run_command_on_workers($$SELECT current_setting('pg_arabic.similarity_threshold')$$)
GROUP BY 1 ORDER BY 1;
-- 6. the sketch only orders the keys: one of a third of the rows (less to
-- send to the coordinator) gives the same pairs
DROP TABLE dedup_probe, dedup_hashes, dedup_hits, dedup_cand;
TRUNCATE dedup_stats;
INSERT INTO dedup_stats SELECT arabic_shingle_stats(fp) FROM dedup_fp WHERE id % 3 = 0;
\set sim 0.5
\set result sim_pairs_sample
\set ECHO none
\o /dev/null
\i :dedup/citus_pairs.sql
\o
\set ECHO all
SELECT * FROM pair_check('exact_sim', 'sim_pairs_sample');
DROP TABLE dedup_keys, dedup_hits, dedup_cand, dedup_stats, dedup_fp, sim_pairs,
    inside_pairs, sim_pairs_03, inside_pairs_09, sim_pairs_sample, archive;
