--
-- citus_entities.sql: entities into a table co-located with the paragraphs,
-- pushed down to the shards with the IMMUTABLE arabic_builtin_entities()
--
\set SHOW_CONTEXT never
CREATE TABLE para_entities (para_id bigint, entity text, type text, key text);
SELECT create_distributed_table('para_entities', 'para_id', colocate_with => 'paras');
-- arabic_entities() reads the user gazetteer (STABLE): Citus does not
-- push the INSERT ... SELECT down, it goes through the coordinator
SELECT l AS plan FROM plan_of($$INSERT INTO para_entities
    SELECT p.id, e.entity, e.type, e.key FROM paras p, LATERAL arabic_entities(p.body) e$$) l
WHERE l ~ 'Custom Scan|method|Task Count';
-- arabic_builtin_entities() is IMMUTABLE: one task per shard, on the shards
SELECT l AS plan FROM plan_of($$INSERT INTO para_entities
    SELECT p.id, e.entity, e.type, e.key FROM paras p, LATERAL arabic_builtin_entities(p.body) e$$) l
WHERE l ~ 'Custom Scan|method|Task Count';
INSERT INTO para_entities
SELECT p.id, e.entity, e.type, e.key FROM paras p, LATERAL arabic_builtin_entities(p.body) e;
-- the same rows as the local extraction
WITH d AS (SELECT count(*) AS n FROM para_entities),
     l AS (SELECT count(*) AS n FROM paras_local p, LATERAL arabic_builtin_entities(p.body) e)
SELECT d.n AS rows, d.n = l.n AS same_count FROM d, l;
SELECT count(*) AS rows_not_local FROM (
    SELECT para_id, entity, type, key FROM para_entities
    EXCEPT ALL
    SELECT p.id, e.entity, e.type, e.key FROM paras_local p, LATERAL arabic_builtin_entities(p.body) e) x;
-- with an empty user gazetteer, both functions agree
SELECT count(*) AS gazetteer_rows FROM arabic_gazetteer;
SELECT count(*) AS differ FROM (
    SELECT e.* FROM paras_local p, LATERAL arabic_entities(p.body) e
    EXCEPT ALL
    SELECT e.* FROM paras_local p, LATERAL arabic_builtin_entities(p.body) e) x;
