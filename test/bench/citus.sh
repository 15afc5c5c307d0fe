#!/usr/bin/env bash
# test/bench/citus.sh: pg_arabic local against Citus, same data, same run.
# ROWS news paragraphs (../shared/data/news) in a local table on the
# coordinator and in a distributed table of SHARDS shards over two workers
# on this machine (test/citus/cluster.sh; Citus built by
# test/citus/build.sh), each with a GIN index, then:
#   1. near-duplicate search: `body ~= q` for QUERIES paragraphs
#   2. entities into a table: INSERT ... SELECT ... arabic_builtin_entities()
#      (local; distributed into a co-located table, pushed down)
#   3. every near-duplicate pair: local self-join (the exact nested loop)
#      against the distributed table joined with a reference copy (pushed
#      down), with the recall of the distributed pairs against the local
#      ones, and the groups
#   4. the same pairs by the key join: the local one-statement dedup
#      (test/dedup/pairs.sql) against the pushed-down recipe
#      (test/dedup/citus_prepare.sql + citus_pairs.sql), each with its
#      recall and precision against the nested loop of 3, the groups, and
#      the recipe again with a sketch of a tenth of the rows (the same pairs)
# Prints times and ratios (distributed / local).  The coordinator and the
# workers share the machine's cores, so this measures overhead and
# correctness more than scale-out.
# Run: make bench BENCH=test/bench/citus.sh   (ROWS=20000 SHARDS=32 QUERIES=20 PAIRS=1)
# PAIRS=0 leaves out 3 and 4; PAIRS=keys leaves out the nested loop and the
# reference copy of 3 (4 then has no exact pairs to compare with).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
rows=${ROWS:-20000}
shards=${SHARDS:-32}
queries=${QUERIES:-20}
: "${STAGE:?run through make bench (STAGE must be set)}"
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
BINDIR=$("$PG_CONFIG" --bindir)

bench_need_news
bench_need_tools xz
cd "$root"
cache=$(bash test/citus/build.sh) || { echo "skipped: no Citus archive (../shared/deps/citus-13.2.2.tar.gz)"; exit 0; }
echo "== pg_arabic local against Citus (coordinator + 2 workers, $shards shards)"
echo "host: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
CITUS_SHARED_BUFFERS=256MB CITUS_WORK_MEM=64MB
export CITUS_SHARED_BUFFERS CITUS_WORK_MEM
. test/citus/cluster.sh
citus_cluster_up "$cache" bench "$shards" 2 || exit 1
data=$BASE/news.txt
(xz -dc "$news_xz" || true) | head -n "$rows" >"$data"
chmod a+r "$data"
sql() { as_pg "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -p "$PORT_coord" -d bench -At "$@"; }
# milliseconds of one statement (psql \timing)
ms() { sql -c 'SET client_min_messages = warning' -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1; }
ratio() { awk -v d="$1" -v l="$2" 'BEGIN { printf "%.2f", d / l }'; }

sql -c "SET client_min_messages = warning" -c "CREATE EXTENSION pg_arabic" -c "SELECT arabic_gazetteer_distribute()" >/dev/null
sql -c "CREATE TABLE news_local (id bigserial PRIMARY KEY, body text)" \
	-c "\\copy news_local (body) FROM '$data' WITH (FORMAT text)" \
	-c "CREATE TABLE news (id bigint PRIMARY KEY, body text)" \
	-c "SELECT create_distributed_table('news', 'id')" \
	-c "INSERT INTO news SELECT * FROM news_local" >/dev/null
t_idx_l=$(ms "CREATE INDEX ON news_local USING gin (body gin_arabic_ops)")
t_idx_d=$(ms "CREATE INDEX ON news USING gin (body gin_arabic_ops)")
sql -c "ANALYZE news_local" -c "ANALYZE news" >/dev/null
echo "data: $(sql -c 'SELECT count(*) FROM news') paragraphs"
printf '%-44s %12s %12s %8s\n' "" "local ms" "Citus ms" "ratio"
printf '%-44s %12.0f %12.0f %8s\n' "GIN index build" "$t_idx_l" "$t_idx_d" "$(ratio "$t_idx_d" "$t_idx_l")"

# 1. search: QUERIES paragraphs as queries, one statement each
sql -c "CREATE TABLE qs AS SELECT id, body FROM news_local ORDER BY id LIMIT $queries OFFSET 100" >/dev/null
search() {
	sql -c '\timing on' -c "DO \$\$ DECLARE r record; n bigint; t bigint := 0; BEGIN
		FOR r IN SELECT body FROM qs LOOP
			EXECUTE format('SELECT count(*) FROM $1 WHERE body ~= %L', r.body) INTO n; t := t + n;
		END LOOP; RAISE NOTICE 'matches %', t; END \$\$" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p;s/.*NOTICE:  matches \([0-9]*\).*/M \1/p'
}
out_l=$(search news_local); out_d=$(search news)
m_l=$(echo "$out_l" | sed -n 's/^M //p'); m_d=$(echo "$out_d" | sed -n 's/^M //p')
t_l=$(echo "$out_l" | grep -v '^M' | tail -n 1); t_d=$(echo "$out_d" | grep -v '^M' | tail -n 1)
printf '%-44s %12.0f %12.0f %8s\n' "$queries searches body ~= q (GIN)" "$t_l" "$t_d" "$(ratio "$t_d" "$t_l")"
echo "   matches: local $m_l, Citus $m_d (must be equal)"

# 1b. the same searches with 1.0's costs (COST 1) on every node: the shards
# then scan sequentially
sql -c "SELECT count(*) FROM run_command_on_all_nodes(\$\$ALTER FUNCTION arabic_similar_op(text, text) COST 1\$\$)" >/dev/null
out_1=$(search news)
t_1=$(echo "$out_1" | grep -v '^M' | tail -n 1)
sql -c "SELECT count(*) FROM run_command_on_all_nodes(\$\$ALTER FUNCTION arabic_similar_op(text, text) COST 1000\$\$)" >/dev/null
printf '%-44s %12s %12.0f %8s\n' "  the same with COST 1 (1.0) on every node" "" "$t_1" "$(ratio "$t_1" "$t_d")"
echo "   (ratio: against the Citus search with the measured costs)"

# 2. entities into a table
sql -c "CREATE TABLE ents_local (para_id bigint, entity text, type text, key text)" \
	-c "CREATE TABLE ents (para_id bigint, entity text, type text, key text)" \
	-c "SELECT create_distributed_table('ents', 'para_id', colocate_with => 'news')" >/dev/null
t_l=$(ms "INSERT INTO ents_local SELECT n.id, e.entity, e.type, e.key FROM news_local n, LATERAL arabic_builtin_entities(n.body) e")
t_d=$(ms "INSERT INTO ents SELECT n.id, e.entity, e.type, e.key FROM news n, LATERAL arabic_builtin_entities(n.body) e")
printf '%-44s %12.0f %12.0f %8s\n' "entities INSERT ... SELECT (co-located)" "$t_l" "$t_d" "$(ratio "$t_d" "$t_l")"
echo "   rows: local $(sql -c 'SELECT count(*) FROM ents_local'), Citus $(sql -c 'SELECT count(*) FROM ents'); rows that differ: $(sql -c 'SELECT count(*) FROM (SELECT * FROM ents_local EXCEPT ALL SELECT * FROM ents) x')"

# 3. every near-duplicate pair (PAIRS=0 leaves it out: it takes minutes)
[ "${PAIRS:-1}" = 0 ] && exit 0
if [ "${PAIRS:-1}" != keys ]; then
t_l=$(ms "CREATE TABLE pairs_local AS SELECT a.id AS a, b.id AS b FROM news_local a JOIN news_local b ON a.body ~= b.body AND a.id < b.id")
t_r=$(ms "CREATE TABLE news_ref AS SELECT * FROM news_local")
t_r2=$(ms "SELECT create_reference_table('news_ref')")
t_r3=$(ms "CREATE INDEX ON news_ref USING gin (body gin_arabic_ops)")
sql -c "ANALYZE news_ref" >/dev/null
t_d=$(ms "CREATE TABLE pairs AS SELECT a.id AS a, b.id AS b FROM news a JOIN news_ref b ON a.body ~= b.body AND a.id < b.id")
printf '%-44s %12.0f %12.0f %8s\n' "all pairs a ~= b (reference copy for Citus)" "$t_l" "$t_d" "$(ratio "$t_d" "$t_l")"
echo "   reference copy: $(awk -v a="$t_r" -v b="$t_r2" -v c="$t_r3" 'BEGIN { printf "%.0f", a + b + c }') ms to make and index (once)"
lp=$(sql -c "SELECT count(*) FROM pairs_local"); dp=$(sql -c "SELECT count(*) FROM pairs")
found=$(sql -c "SELECT count(*) FROM (SELECT * FROM pairs_local INTERSECT SELECT * FROM pairs) x")
echo "   pairs: local $lp, Citus $dp, found $found: recall $(awk -v f="$found" -v l="$lp" 'BEGIN { printf "%.1f%%", l ? 100 * f / l : 100 }')"
g=$(sql -c "SELECT (SELECT array_agg(m ORDER BY m) FROM (SELECT array_agg(g.id ORDER BY g.id)::text m FROM (SELECT array_agg(a) a, array_agg(b) b FROM pairs) p, LATERAL arabic_duplicate_groups(p.a, p.b) g GROUP BY g.group_id) x)
	= (SELECT array_agg(m ORDER BY m) FROM (SELECT array_agg(g.id ORDER BY g.id)::text m FROM (SELECT array_agg(a) a, array_agg(b) b FROM pairs_local) p, LATERAL arabic_duplicate_groups(p.a, p.b) g GROUP BY g.group_id) x)")
echo "   groups equal to the local ones: $g"
fi

# 4. the key join: local one statement, and the recipe pushed down on Citus
# (both start from the text: fingerprints, sketch, keys, join, scores)
cp test/dedup/pairs.sql test/dedup/citus_prepare.sql test/dedup/citus_pairs.sql test/dedup/citus_candidates.sql "$BASE/"
chmod a+r "$BASE"/*.sql
sql -c "SET client_min_messages = error" -c "CREATE VIEW news_local_p AS SELECT id, body AS paragraph FROM news_local" \
	-c "CREATE TABLE news_p (id bigint PRIMARY KEY, paragraph text)" \
	-c "SELECT create_distributed_table('news_p', 'id', colocate_with => 'news')" \
	-c "INSERT INTO news_p SELECT id, body FROM news" -c "ANALYZE news_p" >/dev/null
# the times of every statement of a psql script, one a line
times() { sql -c 'SET client_min_messages = warning' -c '\timing on' "$@" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'; }
sum() { awk '{ s += $1 } END { printf "%.0f", s }'; }
t_k=$(times -v tbl=news_local_p -v result=kpairs_local -v sim=0.5 -f "$BASE/pairs.sql" | sum)
prep=$(times -v tbl=news_p -f "$BASE/citus_prepare.sql")
t_p=$(echo "$prep" | sum); t_s=$(echo "$prep" | tail -n 1)
steps=$(times -v sim=0.5 -v result=kpairs -f "$BASE/citus_pairs.sql")
t_j=$(echo "$steps" | sum)
t_d=$(awk -v a="$t_p" -v b="$t_j" 'BEGIN { printf "%.0f", a + b }')
printf '%-44s %12.0f %12.0f %8s\n' "all pairs, key join (Citus: pushed-down recipe)" "$t_k" "$t_d" "$(ratio "$t_d" "$t_k")"
echo "   Citus steps: fingerprints and sketch $t_p ms (of which the sketch, gathered on the coordinator: $(printf '%.0f' "$t_s") ms)"
echo "   keys, hits, candidates, scores: $(echo "$steps" | awk 'NR % 3 == 0' | xargs printf '%.0f ') ms (INSERT ... SELECT by repartition each)"
echo "   candidates scored: $(sql -c 'SELECT count(*) FROM dedup_cand'); key rows: $(sql -c 'SELECT count(*) FROM dedup_keys')"
kl=$(sql -c "SELECT count(*) FROM kpairs_local"); kd=$(sql -c "SELECT count(*) FROM kpairs")
same=$(sql -c "SELECT count(*) FROM (SELECT a, b FROM kpairs_local INTERSECT SELECT a, b FROM kpairs) x")
echo "   pairs: local key join $kl, Citus key join $kd, in both $same"
if [ "${PAIRS:-1}" != keys ]; then
	fk=$(sql -c "SELECT count(*) FROM (SELECT a, b FROM pairs_local INTERSECT SELECT a, b FROM kpairs) x")
	echo "   against the nested loop's $lp pairs: recall $(awk -v f="$fk" -v l="$lp" 'BEGIN { printf "%.4f", l ? f / l : 1 }'), precision $(awk -v f="$fk" -v d="$kd" 'BEGIN { printf "%.4f", d ? f / d : 1 }')"
	g=$(sql -c "SELECT (SELECT array_agg(g.id || ':' || g.group_id ORDER BY g.id) FROM (SELECT arabic_groups_agg(a, b) m FROM kpairs) s, unnest(s.m) g)
		= (SELECT array_agg(g.id || ':' || g.group_id ORDER BY g.id) FROM (SELECT array_agg(a) a, array_agg(b) b FROM pairs_local) p, LATERAL arabic_duplicate_groups(p.a, p.b) g)")
	echo "   groups (arabic_groups_agg over the Citus pairs) equal to those of the nested loop: $g"
fi
# the same with the sketch of a tenth of the rows (less to gather on the
# coordinator; the pairs must not change)
c_full=$(sql -c 'SELECT count(*) FROM dedup_cand')
sql -c "DROP TABLE dedup_keys, dedup_hits, dedup_cand" -c "TRUNCATE dedup_stats" >/dev/null
t_s10=$(ms "INSERT INTO dedup_stats SELECT arabic_shingle_stats(fp) FROM dedup_fp WHERE id % 10 = 0")
t_j10=$(times -v sim=0.5 -v result=kpairs10 -f "$BASE/citus_pairs.sql" | sum)
same10=$(sql -c "SELECT count(*) FROM (SELECT a, b FROM kpairs INTERSECT SELECT a, b FROM kpairs10) x")
echo "   sketch of a tenth of the rows: sketch $(printf '%.0f' "$t_s10") ms, keys to scores $t_j10 ms (full sketch: $(printf '%.0f' "$t_s") and $t_j ms);"
echo "   candidates $(sql -c 'SELECT count(*) FROM dedup_cand') (full sketch: $c_full); pairs $(sql -c 'SELECT count(*) FROM kpairs10'), the same as with the full sketch: $same10"
t_g=$(ms "SELECT count(*) FROM (SELECT arabic_groups_agg(a, b) m FROM kpairs) s, unnest(s.m) g")
echo "   groups of the Citus pairs (arabic_groups_agg, on the coordinator): $(printf "%.0f" "$t_g") ms"
