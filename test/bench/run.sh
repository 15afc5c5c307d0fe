#!/usr/bin/env bash
# test/bench/run.sh: the normalization benchmark of pg_arabic.
#
# Measures, in one PostgreSQL backend, the per-row cost of arabic_normalize()
# under each profile and of arabic_tokens() over the SaudiNewsNet paragraphs
# (../shared/data/news), against baselines measured in the same run: length(),
# lower() of a UTF8 database, to_tsvector('arabic') and a pure-SQL version of
# the camel profile.  Then checks that time and memory are linear in the
# size of one value (1, 10, 100 MB), and measures the core engine alone
# (test/bench/core_bench.c, no PostgreSQL).
#
# Runs inside a throwaway cluster: `make bench` (pg_virtualenv sets
# PGHOST/PGPORT/PGUSER; the extension must be installable).  The connecting
# role must be a superuser to read the backend's memory figures; without it
# those columns say n/a.
#
# Environment:
#   PG_ARABIC_SHARED   the shared folder (default: ../shared beside the repo)
#   BENCH_ROUNDS       timed runs of each query, median reported (default 5)
#   BENCH_SLOW_LINES   paragraphs copied onto the slow path (default 30000)
#   BENCH_LINEAR_MB    value sizes for the linearity check (default "1 10 100")
#   BENCH_CORE_RUNS    runs of the core benchmark, median reported (default 5)
# Prints everything to stdout; the summary also goes to test/bench/out/results.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
rounds=${BENCH_ROUNDS:-5}
slow_lines=${BENCH_SLOW_LINES:-30000}
linear_mb=${BENCH_LINEAR_MB:-1 10 100}
core_runs=${BENCH_CORE_RUNS:-5}
db=pg_arabic_bench
outdir=$root/test/bench/out

bench_need_news
bench_need_tools psql xz gcc

# One backend, no parallel workers, no JIT (its compile time is noise here).
export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=0 -c jit=off -c client_min_messages=warning"
export PGDATABASE=$db

bench_begin pg_arabic_bench

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "== pg_arabic normalization benchmark"
echo "host: ${cpu:-unknown CPU}, $(nproc) cores; $(psql_admin -Atc 'SELECT version()' | cut -d, -f1)"
echo "method: every figure is the median of several runs (rounds interleave the queries),"
echo "        because other work may share this machine; one backend, no parallel workers, jit off"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------
news=$tmp/news_paragraphs.txt
xz -dc "$news_xz" > "$news"
echo "data: $news_xz ($(wc -l < "$news") lines, $(( $(wc -c < "$news") / 1000000 )) MB unpacked)"

bench_createdb
psql_db -c "CREATE EXTENSION pg_arabic"
psql_db -v slow_lines="$slow_lines" -f "$here/setup.sql" < "$news"

IFS='|' read -r n_all n_asis n_slow tbl_size avg_bytes avg_chars < <(psql_db -At -c "
	SELECT count(*), count(*) FILTER (WHERE NOT slow), count(*) FILTER (WHERE slow),
	       pg_size_pretty(pg_total_relation_size('bench_news')),
	       round(avg(octet_length(body))), round(avg(length(body)))
	FROM bench_news")
IFS='|' read -r icu_nfc icu_nfkc < <(psql_db -At -c "
	SELECT count(*) FILTER (WHERE NOT body IS NFC NORMALIZED
	                          OR body ~ '[\uFB50-\uFDFF\uFE70-\uFEFF]'),
	       count(*) FILTER (WHERE NOT body IS NFKC NORMALIZED
	                          OR body ~ U&'\FDFD')
	FROM bench_news WHERE NOT slow")
echo "table bench_news (UNLOGGED, $tbl_size): $n_all rows = $n_asis paragraphs as is + $n_slow slow-path copies"
echo "  slow-path copy of paragraph i <= $slow_lines:"
echo "    'ﻋﺎﺟـــﻞ: ' || replace(replace(body, 'لا', 'ﻻ'), 'ة ', 'ةٌ ')"
echo "    (lead-in word in presentation forms with tatweel, every lam-alef as the ligature"
echo "     U+FEFB, tanween U+064C after each word-final teh marbuta: all three profiles run ICU)"
echo "  average row: $avg_bytes bytes, $avg_chars characters"
echo "  as-is paragraphs that already need the Unicode stage: $icu_nfc (display/search), $icu_nfkc (camel)"
echo

# ---------------------------------------------------------------------------
# Per-row cost
# ---------------------------------------------------------------------------
# CAMeL Tools' normalize_unicode (two fixes, then NFKC), dediac_ar,
# normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar.
chain="translate(regexp_replace(normalize(replace(replace(body, U&'\\FDFC', 'ريال'), U&'\\FDFD', 'بسم الله الرحمن الرحيم'), NFKC), '[\\u064B-\\u0652\\u0670]', '', 'g'), 'أإآٱىة', 'اااايه')"

# label <TAB> row set (all, asis, slow) <TAB> expression summed per row
exprs=$(cat <<EOF
length(t)	all	length(body)
lower(t)	all	length(lower(body))
to_tsvector('arabic', t)	all	length(to_tsvector('arabic', body))
pure-SQL camel chain	all	length($chain)
arabic_normalize(t, 'display')	all	length(arabic_normalize(body, 'display'))
arabic_normalize(t, 'search')	all	length(arabic_normalize(body, 'search'))
arabic_normalize(t, 'camel')	all	length(arabic_normalize(body, 'camel'))
arabic_tokens(t)	all	cardinality(arabic_tokens(body))
length(t)	asis	length(body)
lower(t)	asis	length(lower(body))
pure-SQL camel chain	asis	length($chain)
arabic_normalize(t, 'display')	asis	length(arabic_normalize(body, 'display'))
arabic_normalize(t, 'search')	asis	length(arabic_normalize(body, 'search'))
arabic_normalize(t, 'camel')	asis	length(arabic_normalize(body, 'camel'))
length(t)	slow	length(body)
lower(t)	slow	length(lower(body))
pure-SQL camel chain	slow	length($chain)
arabic_normalize(t, 'display')	slow	length(arabic_normalize(body, 'display'))
arabic_normalize(t, 'search')	slow	length(arabic_normalize(body, 'search'))
arabic_normalize(t, 'camel')	slow	length(arabic_normalize(body, 'camel'))
EOF
)

{
	echo "CREATE TABLE bench_expr (ord int, label text, grp text, query text);"
	echo "COPY bench_expr FROM stdin WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01');"
	i=0
	while IFS=$'\t' read -r label grp expr; do
		i=$((i + 1))
		case $grp in
			all) where= ;;
			asis) where=" WHERE NOT slow" ;;
			slow) where=" WHERE slow" ;;
		esac
		printf '%s\t%s\t%s\t%s\n' "$i" "$label" "$grp" "SELECT sum($expr) FROM bench_news$where"
	done <<< "$exprs"
	echo '\.'
} > "$tmp/expr.sql"
psql_db -f "$tmp/expr.sql"
n_expr=$(psql_db -Atc "SELECT count(*) FROM bench_expr")

# Warm the table into shared buffers (and the OS cache) before timing.
psql_db -Atc "SELECT sum(length(body)) FROM bench_news" >/dev/null
psql_db -Atc "SELECT sum(length(body)) FROM bench_news" >/dev/null

echo "timing $n_expr queries x $rounds rounds (each round one session, queries in rotated order)"
for r in $(seq 1 "$rounds"); do
	{
		# load dictionaries, ICU data and the library before anything is timed
		echo "SELECT arabic_normalize(U&'\\FEFB', 'camel'), arabic_normalize(U&'\\FEFB', 'search'),"
		echo "       arabic_tokens('وبالمدينة'), to_tsvector('arabic', 'الكتاب'), lower('x'),"
		echo "       normalize(U&'\\FEFB', NFKC) \\g /dev/null"
		for k in $(seq 0 $((n_expr - 1))); do
			ord=$(( (k + (r - 1) * 3) % n_expr + 1 ))
			echo "INSERT INTO bench_timing SELECT ord, $r, bench_ms(query) FROM bench_expr WHERE ord = $ord;"
		done
	} > "$tmp/round.sql"
	t0=$(date +%s)
	psql_db -f "$tmp/round.sql"
	echo "  round $r/$rounds done in $(( $(date +%s) - t0 )) s"
done
echo

# label, grp, rows, median, min, max, raw ns/row, net ns/row, x lower, x chain
report_sql="
WITH n AS (
    SELECT 'all' AS grp, count(*) AS rows FROM bench_news
    UNION ALL SELECT 'asis', count(*) FROM bench_news WHERE NOT slow
    UNION ALL SELECT 'slow', count(*) FROM bench_news WHERE slow
), m AS (
    SELECT e.ord, e.label, e.grp, n.rows,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) AS med,
           min(t.ms) AS lo, max(t.ms) AS hi
    FROM bench_expr e
    JOIN bench_timing t ON t.ord = e.ord
    JOIN n USING (grp)
    GROUP BY e.ord, e.label, e.grp, n.rows
), m2 AS (
    SELECT m.*, 1e6 * med / rows AS raw_ns,
           1e6 * (med - (SELECT b.med FROM m b WHERE b.grp = m.grp AND b.label = 'length(t)')) / rows AS net_ns
    FROM m
)
SELECT label, grp, rows, round(med::numeric, 1), round(lo::numeric, 1), round(hi::numeric, 1),
       round(raw_ns::numeric, 1), round(net_ns::numeric, 1),
       CASE WHEN label = 'length(t)' THEN '-' ELSE
         coalesce(round((net_ns / nullif((SELECT l.net_ns FROM m2 l WHERE l.grp = m2.grp AND l.label = 'lower(t)'), 0))::numeric, 3)::text, '-') END,
       CASE WHEN label = 'length(t)' THEN '-' ELSE
         coalesce(round((net_ns / nullif((SELECT c.net_ns FROM m2 c WHERE c.grp = m2.grp AND c.label = 'pure-SQL camel chain'), 0))::numeric, 3)::text, '-') END
FROM m2 ORDER BY ord"
psql_db -At -F'|' -c "$report_sql" > "$tmp/report.txt"

grp_name() {
	case $1 in
		all) echo "all $n_all rows" ;;
		asis) echo "the $n_asis as-is rows (mostly fast path)" ;;
		slow) echo "the $n_slow slow-path copies (ICU stage)" ;;
	esac
}
fmt_table() {	# $1: row set; markdown when $2 = md
	awk -F'|' -v grp="$1" -v md="${2:-}" '
	BEGIN {
		if (md) {
			print "| expression | median ms | min-max ms | ns/row raw | ns/row net | net / lower(t) | net / SQL chain |"
			print "|---|---:|---:|---:|---:|---:|---:|"
		} else {
			printf "%-32s | %9s | %17s | %8s | %8s | %8s | %9s\n", "expression", "median ms", "min-max ms", "ns/row", "net ns", "x lower", "x SQLchain"
			printf "%-32s-+-%9s-+-%17s-+-%8s-+-%8s-+-%8s-+-%9s\n", "--------------------------------", "---------", "-----------------", "--------", "--------", "--------", "---------"
		}
	}
	$2 == grp {
		if (md)
			printf "| `%s` | %s | %s-%s | %s | %s | %s | %s |\n", $1, $4, $5, $6, $7, $8, $9, $10
		else
			printf "%-32s | %9s | %17s | %8s | %8s | %8s | %9s\n", $1, $4, $5 "-" $6, $7, $8, $9, $10
	}' "$tmp/report.txt"
}
val() {	# label grp field
	awk -F'|' -v l="$1" -v g="$2" -v f="$3" '$1 == l && $2 == g { print $f }' "$tmp/report.txt"
}

table_note="median of $rounds runs; ns/row raw = median / rows; net = minus the length(t) scan of the same rows
(detoast + scan + length() of the input); x lower and x SQLchain are ratios of net ns/row (lower is faster);
arabic_tokens is summed with cardinality(), so its net figure slightly under-counts"
for g in all asis slow; do
	echo "per-row cost over $(grp_name $g):"
	fmt_table $g
	echo
done
echo "$table_note"
echo

lower_net=$(val 'lower(t)' all 8)
search_net=$(val "arabic_normalize(t, 'search')" all 8)
camel_net=$(val "arabic_normalize(t, 'camel')" all 8)
chain_net=$(val 'pure-SQL camel chain' all 8)
lower_raw=$(val 'lower(t)' all 7)
search_raw=$(val "arabic_normalize(t, 'search')" all 7)
camel_raw=$(val "arabic_normalize(t, 'camel')" all 7)
chain_raw=$(val 'pure-SQL camel chain' all 7)
read -r search_ratio search_ratio_raw search_verdict camel_speedup camel_speedup_raw camel_verdict < <(
	awk -v s="$search_net" -v l="$lower_net" -v sr="$search_raw" -v lr="$lower_raw" \
	    -v c="$camel_net" -v q="$chain_net" -v cr="$camel_raw" -v qr="$chain_raw" 'BEGIN {
		r = s / l; rr = sr / lr; k = q / c; kr = qr / cr
		printf "%.3f %.3f %s %.1f %.1f %s\n", r, rr, (r <= 0.6 ? "PASS" : "MISS"), k, kr, (k >= 10 ? "PASS" : "MISS")
	}')
target_search="target search <= 0.6 x lower(t) per row: $search_verdict (search $search_net ns/row net vs lower(t) $lower_net ns/row net: ratio $search_ratio; raw $search_raw vs $lower_raw ns/row: $search_ratio_raw)"
target_camel="target camel >= 10x faster than the pure-SQL chain: $camel_verdict (chain $chain_net ns/row net vs camel $camel_net ns/row net: ${camel_speedup}x; raw ${camel_speedup_raw}x)"
echo "$target_search"
echo "$target_camel"
echo

# ---------------------------------------------------------------------------
# Correctness in the same run
# ---------------------------------------------------------------------------
IFS='|' read -r dis_all dis_asis dis_slow < <(psql_db -At -c "
	SELECT count(*) FILTER (WHERE d), count(*) FILTER (WHERE d AND NOT slow), count(*) FILTER (WHERE d AND slow)
	FROM (SELECT slow, $chain IS DISTINCT FROM arabic_normalize(body, 'camel') AS d FROM bench_news) s")
agree="pure-SQL chain vs arabic_normalize(t, 'camel'): $((n_all - dis_all)) of $n_all rows agree, $dis_all disagree ($dis_asis as-is, $dis_slow slow copies)"
echo "$agree"
if [ "$dis_all" != 0 ]; then
	echo "  first disagreements (id, slow, first differing character position, chain | camel around it):"
	psql_db -At -F' | ' -c "
		WITH d AS (
			SELECT id, slow, $chain AS a, arabic_normalize(body, 'camel') AS b
			FROM bench_news WHERE $chain IS DISTINCT FROM arabic_normalize(body, 'camel')
			ORDER BY id LIMIT 3)
		SELECT id, slow, p, substr(a, greatest(p - 10, 1), 25), substr(b, greatest(p - 10, 1), 25)
		FROM d, LATERAL (SELECT min(i) AS p FROM generate_series(1, greatest(length(a), length(b)) + 1) i
		                 WHERE substr(a, i, 1) IS DISTINCT FROM substr(b, i, 1)) x" | sed 's/^/    /'
fi
IFS='|' read -r path_search path_camel < <(psql_db -At -c "
	SELECT count(*) FILTER (WHERE arabic_normalize(s.body, 'search') IS DISTINCT FROM arabic_normalize('عاجل: ' || a.body, 'search')),
	       count(*) FILTER (WHERE arabic_normalize(s.body, 'camel') IS DISTINCT FROM arabic_normalize('عاجـــل: ' || a.body, 'camel'))
	FROM bench_news s JOIN bench_news a ON a.id = s.id - $n_asis AND NOT a.slow
	WHERE s.slow")
paths="ICU path vs fast path on the $n_slow slow copies (each against its as-is paragraph with the plain lead-in): $path_search differ under search, $path_camel under camel"
echo "$paths"
echo

# ---------------------------------------------------------------------------
# Linear time and memory in the size of one value
# ---------------------------------------------------------------------------
echo "linear check: one value of ${linear_mb// /, } MB (MB = 10^6 bytes), arabic_normalize(v, 'search'), median of 3 runs"
psql_db -v sizes="{${linear_mb// /,}}" -f "$here/linear.sql"
# memory: each query alone in a fresh backend
psql_db -At -F'|' -c "SELECT path, mb, what FROM lin_q ORDER BY mb, path, what" |
while IFS='|' read -r p mb what; do
	psql_db -c "INSERT INTO lin_m SELECT path, mb, what, bench_peak_kb(q) FROM lin_q
	            WHERE path = '$p' AND mb = $mb AND what = '$what'" < /dev/null
done
psql_db -At -F'|' -f "$here/linear_report.sql" > "$tmp/linear.txt"
lin_head=$(printf '%-9s | %6s | %10s | %11s | %10s | %9s | %9s | %13s | %9s' \
	path MB 'length ms' 'normalize ms' 'net ms' 'net ms/MB' 'raw ms/MB' 'peak extra MB' 'mem/input')
fmt_linear() {
	if [ "${1:-}" = md ]; then
		echo "| path | MB | length(v) ms | normalize ms | net ms | net ms/MB | raw ms/MB | peak extra MB | peak / input |"
		echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
		awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$tmp/linear.txt"
	else
		echo "$lin_head"
		echo "$lin_head" | sed 's/[^|]/-/g; s/|/+/g'
		awk -F'|' '{ printf "%-9s | %6s | %10s | %11s | %10s | %9s | %9s | %13s | %9s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$tmp/linear.txt"
	fi
}
fmt_linear
linear_note="net = normalize minus length(v) (detoast of the stored value); peak extra = the backend's
peak RSS during the query, alone in a fresh backend, minus its RSS before (/proc/self/status,
VmHWM reset first; includes the detoasted copy of v; n/a without superuser); fast = a real paragraph repeated, icu = its slow-path variant repeated"
echo "$linear_note"
echo

# ---------------------------------------------------------------------------
# The core alone
# ---------------------------------------------------------------------------
icu_cflags=$(pkg-config --cflags icu-uc 2>/dev/null || true)
icu_libs=$(pkg-config --libs icu-uc 2>/dev/null || echo -licuuc)
# shellcheck disable=SC2086
gcc -O2 -I"$root/src/core" $icu_cflags -o "$tmp/core_bench" "$here/core_bench.c" "$root"/src/core/*.c $icu_libs
echo "core engine alone (test/bench/core_bench.c, gcc -O2, one call per line, output buffer reused):"
"$tmp/core_bench" "$news" "$core_runs" | tee "$tmp/core.txt"
echo

# ---------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------
core_line() { awk -F'|' -v n="$1" '{ k = $1; sub(/ +$/, "", k) } k == n { gsub(/ /, "", $2); gsub(/ /, "", $4); print $2 " MB/s as is, " $4 " MB/s slow" }' "$tmp/core.txt"; }
lin_ratio() {	# path: net ms/MB of the largest size over the smallest
	awk -F'|' -v p="$1" '$1 == p { if (first == "") first = $6; last = $6 } END { if (first > 0) printf "%.2f", last / first; else print "n/a" }' "$tmp/linear.txt"
}
summary=$(cat <<SUMMARY
summary ($n_all rows: $n_asis as is + $n_slow slow-path copies; median of $rounds runs; $(date -u +%Y-%m-%d), ${cpu:-unknown CPU})
  lower(t) $lower_net ns/row net; search $search_net, camel $camel_net, pure-SQL chain $chain_net
  $target_search
  $target_camel
  $agree
  $paths
  linear: net ms/MB at the largest size / at the smallest: fast $(lin_ratio fast), icu $(lin_ratio icu)
  core: search $(core_line search); camel $(core_line camel); memcpy $(core_line 'memcpy (baseline)')
SUMMARY
)
echo "$summary"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (above 1 means other work shared the CPUs)"

mkdir -p "$outdir"
{
	echo "# pg_arabic normalization benchmark"
	echo
	echo "Measured with \`make bench\` (test/bench/run.sh) on ${cpu:-unknown CPU}, $(nproc) cores,"
	echo "$(psql_admin -Atc 'SELECT version()' | cut -d, -f1), ICU $(psql_db -Atc 'SELECT arabic_icu_version()'), $(date -u +%Y-%m-%d)."
	echo "Data: SaudiNewsNet paragraphs, $n_asis as is plus the first $n_slow again in a slow-path variant"
	echo "(\`'ﻋﺎﺟـــﻞ: ' || replace(replace(body, 'لا', 'ﻻ'), 'ة ', 'ةٌ ')\`), $n_all rows, $avg_bytes bytes on average."
	echo "One backend, no parallel workers, jit off; every figure is the median of $rounds runs."
	echo
	echo "## Per-row cost, all $n_all rows"
	echo
	fmt_table all md
	echo
	for g in asis slow; do
		echo "### $(grp_name $g)"
		echo
		fmt_table $g md
		echo
	done
	echo "$table_note" | tr '\n' ' '
	echo
	echo
	echo "## Targets"
	echo
	echo "- $target_search"
	echo "- $target_camel"
	echo "- $agree"
	echo "- $paths"
	echo
	echo "## One large value"
	echo
	fmt_linear md
	echo
	echo "$linear_note" | tr '\n' ' '
	echo
	echo
	echo "## Core engine alone (no PostgreSQL)"
	echo
	echo '```'
	cat "$tmp/core.txt"
	echo '```'
} > "$outdir/results.md"
echo "(markdown summary written to test/bench/out/results.md)"
