-- test/demo/demo.sql: what `make demo` shows, on the invented news corpus of
-- test/data/sample_corpus.sql (13 articles, 6 people).  Each section is one
-- capability; later capabilities add their sections here.  test/demo.sh
-- runs it with psql -q -e (queries echoed, no command tags); every line of
-- the output fits a 100-column terminal (checked by test/check_width.py).
\pset footer off
\pset null '(null)'
\pset format wrapped
\pset columns 100

\echo
\echo '================================================================'
\echo ' pg_arabic demo: Arabic news text in PostgreSQL'
\echo '================================================================'
SELECT arabic_version() AS pg_arabic, arabic_icu_version() AS icu;

\echo
\echo '---- 1. Normalization ------------------------------------------'
SELECT profile, description FROM arabic_profiles();

\echo
\echo '-- One headline as four outlets wrote it, and its search form:'
SELECT id, title AS "as written", arabic_normalize(title) AS "search profile"
FROM articles WHERE id IN (1, 2, 3, 4) ORDER BY id;

\echo
\echo '-- Diacritics, tatweel, a ligature, an RLM, digits and quotes under each profile:'
SELECT v.n, p.profile, arabic_normalize(v.t, p.profile) AS normalized
FROM (VALUES (1, 'وَقَالَ الـمـبـعـوث ﻻفرنتيف: «المحادثات» ستُعقد عام ٢٠٢٤؟'),
             (2, 'أعلن ' || E'\u200F' || 'المبعوث “الخاص” إلى سوريا في ۲۰۲۴')) AS v(n, t),
     arabic_profiles() AS p
ORDER BY v.n, p.profile;

\echo
\echo '-- One function per step, for pipelines of your own:'
SELECT step, input, output FROM (VALUES
  (1, 'arabic_strip_diacritics', 'مُحَمَّد', arabic_strip_diacritics('مُحَمَّد')),
  (2, 'arabic_strip_tatweel', 'الـرئـيـس', arabic_strip_tatweel('الـرئـيـس')),
  (3, 'arabic_normalize_alef', 'أإآ', arabic_normalize_alef('أإآ')),
  (4, 'arabic_normalize_yeh', 'مستشفى', arabic_normalize_yeh('مستشفى')),
  (5, 'arabic_normalize_teh_marbuta', 'سورية', arabic_normalize_teh_marbuta('سورية')),
  (6, 'arabic_normalize_hamza', 'مسؤول', arabic_normalize_hamza('مسؤول')),
  (7, 'arabic_normalize_digits', '٢٠٢٤ / ۲۰۲۴', arabic_normalize_digits('٢٠٢٤ / ۲۰۲۴')),
  (8, 'arabic_normalize_punctuation', '«نعم»؟', arabic_normalize_punctuation('«نعم»؟'))
) AS s(n, step, input, output) ORDER BY n;

\echo
\echo '-- Paragraphs written differently that are the same text after the search profile:'
SELECT count(DISTINCT p.paragraph) AS spellings,
       array_agg(DISTINCT a.id ORDER BY a.id) AS articles,
       left(arabic_normalize(p.paragraph), 60) || '…' AS normalized_paragraph
FROM articles a, regexp_split_to_table(a.body, E'\n') AS p(paragraph)
WHERE btrim(p.paragraph) <> ''
GROUP BY arabic_normalize(p.paragraph)
HAVING count(DISTINCT p.paragraph) > 1
ORDER BY 2, 3;

\echo
\echo '-- Hostile input: a million combining marks on one letter take milliseconds (at most'
\echo '-- 30 stay after a letter); control characters go; an emoji family stays one family.'
SELECT length(arabic_normalize('ب' || repeat(E'\u0650\u064E', 500000), 'display')) AS left,
       arabic_normalize(E'عاجل\u0007: \U0001F468\u200D\U0001F469\u200D\U0001F467', 'display');

\echo
\echo '---- 2. Tokens: proclitics and the article split off -----------'
SELECT arabic_tokens('وبالمدينة وصل وزير الخارجية للسفارة الروسية، وقال إن الوفد سيعود');

\echo
\echo '-- The most frequent stems of the corpus (clitics dropped):'
SELECT tok AS stem, count(*) AS n
FROM articles, unnest(arabic_tokens(body)) AS tok
WHERE tok !~ '\+$' AND length(tok) > 3
GROUP BY tok ORDER BY n DESC, tok LIMIT 8;

\echo
\echo '---- 3. A trigger that cleans rows as they are written ---------'
CREATE TABLE clean_articles (
    id int PRIMARY KEY,
    published date,
    title text,
    body text,
    body_search text
);
CREATE TRIGGER clean BEFORE INSERT OR UPDATE ON clean_articles
    FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'title', 'body');
CREATE TRIGGER search_copy BEFORE INSERT OR UPDATE ON clean_articles
    FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body:body_search');
INSERT INTO clean_articles (id, published, title, body)
SELECT id, published, title, body FROM articles;
SELECT a.id, a.title AS "written", c.title AS "stored by the trigger"
FROM articles a JOIN clean_articles c USING (id)
WHERE a.title <> c.title ORDER BY a.id;
SELECT id, length(body) AS body_chars, left(body_search, 60) || '…' AS body_search
FROM clean_articles WHERE id IN (3, 8) ORDER BY id;

\echo
\echo '---- 4. Indexes find every spelling ----------------------------'
\echo '-- A btree on the normalized title: a headline typed another way finds the stored one.'
CREATE INDEX clean_articles_title_idx ON clean_articles (arabic_normalize(title));
SELECT id, title FROM clean_articles
WHERE arabic_normalize(title) = arabic_normalize('روسيا تُعلن موعد جولة سوتشى الجديدة');

\echo
\echo '-- Bodies are too long for a btree: index their words (a GIN over arabic_tokens).'
CREATE INDEX clean_articles_words_idx ON clean_articles USING gin (arabic_tokens(body));
SET enable_seqscan = off;  -- 13 rows: the planner would scan; show the index plans
SELECT count(*) AS articles_with_idlib_any_spelling FROM clean_articles
WHERE arabic_tokens(body) @> arabic_tokens('إدلب');
EXPLAIN (COSTS OFF) SELECT id FROM clean_articles
WHERE arabic_tokens(body) @> arabic_tokens('إدلب');
RESET enable_seqscan;

\echo
\echo '---- 5. Near-duplicate paragraphs ------------------------------'
\echo '-- Split every article into paragraphs and index them (GIN and GiST):'
CREATE TABLE paragraphs AS
SELECT a.id * 100 + p.n AS id, a.id AS article, p.n, p.paragraph
FROM articles a, arabic_paragraphs(a.body) AS p;
CREATE INDEX paragraphs_gin ON paragraphs USING gin (paragraph gin_arabic_ops);
CREATE INDEX paragraphs_gist ON paragraphs USING gist (paragraph gist_arabic_ops);
ANALYZE paragraphs;
SELECT count(*) AS paragraphs FROM paragraphs;

\echo
\echo '-- A fingerprint is the set of hashed word pairs; copies share most of them:'
SELECT id, cardinality(arabic_fingerprint(paragraph)) AS shingles,
       (arabic_fingerprint(paragraph))[1:3] AS first_hashes,
       round(arabic_similarity(arabic_fingerprint(paragraph),
             (SELECT arabic_fingerprint(paragraph) FROM paragraphs WHERE id = 101))::numeric, 2)
         AS similarity_to_101
FROM paragraphs WHERE id IN (101, 201, 301) ORDER BY id;

\echo
\echo '-- Republished paragraphs (similarity >= pg_arabic.similarity_threshold):'
SHOW pg_arabic.similarity_threshold;
SELECT x.article || '.' || x.n AS a, y.article || '.' || y.n AS b,
       round(arabic_similarity(x.paragraph, y.paragraph)::numeric, 2) AS similarity,
       left(y.paragraph, 50) || '…' AS b_text
FROM paragraphs x JOIN paragraphs y ON x.paragraph ~= y.paragraph AND x.id < y.id
ORDER BY x.id, y.id LIMIT 10;

\echo
\echo '-- Paragraphs inside a longer merged one: x <@~ y, or the other way round y ~@> x:'
SELECT x.article || '.' || x.n AS short, y.article || '.' || y.n AS merged,
       round(arabic_containment(x.paragraph, y.paragraph)::numeric, 2) AS containment,
       y.paragraph ~@> x.paragraph AS "merged ~@> short"
FROM paragraphs x JOIN paragraphs y ON x.paragraph <@~ y.paragraph
WHERE x.id <> y.id AND NOT x.paragraph ~= y.paragraph
ORDER BY x.id, y.id;

\echo
\echo '-- The 3 nearest paragraphs to a new wording, by the GiST index (ORDER BY <~>):'
SET enable_seqscan = off;
SELECT id, round((paragraph <~> 'وقال لافرنتيف ان الحوار هو الطريق الوحيد لحل الازمة')::numeric, 2)
         AS distance, left(paragraph, 50) || '…' AS paragraph
FROM paragraphs
ORDER BY paragraph <~> 'وقال لافرنتيف ان الحوار هو الطريق الوحيد لحل الازمة', id LIMIT 3;
EXPLAIN (COSTS OFF) SELECT id FROM paragraphs
ORDER BY paragraph <~> 'وقال لافرنتيف ان الحوار هو الطريق الوحيد لحل الازمة' LIMIT 3;
RESET enable_seqscan;

\echo
\echo '-- Group the republished copies: each paragraph once, with its copies.'
\echo '-- (Containment is left out: a merged paragraph would chain stories into one group.)'
WITH pairs AS (
    SELECT x.id AS a, y.id AS b
    FROM paragraphs x JOIN paragraphs y ON x.paragraph ~= y.paragraph AND x.id < y.id
), groups AS (
    SELECT * FROM arabic_duplicate_groups(
        (SELECT array_agg(a ORDER BY a, b) FROM pairs),
        (SELECT array_agg(b ORDER BY a, b) FROM pairs))
)
SELECT g.group_id AS representative,
       array_agg(p.article || '.' || p.n ORDER BY p.id) AS copies,
       left((SELECT paragraph FROM paragraphs WHERE id = g.group_id), 50) || '…' AS text
FROM groups g JOIN paragraphs p ON p.id = g.id
GROUP BY g.group_id ORDER BY g.group_id;

\echo
\echo '---- 5b. Deduplicating the whole archive: keys as rows, no lookups ----'
\echo '-- Every pair in one join on prefix keys (rarest shingles first), then the exact score:'
\set tbl paragraphs
\set result dedup_pairs
\set sim 0.5
\i test/dedup/pairs.sql
SELECT (SELECT count(*) FROM dedup_pairs) AS pairs_by_keys,
       (SELECT count(*) FROM paragraphs x JOIN paragraphs y
          ON x.paragraph ~= y.paragraph AND x.id < y.id) AS pairs_by_nested_loop,
       (SELECT count(*) FROM (SELECT a, b FROM dedup_pairs
                              EXCEPT SELECT x.id, y.id FROM paragraphs x JOIN paragraphs y
                                ON x.paragraph ~= y.paragraph AND x.id < y.id) d) AS different;

\echo
\echo '-- Groups as the pairs arrive (arabic_groups_agg), then each story once:'
SELECT g.group_id AS representative, count(*) AS copies
FROM (SELECT arabic_groups_agg(a, b) AS m FROM dedup_pairs) s, unnest(s.m) AS g
GROUP BY g.group_id ORDER BY g.group_id;
SELECT count(*) AS paragraphs,
       count(*) FILTER (WHERE g.id IS NULL OR g.group_id = p.id) AS stories
FROM paragraphs p
LEFT JOIN (SELECT g.* FROM (SELECT arabic_groups_agg(a, b) AS m FROM dedup_pairs) s,
           unnest(s.m) AS g) g ON g.id = p.id;
\echo '-- On Citus the same blocks run pushed down, keys in a table distributed by key'
\echo '-- (test/dedup/citus_*.sql; README, Deduplicating an archive, On Citus).'

\echo
\echo '---- 6. Entities: people, places and organizations as rows -----'
\echo '-- The model this backend loaded:'
SELECT path, pg_size_pretty(bytes) AS size, features, gazetteer_keys
FROM arabic_entity_model();

\echo
\echo '-- Extract the entities of every article into a table with a LATERAL join:'
CREATE TABLE entities AS
SELECT a.id AS article, e.*
FROM articles a CROSS JOIN LATERAL arabic_entities(a.body) AS e;
SELECT type, count(*) AS mentions, count(DISTINCT key) AS distinct_keys
FROM entities GROUP BY type ORDER BY type;

\echo
\echo '-- Article 2 as written and as extracted (substr(body, pos, len) is the mention):'
SELECT entity, type, pos, len, substr(a.body, pos, len) AS as_written, key
FROM entities e JOIN articles a ON a.id = e.article
WHERE e.article = 2 ORDER BY pos LIMIT 8;

\echo
\echo '-- New in 1.1: an organization named by a head noun and an adjective, a name found'
\echo '-- again in another spelling and alone, and سورية a name only where it is not an adjective:'
SELECT entity, type, key
FROM arabic_entities(
  'قال وزير الخارجية الروسي سيرغي لافروف إن وزارة الخارجية التركية أبلغت موسكو بموقفها. '
  'وأضاف سيرجي لافروف أن الحكومة السورية ستشارك، وقال لافروف إن الحل في سورية سياسي.')
ORDER BY pos;

\echo
\echo '-- Join with the analyst''s own table of people (one spelling each) by key:'
CREATE INDEX ON entities (key);
SELECT p.name, count(e.*) AS mentions,
       array_agg(DISTINCT e.article) FILTER (WHERE e.article IS NOT NULL) AS articles,
       array_agg(DISTINCT e.entity) FILTER (WHERE e.entity IS NOT NULL) AS spellings
FROM people p
LEFT JOIN entities e ON e.key = arabic_entity_key(p.name) AND e.type = 'PERSON'
GROUP BY p.id, p.name ORDER BY p.id;

\echo
\echo '-- Mentions per place across spellings (سوريا/سورية, سوتشي/سوتشى, إدلب/ادلب):'
SELECT key, count(*) AS mentions, count(DISTINCT article) AS articles,
       array_agg(DISTINCT entity ORDER BY entity) AS spellings
FROM entities WHERE type = 'LOCATION'
GROUP BY key HAVING count(*) > 1 ORDER BY mentions DESC, key LIMIT 6;

\echo
\echo '-- Mentions per week, by type, and the most mentioned place of each week:'
SELECT date_trunc('week', a.published)::date AS week,
       count(DISTINCT a.id) AS articles,
       count(*) FILTER (WHERE e.type = 'PERSON') AS people,
       count(*) FILTER (WHERE e.type = 'LOCATION') AS places,
       count(*) FILTER (WHERE e.type = 'ORGANIZATION') AS organizations,
       mode() WITHIN GROUP (ORDER BY e.key) FILTER (WHERE e.type = 'LOCATION') AS top_place_key
FROM entities e JOIN articles a ON a.id = e.article
GROUP BY 1 ORDER BY 1;

\echo
\echo '-- The user gazetteer: teach it names it misses, and an alias with the same key.'
\set s 'وأكد بيدرسون أن الدول الضامنة ستجتمع في آستانا .'
\echo '-- Before:'
SELECT entity, type, key
FROM arabic_entities(:'s') ORDER BY pos;
INSERT INTO arabic_gazetteer (name, type, key) VALUES
    ('بيدرسون', 'PERSON', arabic_entity_key('غير بيدرسن')),
    ('الدول الضامنة', 'ORGANIZATION', NULL),
    ('آستانا', 'LOCATION', arabic_entity_key('أستانة'));
\echo '-- After (the next statement sees the new rows; no reconnect):'
SELECT entity, type, key
FROM arabic_entities(:'s') ORDER BY pos;

\echo
\echo '-- A listed name also matches its spelling variants: list the envoy once and'
\echo '-- re-extract; the variant spelling of article 2 now joins the people table too.'
INSERT INTO arabic_gazetteer (name, type) VALUES ('ألكسندر لافرنتيف', 'PERSON');
SELECT p.name, count(*) AS mentions,
       array_agg(DISTINCT a.id ORDER BY a.id) AS articles,
       array_agg(DISTINCT e.entity) AS spellings
FROM people p
JOIN articles a ON true
CROSS JOIN LATERAL arabic_entities(a.body) AS e
WHERE p.name = 'ألكسندر لافرنتيف' AND e.type = 'PERSON'
  AND e.key = arabic_entity_key(p.name)
GROUP BY p.name;

\echo
\echo '-- Without the user gazetteer: arabic_builtin_entities() is IMMUTABLE, so Citus runs'
\echo '-- INSERT ... SELECT with it on the shards of a co-located table (see README, Citus).'
SELECT entity, type, key
FROM arabic_builtin_entities(:'s') ORDER BY pos;

\echo
\echo '---- 7. Full-text search that matches every spelling -----------'
\echo '-- A generated tsvector column with the arabic_search configuration, and a GIN index:'
ALTER TABLE articles ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('arabic_search', title || ' ' || body)) STORED;
CREATE INDEX articles_tsv ON articles USING gin (tsv);

\echo
\echo '-- Queries typed as users type them (no hamza, ى for ي, a phrase in quotes): which'
\echo '-- articles does each configuration find?'
SELECT q AS query,
       array(SELECT id FROM articles WHERE tsv @@ websearch_to_tsquery('arabic_search', q)
             ORDER BY id) AS arabic_search,
       array(SELECT id FROM articles
             WHERE to_tsvector('arabic', title || ' ' || body) @@ websearch_to_tsquery('arabic', q)
             ORDER BY id) AS builtin_arabic
FROM unnest(ARRAY['الكسندر لافرنتيف سوتشى', 'مستشفى ادلب', '"مدينة سوتشى"']) AS q;

\echo
\echo '-- Ranked, with the words highlighted as each article writes them:'
SELECT id, round(ts_rank(tsv, q)::numeric, 3) AS rank,
       ts_headline('arabic_search', body, q,
                   'MaxWords=9, MinWords=4, MaxFragments=1, StartSel=[, StopSel=]') AS headline
FROM articles, websearch_to_tsquery('arabic_search', 'الكسندر لافرنتيف سوتشى') AS q
WHERE tsv @@ q ORDER BY rank DESC, id;
