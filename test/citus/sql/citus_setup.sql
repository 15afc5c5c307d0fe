--
-- citus_setup.sql: pg_arabic installed on the coordinator reaches every
-- worker, also one added afterwards
--
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
RESET client_min_messages;
-- worker 2 joins after the extension was created
\getenv w2port PG_ARABIC_CITUS_W2_PORT
SELECT citus_add_node('127.0.0.1', :w2port) > 0 AS added;
SELECT count(*) AS workers FROM citus_get_active_worker_nodes();
SELECT result AS version_on_workers, count(*)
FROM run_command_on_workers($$SELECT extversion FROM pg_extension WHERE extname = 'pg_arabic'$$)
GROUP BY 1 ORDER BY 1;
-- pg_arabic is preloaded after citus on every node (its checks of
-- distributed queries need it there)
SELECT current_setting('shared_preload_libraries') AS coordinator;
SELECT result AS workers, count(*)
FROM run_command_on_workers($$SELECT current_setting('shared_preload_libraries')$$)
GROUP BY 1 ORDER BY 1;
\set SHOW_CONTEXT never

-- The test data: the sample corpus's paragraphs, distributed by id over
-- 8 shards, and the same rows in a local table (the exact answers)
\getenv corpus PG_ARABIC_CITUS_CORPUS
SET client_min_messages = warning;
\set ECHO none
\i :corpus
\set ECHO all
RESET client_min_messages;
CREATE TABLE paras_local AS
SELECT (a.id * 100 + p.n)::bigint AS id, a.id AS article, p.paragraph AS body
FROM articles a, arabic_paragraphs(a.body) p;
CREATE TABLE paras (id bigint PRIMARY KEY, article int, body text);
SELECT create_distributed_table('paras', 'id');
INSERT INTO paras SELECT * FROM paras_local;
SELECT count(*) AS paragraphs, count(DISTINCT article) AS articles FROM paras;
SELECT count(*) AS shards FROM citus_shards WHERE table_name = 'paras'::regclass;
-- EXPLAIN of a distributed query without ports and shard numbers
CREATE FUNCTION plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
    FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        l := regexp_replace(l, 'port=[0-9]+', 'port=N');
        l := regexp_replace(l, '_[0-9]{6,}', '_N', 'g');
        RETURN NEXT l;
    END LOOP;
END $$;
