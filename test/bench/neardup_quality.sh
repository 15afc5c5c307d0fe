#!/usr/bin/env bash
# test/bench/neardup_quality.sh: how well pg_arabic finds near-duplicate paragraphs.
#
# A pair is flagged when `a ~= b OR a <@~ b OR b <@~ a` (arabic_similarity()
# >= pg_arabic.similarity_threshold, or arabic_containment() either way >=
# pg_arabic.containment_threshold).  Scores two labelled sets in one run:
#   dev  ../shared/data/neardup/pairs_dev.tsv (1,800 pairs, ANT corpus 2018)
#   own  about 2,000 pairs that test/bench/make_pairs.py builds (fixed seed)
#        from ../shared/data/news/news_paragraphs.txt.xz (SaudiNewsNet 2015)
# and prints, for each: precision/recall/F1 at the session's settings, the
# flag rate of each pair kind, ROC AUC and best F1 of arabic_similarity, of
# max(similarity, containment both ways), and of pg_trgm's similarity() and
# word_similarity() on the same pairs, and F1 over a grid of both thresholds.
#
# Runs inside a throwaway cluster (pg_virtualenv sets PGHOST/PGPORT/PGUSER):
#   make -s stage && STAGE=$(ls -dt /tmp/pg_arabic_stage-0-* | head -1) &&
#   pg_virtualenv -t -v 15 -o extension_destdir=$STAGE bash test/bench/neardup_quality.sh
# Environment:
#   PG_ARABIC_SHARED   the shared folder (default: ../shared beside the repo)
#   ND_SEED            seed of make_pairs.py (default: its own, 20150101)
# Prints the report to stdout and writes it to test/bench/out/neardup_quality.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
dev_tsv=$shared/data/neardup/pairs_dev.tsv
db=pg_arabic_neardup
outdir=$root/test/bench/out

for f in "$dev_tsv" "$news_xz"; do
	if [ ! -f "$f" ]; then
		echo "skipped: $f not found (set PG_ARABIC_SHARED to the shared folder)"
		exit 0
	fi
done
bench_need_tools psql python3 column

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
# q SQL: unaligned rows; the first statement loads the library (its settings exist from then on)
# A failure inside $(q ...) cannot stop the script, so it leaves a mark that the end checks.
q() {
	local out
	if ! out=$(psql_db -At -F'|' -c "SELECT arabic_similarity('', '')" -c "$1"); then
		echo "neardup_quality.sh: query failed: $1" >&2
		: > "$tmp/failed"
		return 1
	fi
	printf '%s\n' "$out" | tail -n +2
}

bench_begin pg_arabic_neardup

report=$tmp/report.md
say() { printf '%s\n' "$@" | tee -a "$report"; }
# md HEADER: stdin rows "a|b|c" -> an aligned markdown table
md() {
	{
		printf '|%s|\n' "$1"
		printf '%s\n' "$1" | sed 's/[^|][^|]*/---/g; s/^/|/; s/$/|/'
		sed 's/^/|/; s/$/|/'
	} | column -t -s'|' -o' | ' | sed 's/^ | /| /; s/ | $/ |/; s/^ *//' | tee -a "$report"
	say ""
}

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------
seed_arg=()
[ -n "${ND_SEED:-}" ] && seed_arg=(--seed "$ND_SEED")
python3 "$here/make_pairs.py" "$news_xz" "${seed_arg[@]}" --out "$tmp/own.tsv" 2> "$tmp/make_pairs.log" ||
	{ cat "$tmp/make_pairs.log" >&2; exit 1; }

bench_createdb
psql_db -c "CREATE EXTENSION pg_arabic" -c "CREATE EXTENSION pg_trgm"
psql_db -c "CREATE TABLE nd_load (id text, a text, b text, label int, kind text)" \
	-c "CREATE TABLE nd_pairs (set text, id text, a text, b text, label int, kind text)"
psql_db -c "COPY nd_load FROM STDIN WITH (FORMAT text, HEADER true)" < "$dev_tsv"
psql_db -c "INSERT INTO nd_pairs SELECT 'dev', * FROM nd_load" -c "TRUNCATE nd_load"
psql_db -c "COPY nd_load FROM STDIN WITH (FORMAT text, HEADER true)" < "$tmp/own.tsv"
psql_db -c "INSERT INTO nd_pairs SELECT 'own', * FROM nd_load" -c "DROP TABLE nd_load"
psql_db -f "$here/neardup_quality.sql"

ts_def=$(q "SELECT current_setting('pg_arabic.similarity_threshold')")
tc_def=$(q "SELECT current_setting('pg_arabic.containment_threshold')")
trgm_ok=$(q "SELECT cardinality(show_trgm('المملكة العربية'))")
disagree=$(q "SELECT string_agg(set || ' ' || disagree, ', ' ORDER BY set) FROM nd_check")

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
say "# pg_arabic near-duplicate quality" ""
say "Measured with test/bench/neardup_quality.sh, $(date -u +%Y-%m-%d), $(psql_admin -Atc 'SELECT version()' | cut -d, -f1), ${cpu:-unknown CPU}."
say "Flag: \`a ~= b OR a <@~ b OR b <@~ a\` at pg_arabic.similarity_threshold = $ts_def, pg_arabic.containment_threshold = $tc_def."
say "Sets: **dev** = $dev_tsv ($(q "SELECT count(*) || ' pairs, ' || sum(label) || ' positive' FROM nd_pairs WHERE set = 'dev'"));"
say "**own** = test/bench/make_pairs.py on $news_xz ($(q "SELECT count(*) || ' pairs, ' || sum(label) || ' positive' FROM nd_pairs WHERE set = 'own'"));"
say "$(sed 's/^make_pairs.py: //' "$tmp/make_pairs.log")."
say "pg_trgm runs in the same database (UTF8, LOCALE C.UTF-8: show_trgm('المملكة العربية') has $trgm_ok trigrams, so Arabic letters count as word characters)."
say "Check: the operators and the score-based flag used by the grid disagree on $disagree pairs."
say ""

# ---------------------------------------------------------------------------
# At the default settings
# ---------------------------------------------------------------------------
say "## At the defaults ($ts_def / $tc_def)" ""
q "SELECT set, count(*) FILTER (WHERE flag AND label = 1), count(*) FILTER (WHERE flag AND label = 0),
          count(*) FILTER (WHERE NOT flag AND label = 1),
          round(count(*) FILTER (WHERE flag AND label = 1)::numeric / nullif(count(*) FILTER (WHERE flag), 0), 3),
          round(count(*) FILTER (WHERE flag AND label = 1)::numeric / count(*) FILTER (WHERE label = 1), 3),
          round(2.0 * count(*) FILTER (WHERE flag AND label = 1) / (count(*) FILTER (WHERE flag) + count(*) FILTER (WHERE label = 1)), 3)
   FROM nd_scores GROUP BY set ORDER BY set" | md "set|TP|FP|FN|precision|recall|F1"

orth="'diacritics','tatweel','alef_hamza','alef_maksura','teh_marbuta','orthography_mix','invisible_chars','digits'"
fmt="'quotes','punctuation','whitespace'"
story_dev="'neg_same_topic','neg_same_article','neg_merged_same_article'"
story_own="'neg_neighbour','neg_same_topic','neg_merged_neighbours'"
frac() {	# set, kinds -> "X/Y (Z%)"
	q "SELECT count(*) FILTER (WHERE flag) || '/' || count(*) || ' (' || round(100.0 * count(*) FILTER (WHERE flag) / count(*), 1) || '%)'
	   FROM nd_scores WHERE set = '$1' AND kind IN ($2)"
}
for s in dev own; do
	if [ $s = dev ]; then story=$story_dev; else story=$story_own; fi
	say "- **$s**: pairs differing only by diacritics/tatweel/letter variants flagged: $(frac $s "$orth")"
	say "  (kinds ${orth//\'/}); formatting only (${fmt//\'/}): $(frac $s "$fmt")"
	say "- **$s**: same-story pairs flagged: $(frac $s "$story") (${story//\'/})"
done
say ""

say "### Flag rate by kind (positives: recall; negatives: false-positive rate)" ""
q "WITH k AS (
     SELECT set, label, kind, count(*) AS n, count(*) FILTER (WHERE flag) AS f FROM nd_scores GROUP BY 1, 2, 3)
   SELECT coalesce(d.label, o.label), coalesce(d.kind, o.kind),
          coalesce(d.f || '/' || d.n || ' (' || round(100.0 * d.f / d.n) || '%)', '-'),
          coalesce(o.f || '/' || o.n || ' (' || round(100.0 * o.f / o.n) || '%)', '-')
   FROM (SELECT * FROM k WHERE set = 'dev') d
   FULL JOIN (SELECT * FROM k WHERE set = 'own') o USING (label, kind)
   ORDER BY 1 DESC, (coalesce(d.f::float8 / d.n, o.f::float8 / o.n) - coalesce(d.label, o.label)) * (2 * coalesce(d.label, o.label) - 1) DESC, 2" |
	md "label|kind|dev flagged|own flagged"

# ---------------------------------------------------------------------------
# Ranking quality of each score, pg_trgm in the same run
# ---------------------------------------------------------------------------
say "## Each score alone: ROC AUC and best F1 (threshold: score >= t)" ""
q "SELECT d.method, round(d.auc, 4), round(d.f1, 3) || ' (t=' || round(d.thr::numeric, 3) || ', P ' || round(d.prec::numeric, 3) || ' R ' || round(d.rec::numeric, 3) || ')',
          round(o.auc, 4), round(o.f1, 3) || ' (t=' || round(o.thr::numeric, 3) || ', P ' || round(o.prec::numeric, 3) || ' R ' || round(o.rec::numeric, 3) || ')'
   FROM nd_rank d JOIN nd_rank o USING (ord) WHERE d.set = 'dev' AND o.set = 'own' ORDER BY ord" |
	md "score|dev AUC|dev best F1|own AUC|own best F1"

say "### Flag rate by kind: pg_arabic at the defaults vs pg_trgm at its own best-F1 threshold on each set" ""
q "WITH t AS (SELECT set, ord, thr FROM nd_rank WHERE ord IN (3, 4)),
        k AS (
     SELECT s.set, s.label, s.kind, count(*) AS n, count(*) FILTER (WHERE flag) AS f,
            count(*) FILTER (WHERE trgm >= t3.thr) AS f3, count(*) FILTER (WHERE wtrgm >= t4.thr) AS f4
     FROM nd_scores s JOIN t t3 ON t3.set = s.set AND t3.ord = 3 JOIN t t4 ON t4.set = s.set AND t4.ord = 4
     GROUP BY 1, 2, 3)
   SELECT label, kind, string_agg(set || ' ' || round(100.0 * f / n) || ' / ' || round(100.0 * f3 / n) || ' / ' || round(100.0 * f4 / n), ';  ' ORDER BY set)
   FROM k GROUP BY label, kind ORDER BY label DESC, kind" |
	md "label|kind|% flagged: set ours / trgm similarity / trgm word_similarity"

# ---------------------------------------------------------------------------
# Threshold sweep
# ---------------------------------------------------------------------------
psql_db -c "CREATE TABLE nd_coarse AS SELECT * FROM nd_grid(0.30, 0.80, 0.05, 0.5, 0.9, 0.1)" \
	-c "CREATE TABLE nd_fine AS SELECT * FROM nd_grid(0.20, 0.90, 0.01, 0.40, 1.00, 0.01)"
for s in dev own; do
	say "### F1 of the flag on $s: similarity_threshold (rows) x containment_threshold (columns)" ""
	hdr="similarity \\ containment|$(q "SELECT string_agg(DISTINCT tc::text, '|' ORDER BY tc::text) FROM nd_coarse")"
	q "SELECT ts, string_agg(to_char(f1, 'FM0.000') || CASE WHEN ts = $ts_def AND tc = $tc_def THEN ' *' ELSE '' END,
                             '|' ORDER BY tc)
	   FROM nd_coarse WHERE set = '$s' GROUP BY ts ORDER BY ts" | md "$hdr"
	say "$(q "WITH m AS (SELECT max(f1) AS best FROM nd_coarse WHERE set = '$s')
	   SELECT '* = the defaults. Grid best ' || to_char(best, 'FM0.000') || ' at ' ||
	          (SELECT CASE WHEN count(*) <= 6 THEN string_agg(ts || '/' || tc, ', ' ORDER BY ts, tc)
	                       ELSE count(*) || ' cells (' || min(ts) || '-' || max(ts) || ' / ' || min(tc) || '-' || max(tc) || ')' END
	           FROM nd_coarse WHERE set = '$s' AND f1 = best) ||
	          '; defaults ' || (SELECT to_char(f1, 'FM0.000') FROM nd_coarse WHERE set = '$s' AND ts = $ts_def AND tc = $tc_def) ||
	          '; cells within 0.005 of the best: ' || (SELECT count(*) FROM nd_coarse WHERE set = '$s' AND f1 >= best - 0.005) ||
	          ', within 0.01: ' || (SELECT count(*) FROM nd_coarse WHERE set = '$s' AND f1 >= best - 0.01) ||
	          ', within 0.02: ' || (SELECT count(*) FROM nd_coarse WHERE set = '$s' AND f1 >= best - 0.02) || ' of ' ||
	          (SELECT count(*) FROM nd_coarse WHERE set = '$s') || '.' FROM m")"
	say ""
done

say "### Fine grid (similarity 0.20-0.90 x containment 0.40-1.00, step 0.01)" ""
q "WITH b AS (SELECT DISTINCT ON (set) set, ts, tc, f1, tp, fp, fn FROM nd_fine
              ORDER BY set, f1 DESC, abs(ts - $ts_def) + abs(tc - $tc_def))
   SELECT b.set, b.ts || ' / ' || b.tc, to_char(b.f1, 'FM0.000') || ' (FP ' || b.fp || ', FN ' || b.fn || ')',
          to_char(d.f1, 'FM0.000') || ' (FP ' || d.fp || ', FN ' || d.fn || ')',
          to_char(b.f1 - d.f1, 'FM0.000'),
          (SELECT to_char(x.f1, 'FM0.000') FROM nd_fine x, b b2
           WHERE b2.set <> b.set AND x.set = b.set AND x.ts = b2.ts AND x.tc = b2.tc)
   FROM b JOIN nd_fine d ON d.set = b.set AND d.ts = $ts_def AND d.tc = $tc_def ORDER BY b.set" |
	md "set|best thresholds (sim / cont)|best F1|F1 at defaults|gain|F1 at the other set's best"
say "How flat: cells of the fine grid within 0.005 / 0.01 F1 of each set's best, and, moving one threshold with the" \
	"other at its default, the range that keeps F1 within 0.001 of the F1 at the defaults:" ""
q "WITH m AS (SELECT set, max(f1) AS best, count(*) AS cells FROM nd_fine GROUP BY set),
        d AS (SELECT set, f1 AS fd FROM nd_fine WHERE ts = $ts_def AND tc = $tc_def)
   SELECT set,
          (SELECT count(*) FROM nd_fine f WHERE f.set = m.set AND f1 >= best - 0.005) || ' / ' ||
          (SELECT count(*) FROM nd_fine f WHERE f.set = m.set AND f1 >= best - 0.01) || ' of ' || cells,
          (SELECT min(ts) || '-' || max(ts) FROM nd_fine f WHERE f.set = m.set AND tc = $tc_def AND f1 >= fd - 0.001),
          (SELECT min(tc) || '-' || max(tc) FROM nd_fine f WHERE f.set = m.set AND ts = $ts_def AND f1 >= fd - 0.001)
   FROM m JOIN d USING (set) ORDER BY set" |
	md "set|cells within 0.005 / 0.01 of the best|similarity_threshold range (containment $tc_def)|containment_threshold range (similarity $ts_def)"

# ---------------------------------------------------------------------------
# Misses and false positives
# ---------------------------------------------------------------------------
clip="regexp_replace(left(%s, 90), '[\\t\\n\\r|]+', ' ', 'g')"
say "## Errors at the defaults" ""
say "### Missed positives by kind" ""
q "SELECT set, kind, count(*), round(avg(sim)::numeric, 2), round(avg(greatest(cab, cba))::numeric, 2)
   FROM nd_scores WHERE label = 1 AND NOT flag GROUP BY set, kind ORDER BY set, count(*) DESC, kind" |
	md "set|kind|missed|mean similarity|mean max containment"
say "### Missed positives, closest first (2 per kind and set)" ""
q "SELECT id, kind, round(sim::numeric, 2), round(cab::numeric, 2), round(cba::numeric, 2), len_a || '/' || len_b,
          $(printf "$clip" "a"), $(printf "$clip" "b")
   FROM (SELECT s.*, p.a, p.b, row_number() OVER (PARTITION BY s.set, s.kind ORDER BY greatest(sim, cab, cba) DESC) AS r
         FROM nd_scores s JOIN nd_pairs p USING (set, id) WHERE s.label = 1 AND NOT s.flag) x
   WHERE r <= 2 ORDER BY set, kind, r" |
	md "id|kind|sim|cont a→b|cont b→a|chars a/b|a (start)|b (start)"
say "### False positives, highest score first (up to 8 per set)" ""
q "SELECT id, kind, round(sim::numeric, 2), round(cab::numeric, 2), round(cba::numeric, 2), len_a || '/' || len_b,
          $(printf "$clip" "a"), $(printf "$clip" "b")
   FROM (SELECT s.*, p.a, p.b, row_number() OVER (PARTITION BY s.set ORDER BY greatest(sim, cab, cba) DESC) AS r
         FROM nd_scores s JOIN nd_pairs p USING (set, id) WHERE s.label = 0 AND s.flag) x
   WHERE r <= 8 ORDER BY set, r" |
	md "id|kind|sim|cont a→b|cont b→a|chars a/b|a (start)|b (start)"

say "### Closest calls: the 4 lowest-scoring positives and 4 highest-scoring negatives per set (max of similarity and both containments)" ""
q "SELECT id, kind, label, round(sim::numeric, 2), round(cab::numeric, 2), round(cba::numeric, 2), len_a || '/' || len_b,
          $(printf "$clip" "a"), $(printf "$clip" "b")
   FROM (SELECT s.*, p.a, p.b, row_number() OVER (PARTITION BY s.set, s.label
                ORDER BY greatest(sim, cab, cba) * (1 - 2 * s.label) DESC) AS r
         FROM nd_scores s JOIN nd_pairs p USING (set, id)) x
   WHERE r <= 4 ORDER BY set, label DESC, r" |
	md "id|kind|label|sim|cont a→b|cont b→a|chars a/b|a (start)|b (start)"

if [ -f "$tmp/failed" ]; then
	echo "neardup_quality.sh: some queries failed (see above); report not written" >&2
	exit 1
fi
mkdir -p "$outdir"
cp "$report" "$outdir/neardup_quality.md"
echo "(markdown report written to test/bench/out/neardup_quality.md)"
