#!/usr/bin/env bash
# test/bench/entities_quality.sh: how well arabic_entities() finds the names
# of the hand-annotated gold sets (guideline in test/data/entities_gold.md):
#   dev    test/data/entities_gold*.tsv: 83 invented wire-style documents,
#          293 entities; the names in it have been seen while tuning the tagger;
#   blind  test/data/entities_blind*.tsv (test/data/entities_blind.md): 12
#          longer wire-style documents of diplomatic and Syrian news, 195
#          entities, written without looking at the tagger or its lists and
#          not read by those who tune it (do not tune to it);
#   blind2 test/data/entities_blind2*.tsv (test/data/entities_blind2.md): 12
#          more wire-style documents (ids 201-212), 193 entities, written the
#          same way and committed before any tagger ran on them (do not tune
#          to it either);
#   blind3 test/data/entities_blind3*.tsv (test/data/entities_blind3.md): 12
#          more wire-style documents (ids 301-312), 206 entities, written the
#          same way for the third round of issue 10 and committed before any
#          tagger ran on them (development data from round 4 of issue 10 on);
#   blind4 test/data/entities_blind4*.tsv (test/data/entities_blind4.md): 12
#          more wire-style documents (ids 401-412), 204 entities, written the
#          same way for the fourth round of issue 10 and committed before any
#          tagger ran on them (do not tune to it: read only its totals).
# GOLD=dev, GOLD=blind, GOLD=blind2, GOLD=blind3 or GOLD=blind4 scores one set;
# by default (GOLD=both) the script runs once for dev and once for blind, and
# GOLD=all once for dev, blind, blind2, blind3 and blind4, each report with its
# own header.  CHECK_ONLY=1 loads and checks the gold set (the checks below)
# and stops before any tagging: for whoever writes a new blind set, which must
# pass the checks before a tagger has run on it.
#
# Scoring is per document: the set of (type, key) that arabic_entities()
# returns for a document is compared with the set of
# (type, arabic_entity_key(entity)) of its gold rows, and true positives,
# false positives and misses are summed over the documents (micro average).
# Reported: precision/recall/F1 typed, ignoring type, per type, and a lenient
# variant where a name whose normalized form contains the other's (or is
# contained in it) also counts (boundary errors: "الرئيس فلاديمير بوتين" for
# "فلاديمير بوتين"); a type confusion matrix; the misses and false positives
# that recur most (top TOP each, default 30, types interleaved, with what was
# predicted instead or what the gold has there); whether arabic_entity_key() merges the gold's spelling
# variants and keeps its different names apart (the canon column); a check
# that each returned span (pos, len) is the entity plus proclitic letters; and
# the predictions whose span is a gold name but whose entity is not (cleaning
# errors).
# The gold set has no positions, so there is no mention-level span score.
#
# Runs inside a throwaway cluster (pg_virtualenv sets PGHOST/PGPORT/PGUSER):
#   make -s stage && STAGE=$(ls -dt /tmp/pg_arabic_stage-0-* | head -1) &&
#   pg_virtualenv -t -v 15 -o extension_destdir=$STAGE bash test/bench/entities_quality.sh
# Needs nothing from ../shared.  Skips (exit 0) when the installed pg_arabic
# has no arabic_entities() yet.  Refuses the gold set (exit 1) when a gold
# entity does not occur in its document, a type is unknown or a document
# lists one canon twice.
# Prints the report to stdout and writes it to test/bench/out/entities_quality.md
# (dev), test/bench/out/entities_quality_blind.md (blind),
# test/bench/out/entities_quality_blind2.md (blind2),
# test/bench/out/entities_quality_blind3.md (blind3) or
# test/bench/out/entities_quality_blind4.md (blind4).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/lib.sh"
case ${GOLD:-both} in
both | all)
	sets="dev blind"
	[ "${GOLD:-both}" = both ] || sets="dev blind blind2 blind3 blind4"
	rc=0 sep=
	for g in $sets; do
		[ -z "$sep" ] || echo
		sep=1
		GOLD=$g bash "$here/entities_quality.sh" "$@" || rc=$?
	done
	exit $rc
	;;
dev)
	set_name=development
	docs_rel=test/data/entities_gold_docs.tsv
	gold_rel=test/data/entities_gold.tsv
	report_name=entities_quality.md
	;;
blind)
	set_name=blind
	docs_rel=test/data/entities_blind_docs.tsv
	gold_rel=test/data/entities_blind.tsv
	report_name=entities_quality_blind.md
	;;
blind2)
	set_name="second blind"
	docs_rel=test/data/entities_blind2_docs.tsv
	gold_rel=test/data/entities_blind2.tsv
	report_name=entities_quality_blind2.md
	;;
blind3)
	set_name="third blind"
	docs_rel=test/data/entities_blind3_docs.tsv
	gold_rel=test/data/entities_blind3.tsv
	report_name=entities_quality_blind3.md
	;;
blind4)
	set_name="fourth blind"
	docs_rel=test/data/entities_blind4_docs.tsv
	gold_rel=test/data/entities_blind4.tsv
	report_name=entities_quality_blind4.md
	;;
*)
	echo "entities_quality.sh: GOLD must be dev, blind, blind2, blind3, blind4, both or all (got '$GOLD')" >&2
	exit 1
	;;
esac
docs_tsv=$root/$docs_rel
gold_tsv=$root/$gold_rel
db=pg_arabic_entities
outdir=$root/test/bench/out
top=${TOP:-30}

for f in "$docs_tsv" "$gold_tsv"; do
	[ -f "$f" ] || { echo "entities_quality.sh: $f not found" >&2; exit 1; }
done
bench_need_tools psql column

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

bench_begin pg_arabic_entities

# q SQL: unaligned rows "a|b|c".  A failure inside $(q ...) cannot stop the
# script, so it leaves a mark that the end checks.
q() {
	local out
	if ! out=$(psql_db -At -F'|' -c "$1"); then
		echo "entities_quality.sh: query failed: $1" >&2
		: > "$tmp/failed"
		return 1
	fi
	[ -z "$out" ] || printf '%s\n' "$out"
}
report=$tmp/report.md
say() { printf '%s\n' "$@" | tee -a "$report"; }
# md HEADER: stdin rows "a|b|c" -> an aligned markdown table ("(none)" when empty)
md() {
	local rows
	rows=$(cat)
	if [ -z "$rows" ]; then
		say "(none)" ""
		return
	fi
	{
		printf '|%s|\n' "$1"
		printf '%s\n' "$1" | sed 's/[^|][^|]*/---/g; s/^/|/; s/$/|/'
		printf '%s\n' "$rows" | sed 's/^/|/; s/$/|/'
	} | column -t -s'|' -o' | ' | sed 's/^ | /| /; s/ | $/ |/; s/^ *//' | tee -a "$report"
	say ""
}

# ---------------------------------------------------------------------------
# Database, skip when the function is not there yet
# ---------------------------------------------------------------------------
bench_createdb
psql_db -c "CREATE EXTENSION pg_arabic"
have=$(psql_db -At -c "SELECT to_regprocedure('arabic_entities(text)') IS NOT NULL
                             AND to_regprocedure('arabic_entity_key(text)') IS NOT NULL")
if [ "$have" != t ]; then
	echo "skipped: this pg_arabic has no arabic_entities(text) / arabic_entity_key(text) yet"
	exit 0
fi

# ---------------------------------------------------------------------------
# Gold set, checked
# ---------------------------------------------------------------------------
psql_db <<SQL
CREATE TABLE gold_docs (doc_id int PRIMARY KEY, text text NOT NULL);
CREATE TABLE gold (doc_id int NOT NULL REFERENCES gold_docs, type text NOT NULL,
                   entity text NOT NULL, canon text NOT NULL);
\\copy gold_docs FROM '$docs_tsv' WITH (FORMAT text, HEADER true)
\\copy gold FROM '$gold_tsv' WITH (FORMAT text, HEADER true)
ALTER TABLE gold_docs ADD COLUMN ntext text;
UPDATE gold_docs SET ntext = arabic_normalize(text, 'search');
ALTER TABLE gold ADD COLUMN nent text, ADD COLUMN key text;
UPDATE gold SET nent = arabic_normalize(entity, 'search'), key = arabic_entity_key(entity);
SQL
bad=$(q "SELECT g.doc_id || ': ' || g.type || ' ' || g.entity ||
                CASE WHEN g.type NOT IN ('PERSON', 'LOCATION', 'ORGANIZATION', 'MISC') THEN ' (unknown type)'
                     WHEN (SELECT count(*) FROM gold x WHERE x.doc_id = g.doc_id AND x.canon = g.canon) > 1 THEN ' (canon ' || g.canon || ' twice)'
                     ELSE ' (not in the document)' END
         FROM gold g JOIN gold_docs d USING (doc_id)
         WHERE g.type NOT IN ('PERSON', 'LOCATION', 'ORGANIZATION', 'MISC')
            OR (SELECT count(*) FROM gold x WHERE x.doc_id = g.doc_id AND x.canon = g.canon) > 1
            OR NOT (strpos(d.ntext, g.nent) > 0
                    OR (g.nent LIKE 'ال%' AND strpos(d.ntext, 'ل' || substr(g.nent, 2)) > 0))
         ORDER BY g.doc_id, g.entity")
if [ -n "$bad" ]; then
	echo "entities_quality.sh: the gold set has errors:" >&2
	printf '  %s\n' "$bad" >&2
	exit 1
fi
if [ "${CHECK_ONLY:-0}" = 1 ]; then
	echo "gold set $docs_rel / $(basename "$gold_rel") passes the checks: $(q "SELECT count(*) FROM gold_docs") documents," \
		"$(q "SELECT sum(n) || ' entities (' || string_agg(type || ' ' || n, ', ' ORDER BY array_position(ARRAY['PERSON', 'LOCATION', 'ORGANIZATION', 'MISC'], type)) || ')' FROM (SELECT type, count(*) AS n FROM gold GROUP BY type) t")" \
		"(CHECK_ONLY=1: nothing tagged)"
	exit 0
fi

# ---------------------------------------------------------------------------
# Tagging
# ---------------------------------------------------------------------------
psql_db <<'SQL'
-- load the model before timing
SELECT count(*) FROM arabic_entities('قال الرئيس فلاديمير بوتين في موسكو') \g /dev/null
CREATE TABLE pred AS SELECT d.doc_id, e.* FROM gold_docs d, LATERAL arabic_entities(d.text) e WHERE false;
CREATE TABLE tag_ms (ms float8);
DO $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  INSERT INTO pred SELECT d.doc_id, e.* FROM gold_docs d, LATERAL arabic_entities(d.text) e;
  INSERT INTO tag_ms VALUES (1000 * extract(epoch FROM clock_timestamp() - t0));
END $$;
ALTER TABLE pred ADD COLUMN nent text;
UPDATE pred SET nent = arabic_normalize(entity, 'search');

-- document-level sets
CREATE TABLE gk AS SELECT DISTINCT doc_id, type, key FROM gold;
CREATE TABLE pk AS SELECT DISTINCT doc_id, type, key FROM pred;
CREATE TABLE gu AS SELECT DISTINCT doc_id, key FROM gold;
CREATE TABLE pu AS SELECT DISTINCT doc_id, key FROM pred;
-- b contains a as whole words (normalized forms)
CREATE FUNCTION within(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS $$ SELECT strpos(' ' || b || ' ', ' ' || a || ' ') > 0 $$;
CREATE FUNCTION overlaps(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE
  AS $$ SELECT within(a, b) OR within(b, a) $$;
-- one key per (doc, type) with an example form, for the lenient score
CREATE TABLE pk_forms AS SELECT doc_id, type, key, array_agg(DISTINCT nent) AS forms FROM pred GROUP BY 1, 2, 3;
CREATE TABLE gk_forms AS SELECT doc_id, type, key, array_agg(DISTINCT nent) AS forms FROM gold GROUP BY 1, 2, 3;
-- "P R F1" row from counts
CREATE FUNCTION prf(label text, tp bigint, np bigint, ng bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', label, ng, np, tp, np - tp, ng - tp,
                   coalesce(to_char(tp::numeric / nullif(np, 0), 'FM0.000'), '-'),
                   coalesce(to_char(tp::numeric / nullif(ng, 0), 'FM0.000'), '-'),
                   coalesce(to_char(2.0 * tp / nullif(np + ng, 0), 'FM0.000'), '-'))
$$;
SQL

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
model=n/a
if [ "$(q "SELECT to_regprocedure('arabic_entity_model()') IS NOT NULL")" = t ]; then
	model=$(q "SELECT string_agg(m::text, ' ') FROM arabic_entity_model() m")
fi
IFS='|' read -r n_docs n_gold n_none n_pred tag_ms < <(q "
	SELECT (SELECT count(*) FROM gold_docs), (SELECT count(*) FROM gold),
	       (SELECT count(*) FROM gold_docs d WHERE NOT EXISTS (SELECT FROM gold g WHERE g.doc_id = d.doc_id)),
	       (SELECT count(*) FROM pred), (SELECT round(ms::numeric, 1) FROM tag_ms)")

say "# pg_arabic entity extraction quality: $set_name gold set" ""
say "Measured with test/bench/entities_quality.sh, $(date -u +%Y-%m-%d), $(psql_admin -Atc 'SELECT version()' | cut -d, -f1), ${cpu:-unknown CPU}."
say "Gold ($set_name set): $docs_rel and $(basename "$gold_rel") ($n_docs documents, $n_none without any entity, $n_gold gold entities;"
say "guideline in test/data/entities_gold.md). arabic_entities() returned $n_pred rows in $tag_ms ms. Model: $model."
say "Scores are per document: the (type, key) set returned for a document against the (type, arabic_entity_key(entity)) set of its"
say "gold rows, summed over documents. Lenient: a predicted name also counts when its normalized form and a gold name of the same"
say "document (and type, for the typed line) contain one another as whole words."
say ""

# ---------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------
say "## Document-level scores" ""
q "SELECT prf('typed (type, key)', (SELECT count(*) FROM gk JOIN pk USING (doc_id, type, key)),
              (SELECT count(*) FROM pk), (SELECT count(*) FROM gk))
   UNION ALL
   SELECT prf('ignoring type (key)', (SELECT count(*) FROM gu JOIN pu USING (doc_id, key)),
              (SELECT count(*) FROM pu), (SELECT count(*) FROM gu))
   UNION ALL
   SELECT concat_ws('|', 'lenient typed', ng, np, tp_p || ' / ' || tp_g, np - tp_p, ng - tp_g,
                    to_char(tp_p::numeric / nullif(np, 0), 'FM0.000'), to_char(tp_g::numeric / nullif(ng, 0), 'FM0.000'),
                    to_char(2 * (tp_p::numeric / nullif(np, 0)) * (tp_g::numeric / nullif(ng, 0))
                            / nullif(tp_p::numeric / nullif(np, 0) + tp_g::numeric / nullif(ng, 0), 0), 'FM0.000'))
   FROM (SELECT (SELECT count(*) FROM pk_forms) AS np, (SELECT count(*) FROM gk_forms) AS ng,
                (SELECT count(*) FROM pk_forms p WHERE EXISTS (
                   SELECT FROM gk_forms g WHERE g.doc_id = p.doc_id AND g.type = p.type
                     AND (g.key = p.key OR EXISTS (SELECT FROM unnest(g.forms) a, unnest(p.forms) b WHERE overlaps(a, b))))) AS tp_p,
                (SELECT count(*) FROM gk_forms g WHERE EXISTS (
                   SELECT FROM pk_forms p WHERE g.doc_id = p.doc_id AND g.type = p.type
                     AND (g.key = p.key OR EXISTS (SELECT FROM unnest(g.forms) a, unnest(p.forms) b WHERE overlaps(a, b))))) AS tp_g) s
   UNION ALL
   SELECT concat_ws('|', 'lenient ignoring type', ng, np, tp_p || ' / ' || tp_g, np - tp_p, ng - tp_g,
                    to_char(tp_p::numeric / nullif(np, 0), 'FM0.000'), to_char(tp_g::numeric / nullif(ng, 0), 'FM0.000'),
                    to_char(2 * (tp_p::numeric / nullif(np, 0)) * (tp_g::numeric / nullif(ng, 0))
                            / nullif(tp_p::numeric / nullif(np, 0) + tp_g::numeric / nullif(ng, 0), 0), 'FM0.000'))
   FROM (SELECT (SELECT count(*) FROM pu) AS np, (SELECT count(*) FROM gu) AS ng,
                (SELECT count(*) FROM pu p WHERE EXISTS (
                   SELECT FROM gold g WHERE g.doc_id = p.doc_id
                     AND (g.key = p.key OR EXISTS (SELECT FROM pred x WHERE x.doc_id = p.doc_id AND x.key = p.key AND overlaps(g.nent, x.nent))))) AS tp_p,
                (SELECT count(*) FROM gu g WHERE EXISTS (
                   SELECT FROM pred p WHERE g.doc_id = p.doc_id
                     AND (g.key = p.key OR EXISTS (SELECT FROM gold x WHERE x.doc_id = g.doc_id AND x.key = g.key AND overlaps(x.nent, p.nent))))) AS tp_g) s" |
	md "match|gold|predicted|TP|FP|FN|precision|recall|F1"
say "(lenient TP: matched predictions / matched gold entities; its F1 is the harmonic mean of that precision and recall)" ""

say "### Per type (typed match)" ""
q "SELECT prf(t, (SELECT count(*) FROM gk JOIN pk USING (doc_id, type, key) WHERE gk.type = t),
              (SELECT count(*) FROM pk WHERE type = t), (SELECT count(*) FROM gk WHERE type = t))
   FROM unnest(ARRAY['PERSON', 'LOCATION', 'ORGANIZATION', 'MISC']) AS t
   UNION ALL
   SELECT prf('other: ' || type, 0, count(*), 0) FROM pk
   WHERE type NOT IN ('PERSON', 'LOCATION', 'ORGANIZATION', 'MISC') GROUP BY type" |
	md "type|gold|predicted|TP|FP|FN|precision|recall|F1"

say "### Type confusion (gold key of a document against the predicted types with the same key; - = none)" ""
q "WITH m AS (
     SELECT g.type AS gt, coalesce(p.type, '-') AS pt FROM gk g LEFT JOIN pk p USING (doc_id, key)
     UNION ALL
     SELECT '-', p.type FROM pk p WHERE NOT EXISTS (SELECT FROM gk g WHERE g.doc_id = p.doc_id AND g.key = p.key))
   SELECT gt, count(*) FILTER (WHERE pt = 'PERSON'), count(*) FILTER (WHERE pt = 'LOCATION'),
          count(*) FILTER (WHERE pt = 'ORGANIZATION'), count(*) FILTER (WHERE pt = 'MISC'),
          count(*) FILTER (WHERE pt = '-')
   FROM m GROUP BY gt ORDER BY array_position(ARRAY['PERSON', 'LOCATION', 'ORGANIZATION', 'MISC', '-'], gt)" |
	md "gold \\ predicted|PERSON|LOCATION|ORGANIZATION|MISC|-"

say "### Documents without any gold entity" ""
say "$(q "SELECT count(DISTINCT d.doc_id) || ' documents, ' || count(p.*) || ' predictions in them' ||
          coalesce(': ' || string_agg(d.doc_id || ' ' || p.type || ' ' || replace(p.entity, '|', '¦'), '; ' ORDER BY d.doc_id, p.pos), '')
   FROM gold_docs d LEFT JOIN pred p USING (doc_id)
   WHERE NOT EXISTS (SELECT FROM gold g WHERE g.doc_id = d.doc_id)")" ""

# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------
say "## Misses (gold (type, key) not predicted in its document)" ""
say "$(q "SELECT count(*) || ' gold entities missed, ' || count(DISTINCT (type, key)) || ' distinct; the $top most frequent, types interleaved:'
          FROM gold g WHERE NOT EXISTS (SELECT FROM pk WHERE pk.doc_id = g.doc_id AND pk.type = g.type AND pk.key = g.key)")" ""
q "WITH miss AS (
     SELECT g.*, (SELECT string_agg(DISTINCT p.type || ' ' || replace(p.entity, '|', '¦'), ', ')
                  FROM pred p WHERE p.doc_id = g.doc_id AND (p.key = g.key OR overlaps(p.nent, g.nent))) AS instead
     FROM gold g WHERE NOT EXISTS (SELECT FROM pk WHERE pk.doc_id = g.doc_id AND pk.type = g.type AND pk.key = g.key))
   SELECT type, entity, n, docs, instead FROM (
     SELECT type, min(entity) AS entity, count(*) AS n, string_agg(doc_id::text, ' ' ORDER BY doc_id) AS docs,
            coalesce(string_agg(DISTINCT instead, '; '), '') AS instead,
            row_number() OVER (PARTITION BY type ORDER BY count(*) DESC, min(doc_id)) AS r
     FROM miss GROUP BY type, key) x
   ORDER BY n DESC, r, array_position(ARRAY['PERSON', 'LOCATION', 'ORGANIZATION', 'MISC'], type) LIMIT $top" |
	md "type|gold entity|docs|doc ids|predicted instead (same key or overlapping)"

say "## False positives (predicted (type, key) not in the document's gold)" ""
say "$(q "SELECT count(*) || ' false positives, ' || count(DISTINCT (type, key)) || ' distinct; the $top most frequent, types interleaved:'
          FROM pk p WHERE NOT EXISTS (SELECT FROM gk WHERE gk.doc_id = p.doc_id AND gk.type = p.type AND gk.key = p.key)")" ""
q "WITH fp AS (
     SELECT p.doc_id, p.type, p.key, min(p.entity) AS entity,
            (SELECT string_agg(DISTINCT g.type || ' ' || g.entity, ', ') FROM gold g
             WHERE g.doc_id = p.doc_id AND (g.key = p.key OR EXISTS (
               SELECT FROM pred x WHERE x.doc_id = p.doc_id AND x.type = p.type AND x.key = p.key AND overlaps(x.nent, g.nent)))) AS gold_there
     FROM pred p WHERE NOT EXISTS (SELECT FROM gk WHERE gk.doc_id = p.doc_id AND gk.type = p.type AND gk.key = p.key)
     GROUP BY p.doc_id, p.type, p.key)
   SELECT type, entity, n, docs, gold_there FROM (
     SELECT type, replace(min(entity), '|', '¦') AS entity, count(*) AS n, string_agg(doc_id::text, ' ' ORDER BY doc_id) AS docs,
            coalesce(string_agg(DISTINCT gold_there, '; '), '') AS gold_there,
            row_number() OVER (PARTITION BY type ORDER BY count(*) DESC, min(doc_id)) AS r
     FROM fp GROUP BY type, key) x
   ORDER BY n DESC, r, array_position(ARRAY['PERSON', 'LOCATION', 'ORGANIZATION', 'MISC'], type) LIMIT $top" |
	md "type|predicted entity|docs|doc ids|gold there (same key or overlapping)"

# ---------------------------------------------------------------------------
# The key and the spans
# ---------------------------------------------------------------------------
say "## arabic_entity_key() on the gold names" ""
IFS='|' read -r n_canon n_var n_merged n_keys n_coll < <(q "
	WITH c AS (SELECT canon, count(DISTINCT nent) AS forms, count(DISTINCT key) AS keys FROM gold GROUP BY canon)
	SELECT (SELECT count(*) FROM c), (SELECT count(*) FROM c WHERE forms > 1),
	       (SELECT count(*) FROM c WHERE forms > 1 AND keys = 1),
	       (SELECT count(DISTINCT key) FROM gold),
	       (SELECT count(*) FROM (SELECT key FROM gold GROUP BY key HAVING count(DISTINCT canon) > 1) k)")
say "$n_canon distinct names (canon) give $n_keys distinct keys. Of the $n_var names written in more than one way" \
	"(after arabic_normalize 'search'), $n_merged get one key. $n_coll keys are shared by different names." ""
say "### Names with more than one key (variants not merged)" ""
q "SELECT canon, string_agg(DISTINCT entity || ' → ' || key, '; ') FROM gold
   WHERE canon IN (SELECT canon FROM gold GROUP BY canon HAVING count(DISTINCT key) > 1)
   GROUP BY canon ORDER BY canon" | md "canon|forms → keys"
say "### Keys shared by different names" ""
q "SELECT key, string_agg(DISTINCT canon || ' (' || entity || ')', ', ') FROM gold
   WHERE key IN (SELECT key FROM gold GROUP BY key HAVING count(DISTINCT canon) > 1)
   GROUP BY key ORDER BY key" | md "key|names"

say "## Returned rows" ""
q "WITH p AS (
     SELECT p.*, arabic_normalize(substr(d.text, p.pos, p.len), 'search') AS ns
     FROM pred p JOIN gold_docs d USING (doc_id)),
   c AS (
     SELECT p.*, (pos >= 1 AND len >= 1 AND pos + len - 1 <= (SELECT length(text) FROM gold_docs d WHERE d.doc_id = p.doc_id)) AS in_text,
            (nent IN (ns, regexp_replace(ns, '^[وف]', ''), regexp_replace(ns, '^[وف]?[بكل]', ''))
             OR (nent LIKE 'ال%' AND regexp_replace(ns, '^[وف]', '') = 'ل' || substr(nent, 2))) AS span_ok,
            key IS NOT DISTINCT FROM arabic_entity_key(entity) AS key_ok
     FROM p)
   SELECT count(*), count(*) FILTER (WHERE type IN ('PERSON', 'LOCATION', 'ORGANIZATION', 'MISC')),
          count(*) FILTER (WHERE in_text), count(*) FILTER (WHERE span_ok), count(*) FILTER (WHERE key_ok),
          count(*) FILTER (WHERE entity = '' OR key IS NULL OR key = '')
   FROM c" |
	md "rows|known type|span inside the text|span = entity + proclitics|key = arabic_entity_key(entity)|empty entity or key"
say "Spans that are not the entity plus proclitics (first 10):" ""
q "WITH p AS (
     SELECT p.*, substr(d.text, p.pos, p.len) AS span, arabic_normalize(substr(d.text, p.pos, p.len), 'search') AS ns
     FROM pred p JOIN gold_docs d USING (doc_id))
   SELECT doc_id, pos, len, type, replace(span, '|', '¦'), replace(entity, '|', '¦') FROM p
   WHERE NOT (nent IN (ns, regexp_replace(ns, '^[وف]', ''), regexp_replace(ns, '^[وف]?[بكل]', ''))
              OR (nent LIKE 'ال%' AND regexp_replace(ns, '^[وف]', '') = 'ل' || substr(nent, 2)))
   ORDER BY doc_id, pos LIMIT 10" | md "doc|pos|len|type|span|entity"

say "### Span right, entity wrong" ""
say "Predictions whose span (pos, len), normalized and with at most a conjunction and a preposition or لل taken off, is a gold name" \
	"of the document while the returned entity is not that name (cleaning errors: a letter of the name taken for a proclitic, an" \
	"article restored inside a name):" ""
q "WITH p AS (
     SELECT p.*, arabic_normalize(substr(d.text, p.pos, p.len), 'search') AS ns
     FROM pred p JOIN gold_docs d USING (doc_id)),
   c AS (
     SELECT DISTINCT p.doc_id, p.type, replace(p.entity, '|', '¦') AS entity, g.type AS gtype, g.entity AS gentity
     FROM p JOIN gold g ON g.doc_id = p.doc_id
     WHERE p.key IS DISTINCT FROM g.key AND p.nent <> g.nent
       AND (g.nent IN (p.ns, regexp_replace(p.ns, '^[وف]', ''), regexp_replace(p.ns, '^[وف]?[بكل]', ''))
            OR (g.nent LIKE 'ال%' AND regexp_replace(p.ns, '^[وف]', '') = 'ل' || substr(g.nent, 2))))
   SELECT doc_id, type, entity, gtype, gentity FROM c ORDER BY doc_id, gentity" |
	md "doc|type|returned entity|gold type|gold entity"

if [ -f "$tmp/failed" ]; then
	echo "entities_quality.sh: some queries failed (see above); report not written" >&2
	exit 1
fi
mkdir -p "$outdir"
cp "$report" "$outdir/$report_name"
echo "(markdown report written to test/bench/out/$report_name)"
