-- test/demo/demo.sql: what `make demo` shows, on the invented news corpus of
-- test/data/sample_corpus.sql (13 articles, 6 people).  Each section is one
-- capability; later capabilities add their sections here.
\pset footer off
\pset null '(null)'

\echo
\echo '================================================================'
\echo ' pg_arabic demo: Arabic news text in PostgreSQL'
\echo '================================================================'
SELECT arabic_version() AS pg_arabic, arabic_icu_version() AS icu;

\echo
\echo '---- 1. Normalization profiles ---------------------------------'
SELECT profile, description FROM arabic_profiles();

\echo
\echo '-- One headline as five outlets wrote it, before and after:'
SELECT id, title AS "as written", arabic_normalize(title) AS "search profile"
FROM articles WHERE id IN (1, 2, 3, 4) ORDER BY id;

\echo
\echo '-- Diacritics, tatweel, a lam-alef ligature, RLM/ZWNJ, three digit styles and quote styles:'
SELECT t AS "as written",
       arabic_normalize(t, 'display') AS display,
       arabic_normalize(t, 'search') AS search,
       arabic_normalize(t, 'camel') AS camel
FROM (VALUES ('وَقَالَ الـمـبـعـوث ﻻفرنتيف: «المحادثات» ستُعقد عام ٢٠٢٤؟'),
             ('أعلن ' || E'\u200F' || 'المبعوث “الخاص” إلى سوريا في ۲۰۲۴'),
             ('قافلة المساعدات وصلت إلى مستشفى إدلب')) AS v(t);

\echo
\echo '-- Paragraphs written differently that are the same text after the search profile:'
SELECT count(DISTINCT p.paragraph) AS spellings,
       array_agg(DISTINCT a.id ORDER BY a.id) AS articles,
       left(arabic_normalize(p.paragraph), 70) || '…' AS normalized_paragraph
FROM articles a,
     LATERAL regexp_split_to_table(a.body, E'\n') AS p(paragraph)
WHERE btrim(p.paragraph) <> ''
GROUP BY arabic_normalize(p.paragraph)
HAVING count(DISTINCT p.paragraph) > 1
ORDER BY 2;

\echo
\echo '---- 2. Tokens: proclitics and the article split off -----------'
SELECT arabic_tokens('وبالمدينة وصل وزير الخارجية للسفارة الروسية في ألمانيا، وقال إن الوفد سيعود');

\echo
\echo '-- The most frequent stems of the corpus (clitics dropped):'
SELECT tok AS stem, count(*) AS n
FROM articles, unnest(arabic_tokens(body)) AS tok
WHERE tok !~ '\+$' AND length(tok) > 3
GROUP BY tok ORDER BY n DESC, tok LIMIT 12;

\echo
\echo '---- 3. A trigger that cleans rows as they are written ---------'
CREATE TABLE clean_articles (
    id int PRIMARY KEY,
    title text,
    body text,
    body_search text
);
CREATE TRIGGER clean BEFORE INSERT OR UPDATE ON clean_articles
    FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'title', 'body');
CREATE TRIGGER search_copy BEFORE INSERT OR UPDATE ON clean_articles
    FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body:body_search');
INSERT INTO clean_articles (id, title, body) SELECT id, title, body FROM articles;
SELECT a.id, a.title AS "written", c.title AS "stored by the trigger"
FROM articles a JOIN clean_articles c USING (id)
WHERE a.title <> c.title ORDER BY a.id;
SELECT id, length(body) AS body_chars, left(body_search, 60) || '…' AS body_search
FROM clean_articles WHERE id IN (3, 8) ORDER BY id;

\echo
\echo '---- 4. An expression index finds every spelling ---------------'
CREATE INDEX clean_articles_title_idx ON clean_articles (arabic_normalize(title));
\echo '-- A headline typed with other letters, diacritics and digits finds the stored one:'
SELECT id, title FROM clean_articles
WHERE arabic_normalize(title) = arabic_normalize('روسيا تُعلن موعد جولة سوتشى الجديدة');
SET enable_seqscan = off;  -- 13 rows: the planner would scan; show the index plan
EXPLAIN (COSTS OFF)
SELECT id FROM clean_articles
WHERE arabic_normalize(title) = arabic_normalize('روسيا تُعلن موعد جولة سوتشى الجديدة');
RESET enable_seqscan;
SELECT count(*) AS articles_mentioning_idlib_any_spelling
FROM clean_articles
WHERE body_search LIKE '%' || arabic_normalize('إدلب') || '%';

\echo
\echo '---- 5. Near-duplicate paragraphs ------------------------------'
\echo '-- Split every article into paragraphs and index them:'
CREATE TABLE paragraphs AS
SELECT a.id * 100 + p.n AS id, a.id AS article, p.n, p.paragraph
FROM articles a, arabic_paragraphs(a.body) AS p;
CREATE INDEX paragraphs_gin ON paragraphs USING gin (paragraph gin_arabic_ops);
ANALYZE paragraphs;
SELECT count(*) AS paragraphs FROM paragraphs;

\echo
\echo '-- Republished paragraphs (similarity >= pg_arabic.similarity_threshold), found through the index:'
SHOW pg_arabic.similarity_threshold;
SELECT x.article AS a, x.n AS a_par, y.article AS b, y.n AS b_par,
       round(arabic_similarity(x.paragraph, y.paragraph)::numeric, 2) AS similarity,
       left(y.paragraph, 50) || '…' AS b_text
FROM paragraphs x JOIN paragraphs y ON x.paragraph ~= y.paragraph AND x.id < y.id
ORDER BY x.id, y.id;

\echo
\echo '-- Paragraphs that stand inside a longer merged paragraph (containment >= pg_arabic.containment_threshold):'
SELECT x.article AS short_article, x.n AS short_par, y.article AS merged_article, y.n AS merged_par,
       round(arabic_containment(x.paragraph, y.paragraph)::numeric, 2) AS containment
FROM paragraphs x JOIN paragraphs y ON x.paragraph <@~ y.paragraph
WHERE x.id <> y.id AND NOT x.paragraph ~= y.paragraph
ORDER BY x.id, y.id;

\echo
\echo '-- Group the republished copies: each paragraph once, with the copies that repeat it.'
\echo '-- (Containment edges are left out: a merged paragraph would chain three stories into one group.)'
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
       left((SELECT paragraph FROM paragraphs WHERE id = g.group_id), 60) || '…' AS text
FROM groups g JOIN paragraphs p ON p.id = g.id
GROUP BY g.group_id ORDER BY g.group_id;

\echo
\echo '-- The plan: a nested loop over GIN lookups'
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT x.id, y.id FROM paragraphs x JOIN paragraphs y ON x.paragraph ~= y.paragraph AND x.id < y.id;
RESET enable_seqscan;

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

\echo
\echo '---- 6. Entities: people, places and organizations as rows -----'
\echo '-- Extract the entities of every article into a table with a LATERAL join:'
CREATE TABLE entities AS
SELECT a.id AS article, e.*
FROM articles a CROSS JOIN LATERAL arabic_entities(a.body) AS e;
SELECT type, count(*) AS mentions, count(DISTINCT key) AS distinct_keys
FROM entities GROUP BY type ORDER BY type;

\echo
\echo '-- Article 2, as written and as extracted (pos/len point into the text; key joins spellings):'
SELECT entity, type, pos, len, substr(a.body, pos, len) AS as_written, key
FROM entities e JOIN articles a ON a.id = e.article
WHERE e.article = 2 ORDER BY pos LIMIT 12;

\echo
\echo '-- Join with the analyst''s own table of people (one canonical spelling each) by key:'
SELECT p.name, p.role IS NOT NULL AS has_role,
       count(e.*) AS mentions,
       array_agg(DISTINCT e.article ORDER BY e.article) FILTER (WHERE e.article IS NOT NULL) AS articles,
       array_agg(DISTINCT e.entity) FILTER (WHERE e.entity IS NOT NULL) AS spellings
FROM people p
LEFT JOIN entities e ON e.key = arabic_entity_key(p.name) AND e.type = 'PERSON'
GROUP BY p.id, p.name, p.role ORDER BY p.id;

\echo
\echo '-- Mentions per place across spelling variants (سوريا/سورية, سوتشي/سوتشى, إدلب/ادلب, جنيف/جينيف):'
SELECT key, count(*) AS mentions, count(DISTINCT article) AS articles,
       array_agg(DISTINCT entity ORDER BY entity) AS spellings
FROM entities WHERE type = 'LOCATION'
GROUP BY key HAVING count(*) > 1 ORDER BY mentions DESC, key LIMIT 10;

\echo
\echo '-- The user gazetteer: teach it a name it misses, and an alias with the same key.'
\echo '-- Before:'
SELECT entity, type, key FROM arabic_entities('وأكد بيدرسون أن الدول الضامنة ستجتمع في آستانا .') ORDER BY pos;
INSERT INTO arabic_gazetteer (name, type, key) VALUES
    ('بيدرسون', 'PERSON', arabic_entity_key('غير بيدرسن')),
    ('الدول الضامنة', 'ORGANIZATION', NULL),
    ('آستانا', 'LOCATION', arabic_entity_key('أستانة'));
\echo '-- After (the next statement sees the new rows; no reconnect):'
SELECT entity, type, key FROM arabic_entities('وأكد بيدرسون أن الدول الضامنة ستجتمع في آستانا .') ORDER BY pos;

\echo ''
\echo '-- A listed name also matches its spelling variants: list the envoy once and'
\echo '-- re-extract; the variant spelling of article 2 now joins the people table too.'
INSERT INTO arabic_gazetteer (name, type) VALUES ('ألكسندر لافرنتيف', 'PERSON');
SELECT p.name, count(*) AS mentions,
       array_agg(DISTINCT a.id ORDER BY a.id) AS articles,
       array_agg(DISTINCT e.entity) AS spellings
FROM people p
JOIN articles a ON true
CROSS JOIN LATERAL arabic_entities(a.body) AS e
WHERE p.name = 'ألكسندر لافرنتيف' AND e.type = 'PERSON' AND e.key = arabic_entity_key(p.name)
GROUP BY p.name;
