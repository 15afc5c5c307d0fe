#!/usr/bin/env bash
# test/bench/dedup_speed.sh: deduplicating a whole table, the all-pairs
# joins of the README section "Deduplicating an archive" against the
# index nested loop (gin_arabic_ops) and pg_trgm's index self-join, in the
# same run.
#
# Table: the SaudiNewsNet paragraphs of ../shared/data/news (177,839) plus
# the planted copies of test/bench/neardup_speed.sh (a lead-in on every 8th,
# diacritics and tatweel on every 9th, every 10th merged with the next) and
# our own rewrites (one word replaced on every 12th, the first two words
# swapped on every 14th): 265,131 rows.  With DEDUP_ROWS=1000000 the table
# grows to one million rows with more rewrites (lead-ins, diacritics, word
# changes, merges of every paragraph) and exact repeats; then only the pairs
# and the groups are measured.
#
# Measured, one backend (max_parallel_workers_per_gather=0) unless
# DEDUP_WORKERS says otherwise:
#   1. the whole table: every near-duplicate pair (similarity >= 0.5), every
#      paragraph inside another (containment >= 0.7), and each story once
#      (groups), each one statement from the text column; time, peak
#      private memory of the backend (RssAnon sampled every 0.1 s), temp
#      files written;
#   2. the baseline: the index nested loop (~= through gin_arabic_ops) over
#      the first JOIN_ROWS rows against the whole table, per row,
#      extrapolated to the table (the full loop takes about 90 minutes);
#   3. recall and precision: on a subset (source paragraphs 1..SUBSET and
#      their copies) the exact pair sets from the index nested loops over ~=
#      and <@~ against the joins on the same subset; pg_trgm's index
#      self-join (% at 0.5, gin_trgm_ops) over the first TRGM_ROWS rows of
#      the subset against the subset, per row, extrapolated.
#
# Run (about 10 minutes): make bench BENCH=test/bench/dedup_speed.sh
# Environment: PG_ARABIC_SHARED, JOIN_ROWS (200), SUBSET (15000),
# TRGM_ROWS (200), DEDUP_ROWS (unset: 265,131 rows), DEDUP_WORKERS (0),
# SKIP_BASELINES (unset; 1 skips parts 2 and 3, for the million-row run).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
join_rows=${JOIN_ROWS:-200}
subset=${SUBSET:-15000}
trgm_rows=${TRGM_ROWS:-200}
workers=${DEDUP_WORKERS:-0}
db=pg_arabic_dedup_bench

bench_need_news
bench_need_tools psql xz
export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=$workers -c jit=off -c client_min_messages=warning"

bench_begin pg_arabic_dedup
chmod 755 "$tmp"
xz -dc "$news_xz" > "$tmp/news.txt"
chmod 644 "$tmp/news.txt"

echo "== pg_arabic: deduplicating an archive"
echo "host: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "settings: work_mem=$(psql -X -At -d postgres -c 'SHOW work_mem'), shared_buffers=$(psql -X -At -d postgres -c 'SHOW shared_buffers'), max_parallel_workers_per_gather=$workers"
bench_createdb

psql_db -c 'CREATE EXTENSION pg_arabic' -c 'CREATE EXTENSION pg_trgm' \
	-c 'CREATE TABLE src (id serial, body text)'
psql_db -c "\\copy src(body) FROM '$tmp/news.txt' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"

if [ -n "${DEDUP_ROWS:-}" ]; then
	psql_db -v rows="$DEDUP_ROWS" <<'SQL'
CREATE TABLE paragraphs (id bigint PRIMARY KEY, src int NOT NULL, paragraph text NOT NULL);
INSERT INTO paragraphs SELECT id, id, body FROM src;
INSERT INTO paragraphs SELECT 1000000 + id, id, 'وبحسب البيان: ' || body FROM src;
INSERT INTO paragraphs SELECT 2000000 + id, id, replace(replace(replace(body, ' في ', ' فِي '), ' من ', ' مِنْ '), 'ال', 'الـ') FROM src;
INSERT INTO paragraphs SELECT 3000000 + a.id, a.id, a.body || ' ' || b.body FROM src a JOIN src b ON b.id = a.id + 1;
INSERT INTO paragraphs SELECT 4000000 + id, id, regexp_replace(body, '^(\S+ \S+ \S+) \S+', '\1 كذلك') FROM src;
-- exact repeats up to the requested size
INSERT INTO paragraphs SELECT 5000000 + g, s.id, s.body
  FROM generate_series(1, greatest(:rows - (SELECT count(*) FROM paragraphs), 0)) g
  JOIN src s ON s.id = (g - 1) % (SELECT count(*) FROM src) + 1;
SQL
else
	psql_db <<'SQL'
CREATE TABLE paragraphs (id bigint PRIMARY KEY, src int NOT NULL, paragraph text NOT NULL);
INSERT INTO paragraphs SELECT id, id, body FROM src;
INSERT INTO paragraphs SELECT 1000000 + id, id, 'وبحسب البيان: ' || body FROM src WHERE id % 8 = 0;
INSERT INTO paragraphs SELECT 2000000 + id, id, replace(replace(replace(body, ' في ', ' فِي '), ' من ', ' مِنْ '), 'ال', 'الـ')
  FROM src WHERE id % 9 = 0;
INSERT INTO paragraphs SELECT 3000000 + a.id, a.id, a.body || ' ' || b.body FROM src a JOIN src b ON b.id = a.id + 1 WHERE a.id % 10 = 0;
INSERT INTO paragraphs SELECT 4000000 + id, id, regexp_replace(body, '^(\S+ \S+ \S+) \S+', '\1 كذلك') FROM src WHERE id % 12 = 0;
INSERT INTO paragraphs SELECT 5000000 + id, id, regexp_replace(body, '^(\S+) (\S+)', '\2 \1') FROM src WHERE id % 14 = 0;
SQL
fi
psql_db -c 'VACUUM ANALYZE paragraphs' -c 'CREATE TABLE timings (what text, ms float8, rows bigint, peak_kb bigint, temp_bytes bigint)'
psql_db -At -c "SELECT count(*) || ' rows, ' || pg_size_pretty(pg_table_size('paragraphs')) FROM paragraphs" | sed 's/^/table: /'

# The statements of the README: test/dedup/{pairs,inside,stories}.sql.
stmts=$root/test/dedup

# timed WHAT TABLE SQLFILE RESULT: runs SQLFILE (which creates the table
# RESULT from TABLE) in a backend of its own, sampling that backend's
# RssAnon; records the time, rows, peak private memory and temp bytes.
timed() {
	local what=$1 tbl=$2 file=$3 result=$4 pidfile="$tmp/pid" peak=0 kb t0 t1 temp0 temp1 rows
	rm -f "$pidfile"
	temp0=$(psql_db -At -c "SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()")
	{
		echo "SELECT pg_backend_pid() \\g $pidfile"
		echo "SELECT pg_sleep(0.3);"
		echo "\\i $file"
	} > "$tmp/run.sql"
	t0=$(date +%s%N)
	psql_db -At -v tbl="$tbl" -v result="$result" -v sim=0.5 -v inside=0.7 -f "$tmp/run.sql" > /dev/null &
	local client=$!
	while [ ! -s "$pidfile" ] && kill -0 "$client" 2>/dev/null; do sleep 0.05; done
	local pid
	pid=$(tr -dc 0-9 < "$pidfile" 2>/dev/null || true)
	while kill -0 "$client" 2>/dev/null; do
		kb=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
		[ -n "$kb" ] && [ "$kb" -gt "$peak" ] && peak=$kb
		sleep 0.1
	done
	wait "$client"
	t1=$(date +%s%N)
	sleep 0.6	# pg_stat_database is updated at most every 0.5 s
	temp1=$(psql_db -At -c "SELECT pg_stat_clear_snapshot(); SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()" | tail -1)
	rows=$(psql_db -At -c "SELECT count(*) FROM $result")
	# 0.3 s of pg_sleep are not part of the statement
	psql_db -c "INSERT INTO timings VALUES ('$what', ($t1 - $t0) / 1e6 - 300, $rows, $peak, $temp1 - $temp0)"
}

echo
echo "-- 1. the whole table, one statement each"
timed 'pairs: similarity >= 0.5 (whole table)' paragraphs "$stmts/pairs.sql" pairs_all
# the million-row run measures pairs and groups only
[ -z "${DEDUP_ROWS:-}" ] && timed 'inside: containment >= 0.7 (whole table)' paragraphs "$stmts/inside.sql" inside_all
timed 'each story once: groups (whole table)' paragraphs "$stmts/stories.sql" stories_all
psql_db <<'SQL'
CREATE FUNCTION ms_of(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  EXECUTE q;
  RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END $$;
INSERT INTO timings SELECT 'fingerprints alone (whole table)',
  ms_of('SELECT count(arabic_fingerprint(paragraph)) FROM paragraphs'), (SELECT count(*) FROM paragraphs);
SQL

if [ -z "${SKIP_BASELINES:-}" ]; then
	echo "-- 2. the baseline: index nested loop, first $join_rows rows against all"
	psql_db -v join_rows="$join_rows" <<'SQL'
CREATE INDEX paragraphs_gin ON paragraphs USING gin (paragraph gin_arabic_ops);
SET enable_seqscan = off;
SELECT count(*) FROM (SELECT * FROM paragraphs ORDER BY id LIMIT 20) a JOIN paragraphs b ON a.paragraph ~= b.paragraph;  -- warm-up
CREATE TABLE t0 AS SELECT clock_timestamp() AS t;
CREATE TABLE nl AS SELECT least(a.id, b.id) AS a, greatest(a.id, b.id) AS b
FROM (SELECT * FROM paragraphs ORDER BY id LIMIT :join_rows) a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id <> b.id;
INSERT INTO timings SELECT 'baseline: ~= index nested loop, ' || :join_rows || ' rows against all',
  1000 * extract(epoch FROM clock_timestamp() - t), (SELECT count(*) FROM nl), NULL, NULL FROM t0;
RESET enable_seqscan;
DROP INDEX paragraphs_gin;
SQL

	echo "-- 3. recall and precision on source paragraphs 1..$subset and their copies"
	psql_db -v subset="$subset" -v trgm_rows="$trgm_rows" <<'SQL'
CREATE TABLE sub AS SELECT id, paragraph FROM paragraphs WHERE src <= :subset;
ALTER TABLE sub ADD PRIMARY KEY (id);
CREATE INDEX sub_gin ON sub USING gin (paragraph gin_arabic_ops);
VACUUM ANALYZE sub;
SET enable_seqscan = off;
DROP TABLE t0;
CREATE TABLE t0 AS SELECT clock_timestamp() AS t;
CREATE TABLE exact_pairs AS SELECT a.id AS a, b.id AS b
FROM sub a JOIN sub b ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO timings SELECT 'subset: exact pairs, ~= index nested loop',
  1000 * extract(epoch FROM clock_timestamp() - t), (SELECT count(*) FROM exact_pairs), NULL, NULL FROM t0;
DROP TABLE t0;
CREATE TABLE t0 AS SELECT clock_timestamp() AS t;
CREATE TABLE exact_inside AS SELECT a.id AS a, b.id AS b
FROM sub a JOIN sub b ON a.paragraph <@~ b.paragraph AND a.id <> b.id;
INSERT INTO timings SELECT 'subset: exact inside, <@~ index nested loop',
  1000 * extract(epoch FROM clock_timestamp() - t), (SELECT count(*) FROM exact_inside), NULL, NULL FROM t0;
RESET enable_seqscan;
DROP INDEX sub_gin;
CREATE INDEX sub_trgm ON sub USING gin (paragraph gin_trgm_ops);
SET pg_trgm.similarity_threshold = 0.5;
SET enable_seqscan = off;
SELECT count(*) FROM (SELECT * FROM sub ORDER BY id LIMIT 10) a JOIN sub b ON a.paragraph % b.paragraph;  -- warm-up
DROP TABLE t0;
CREATE TABLE t0 AS SELECT clock_timestamp() AS t;
CREATE TABLE trgm AS SELECT a.id AS a, b.id AS b
FROM (SELECT * FROM sub ORDER BY id LIMIT :trgm_rows) a JOIN sub b ON a.paragraph % b.paragraph AND a.id <> b.id;
INSERT INTO timings SELECT 'subset: pg_trgm % index nested loop, ' || :trgm_rows || ' rows against the subset',
  1000 * extract(epoch FROM clock_timestamp() - t), (SELECT count(*) FROM trgm), NULL, NULL FROM t0;
RESET enable_seqscan;
SQL
	timed 'subset: pairs join' sub "$stmts/pairs.sql" pairs_sub
	timed 'subset: inside join' sub "$stmts/inside.sql" inside_sub
fi

if [ "$workers" -gt 0 ]; then
	echo "-- 4. the same blocks as tables, $workers parallel workers (the archive-scale and Citus form)"
	psql_db <<'SQL'
DROP TABLE IF EXISTS t0;
CREATE TABLE t0 AS SELECT clock_timestamp() AS t;
CREATE TABLE fp AS SELECT id, arabic_fingerprint(paragraph) AS fp FROM paragraphs;
CREATE TABLE stats AS SELECT arabic_shingle_stats(fp) AS stats FROM fp;
CREATE TABLE keys AS
SELECT fp.id, cardinality(fp.fp) AS n, k.*
FROM fp, arabic_similarity_keys(fp.fp, (SELECT stats FROM stats), 0.5) AS k;
ANALYZE fp, keys;
CREATE TABLE pairs_tables AS
WITH candidates AS (
    SELECT x.id AS a, y.id AS b
    FROM keys x JOIN keys y ON y.key = x.key
    WHERE x.indexed AND (x.n, x.id) < (y.n, y.id) AND 2 * x.n >= y.n
    GROUP BY x.id, y.id
    HAVING count(*) >= min(x.min_shared))
SELECT least(c.a, c.b) AS a, greatest(c.a, c.b) AS b
FROM candidates c JOIN fp x ON x.id = c.a JOIN fp y ON y.id = c.b
WHERE arabic_similarity(x.fp, y.fp) >= real '0.5';
INSERT INTO timings SELECT 'pairs as tables (fp, stats, keys, join), parallel',
  1000 * extract(epoch FROM clock_timestamp() - t), (SELECT count(*) FROM pairs_tables), NULL, NULL FROM t0;
SELECT count(*) AS differences_from_the_statement FROM (
  (TABLE pairs_tables EXCEPT SELECT a, b FROM pairs_all) UNION ALL (SELECT a, b FROM pairs_all EXCEPT TABLE pairs_tables)) d;
SQL
fi

psql_db <<'SQL'
\pset footer off
\echo
\echo timings (ms; peak_mb: private memory of the backend, sampled; temp_mb: temp files written)
SELECT what, round(ms::numeric) AS ms, rows, round(peak_kb / 1024.0) AS peak_mb,
       round(temp_bytes / 1048576.0) AS temp_mb
FROM timings ORDER BY what;
SQL
if [ -z "${SKIP_BASELINES:-}" ]; then
	psql_db -v join_rows="$join_rows" -v trgm_rows="$trgm_rows" <<'SQL'
\pset footer off
\echo recall and precision against the exact nested loops (subset)
SELECT 'similarity >= 0.5' AS pairs,
       (SELECT count(*) FROM exact_pairs) AS exact,
       (SELECT count(*) FROM pairs_sub) AS joined,
       round((SELECT count(*) FROM exact_pairs e JOIN pairs_sub j USING (a, b))::numeric
             / nullif((SELECT count(*) FROM exact_pairs), 0), 4) AS recall,
       round((SELECT count(*) FROM exact_pairs e JOIN pairs_sub j USING (a, b))::numeric
             / nullif((SELECT count(*) FROM pairs_sub), 0), 4) AS precision
UNION ALL
SELECT 'containment >= 0.7',
       (SELECT count(*) FROM exact_inside), (SELECT count(*) FROM inside_sub),
       round((SELECT count(*) FROM exact_inside e JOIN inside_sub j USING (a, b))::numeric
             / nullif((SELECT count(*) FROM exact_inside), 0), 4),
       round((SELECT count(*) FROM exact_inside e JOIN inside_sub j USING (a, b))::numeric
             / nullif((SELECT count(*) FROM inside_sub), 0), 4);
\echo the whole table: the join against the index nested loop, per row extrapolated
WITH n AS (SELECT count(*) AS rows FROM paragraphs),
     base AS (SELECT ms / :join_rows AS per_row FROM timings WHERE what LIKE 'baseline%'),
     j AS (SELECT ms FROM timings WHERE what LIKE 'pairs: similarity%')
SELECT round(base.per_row::numeric, 1) AS nested_loop_ms_per_row,
       round((base.per_row * n.rows / 60000)::numeric, 1) AS nested_loop_minutes_extrapolated,
       round((j.ms / 1000)::numeric, 1) AS join_seconds,
       round((base.per_row * n.rows / j.ms)::numeric, 0) AS speedup
FROM n, base, j;
\echo the subset: the index self-join of pg_trgm against the joins, per row extrapolated
WITH n AS (SELECT count(*) AS rows FROM sub),
     t AS (SELECT ms / :trgm_rows AS per_row FROM timings WHERE what LIKE 'subset: pg_trgm%'),
     e AS (SELECT ms FROM timings WHERE what = 'subset: exact pairs, ~= index nested loop'),
     j AS (SELECT sum(ms) AS ms FROM timings WHERE what IN ('subset: pairs join', 'subset: inside join'))
SELECT n.rows AS subset_rows,
       round((t.per_row * n.rows / 1000)::numeric) AS trgm_seconds_extrapolated,
       round((e.ms / 1000)::numeric, 1) AS nested_loop_seconds,
       round((j.ms / 1000)::numeric, 1) AS both_joins_seconds,
       round((t.per_row * n.rows / j.ms)::numeric) AS vs_trgm
FROM n, t, e, j;
SQL
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
