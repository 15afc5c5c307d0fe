#!/usr/bin/env bash
# test/bench/costs.sh: per-call CPU of each pg_arabic function and operator,
# as a multiple of what the planner's COST 1 stands for (cpu_operator_cost:
# one call of a cheap built-in operator, here int4ne, measured as 20 calls a
# row) in the same run on the same rows: the COST the SQL scripts declare.
# Also the rows each set-returning function gives per call (their ROWS).
#
# Each expression runs over ROWS news paragraphs (../shared/data/news; the
# sample corpus's paragraphs repeated when that is absent) in
# SELECT count(*) ... WHERE (expr) IS NOT NULL; the best of REPEAT runs,
# less a scan with no expression, divided by the rows and by the unit.
# Runs in a throwaway cluster: make bench BENCH=test/bench/costs.sh
# Environment: ROWS (default 5000), REPEAT (default 3).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
rows=${ROWS:-5000}
repeat=${REPEAT:-3}
db=pg_arabic_costs_bench

bench_need_tools psql xz
export PGOPTIONS="${PGOPTIONS:-} -c max_parallel_workers_per_gather=0 -c jit=off -c client_min_messages=warning"

bench_begin pg_arabic_costs
echo "== pg_arabic per-call costs (COST 1 = one int4ne call)"
echo "host: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_createdb
psql_db -c 'CREATE EXTENSION pg_arabic'
psql_db -c 'CREATE TABLE p (id serial, body text)'
if [ -f "$news_xz" ]; then
	(xz -dc "$news_xz" || true) | head -n "$rows" >"$tmp/p.txt"
	psql_db -c "\\copy p (body) FROM '$tmp/p.txt' WITH (FORMAT text)"
	echo "data: $rows news paragraphs"
else
	psql_db -f "$root/test/data/sample_corpus.sql" >/dev/null
	psql_db -c "INSERT INTO p (body) SELECT x.paragraph FROM generate_series(1, ($rows / 52) + 1), articles a, arabic_paragraphs(a.body) x LIMIT $rows"
	echo "data: $rows paragraphs of the sample corpus (news corpus absent)"
fi
psql_db -c 'ALTER TABLE p SET (autovacuum_enabled = off)' -c 'VACUUM ANALYZE p'
psql_db -c "SELECT avg(length(body))::int AS mean_chars FROM p" -At | sed 's/^/mean paragraph length (chars): /'

# best time in ms of "SELECT count(*) FROM p<from> WHERE <expr>"
best() {
	local from=$1 expr=$2 t best=
	for _ in $(seq "$repeat"); do
		t=$(psql_db -At -c "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) SELECT count(*) FROM p$from WHERE $expr" |
			sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p')
		best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
	done
	echo "$best"
}
q=$(psql_db -At -c "SELECT body FROM p WHERE id = 7")
qlit=$(psql_db -At -c "SELECT quote_literal(body) FROM p WHERE id = 7")
scan=$(best "" "true")
ne=$(for i in $(seq 20); do printf ' AND id <> -%d' "$i"; done)
base=$(best "" "true$ne")
unit=$(awk -v b="$base" -v s="$scan" 'BEGIN { print (b - s) / 20 }')
printf '%-52s %10s %10s %8s\n' expression "ms" "us/call" "COST"
printf '%-52s %10.1f %10.3f %8s\n' "scan alone" "$scan" 0 -
printf '%-52s %10.1f %10.3f %8s\n' "20 x id <> constant (int4ne)" "$base" "$(awk -v u="$unit" -v n="$rows" 'BEGIN { print u * 1000 / n }')" 1
printf '%-52s %10.1f %10.3f %8.0f\n' "length(body) (a built-in of COST 1)" "$(best "" "length(body) IS NOT NULL")" \
	"$(awk -v t="$(best "" "length(body) IS NOT NULL")" -v s="$scan" -v n="$rows" 'BEGIN { print (t - s) * 1000 / n }')" \
	"$(awk -v t="$(best "" "length(body) IS NOT NULL")" -v s="$scan" -v u="$unit" 'BEGIN { print (t - s) / u }')"
for e in \
	"arabic_normalize(body)" \
	"arabic_normalize(body, 'display')" \
	"arabic_strip_diacritics(body)" \
	"arabic_normalize_unicode(body)" \
	"arabic_tokens(body)" \
	"arabic_fingerprint(body)" \
	"arabic_similarity(body, QUERY)" \
	"arabic_containment(body, QUERY)" \
	"arabic_distance(body, QUERY)" \
	"body ~= QUERY" \
	"body <@~ QUERY" \
	"body ~@> QUERY" \
	"body ~= body" \
	"arabic_similarity(f, f)" \
	"arabic_entity_key(substr(body, 1, 24))"; do
	expr=${e//QUERY/$qlit}
	from=""
	case $e in *"(f, f)"*) from=", LATERAL arabic_fingerprint(body) f" ;; esac
	t=$(best "$from" "($expr) IS NOT NULL")
	if [ -n "$from" ]; then
		t=$(awk -v t="$t" -v f="$(best "$from" "true")" -v s="$scan" 'BEGIN { print t - f + s }')
	fi
	awk -v e="$e" -v t="$t" -v s="$scan" -v u="$unit" -v n="$rows" \
		'BEGIN { printf "%-52s %10.1f %10.3f %8.0f\n", e, t, (t - s) * 1000 / n, (t - s) / u }'
done
# set-returning functions: time per call and rows per call
for f in "arabic_entities(body)" "arabic_builtin_entities(body)" "arabic_paragraphs(body)"; do
	t=$(best ", LATERAL $f x" "true")
	n=$(psql_db -At -c "SELECT round(count(*)::numeric / $rows, 1) FROM p, LATERAL $f x")
	awk -v e="$f" -v t="$t" -v s="$scan" -v u="$unit" -v n="$rows" -v r="$n" \
		'BEGIN { printf "%-52s %10.1f %10.3f %8.0f  rows/call %s\n", e, t, (t - s) * 1000 / n, (t - s) / u, r }'
done
