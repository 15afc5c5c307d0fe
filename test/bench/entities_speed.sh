#!/usr/bin/env bash
# test/bench/entities_speed.sh: speed of arabic_entities() in one backend,
# against baselines measured on the same rows in the same run.
#
# Rows: the first ENT_ROWS (default 100,000) non-empty SaudiNewsNet
# paragraphs of ../shared/data/news/news_paragraphs.txt.xz.  A token is a
# word: a run of non-space characters, counted once at load time as
# array_length(regexp_split_to_array(btrim(t), '\s+'), 1) (punctuation stays
# attached; the number of arabic_tokens() words, proclitic elements not
# counted, is printed beside it).  Each query reads every row and returns one
# number, so nothing is shipped to the client:
#   length(t)                          the floor: scan + detoast
#   arabic_normalize(t, 'search')      sum(length(...))
#   to_tsvector('arabic', t)           sum(length(...)), PostgreSQL's own
#   arabic_tokens(t)                   sum(cardinality(...)), the tokenizer the tagger runs on
#   arabic_entities(t)                 SELECT count(*) FROM (SELECT arabic_entities(t) FROM paras) s
# Each is timed BENCH_ROUNDS times (default 3; one session per round, the
# queries in rotated order, after a warm-up that loads the model, the ICU data
# and the snowball dictionary) and the median is reported as ns/token,
# tokens/s and ratios against the baselines (net of the length(t) floor).
# Then one value of about 1 MB (consecutive paragraphs joined by line breaks):
# the time of each function on it (median of 3) and the backend's peak memory,
# each in a fresh backend after a warm-up call: VmHWM of /proc/self/status,
# reset through /proc/self/clear_refs, minus the RSS before (the method of
# test/bench/linear.sql; needs a superuser and Linux, else n/a).
# Then the memory a backend keeps: in a fresh backend (ICU, tokenizer and
# snowball already warm), the memory contexts (pg_backend_memory_contexts:
# all of them, and TopMemoryContext alone, where the model lives) and
# VmRSS/RssAnon just before the first arabic_entities() call, just after it
# (the model loaded) and after tagging ENT_MEM_ROWS (default 10,000)
# paragraphs (bench_backend_mem() of measure.sql; RSS needs a superuser and
# Linux, else n/a); with the model file's size from arabic_entity_model().
# The model image is read into each backend's own memory (not shared), so
# N backends that tag hold N times the difference.
# One backend: max_parallel_workers_per_gather = 0, jit off.
#
# Runs inside a throwaway cluster (pg_virtualenv sets PGHOST/PGPORT/PGUSER):
#   make -s stage && STAGE=$(ls -dt /tmp/pg_arabic_stage-0-* | head -1) &&
#   pg_virtualenv -t -v 15 -o extension_destdir=$STAGE -o shared_buffers=512MB \
#       bash test/bench/entities_speed.sh
# Environment: PG_ARABIC_SHARED (default ../shared beside the repo),
#   ENT_ROWS (default 100000; 0 = every paragraph), BENCH_ROUNDS (default 3),
#   ENT_BIG_MB (size of the single value, default 1), ENT_MEM_ROWS (default 10000).
# Skips (exit 0) without ../shared or without arabic_entities().
# Prints to stdout and writes test/bench/out/entities_speed.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
rows=${ENT_ROWS:-100000}
rounds=${BENCH_ROUNDS:-3}
big_mb=${ENT_BIG_MB:-1}
mem_rows=${ENT_MEM_ROWS:-10000}
db=pg_arabic_entities_bench
outdir=$root/test/bench/out

bench_need_news
bench_need_tools psql xz

export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=0 -c jit=off -c client_min_messages=warning"

bench_begin pg_arabic_entities_bench

bench_createdb
psql_db -c "CREATE EXTENSION pg_arabic"
if [ "$(psql_db -At -c "SELECT to_regprocedure('arabic_entities(text)') IS NOT NULL")" != t ]; then
	echo "skipped: this pg_arabic has no arabic_entities(text) yet"
	exit 0
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "== pg_arabic entity extraction speed"
echo "host: ${cpu:-unknown CPU}, $(nproc) cores; $(psql_admin -Atc 'SELECT version()' | cut -d, -f1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------
xz -dc "$news_xz" > "$tmp/news.txt"
limit=$rows
[ "$rows" = 0 ] && limit=ALL
psql_db -f "$here/measure.sql"  # bench_peak_kb(q), bench_backend_mem()
psql_db -v limit="$limit" -v big_mb="$big_mb" <<SQL
CREATE UNLOGGED TABLE src (id bigint GENERATED ALWAYS AS IDENTITY, t text);
-- CSV with a quote and a delimiter that never occur: one line, one field
\\copy src(t) FROM '$tmp/news.txt' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')
CREATE UNLOGGED TABLE paras AS
SELECT id, t, array_length(regexp_split_to_array(btrim(t), '\\s+'), 1) AS words
FROM src WHERE t IS NOT NULL AND btrim(t) <> '' ORDER BY id LIMIT :limit;
DROP TABLE src;
VACUUM ANALYZE paras;

-- one value of about :big_mb MB: consecutive paragraphs, one per line
CREATE UNLOGGED TABLE big AS
SELECT string_agg(t, E'\\n' ORDER BY id) AS v, sum(words) AS words
FROM (SELECT id, t, words, sum(octet_length(t) + 1) OVER (ORDER BY id) - octet_length(t) - 1 AS start FROM paras) s
WHERE start < :big_mb * 1000000;

-- One timed execution of a query returning one number (planning included).
CREATE FUNCTION bench_ms(q text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; r numeric;
BEGIN
  t0 := clock_timestamp();
  EXECUTE q INTO r;
  RETURN 1000 * extract(epoch FROM clock_timestamp() - t0);
END \$\$;
CREATE TABLE expr (ord int, label text, query text, big_query text);
INSERT INTO expr VALUES
  (1, 'length(t)', 'SELECT sum(length(t)) FROM paras', 'SELECT length(v) FROM big'),
  (2, 'arabic_normalize(t, ''search'')', 'SELECT sum(length(arabic_normalize(t, ''search''))) FROM paras',
      'SELECT length(arabic_normalize(v, ''search'')) FROM big'),
  (3, 'to_tsvector(''arabic'', t)', 'SELECT sum(length(to_tsvector(''arabic'', t))) FROM paras',
      'SELECT length(to_tsvector(''arabic'', v)) FROM big'),
  (4, 'arabic_tokens(t)', 'SELECT sum(cardinality(arabic_tokens(t))) FROM paras',
      'SELECT cardinality(arabic_tokens(v)) FROM big'),
  (5, 'arabic_entities(t)', 'SELECT count(*) FROM (SELECT arabic_entities(t) FROM paras) s',
      'SELECT count(*) FROM (SELECT arabic_entities(v) FROM big) s');
CREATE TABLE timing (ord int, round int, ms float8);
CREATE TABLE big_timing (ord int, ms float8);
CREATE TABLE big_mem (ord int, kb bigint);
SQL

IFS='|' read -r n_rows n_words n_chars tbl_size big_bytes big_words < <(psql_db -At -F'|' -c "
	SELECT count(*), sum(words), sum(length(t)), pg_size_pretty(pg_table_size('paras')),
	       (SELECT octet_length(v) FROM big), (SELECT words FROM big)
	FROM paras")
ar_words=$(psql_db -At -c "SELECT count(*) FROM paras, unnest(arabic_tokens(t)) w WHERE w NOT LIKE '%+'")
echo "data: $news_xz"
echo "  $n_rows paragraphs (table $tbl_size), $n_words words (whitespace), $n_chars characters;"
echo "  arabic_tokens() finds $ar_words words in them (proclitic elements not counted)"
echo "  single value: $big_bytes bytes, $big_words words"
echo

warmup="SELECT count(*) FROM arabic_entities('قال الرئيس فلاديمير بوتين في موسكو'), arabic_normalize('إدلب'),
       to_tsvector('arabic', 'الكتاب'), arabic_tokens('وبالمدينة') \\g /dev/null"
# warm the table into shared buffers and the OS cache
psql_db -Atc "SELECT sum(length(t)) FROM paras" >/dev/null

# ---------------------------------------------------------------------------
# Timed runs
# ---------------------------------------------------------------------------
n_expr=$(psql_db -Atc "SELECT count(*) FROM expr")
echo "timing $n_expr queries x $rounds rounds (one session per round, rotated order)"
for r in $(seq 1 "$rounds"); do
	{
		echo "$warmup"
		for k in $(seq 0 $((n_expr - 1))); do
			ord=$(( (k + r - 1) % n_expr + 1 ))
			echo "INSERT INTO timing SELECT ord, $r, bench_ms(query) FROM expr WHERE ord = $ord;"
		done
	} > "$tmp/round.sql"
	t0=$(date +%s)
	psql_db -f "$tmp/round.sql"
	echo "  round $r/$rounds done in $(( $(date +%s) - t0 )) s"
done

# entities found, by type, on the first 10,000 rows (not timed)
types=$(psql_db -At -F'|' -c "
	WITH s AS (SELECT * FROM paras ORDER BY id LIMIT 10000),
	     e AS (SELECT e.type FROM s, LATERAL arabic_entities(s.t) e)
	SELECT (SELECT count(*) FROM s), (SELECT sum(words) FROM s), coalesce(sum(n), 0),
	       round(1000.0 * coalesce(sum(n), 0) / (SELECT sum(words) FROM s), 1),
	       coalesce(string_agg(type || ' ' || n, ', ' ORDER BY n DESC), '')
	FROM (SELECT type, count(*) AS n FROM e GROUP BY type) t")
IFS='|' read -r s_rows s_words s_ents s_per_k s_types <<< "$types"

# ---------------------------------------------------------------------------
# One large value: time (one session, median of 3) and memory (fresh backend each)
# ---------------------------------------------------------------------------
echo "single value of $big_bytes bytes: time (median of 3) and peak memory (fresh backend each)"
{
	echo "$warmup"
	echo "SELECT bench_ms(big_query) FROM expr \\g /dev/null"
	for i in 1 2 3; do
		echo "INSERT INTO big_timing SELECT ord, bench_ms(big_query) FROM expr;"
	done
} > "$tmp/big.sql"
psql_db -f "$tmp/big.sql"
for ord in $(seq 1 "$n_expr"); do
	printf '%s\n' "$warmup" "INSERT INTO big_mem SELECT ord, bench_peak_kb(big_query) FROM expr WHERE ord = $ord;" | psql_db
done
big_ents=$(psql_db -At -c "SELECT count(*) FROM big, LATERAL arabic_entities(v)")

# ---------------------------------------------------------------------------
# Memory a backend keeps (one fresh backend)
# ---------------------------------------------------------------------------
mem_n=$(psql_db -At -c "SELECT count(*) FROM (SELECT FROM paras LIMIT $mem_rows) s")
echo "memory a backend keeps: before and after the first arabic_entities() call, after $mem_n paragraphs"
psql_db -At -F'|' > "$tmp/mem.txt" <<SQL
SELECT count(*) FROM arabic_normalize('إدلب'), to_tsvector('arabic', 'الكتاب'), arabic_tokens('وبالمدينة') \g /dev/null
SELECT * FROM bench_backend_mem() \g /dev/null
SELECT * FROM bench_backend_mem() \g /dev/null
SELECT 'before', * FROM bench_backend_mem();
SELECT count(*) FROM arabic_entities('قال الرئيس فلاديمير بوتين في موسكو') \g /dev/null
SELECT 'loaded', * FROM bench_backend_mem();
SELECT count(*) FROM (SELECT t FROM paras ORDER BY id LIMIT $mem_rows) p, LATERAL arabic_entities(p.t) e \g /dev/null
SELECT 'after', * FROM bench_backend_mem();
SELECT 'model', bytes, features, gazetteer_keys FROM arabic_entity_model();
SQL

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
# label|median|min|max|raw ns/token|net ns/token|tokens/s|net x normalize|net x tsvector
psql_db -At -F'|' -c "
	WITH m AS (
	  SELECT e.ord, e.label, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) AS med, min(t.ms) AS lo, max(t.ms) AS hi
	  FROM expr e JOIN timing t USING (ord) GROUP BY e.ord, e.label),
	n AS (SELECT m.*, med - (SELECT med FROM m WHERE ord = 1) AS net FROM m)
	SELECT label, round(med::numeric), round(lo::numeric) || '-' || round(hi::numeric),
	       round((1e6 * med / $n_words)::numeric, 1), round((1e6 * net / $n_words)::numeric, 1),
	       to_char($n_words / (med / 1000), 'FM999,999,999,999'),
	       CASE WHEN ord = 1 THEN '-' ELSE round((net / nullif((SELECT net FROM n WHERE ord = 2), 0))::numeric, 2)::text END,
	       CASE WHEN ord = 1 THEN '-' ELSE round((net / nullif((SELECT net FROM n WHERE ord = 3), 0))::numeric, 2)::text END
	FROM n ORDER BY ord" > "$tmp/report.txt"
psql_db -At -F'|' -c "
	WITH t AS (SELECT ord, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS med FROM big_timing GROUP BY ord)
	SELECT replace(replace(e.label, '(t', '(v'), ' t)', ' v)'), round(t.med::numeric, 1), round((t.med - (SELECT med FROM t WHERE ord = 1))::numeric, 1),
	       round((1e6 * t.med / $big_words)::numeric, 1),
	       coalesce(round(m.kb / 1024.0, 1)::text, 'n/a'),
	       coalesce(round(m.kb * 1024.0 / $big_bytes, 2)::text, 'n/a')
	FROM expr e JOIN t USING (ord) LEFT JOIN big_mem m USING (ord) ORDER BY e.ord" > "$tmp/big.txt"

# state|contexts MB|used MB|TopMemoryContext MB|VmRSS MB|RssAnon MB, and the two differences
awk -F'|' '
	function mb(b) { return b == "" ? "n/a" : sprintf("%.1f", b / 1048576) }
	function kmb(k) { return k == "" ? "n/a" : sprintf("%.1f", k / 1024) }
	function dmb(a, b) { return (a == "" || b == "") ? "n/a" : sprintf("%+.1f", (a - b) / 1048576) }
	function dkmb(a, b) { return (a == "" || b == "") ? "n/a" : sprintf("%+.1f", (a - b) / 1024) }
	$1 == "before" || $1 == "loaded" || $1 == "after" { for (i = 2; i <= 6; i++) v[$1, i] = $i }
	END {
		label["before"] = "before the first arabic_entities() call"
		label["loaded"] = "after it (model loaded)"
		label["after"] = "after tagging '"$mem_n"' paragraphs"
		split("before loaded after", st, " ")
		for (k = 1; k <= 3; k++)
			printf "%s|%s|%s|%s|%s|%s\n", label[st[k]], mb(v[st[k], 2]), mb(v[st[k], 3]), mb(v[st[k], 4]), kmb(v[st[k], 5]), kmb(v[st[k], 6])
		printf "%s|%s|%s|%s|%s|%s\n", "**held for the entities: loaded - before**", dmb(v["loaded", 2], v["before", 2]), dmb(v["loaded", 3], v["before", 3]),
			dmb(v["loaded", 4], v["before", 4]), dkmb(v["loaded", 5], v["before", 5]), dkmb(v["loaded", 6], v["before", 6])
		printf "%s|%s|%s|%s|%s|%s\n", "growth while tagging: after - loaded", dmb(v["after", 2], v["loaded", 2]), dmb(v["after", 3], v["loaded", 3]),
			dmb(v["after", 4], v["loaded", 4]), dkmb(v["after", 5], v["loaded", 5]), dkmb(v["after", 6], v["loaded", 6])
	}' "$tmp/mem.txt" > "$tmp/mem_report.txt"
IFS='|' read -r _ model_bytes model_features model_gaz < <(awk -F'|' '$1 == "model"' "$tmp/mem.txt")
held_line=$(awk -F'|' '$1 ~ /^\*\*held/' "$tmp/mem_report.txt")
IFS='|' read -r _ held_ctx _ held_top _ held_anon <<< "$held_line"
model_mb=$(awk -v b="$model_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
summary_mem="memory per backend: the model file is $model_bytes bytes ($model_mb MB; $model_features features, $model_gaz gazetteer keys);"
summary_mem+=" the first arabic_entities() call adds $held_ctx MB to the backend's memory contexts ($held_top MB in TopMemoryContext),"
summary_mem+=" RssAnon $held_anon MB"

ent_line=$(awk -F'|' '$1 == "arabic_entities(t)"' "$tmp/report.txt")
IFS='|' read -r _ ent_med _ ent_raw ent_net ent_tps ent_x_norm ent_x_tsv <<< "$ent_line"
summary="arabic_entities: $ent_raw ns/token raw ($ent_net net of length(t)), $ent_tps tokens/s in one backend;"
summary+=" ${ent_x_norm}x arabic_normalize(t, 'search') and ${ent_x_tsv}x to_tsvector('arabic', t) (net times)"
big_line=$(awk -F'|' '$1 == "arabic_entities(v)"' "$tmp/big.txt")
IFS='|' read -r _ big_ms _ _ big_mem_mb big_mem_x <<< "$big_line"
summary_big="one $big_bytes-byte value: arabic_entities $big_ms ms, $big_ents entities, peak extra memory $big_mem_mb MB (${big_mem_x}x the input)"

out() {
	echo "# pg_arabic entity extraction speed"
	echo
	echo "Measured with test/bench/entities_speed.sh, $(date -u +%Y-%m-%d), ${cpu:-unknown CPU}, $(nproc) cores,"
	echo "$(psql_admin -Atc 'SELECT version()' | cut -d, -f1); load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
	echo "(above 1 means other work shared the CPUs)."
	echo "Rows: the first $n_rows non-empty paragraphs of SaudiNewsNet ($n_words words, $n_chars characters, table $tbl_size)."
	echo "A token is a whitespace-separated word, counted at load time (arabic_tokens() finds $ar_words words, proclitics not counted)."
	echo "One backend (max_parallel_workers_per_gather = 0, jit off); median of $rounds runs, each in its own session."
	echo
	echo "## Over $n_rows paragraphs"
	echo
	echo "| expression | median ms | min-max ms | ns/token raw | ns/token net | tokens/s | net / arabic_normalize | net / to_tsvector |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
	awk -F'|' '{ printf "| `%s` | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$tmp/report.txt"
	echo
	echo "raw = median / tokens; net = minus the length(t) floor (scan and detoast of the same rows); tokens/s from the raw median;"
	echo "the ratios compare net times (lower is faster)."
	echo
	echo "Entities found on the first $s_rows rows ($s_words words): $s_ents, $s_per_k per 1,000 words ($s_types)."
	echo
	echo "## One value of $big_bytes bytes ($big_words words, paragraphs joined by line breaks)"
	echo
	echo "| expression | median ms | net ms | ns/token raw | peak extra MB | peak / input |"
	echo "|---|---:|---:|---:|---:|---:|"
	awk -F'|' '{ printf "| `%s` | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$tmp/big.txt"
	echo
	echo "Time: median of 3 in one session. Peak extra: the backend's peak RSS during the query, alone in a fresh backend after a"
	echo "warm-up call (model, ICU and dictionary already loaded), minus its RSS before (VmHWM reset through /proc/self/clear_refs,"
	echo "as in test/bench/linear.sql); it includes the detoasted copy of the value (see the length(v) line); n/a without superuser."
	echo "arabic_entities returned $big_ents rows for this value."
	echo
	echo "## Memory a backend keeps"
	echo
	echo "One fresh backend, arabic_normalize, to_tsvector and arabic_tokens already called once (ICU, tokenizer and snowball"
	echo "loaded). Memory contexts: sum over pg_backend_memory_contexts (the measuring query's own contexts included, the same"
	echo "at each line), and TopMemoryContext alone, where pg_arabic keeps the model image and what ArModelOpen builds from it."
	echo "VmRSS, RssAnon: /proc/self/status (n/a without superuser; VmRSS also counts the shared buffers the backend touches,"
	echo "RssAnon does not). Model file: $model_bytes bytes ($model_mb MB), $model_features"
	echo "features, $model_gaz gazetteer keys (arabic_entity_model())."
	echo
	echo "| state | contexts MB | contexts used MB | TopMemoryContext MB | VmRSS MB | RssAnon MB |"
	echo "|---|---:|---:|---:|---:|---:|"
	awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$tmp/mem_report.txt"
	echo
	echo "The image is read into each backend's own memory (not shared between backends): N backends that have tagged hold N"
	echo "times the first difference. The second is what tagging leaves behind (caches; it should stay near 0)."
	echo
	echo "## Summary"
	echo
	echo "- $summary"
	echo "- $summary_big"
	echo "- $summary_mem"
}
echo
out | tee "$tmp/out.md" | sed -n '/^## Over/,$p'
mkdir -p "$outdir"
cp "$tmp/out.md" "$outdir/entities_speed.md"
echo "(markdown report written to test/bench/out/entities_speed.md)"
