#!/usr/bin/env bash
# test/bench/shared_server.sh: costs one role can put on others on a shared
# server, measured in the same run against the way 1.0 paid them.
#
#  1. The user gazetteer.  A one-sentence arabic_entities() call with 0,
#     10,000 and 200,000 gazetteer rows: pg_arabic 1.1 reads the gazetteer
#     once per change, so the call should cost the same at every size.  The
#     baseline is 1.0's behaviour, a read in every statement, forced here by
#     changing the gazetteer before each call (what any change still costs,
#     once).
#  2. The query side of a near-duplicate search.  `body <@~ q` through the
#     GIN index over TABLE_ROWS paragraphs, with q of 1 KB, 70 KB and 1 MB:
#     a constant query is fingerprinted once whatever its size (1.0 did so
#     again for every row the index rechecked once it passed 64 KB).  The
#     baseline is the query's own fingerprint time, measured alone: 1.0's
#     search cost about rows rechecked x that time.
#
# Needs no shared data (the text is generated).  Runs in a throwaway
# cluster: make bench BENCH=test/bench/shared_server.sh
# Environment: CALLS (timed calls per case, default 300),
# TABLE_ROWS (default 20000).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
calls=${CALLS:-300}
table_rows=${TABLE_ROWS:-20000}
db=pg_arabic_shared_bench

bench_need_tools psql
export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=0 -c jit=off -c client_min_messages=warning"

bench_begin pg_arabic_shared
echo "== pg_arabic shared-server benchmark"
echo "host: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_createdb
psql_db -c 'CREATE EXTENSION pg_arabic'

sentence='وصل المبعوث الروسي ألكسندر لافرنتيف إلى سوتشي لبحث الوضع في إدلب مع وزير الخارجية التركي'

echo
echo "-- 1. one-sentence arabic_entities() with a user gazetteer of N rows"
echo "   first: the first call of a new session (it reads the gazetteer);"
echo "   cached: the average of $calls further calls, each its own statement;"
echo "   changed: the same with a change to the gazetteer before each call,"
echo "   as 1.0 read the gazetteer in every statement; memory: the cache"
printf '%-10s %10s %12s %12s %8s %10s\n' 'rows' 'first ms' 'cached ms' 'changed ms' 'ratio' 'memory'
for rows in 0 10000 200000; do
	psql_db -q <<SQL
TRUNCATE arabic_gazetteer;
INSERT INTO arabic_gazetteer (name, type, key) VALUES ('سوتشي', 'LOCATION', 'sochi');
-- one-word invented names: the digits of i spelled with ten letters
INSERT INTO arabic_gazetteer (name, type)
SELECT 'ن' || translate(i::text, '0123456789', 'بتثجحخدذرز'), 'PERSON'
FROM generate_series(1, $rows - 1) AS i WHERE $rows > 0;
SQL
	out=$(psql_db -At -v calls="$calls" -v s="$sentence" <<'SQL'
\set QUIET on
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) FROM arabic_entities(:'s') \gset
SELECT round(1000 * extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 2) AS first \gset
SELECT pg_size_pretty(sum(total_bytes)) AS mem FROM pg_backend_memory_contexts
 WHERE name = 'pg_arabic user gazetteer' \gset
CREATE TEMP TABLE sentence AS SELECT :'s'::text AS s;
CREATE FUNCTION pg_temp.avg_ms(n int, change bool) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; c bigint; s text := (SELECT sentence.s FROM sentence);
BEGIN
  t0 := clock_timestamp();
  FOR i IN 1..n LOOP
    IF change THEN
      UPDATE arabic_gazetteer SET key = key WHERE name = 'سوتشي';
    END IF;
    SELECT count(*) INTO c FROM arabic_entities(s);
  END LOOP;
  RETURN round(1000 * extract(epoch FROM clock_timestamp() - t0)::numeric / n, 3);
END $$;
SELECT pg_temp.avg_ms(:calls, false) AS cached \gset
SELECT pg_temp.avg_ms(greatest(:calls / 10, 5), true) AS changed \gset
SELECT :'first', :'cached', :'changed', round(:'changed'::numeric / :'cached'::numeric) || 'x', :'mem';
SQL
	)
	IFS='|' read -r first cached changed ratio mem <<<"$out"
	n=$(psql_db -At -c 'SELECT count(*) FROM arabic_gazetteer')
	printf '%-10s %10s %12s %12s %8s %10s\n' "$n" "$first" "$cached" "$changed" "$ratio" "$mem"
done

echo
echo "-- 2. body <@~ q through GIN over $table_rows paragraphs, by the size of q"
psql_db -q -v rows="$table_rows" <<'SQL'
-- 20,000 invented words (the digits of k spelled with ten letters), and
-- paragraphs of 30 to 60 of them drawn deterministically: paragraphs share
-- words, rarely word pairs
CREATE TABLE words AS
SELECT 'م' || translate(k::text, '0123456789', 'بتثجحخدذرز') AS w, k
FROM generate_series(1, 20000) AS k;
SELECT count(*) AS nwords FROM words \gset
CREATE TABLE t AS
SELECT g AS id,
       (SELECT string_agg(w, ' ' ORDER BY j) FROM generate_series(1, 30 + g % 31) AS j
          JOIN words ON k = 1 + (hashint4(g * 131 + j) & 2147483647) % :nwords) AS body
FROM generate_series(1, :rows) AS g;
CREATE INDEX ON t USING gin (body gin_arabic_ops);
ANALYZE t;
SQL
printf '%-10s %12s %12s %12s %20s\n' 'query' 'query fp ms' 'search ms' 'rows found' '1.0 at least (est.)'
for kb in 1 70 1024; do
	out=$(psql_db -At -v kb="$kb" <<'SQL'
\set QUIET on
SELECT string_agg(body, E'\n' ORDER BY id) AS q
FROM (SELECT id, body, sum(length(body)) OVER (ORDER BY id) AS upto FROM t) s
WHERE upto <= :kb * 1024 / 2 OR id = 1 \gset
-- the query's own fingerprint, once (|| '' keeps it from being folded at plan time)
SELECT clock_timestamp() AS t0 \gset
SELECT cardinality(arabic_fingerprint(:'q' || '')) AS n \gset
SELECT round(1000 * extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1) AS fp_ms \gset
SET enable_seqscan = off;
SELECT clock_timestamp() AS t0 \gset
SELECT count(*) AS found FROM t WHERE body <@~ :'q' \gset
SELECT round(1000 * extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 1) AS search_ms \gset
SELECT :'fp_ms', :'search_ms', :'found', round(:'search_ms'::numeric * 1000 / (SELECT count(*) FROM t), 2);
SQL
	)
	IFS='|' read -r fp_ms search_ms found per1000 <<<"$out"
	# 1.0 fingerprinted a query over 64 KB once per rechecked row (at
	# least every row found), a shorter one once
	est=$(awk -v kb="$kb" -v f="$found" -v fp="$fp_ms" -v ms="$search_ms" \
		'BEGIN { if (kb * 1024 > 65536) printf "%.1f s", (f * fp + ms) / 1000; else printf "%.1f s", ms / 1000 }')
	printf '%-10s %12s %12s %12s %20s\n' "${kb} KB" "$fp_ms" "$search_ms" "$found" "$est"
done
echo
echo "(1.0 fingerprinted a query over 64 KB again for every row the index rechecked;"
echo " its estimate is rows found x query fp ms + the search, a lower bound)"
