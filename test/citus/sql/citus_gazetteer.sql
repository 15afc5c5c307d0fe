--
-- citus_gazetteer.sql: the user gazetteer is a reference table; an entry
-- committed on the coordinator changes extraction on every shard from the
-- next statement, and the rows users see are the rows every node uses
--
\set SHOW_CONTEXT never
-- a paragraph with a company name (the model finds it whole; the user
-- gazetteer gives it a key)
CREATE TABLE notes (id int PRIMARY KEY, body text);
SELECT create_distributed_table('notes', 'id');
INSERT INTO notes SELECT g, 'قال المتحدث باسم شركة نور الهدى للتقنية إن العقد وقع أمس' FROM generate_series(1, 16) g;
-- before the gazetteer is distributed: an error that says what to do
SELECT count(*) FROM notes, LATERAL arabic_entities(body) e;
SELECT arabic_entities('نص') ;
-- distributing it needs no unsafe setting from the user
SHOW citus.enable_unsafe_triggers;
SELECT arabic_gazetteer_distribute();
SHOW citus.enable_unsafe_triggers;
SELECT arabic_gazetteer_distribute();
SELECT logicalrelid, partmethod, repmodel FROM pg_dist_partition
WHERE logicalrelid = 'arabic_gazetteer'::regclass;
-- every node, the coordinator included, holds a placement
SELECT count(DISTINCT p.groupid) AS nodes_with_a_copy
FROM pg_dist_placement p JOIN pg_dist_shard s USING (shardid)
WHERE s.logicalrelid = 'arabic_gazetteer'::regclass;
-- without an entry: the same extraction on all 16 rows (8 shards)
SELECT e.entity, e.type, count(*) FROM notes, LATERAL arabic_entities(body) e
WHERE e.entity LIKE '%نور%' OR e.type = 'ORGANIZATION' GROUP BY 1, 2 ORDER BY 1, 2;
-- an entry committed on the coordinator: every shard uses it at once
INSERT INTO arabic_gazetteer (name, type, key) VALUES ('شركة نور الهدى للتقنية', 'ORGANIZATION', 'nour-alhuda');
SELECT e.entity, e.type, e.key, count(*) FROM notes, LATERAL arabic_entities(body) e
WHERE e.type = 'ORGANIZATION' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- the rows users see are on every node
SELECT result AS gazetteer_on_workers, count(*)
FROM run_command_on_workers($$SELECT string_agg(name || '/' || type, ',') FROM arabic_gazetteer$$)
GROUP BY 1 ORDER BY 1;
-- the check of rows still holds (on every placement)
INSERT INTO arabic_gazetteer (name, type) VALUES ('اسم', 'CITY');
INSERT INTO arabic_gazetteer (name, type) VALUES (repeat('ا', 300), 'PERSON');
-- inside one transaction: a change then a distributed extraction is an
-- error (only some of the shard connections would see the change)
BEGIN;
DELETE FROM arabic_gazetteer WHERE key = 'nour-alhuda';
SELECT count(*) FROM notes, LATERAL arabic_entities(body) e WHERE e.type = 'ORGANIZATION';
ROLLBACK;
-- a rolled-back change is not used
SELECT e.key, count(*) FROM notes, LATERAL arabic_entities(body) e
WHERE e.type = 'ORGANIZATION' GROUP BY 1 ORDER BY 1;
-- a local extraction in that transaction sees it (no shard involved)
BEGIN;
DELETE FROM arabic_gazetteer WHERE key = 'nour-alhuda';
SELECT count(*) AS organizations FROM arabic_entities('قال المتحدث باسم شركة نور الهدى للتقنية') e
WHERE e.type = 'ORGANIZATION' AND e.key = 'nour-alhuda';
COMMIT;
-- removed and committed: no shard uses it any more
SELECT count(*) AS still_tagged FROM notes, LATERAL arabic_entities(body) e WHERE e.key = 'nour-alhuda';
-- TRUNCATE reaches every node too
INSERT INTO arabic_gazetteer (name, type, key) VALUES ('نور الهدى', 'PERSON', 'nour');
SELECT count(*) AS tagged FROM notes, LATERAL arabic_entities(body) e WHERE e.key = 'nour';
TRUNCATE arabic_gazetteer;
SELECT count(*) AS tagged FROM notes, LATERAL arabic_entities(body) e WHERE e.key = 'nour';
