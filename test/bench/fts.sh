#!/usr/bin/env bash
# test/bench/fts.sh: full-text search with the arabic_search configuration
# against PostgreSQL's built-in arabic (Snowball) and simple configurations,
# all measured in the same run.
#
# 1. Retrieval across spellings (no corpus needed): test/bench/fts_variants.tsv
#    holds groups of spellings of one word or name (written for this project:
#    names, places, hamza, alef maksura, teh marbuta, diacritics, tatweel,
#    clitics, digits and Latin case).  Each spelling is put in a sentence
#    ('قال المصدر إن <spelling> كان موضوع الحديث'), and for every ordered pair
#    of different spellings of a group the question is whether
#    to_tsvector(cfg, sentence of d) @@ plainto_tsquery(cfg, q) holds.
#    Printed: the share of pairs found, per category and overall.
# 2. Ranking quality on the news corpus (../shared/data/news, skipped when
#    absent): the queries of test/bench/fts_queries.tsv, run as a user would
#    (websearch_to_tsquery(cfg, q), ranked by ts_rank, ties by paragraph
#    number), the top 10 of each configuration scored against the
#    judgements of test/bench/fts_qrels.tsv (query id, paragraph line number,
#    relevance 1; written by reading the pooled top 10 of the three
#    configurations; unjudged paragraphs count as not relevant): nDCG@10 and
#    MAP@10 (average precision over the top 10, divided by min(10, relevant)).
#    FTS_POOL=1 writes the pool to judge instead, with the paragraphs' text,
#    to test/bench/out/fts_pool.tsv (corpus text: never commit it).
# 3. Speed and size on the news corpus: to_tsvector(cfg, body) over every
#    paragraph, BENCH_ROUNDS times (default 3, queries in rotated order, one
#    backend, no parallel workers, JIT off), median, in ns per row net of the
#    scan (length(body)); the size of a GIN index on each configuration's
#    stored tsvector column.
#
# Runs inside a throwaway cluster (pg_virtualenv sets PGHOST/PGPORT/PGUSER):
#   make bench BENCH=test/bench/fts.sh
# Prints to stdout and writes test/bench/out/fts.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
db=pg_arabic_fts_bench
rounds=${BENCH_ROUNDS:-3}
out_dir=$here/out
out=$out_dir/fts.md
mkdir -p "$out_dir"
: > "$out"

bench_need_tools psql xz
bench_begin pg_arabic_fts
bench_createdb
q() { psql_db -At -c "$1"; }
say() { echo "$*" | tee -a "$out"; }
table() { psql_db -P footer=off -P format=aligned -c "$1" | tee -a "$out"; }

psql_db <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
CREATE TABLE cfgs (cfg regconfig PRIMARY KEY, ord int);
INSERT INTO cfgs VALUES ('arabic_search', 1), ('arabic', 2), ('simple', 3);
SQL

# ---------------------------------------------------------------- 1
psql_db -c "CREATE TABLE variants (category text, grp int, spelling text)"
psql_db -c "\\copy variants FROM '$here/fts_variants.tsv' WITH (FORMAT text, HEADER true)"
say "# Full-text search benchmark"
say
say "## 1. Retrieval across spellings"
say
say "$(q "SELECT count(DISTINCT grp) || ' groups, ' || count(*) || ' spellings, '
              || (SELECT count(*) FROM variants a JOIN variants b ON a.grp = b.grp AND a.spelling <> b.spelling)
              || ' ordered pairs (test/bench/fts_variants.tsv)' FROM variants")"
say
table "
WITH pairs AS (
    SELECT c.cfg, a.category,
           to_tsvector(c.cfg, 'قال المصدر إن ' || d.spelling || ' كان موضوع الحديث')
               @@ plainto_tsquery(c.cfg, a.spelling) AS found
    FROM cfgs c, variants a JOIN variants d ON d.grp = a.grp AND d.spelling <> a.spelling
)
SELECT coalesce(category, 'all') AS category,
       round(100.0 * avg(found::int) FILTER (WHERE cfg = 'arabic_search'::regconfig), 1) AS arabic_search,
       round(100.0 * avg(found::int) FILTER (WHERE cfg = 'arabic'::regconfig), 1) AS arabic,
       round(100.0 * avg(found::int) FILTER (WHERE cfg = 'simple'::regconfig), 1) AS simple,
       count(*) / 3 AS pairs
FROM pairs GROUP BY ROLLUP (category)
ORDER BY category IS NULL, category"
say
say "(percent of ordered pairs where a query in one spelling finds the sentence in the other)"

# ---------------------------------------------------------------- 2, 3
if [ ! -f "$news_xz" ]; then
	say
	say "Parts 2 and 3 skipped: ../shared/data/news not found (looked for $news_xz; set PG_ARABIC_SHARED)"
	exit 0
fi
xz -dc "$news_xz" > "$tmp/news.txt"
psql_db <<SQL
CREATE TABLE news (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);
\\copy news(body) FROM '$tmp/news.txt' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')
VACUUM ANALYZE news;
CREATE TABLE queries (id int PRIMARY KEY, query text);
\\copy queries FROM '$here/fts_queries.tsv' WITH (FORMAT text, HEADER true)
CREATE TABLE qrels (qid int, id int, rel int, PRIMARY KEY (qid, id));
CREATE FUNCTION bench_ms(sql text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
    t0 := clock_timestamp();
    EXECUTE sql;
    RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END \$\$;
SQL
if [ -f "$here/fts_qrels.tsv" ]; then
	psql_db -c "\\copy qrels FROM '$here/fts_qrels.tsv' WITH (FORMAT text, HEADER true)"
fi
rows=$(q "SELECT count(*) FROM news")

# stored vectors and a GIN index per configuration (also what part 2 searches)
psql_db <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE sizes (cfg regconfig, vectors bigint, gin bigint, build_ms float8);
DO $$
DECLARE c record; t0 timestamptz; tbl text;
BEGIN
    FOR c IN SELECT cfg FROM cfgs ORDER BY ord LOOP
        tbl := 'tsv_' || c.cfg::text;
        EXECUTE format('CREATE TABLE %I AS SELECT id, to_tsvector(%L::regconfig, body) AS v FROM news', tbl, c.cfg);
        t0 := clock_timestamp();
        EXECUTE format('CREATE INDEX ON %I USING gin (v)', tbl);
        INSERT INTO sizes SELECT c.cfg, pg_total_relation_size(tbl) - pg_indexes_size(tbl),
            pg_indexes_size(tbl), extract(epoch FROM clock_timestamp() - t0) * 1000;
    END LOOP;
END $$;
SQL

# ---------------------------------------------------------------- 2
psql_db <<'SQL'
SET max_parallel_workers_per_gather = 0;
CREATE TABLE results (cfg regconfig, qid int, rank int, id int);
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT cfg FROM cfgs ORDER BY ord LOOP
        EXECUTE format($q$
            INSERT INTO results
            SELECT %L::regconfig, qu.id, r.rank, r.id
            FROM queries qu, LATERAL (
                SELECT t.id, row_number() OVER (ORDER BY ts_rank(t.v, wq) DESC, t.id) AS rank
                FROM %I t, websearch_to_tsquery(%L::regconfig, qu.query) wq
                WHERE t.v @@ wq
                ORDER BY ts_rank(t.v, wq) DESC, t.id LIMIT 10) r$q$,
            c.cfg, 'tsv_' || c.cfg::text, c.cfg);
    END LOOP;
END $$;
SQL

if [ "${FTS_POOL:-0}" = 1 ]; then
	psql_db -c "\\copy (SELECT r.qid, qu.query, r.id, string_agg(r.cfg::text || ':' || r.rank, ' ' ORDER BY r.cfg::text), left(n.body, 400)
	             FROM results r JOIN queries qu ON qu.id = r.qid JOIN news n ON n.id = r.id
	             GROUP BY r.qid, qu.query, r.id, n.body ORDER BY r.qid, r.id) TO '$out_dir/fts_pool.tsv'"
	echo "pool written to $out_dir/fts_pool.tsv ($(wc -l < "$out_dir/fts_pool.tsv") rows)"
fi

say
say "## 2. Ranking quality on the news corpus"
say
say "$rows paragraphs; $(q "SELECT count(*) FROM queries") queries (test/bench/fts_queries.tsv),"
say "$(q "SELECT count(*) || ' judged paragraphs, ' || coalesce(sum(rel), 0) || ' relevant' FROM qrels") (test/bench/fts_qrels.tsv);"
say "websearch_to_tsquery, top 10 by ts_rank."
say
table "
WITH rel AS (SELECT qid, count(*) AS nrel FROM qrels WHERE rel > 0 GROUP BY qid),
hits AS (
    SELECT r.cfg, r.qid, r.rank, coalesce(j.rel, 0) AS rel,
           sum(coalesce(j.rel, 0)) OVER (PARTITION BY r.cfg, r.qid ORDER BY r.rank) AS rel_so_far
    FROM results r LEFT JOIN qrels j ON j.qid = r.qid AND j.id = r.id
),
per_query AS (
    SELECT c.cfg, rel.qid,
           coalesce((SELECT sum(h.rel / log(2, h.rank + 1)) FROM hits h WHERE h.cfg = c.cfg AND h.qid = rel.qid), 0)
             / (SELECT sum(1 / log(2, g + 1)) FROM generate_series(1, least(rel.nrel, 10)) g) AS ndcg,
           coalesce((SELECT sum(h.rel_so_far::float8 / h.rank) FROM hits h
                     WHERE h.cfg = c.cfg AND h.qid = rel.qid AND h.rel > 0), 0) / least(rel.nrel, 10) AS ap,
           (SELECT count(*) FROM hits h WHERE h.cfg = c.cfg AND h.qid = rel.qid) AS returned
    FROM cfgs c, rel
)
SELECT p.cfg AS configuration, round(avg(ndcg)::numeric, 3) AS ndcg_at_10,
       round(avg(ap)::numeric, 3) AS map_at_10,
       count(*) FILTER (WHERE returned = 0) AS queries_without_results
FROM per_query p JOIN cfgs USING (cfg) GROUP BY p.cfg, cfgs.ord ORDER BY cfgs.ord"

# ---------------------------------------------------------------- 3
say
say "## 3. Speed and size"
say
ms=("" "" "" "")
exprs=("body" "to_tsvector('arabic_search', body)" "to_tsvector('arabic', body)" "to_tsvector('simple', body)")
for ((r = 0; r < rounds; r++)); do
	for ((j = 0; j < ${#exprs[@]}; j++)); do
		k=$(((j + r) % ${#exprs[@]}))
		t=$(psql_db -At -c "SET max_parallel_workers_per_gather = 0" -c "SET jit = off" \
			-c "SELECT bench_ms(\$b\$SELECT sum(length(${exprs[$k]})) FROM news\$b\$)")
		ms[$k]="${ms[$k]} $t"
	done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
floor=$(echo "${ms[0]}" | median)
base=$(echo "${ms[2]}" | median)
say "$rows rows, $(q "SELECT pg_size_pretty(sum(octet_length(body))) FROM news") of text; median of $rounds; ns per row net of the scan (length(body): $(awk -v m="$floor" -v n="$rows" 'BEGIN {printf "%.0f", m * 1e6 / n}') ns/row)"
say
say "| expression | ns per row (net) | × to_tsvector('arabic', body) |"
say "| --- | ---: | ---: |"
for k in 1 2 3; do
	m=$(echo "${ms[$k]}" | median)
	say "$(awk -v e="${exprs[$k]}" -v m="$m" -v f="$floor" -v b="$base" -v n="$rows" \
		'BEGIN {printf "| `%s` | %.0f | %.2f |", e, (m - f) * 1e6 / n, (m - f) / (b - f)}')"
done
say
table "
SELECT s.cfg AS configuration, pg_size_pretty(s.vectors) AS tsvector_table,
       pg_size_pretty(s.gin) AS gin_index,
       round(s.gin::numeric / (SELECT gin FROM sizes WHERE cfg = 'arabic'::regconfig), 2) AS gin_vs_arabic,
       round(s.build_ms::numeric / 1000, 1) AS gin_build_s,
       (SELECT count(*) FROM ts_stat(format('SELECT v FROM %I', 'tsv_' || s.cfg::text))) AS distinct_lexemes
FROM sizes s JOIN cfgs USING (cfg) ORDER BY cfgs.ord"
say
say "written to $out"
