--
-- citus_thresholds.sql: a threshold set in the session reaches every shard,
-- or the query is an error that says how to give it; every documented way
-- gives the local answer
--
\set SHOW_CONTEXT never
-- the query paragraph and the exact local answers at three thresholds
SELECT body AS q FROM paras_local WHERE id = 101 \gset
CREATE TABLE local_answers AS
SELECT t, array_agg(id ORDER BY id) AS ids
FROM unnest(ARRAY[0.1, 0.5, 0.9]) t, paras_local p
WHERE arabic_similarity(p.body, :'q') >= t
GROUP BY t;
SELECT t, cardinality(ids) AS rows FROM local_answers ORDER BY t;
-- the default (0.5) everywhere: no setting, no error
SHOW pg_arabic.similarity_threshold;
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM paras WHERE body ~= :'q')
SELECT d.ids = l.ids AS default_ok FROM d, local_answers l WHERE l.t = 0.5;
-- SET in the session does not reach the shards: an error, not the default
SET pg_arabic.similarity_threshold = 0.1;
SELECT count(*) FROM paras WHERE body ~= :'q';
-- ... also from a function's SET clause
CREATE FUNCTION near_count(q text) RETURNS bigint LANGUAGE plpgsql
SET pg_arabic.similarity_threshold = 0.1
AS $$ BEGIN RETURN (SELECT count(*) FROM paras WHERE body ~= q); END $$;
RESET pg_arabic.similarity_threshold;
SELECT near_count(:'q');
SET pg_arabic.similarity_threshold = 0.1;
-- ... and for containment
SET pg_arabic.containment_threshold = 0.2;
SELECT count(*) FROM paras WHERE body <@~ :'q';
SELECT count(*) FROM paras WHERE body ~@> :'q';
-- the local table is not concerned
SELECT array_agg(id ORDER BY id) = (SELECT ids FROM local_answers WHERE t = 0.1) AS local_ok
FROM paras_local WHERE body ~= :'q';
-- nor is a distributed query that reads no threshold
SELECT count(*) AS rows FROM paras WHERE arabic_similarity(body, :'q') >= 0.1;
-- a value SET equal to the cluster's is no error
SET pg_arabic.similarity_threshold = 0.5;
SELECT count(*) AS rows FROM paras WHERE body ~= :'q';
RESET pg_arabic.similarity_threshold;
RESET pg_arabic.containment_threshold;
\set SHOW_CONTEXT never

-- Way 1: SET LOCAL in a transaction, with citus.propagate_set_commands = 'local'
BEGIN;
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL pg_arabic.similarity_threshold = 0.1;
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM paras WHERE body ~= :'q')
SELECT d.ids = l.ids AS set_local_ok FROM d, local_answers l WHERE l.t = 0.1;
SET LOCAL pg_arabic.similarity_threshold = 0.9;
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM paras WHERE body ~= :'q')
SELECT d.ids = l.ids AS set_local_again_ok FROM d, local_answers l WHERE l.t = 0.9;
COMMIT;
-- SET LOCAL before the propagation setting was on: Citus did not send it,
-- an error
BEGIN;
SET LOCAL pg_arabic.similarity_threshold = 0.1;
SET LOCAL citus.propagate_set_commands = 'local';
SELECT count(*) FROM paras WHERE body ~= :'q';
ROLLBACK;
-- SET LOCAL without the propagation setting: an error
BEGIN;
SET LOCAL pg_arabic.similarity_threshold = 0.1;
SELECT count(*) FROM paras WHERE body ~= :'q';
ROLLBACK;

-- a prepared statement's cached plan is checked when it runs, too
PREPARE near(text) AS SELECT count(*) FROM paras WHERE body ~= $1;
EXECUTE near(:'q');
EXECUTE near(:'q');
EXECUTE near(:'q');
EXECUTE near(:'q');
EXECUTE near(:'q');
EXECUTE near(:'q');
SET pg_arabic.similarity_threshold = 0.1;
EXECUTE near(:'q');
RESET pg_arabic.similarity_threshold;
EXECUTE near(:'q');
DEALLOCATE near;

-- Way 2: ALTER ROLE ... SET (Citus gives it to every node)
CREATE ROLE analyst LOGIN;
GRANT SELECT ON paras, local_answers TO analyst;
ALTER ROLE analyst SET pg_arabic.similarity_threshold = 0.1;
SELECT result AS on_workers, count(*)
FROM run_command_on_workers($$SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting
                              WHERE setrole = 'analyst'::regrole$$)
GROUP BY 1 ORDER BY 1;
\c - analyst
SHOW pg_arabic.similarity_threshold;
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM paras WHERE body ~= :'q')
SELECT d.ids = l.ids AS alter_role_ok FROM d, local_answers l WHERE l.t = 0.1;
\c - postgres
ALTER ROLE analyst RESET pg_arabic.similarity_threshold;

-- Way 3: ALTER DATABASE ... SET
ALTER DATABASE regression SET pg_arabic.similarity_threshold = 0.9;
SELECT result AS on_workers, count(*)
FROM run_command_on_workers($$SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting
                              WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = 'regression')$$)
GROUP BY 1 ORDER BY 1;
\c -
SHOW pg_arabic.similarity_threshold;
WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM paras WHERE body ~= :'q')
SELECT d.ids = l.ids AS alter_database_ok FROM d, local_answers l WHERE l.t = 0.9;
ALTER DATABASE regression RESET pg_arabic.similarity_threshold;
\c -
SHOW pg_arabic.similarity_threshold;
