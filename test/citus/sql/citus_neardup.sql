--
-- citus_neardup.sql: every near-duplicate pair and group of a distributed
-- table, pushed down, with the local answer's pairs (recall 100%)
--
\set SHOW_CONTEXT never
-- the exact local answer
CREATE TABLE local_pairs AS
SELECT a.id AS a, b.id AS b FROM paras_local a JOIN paras_local b
  ON a.body ~= b.body AND a.id < b.id;
SELECT count(*) AS local_pairs FROM local_pairs;
-- a self-join of the distributed table is refused by Citus
SELECT count(*) FROM paras a JOIN paras b ON a.body ~= b.body AND a.id < b.id;
-- the working pattern: join each shard with a reference copy (every node
-- holds one, indexed), one task per shard
CREATE TABLE paras_ref (id bigint PRIMARY KEY, body text);
SELECT create_reference_table('paras_ref');
INSERT INTO paras_ref SELECT id, body FROM paras;
CREATE INDEX paras_ref_gin ON paras_ref USING gin (body gin_arabic_ops);
SELECT l AS plan FROM plan_of($$SELECT a.id, b.id FROM paras a JOIN paras_ref b
    ON a.body ~= b.body AND a.id < b.id$$) l
WHERE l ~ 'Custom Scan|Task Count|Scan';
CREATE TABLE dist_pairs AS
SELECT a.id AS a, b.id AS b FROM paras a JOIN paras_ref b
  ON a.body ~= b.body AND a.id < b.id;
-- recall and precision against the local answer: the same pairs
SELECT (SELECT count(*) FROM dist_pairs) AS pairs,
       (SELECT count(*) FROM (SELECT * FROM local_pairs INTERSECT SELECT * FROM dist_pairs) x) AS found,
       (SELECT count(*) FROM (SELECT * FROM dist_pairs EXCEPT SELECT * FROM local_pairs) x) AS extra;
-- groups: arabic_duplicate_groups over the pairs gives the local groups
SELECT g.group_id, array_agg(g.id ORDER BY g.id) AS members
FROM (SELECT array_agg(a) AS a, array_agg(b) AS b FROM dist_pairs) p,
     LATERAL arabic_duplicate_groups(p.a, p.b) g
GROUP BY 1 ORDER BY 2;
SELECT (SELECT array_agg(m ORDER BY m) FROM (
          SELECT array_agg(g.id ORDER BY g.id)::text AS m
          FROM (SELECT array_agg(a) AS a, array_agg(b) AS b FROM dist_pairs) p,
               LATERAL arabic_duplicate_groups(p.a, p.b) g GROUP BY g.group_id) x)
     = (SELECT array_agg(m ORDER BY m) FROM (
          SELECT array_agg(g.id ORDER BY g.id)::text AS m
          FROM (SELECT array_agg(a) AS a, array_agg(b) AS b FROM local_pairs) p,
               LATERAL arabic_duplicate_groups(p.a, p.b) g GROUP BY g.group_id) x) AS same_groups;
