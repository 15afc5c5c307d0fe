--
-- citus_indexes.sql: with the measured costs, small shards use the GIN and
-- GiST indexes for ~=, <@~ and ~@>, and give the local answers
--
\set SHOW_CONTEXT never
SELECT body AS q FROM paras_local WHERE id = 102 \gset
-- the costs are part of the extension: every node has them
SELECT result AS cost_of_similar_op_on_workers, count(*)
FROM run_command_on_workers($$SELECT procost FROM pg_proc WHERE proname = 'arabic_similar_op'$$)
GROUP BY 1 ORDER BY 1;
-- 2,600 paragraphs (the corpus's 52, each 50 times with a number word
-- added): about 325 rows a shard, as analysed
CREATE TABLE big_local AS
SELECT p.id * 100 + g AS id, p.body || ' رقم ' || g AS body
FROM paras_local p, generate_series(1, 50) g;
CREATE TABLE big (id bigint PRIMARY KEY, body text);
SELECT create_distributed_table('big', 'id');
INSERT INTO big SELECT * FROM big_local;
ANALYZE big;
ANALYZE big_local;
CREATE INDEX big_gin ON big USING gin (body gin_arabic_ops);
CREATE INDEX big_local_gin ON big_local USING gin (body gin_arabic_ops);
-- the local table uses its index
EXPLAIN (COSTS OFF) SELECT id FROM big_local WHERE body ~= 'وصل وزير الخارجية إلى سوتشي';
-- and so does each shard
SELECT l AS plan FROM plan_of(format('SELECT id FROM big WHERE body ~= %L', :'q')) l
WHERE l ~ 'Task Count|Scan';
SELECT l AS plan FROM plan_of(format('SELECT id FROM big WHERE body <@~ %L', :'q')) l
WHERE l ~ 'Task Count|Scan';
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM big WHERE body ~= :'q'),
     l AS (SELECT array_agg(id ORDER BY id) AS ids FROM big_local WHERE body ~= :'q')
SELECT d.ids = l.ids AS gin_same_as_local, cardinality(d.ids) AS rows FROM d, l;
DROP INDEX big_gin;
CREATE INDEX big_gist ON big USING gist (body gist_arabic_ops);
SELECT l AS plan FROM plan_of(format('SELECT id FROM big WHERE body ~@> %L', :'q')) l
WHERE l ~ 'Task Count|Scan';
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM big WHERE body ~@> :'q'),
     l AS (SELECT array_agg(id ORDER BY id) AS ids FROM big_local WHERE body ~@> :'q')
SELECT d.ids = l.ids AS gist_same_as_local, cardinality(d.ids) AS rows FROM d, l;
DROP INDEX big_gist;
