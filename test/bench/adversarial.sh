#!/usr/bin/env bash
# test/bench/adversarial.sh: what a hostile or careless input costs.
#
# Inputs (each about ADV_MB MB, default 8; written here, no shared data):
#   news         one Arabic news sentence repeated (the ordinary case)
#   marks        ب followed by kasra + fatha pairs (a mark run out of order)
#   latin_marks  a followed by acute + dot-below pairs (Latin mark run)
#   giant_word   ب repeated: one word the size of the input
#   punctuation  ! ؟ ، . « » repeated, no letter at all
#   clitics      وللكم (و + ل + ال + كم) and a space, repeated: most tokens per byte
#   waw          و and a space, repeated: the most array elements per byte
# Functions, each returning one number so nothing goes to the client:
#   length(v)    the floor (detoast), lower(v) the built-in baseline;
#   arabic_normalize display/search/camel, arabic_normalize_unicode,
#   arabic_tokens, arabic_fingerprint, arabic_entities (without and with a
#   row in arabic_gazetteer), and the trigger (an INSERT of the value into a
#   table with arabic_normalize_trigger).
# Reported per input and function:
#   ms/MB        median of BENCH_ROUNDS (default 3) timed runs, and the ratio
#                to lower(v) on the same value in the same run;
#   peak         the backend's peak memory during one call in a fresh
#                backend (after a warm-up call on a short text): VmHWM reset
#                through /proc/self/clear_refs, minus the RSS before, with the
#                detoasted input included; "x in" divides it by the input size,
#                "net" first subtracts the peak of length(v) (the detoast);
#   cancel       on a value of ADV_CANCEL_MB MB (default 128): the call is
#                started in one session, pg_cancel_backend() is sent from
#                another once it has run half its expected time (at most 2 s),
#                and the time from the cancel to the session's end is printed.
# One backend each: max_parallel_workers_per_gather = 0, jit off.
#
#   make bench BENCH=test/bench/adversarial.sh
# Environment: ADV_MB, ADV_CANCEL_MB, BENCH_ROUNDS.  Needs a superuser on
# Linux for the memory column (else n/a).  Prints to stdout and writes
# test/bench/out/adversarial.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
mb=${ADV_MB:-8}
cancel_mb=${ADV_CANCEL_MB:-128}
rounds=${BENCH_ROUNDS:-3}
db=pg_arabic_adversarial_bench
outdir=$root/test/bench/out

bench_need_tools psql awk
export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=0 -c jit=off -c client_min_messages=warning"
bench_begin pg_arabic_adversarial_bench
bench_createdb
psql_db -c "CREATE EXTENSION pg_arabic"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
{
echo "== pg_arabic adversarial inputs"
echo "host: ${cpu:-unknown CPU}, $(nproc) cores; $(psql_admin -Atc 'SELECT version()' | cut -d, -f1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$tmp/report.txt"

# Inputs: unit repeated to about N MB (STORAGE EXTERNAL: no pglz, so the
# detoast is a plain copy in every measurement).
psql_db -f "$here/measure.sql"  # bench_peak_kb(q)
psql_db -v mb="$mb" -v cmb="$cancel_mb" <<'SQL'
CREATE TABLE unit (ord int, name text, head text, unit text);
INSERT INTO unit VALUES
  (1, 'news', '', 'قال وزير الخارجية في مؤتمر صحفي بالرياض إن المحادثات مع الوفد الأمريكي كانت «مثمرة»، وأضاف أن الجانبين اتفقا على مواصلة الحوار. '),
  (2, 'marks', 'ب', E'\u0650\u064E'),
  (3, 'latin_marks', 'a', E'\u0301\u0323'),
  (4, 'giant_word', '', 'ب'),
  (5, 'punctuation', '', '!؟،.«»'),
  (6, 'clitics', '', 'وللكم '),
  (7, 'waw', '', 'و ');
CREATE TABLE input (ord int, name text, v text);
ALTER TABLE input ALTER COLUMN v SET STORAGE EXTERNAL;
INSERT INTO input
SELECT ord, name, head || repeat(unit, (:mb * 1000000 / octet_length(unit))::int) FROM unit;
CREATE TABLE big (ord int, name text, v text);
ALTER TABLE big ALTER COLUMN v SET STORAGE EXTERNAL;
INSERT INTO big
SELECT ord, name, head || repeat(unit, (:cmb * 1000000 / octet_length(unit))::int) FROM unit;

-- a short text for the warm-up call of each fresh backend
CREATE TABLE warm (name text, v text);
INSERT INTO warm VALUES ('warm', 'وبالمدينة ب');

CREATE TABLE trig_t (body text);
ALTER TABLE trig_t ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TRIGGER norm BEFORE INSERT OR UPDATE ON trig_t
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'body');

-- the functions; %s is the input table, %L the input's name
CREATE TABLE fn (ord int, label text, q text, cancel bool);
INSERT INTO fn VALUES
  (1, 'length(v)', 'SELECT length(v) FROM %s WHERE name = %L', false),
  (2, 'lower(v)', 'SELECT length(lower(v)) FROM %s WHERE name = %L', false),
  (3, 'display', 'SELECT length(arabic_normalize(v, ''display'')) FROM %s WHERE name = %L', true),
  (4, 'search', 'SELECT length(arabic_normalize(v, ''search'')) FROM %s WHERE name = %L', true),
  (5, 'camel', 'SELECT length(arabic_normalize(v, ''camel'')) FROM %s WHERE name = %L', true),
  (6, 'normalize_unicode', 'SELECT length(arabic_normalize_unicode(v)) FROM %s WHERE name = %L', true),
  (7, 'tokens', 'SELECT cardinality(arabic_tokens(v)) FROM %s WHERE name = %L', true),
  (8, 'fingerprint', 'SELECT cardinality(arabic_fingerprint(v)) FROM %s WHERE name = %L', true),
  (9, 'entities', 'SELECT count(*) FROM %s, arabic_entities(v) WHERE name = %L', true),
  (10, 'trigger', 'WITH i AS (INSERT INTO trig_t SELECT v FROM %s WHERE name = %L RETURNING length(body)) SELECT sum(length) FROM i', true),
  (11, 'entities+gazetteer', 'SELECT entities_gaz(''%s'', %L)', true);
-- arabic_entities with one row in arabic_gazetteer (the matching path that
-- merges user names): the row is added in its own statement, so the call
-- sees it, and removed after
CREATE FUNCTION entities_gaz(tbl text, nm text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE r bigint;
BEGIN
  INSERT INTO arabic_gazetteer (name, type) VALUES ('بيدرسون', 'PERSON');
  EXECUTE format('SELECT count(*) FROM %s, arabic_entities(v) WHERE name = %L', tbl, nm) INTO r;
  DELETE FROM arabic_gazetteer;
  RETURN r;
END $$;

CREATE FUNCTION bench_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; r numeric;
BEGIN
  t0 := clock_timestamp();
  EXECUTE q INTO r;
  RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END $$;
CREATE TABLE timing (ord int, f int, ms float8);
CREATE TABLE mem (ord int, f int, kb bigint);
CREATE TABLE cancel (ord int, f int, ran_ms float8, latency_ms float8, outcome text);
SQL

# 1. time: every function on every input, BENCH_ROUNDS times
echo "timing ($rounds rounds of $(psql_db -At -c "SELECT count(*) FROM input") inputs x $(psql_db -At -c "SELECT count(*) FROM fn") functions) ..."
for r in $(seq 1 "$rounds"); do
	psql_db <<'SQL'
DO $$
DECLARE i record; f record;
BEGIN
  FOR i IN SELECT ord, name FROM input ORDER BY ord LOOP
    FOR f IN SELECT ord, q FROM fn ORDER BY ord LOOP
      INSERT INTO timing VALUES (i.ord, f.ord, bench_ms(format(f.q, 'input', i.name)));
      TRUNCATE trig_t;
    END LOOP;
  END LOOP;
END $$;
SQL
done

# 2. memory: one fresh backend per input and function, after a warm-up call
echo "peak memory ..."
while IFS='|' read -r iord iname ford; do
	psql_db -At <<SQL
SELECT bench_ms(format(q, 'warm', 'warm')) FROM fn WHERE ord = $ford \gset
TRUNCATE trig_t;
INSERT INTO mem SELECT $iord, $ford, bench_peak_kb(format(q, 'input', '$iname')) FROM fn WHERE ord = $ford;
TRUNCATE trig_t;
SQL
done < <(psql_db -At -F'|' -c "SELECT i.ord, i.name, f.ord FROM input i, fn f ORDER BY 1, 3")

# 3. cancel latency on the big inputs
echo "cancel latency on ${cancel_mb} MB values ..."
while IFS='|' read -r iord iname ford flabel wait_s; do
	marker="adv_cancel_${iord}_${ford}"
	q=$(psql_db -At -c "SELECT format(q, 'big', '$iname') FROM fn WHERE ord = $ford")
	start=$(date +%s%N)
	( psql_db -At -c "/* $marker */ $q" >"$tmp/cancel.out" 2>&1; echo $? >"$tmp/cancel.rc" ) &
	bg=$!
	pid=
	for _ in $(seq 1 200); do
		pid=$(psql_admin -At -c "SELECT pid FROM pg_stat_activity WHERE query LIKE '/* $marker */%' AND state = 'active'")
		[ -n "$pid" ] && break
		kill -0 "$bg" 2>/dev/null || break
		sleep 0.05
	done
	sleep "$wait_s"
	sent=$(date +%s%N)
	if [ -n "$pid" ] && kill -0 "$bg" 2>/dev/null; then
		psql_admin -At -c "SELECT pg_cancel_backend($pid)" >/dev/null
	fi
	wait "$bg" || true
	done_ns=$(date +%s%N)
	if grep -q 'canceling statement' "$tmp/cancel.out"; then outcome=canceled; else outcome=finished; fi
	psql_db -c "INSERT INTO cancel VALUES ($iord, $ford, $(( (sent - start) / 1000000 )), $(( (done_ns - sent) / 1000000 )), '$outcome')"
	psql_db -c "TRUNCATE trig_t" >/dev/null
done < <(psql_db -At -F'|' -c "
	SELECT i.ord, i.name, f.ord, f.label,
	       round(least(2.0, greatest(0.3, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) * $cancel_mb / $mb / 2000.0))::numeric, 2)
	FROM input i JOIN timing t ON t.ord = i.ord JOIN fn f ON f.ord = t.f
	WHERE f.cancel GROUP BY i.ord, i.name, f.ord, f.label ORDER BY 1, 3")

psql_db -At <<'SQL' | tee -a "$tmp/report.txt"
\pset footer off
\pset format aligned
\pset tuples_only off
SELECT 'input sizes: ' || string_agg(name || ' ' || round(octet_length(v) / 1e6, 1) || ' MB', ', ' ORDER BY ord) AS " "
FROM input;
WITH med AS (
  SELECT ord, f, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms FROM timing GROUP BY ord, f
), sz AS (SELECT ord, name, octet_length(v) AS bytes FROM input)
SELECT sz.name AS input, fn.label AS function,
       round((med.ms / (sz.bytes / 1e6))::numeric, 1) AS "ms/MB",
       round((med.ms / nullif(low.ms, 0))::numeric, 1) AS "x lower()",
       CASE WHEN m.kb IS NULL THEN 'n/a' ELSE round(m.kb / 1024.0, 1)::text END AS "peak MB",
       round((m.kb * 1024.0 / sz.bytes)::numeric, 2) AS "x in",
       round(((m.kb - floor_m.kb) * 1024.0 / sz.bytes)::numeric, 2) AS net,
       CASE WHEN c.outcome IS NULL THEN '' ELSE c.outcome || ' after ' || c.ran_ms || ' ms: ' || c.latency_ms || ' ms' END AS cancel
FROM sz JOIN med ON med.ord = sz.ord JOIN fn ON fn.ord = med.f
JOIN med low ON low.ord = sz.ord AND low.f = 2
LEFT JOIN mem m ON m.ord = sz.ord AND m.f = fn.ord
LEFT JOIN mem floor_m ON floor_m.ord = sz.ord AND floor_m.f = 1
LEFT JOIN cancel c ON c.ord = sz.ord AND c.f = fn.ord
ORDER BY sz.ord, fn.ord;
SELECT 'worst cancel latency: ' || max(latency_ms) || ' ms (' || count(*) FILTER (WHERE outcome = 'canceled') ||
       ' of ' || count(*) || ' calls canceled, the rest finished first)' AS " " FROM cancel;
SQL
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$tmp/report.txt"
mkdir -p "$outdir"
{ echo '```'; cat "$tmp/report.txt"; echo '```'; } >"$outdir/adversarial.md"
echo "written: test/bench/out/adversarial.md"
