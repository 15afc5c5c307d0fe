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
