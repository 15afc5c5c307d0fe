#!/usr/bin/env bash
# test/bench/neardup_speed.sh: speed and size of near-duplicate search,
# pg_arabic's gin_arabic_ops / gist_arabic_ops against pg_trgm's
# gin_trgm_ops / gist_trgm_ops on the same column, in the same run.
#
# Table: the SaudiNewsNet paragraphs of ../shared/data/news (177,839) plus
# near-duplicate copies (a lead-in on every 8th, diacritized/tatweel words on
# every 9th, a merge of two consecutive paragraphs on every 10th), so that
# lookups have real answers.  Measures index build time and size, the median
# and p90 time of looking up the near-duplicates of LOOKUPS paragraphs, a
# containment lookup, an index-assisted self-join over the first JOIN_ROWS
# rows, and KNN with the GiST classes.  pg_trgm runs at
# pg_trgm.similarity_threshold = 0.5 (near its best F1 on near-duplicate data;
# the default 0.3 returns more rows and is slower).
#
# Runs inside a throwaway cluster (see README, Performance):
#   make -s stage && pg_virtualenv -t -v 15 -o extension_destdir=$STAGE \
#       -o shared_buffers=1GB -o maintenance_work_mem=1GB bash test/bench/neardup_speed.sh
# Environment: PG_ARABIC_SHARED, LOOKUPS (default 100), JOIN_ROWS (default 1000).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
lookups=${LOOKUPS:-100}
join_rows=${JOIN_ROWS:-1000}
db=pg_arabic_neardup_bench

bench_need_news
export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=0 -c jit=off -c client_min_messages=warning"

bench_begin pg_arabic_nd
chmod 755 "$tmp"
xz -dc "$news_xz" > "$tmp/news.txt"
chmod 644 "$tmp/news.txt"

echo "== pg_arabic near-duplicate speed benchmark"
echo "host: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_createdb

psql_db -c 'CREATE EXTENSION pg_arabic' -c 'CREATE EXTENSION pg_trgm' \
	-c 'CREATE TABLE src (id serial, body text)'
psql_db -c "\\copy src(body) FROM '$tmp/news.txt' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"

psql_db -v lookups="$lookups" -v join_rows="$join_rows" <<'SQL'
CREATE TABLE t (id int PRIMARY KEY, body text NOT NULL);
INSERT INTO t SELECT id, body FROM src;
INSERT INTO t SELECT 1000000 + id, 'وبحسب البيان: ' || body FROM src WHERE id % 8 = 0;
INSERT INTO t SELECT 2000000 + id, replace(replace(replace(body, ' في ', ' فِي '), ' من ', ' مِنْ '), 'ال', 'الـ')
  FROM src WHERE id % 9 = 0;
INSERT INTO t SELECT 3000000 + a.id, a.body || ' ' || b.body FROM src a JOIN src b ON b.id = a.id + 1 WHERE a.id % 10 = 0;
VACUUM ANALYZE t;
SELECT count(*) AS rows, pg_size_pretty(pg_table_size('t')) AS table_size FROM t \gset
\echo table: :rows rows, :table_size

-- timing helper: median and p90 of per-query milliseconds
CREATE TABLE timings (what text, ms float8, n bigint);
CREATE FUNCTION time_queries(what text, q text, ids int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE i int; t0 timestamptz; n bigint; b text;
BEGIN
  FOREACH i IN ARRAY ids LOOP
    SELECT body INTO b FROM t WHERE id = i;
    t0 := clock_timestamp();
    EXECUTE q INTO n USING b;
    INSERT INTO timings VALUES (what, 1000 * extract(epoch FROM clock_timestamp() - t0), n);
  END LOOP;
END $$;
CREATE TABLE joins (what text, ms float8, pairs bigint);
CREATE FUNCTION time_join(what text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; n bigint;
BEGIN
  t0 := clock_timestamp();
  EXECUTE q INTO n;
  INSERT INTO joins VALUES (what, 1000 * extract(epoch FROM clock_timestamp() - t0), n);
END $$;
CREATE TABLE builds (what text, ms float8, bytes bigint);
CREATE FUNCTION time_build(what text, ddl text, idx text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE ddl;
  INSERT INTO builds VALUES (what, 1000 * extract(epoch FROM clock_timestamp() - t0), pg_relation_size(idx));
END $$;

-- query paragraphs: every (rows/lookups)-th source paragraph, so about a
-- third of them have planted copies
SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM src WHERE id % greatest((SELECT max(id) FROM src) / :lookups, 1) = 0 LIMIT :lookups) s \gset
\o /dev/null

SET pg_trgm.similarity_threshold = 0.5;

-- GIN: ours, then pg_trgm, each query set run against one index at a time
SELECT time_build('gin_arabic_ops', 'CREATE INDEX t_ar_gin ON t USING gin (body gin_arabic_ops)', 't_ar_gin');
SELECT time_queries('warm-up ours', 'SELECT count(*) FROM t WHERE body ~= $1', (:'ids'::int[])[1:10]);
SELECT time_queries('~= lookup (gin_arabic_ops)', 'SELECT count(*) FROM t WHERE body ~= $1', :'ids'::int[]);
SELECT time_queries('~@> lookup (gin_arabic_ops)', 'SELECT count(*) FROM t WHERE body ~@> $1', :'ids'::int[]);
SET enable_seqscan = off;
SELECT time_join('self-join ~= (gin_arabic_ops), first ' || :join_rows || ' rows against all',
  format('SELECT count(*) FROM (SELECT * FROM t ORDER BY id LIMIT %s) a JOIN t b ON a.body ~= b.body AND a.id <> b.id', :join_rows));
RESET enable_seqscan;
DROP INDEX t_ar_gin;

SELECT time_build('gin_trgm_ops', 'CREATE INDEX t_trgm_gin ON t USING gin (body gin_trgm_ops)', 't_trgm_gin');
SELECT time_queries('warm-up trgm', 'SELECT count(*) FROM t WHERE body % $1', (:'ids'::int[])[1:10]);
SELECT time_queries('% lookup (gin_trgm_ops, 0.5)', 'SELECT count(*) FROM t WHERE body % $1', :'ids'::int[]);
SELECT time_queries('<% lookup (gin_trgm_ops, word_similarity 0.6)', 'SELECT count(*) FROM t WHERE $1 <% body', :'ids'::int[]);
SET enable_seqscan = off;
SELECT time_join('self-join % (gin_trgm_ops, 0.5), first ' || :join_rows || ' rows against all',
  format('SELECT count(*) FROM (SELECT * FROM t ORDER BY id LIMIT %s) a JOIN t b ON a.body %% b.body AND a.id <> b.id', :join_rows));
RESET enable_seqscan;
DROP INDEX t_trgm_gin;

-- GiST and KNN
SELECT time_build('gist_arabic_ops', 'CREATE INDEX t_ar_gist ON t USING gist (body gist_arabic_ops)', 't_ar_gist');
SELECT time_queries('KNN 10 (gist_arabic_ops)', 'SELECT count(*) FROM (SELECT id FROM t ORDER BY body <~> $1 LIMIT 10) k', :'ids'::int[]);
DROP INDEX t_ar_gist;
-- gist_trgm_ops cannot index the longest paragraphs ("index row requires
-- 8728 bytes, maximum size is 8191"): record the failure instead of stopping
CREATE TABLE failures (what text, error text);
DO $$
BEGIN
  PERFORM time_build('gist_trgm_ops', 'CREATE INDEX t_trgm_gist ON t USING gist (body gist_trgm_ops)', 't_trgm_gist');
  PERFORM time_queries('KNN 10 (gist_trgm_ops)', 'SELECT count(*) FROM (SELECT id FROM t ORDER BY body <-> $1 LIMIT 10) k',
                       (SELECT array_agg(id ORDER BY id) FROM t WHERE id < 1000000 AND id % (177839 / 100) = 0));
  DROP INDEX t_trgm_gist;
EXCEPTION WHEN others THEN
  INSERT INTO failures VALUES ('gist_trgm_ops', SQLERRM);
END $$;

\o
\echo
\echo index builds
SELECT what, round(ms::numeric) AS build_ms, pg_size_pretty(bytes) AS size,
       round((bytes::numeric / (SELECT bytes FROM builds WHERE what = 'gin_trgm_ops')), 3) AS size_vs_gin_trgm
FROM builds ORDER BY what;
\echo lookups (one query per paragraph; medians over the query paragraphs)
SELECT what, count(*) AS queries,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS median_ms,
       round(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p90_ms,
       round(avg(n)::numeric, 1) AS avg_rows
FROM timings WHERE what NOT LIKE 'warm-up%' GROUP BY what ORDER BY what;
\echo failures
SELECT * FROM failures ORDER BY what;
\echo self-joins (index-assisted nested loop)
SELECT what, round(ms::numeric) AS ms, pairs FROM joins ORDER BY what;
SQL
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
