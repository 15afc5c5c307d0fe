--
-- citus_pushdown.sql: functions, ~= in WHERE, LATERAL extraction and joins
-- with a reference table run on the shards; normalizing on a distributed
-- table, by a generated column or by the trigger
--
\set SHOW_CONTEXT never
-- the filter is part of the shard queries (no pull-up to the coordinator)
SELECT l AS plan FROM plan_of($$SELECT id FROM paras WHERE body ~= 'نص'$$) l
WHERE l ~ 'Task Count|Filter|Custom Scan';
SELECT l AS plan FROM plan_of($$SELECT id, e.entity FROM paras, LATERAL arabic_builtin_entities(body) e$$) l
WHERE l ~ 'Task Count|Function Scan|Custom Scan';
SELECT l AS plan FROM plan_of($$SELECT id, e.entity FROM paras, LATERAL arabic_entities(body) e$$) l
WHERE l ~ 'Task Count|Function Scan|Custom Scan';
-- same answers as the local table
SELECT (SELECT array_agg(id ORDER BY id) FROM paras WHERE arabic_normalize(body) LIKE '%سوتشي%')
     = (SELECT array_agg(id ORDER BY id) FROM paras_local WHERE arabic_normalize(body) LIKE '%سوتشي%')
       AS same_normalize_filter,
       (SELECT count(*) FROM paras WHERE arabic_normalize(body) LIKE '%سوتشي%') AS rows;
-- a reference table of outlets joined on the shards
CREATE TABLE outlets AS SELECT DISTINCT outlet, arabic_normalize(outlet) AS outlet_norm FROM articles;
SELECT create_reference_table('outlets');
CREATE TABLE arts (id int PRIMARY KEY, outlet text, body text);
SELECT create_distributed_table('arts', 'id');
INSERT INTO arts SELECT id, outlet, body FROM articles;
SELECT l AS plan FROM plan_of($$SELECT a.id FROM arts a JOIN outlets o ON arabic_normalize(a.outlet) = o.outlet_norm$$) l
WHERE l ~ 'Task Count|Custom Scan|Join';
SELECT o.outlet, count(*) FROM arts a JOIN outlets o ON arabic_normalize(a.outlet) = o.outlet_norm
GROUP BY 1 ORDER BY 1;
\set SHOW_CONTEXT never

-- Normalizing: a generated column needs no setting (arabic_normalize is
-- IMMUTABLE) ...
CREATE TABLE gen (id int PRIMARY KEY, body text,
    body_search text GENERATED ALWAYS AS (arabic_normalize(body)) STORED);
SELECT create_distributed_table('gen', 'id');
INSERT INTO gen (id, body) VALUES (1, 'أَحْمَدُ فِي الْقَاهِرَةِ'), (2, 'مُحَمَّد');
SELECT id, body_search FROM gen ORDER BY id;
-- ... and the trigger: Citus allows a trigger on a distributed table only
-- with citus.enable_unsafe_triggers; arabic_normalize_trigger is safe
-- there (it changes only the row it fires for, and reads no table)
CREATE TABLE trg (id int PRIMARY KEY, body text, body_search text);
SELECT create_distributed_table('trg', 'id');
CREATE TRIGGER norm BEFORE INSERT OR UPDATE ON trg
    FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body:body_search');
BEGIN;
SET LOCAL citus.enable_unsafe_triggers = on;
CREATE TRIGGER norm BEFORE INSERT OR UPDATE ON trg
    FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body:body_search');
COMMIT;
-- the trigger fires on the shards without the setting
SHOW citus.enable_unsafe_triggers;
INSERT INTO trg (id, body) VALUES (1, 'أَحْمَدُ فِي الْقَاهِرَةِ'), (2, 'مُحَمَّد'), (3, NULL);
UPDATE trg SET body = 'إِسْلَام' WHERE id = 2;
SELECT id, body_search FROM trg ORDER BY id;
SELECT (SELECT body_search FROM trg WHERE id = 1)
     = (SELECT body_search FROM gen WHERE id = 1) AS trigger_same_as_generated_column;
