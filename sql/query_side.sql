--
-- query_side.sql: the query side of a near-duplicate search, whatever its
-- size, gives the same rows as the functions say, through GIN, GiST and
-- without an index
--
-- A constant is fingerprinted once per query (no size limit), other
-- arguments are cached while their value repeats.  These tests check the
-- answers, not the time (test/bench/shared_server.sh measures that):
-- a long constant, a subquery's value, and PL/pgSQL variables that change
-- between calls of one expression (which a cache must not mistake for a
-- constant).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
CREATE SCHEMA query_side;
RESET client_min_messages;
SET search_path = query_side, public;
\set ECHO none
\i test/data/sample_corpus.sql
\set ECHO all

CREATE TABLE paragraphs AS
SELECT a.id * 100 + p.n AS id, a.id AS article, p.paragraph
FROM articles a CROSS JOIN LATERAL arabic_paragraphs(a.body) p;

-- the long query: the bodies of articles 1 to 6, eight times over (more
-- than 64 KB, the limit 1.0 cached up to)
SELECT string_agg(body, E'\n' ORDER BY id) AS six FROM articles WHERE id <= 6 \gset
SELECT repeat(:'six' || E'\n', 8) AS doc \gset
SELECT octet_length(:'doc') > 65536 AS longer_than_64kb;

-- without an index: every paragraph of articles 1 to 6 is inside it, and
-- no other
CREATE TABLE results AS
SELECT 'none' AS how, id FROM paragraphs WHERE paragraph <@~ :'doc';
SELECT article, count(*) AS paragraphs,
       count(*) FILTER (WHERE id IN (SELECT id FROM results)) AS inside
FROM paragraphs GROUP BY article ORDER BY article;
-- the operator agrees with the function on every row (expect no rows)
SELECT id FROM paragraphs
WHERE (paragraph <@~ :'doc') <> (arabic_containment(paragraph, :'doc') >= 0.7)
   OR (:'doc' ~@> paragraph) <> (paragraph <@~ :'doc')
ORDER BY id;

-- through GIN and through GiST: the same rows
CREATE INDEX paragraphs_gin ON paragraphs USING gin (paragraph gin_arabic_ops);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM paragraphs WHERE paragraph <@~ 'وصل الوفد إلى المدينة';
INSERT INTO results SELECT 'gin', id FROM paragraphs WHERE paragraph <@~ :'doc';
DROP INDEX paragraphs_gin;
CREATE INDEX paragraphs_gist ON paragraphs USING gist (paragraph gist_arabic_ops);
EXPLAIN (COSTS OFF) SELECT id FROM paragraphs WHERE paragraph <@~ 'وصل الوفد إلى المدينة';
INSERT INTO results SELECT 'gist', id FROM paragraphs WHERE paragraph <@~ :'doc';
RESET enable_seqscan;
SELECT how, count(*) AS rows,
       count(*) FILTER (WHERE id NOT IN (SELECT id FROM results WHERE how = 'none')) AS not_without_index
FROM results GROUP BY how ORDER BY how;

-- the long side as a subquery's value, and the same side built per row
SELECT count(*) AS inside_by_subquery FROM paragraphs
WHERE paragraph <@~ (SELECT repeat(:'six' || E'\n', 8));
SELECT count(*) AS inside_by_expression FROM paragraphs
WHERE paragraph <@~ repeat(:'six' || E'\n', 8 + (id % 2)::int);

-- PL/pgSQL: one expression evaluated with variables that change between
-- calls; each answer must be that of its own arguments
CREATE FUNCTION scores() RETURNS TABLE (id bigint, via_plpgsql real, via_sql real)
LANGUAGE plpgsql AS $$
DECLARE
    p record;
    doc text;
BEGIN
    FOR p IN SELECT q.id, q.article, q.paragraph FROM paragraphs q
             WHERE q.id IN (101, 201, 501, 701, 1101) ORDER BY q.id LOOP
        -- a different long document each time: the article's body, 40 times
        doc := repeat((SELECT body FROM articles WHERE articles.id = p.article) || E'\n', 40);
        id := p.id;
        via_plpgsql := arabic_containment('أعلن المبعوث الخاص للرئيس الروسي', doc);
        via_sql := (SELECT arabic_containment('أعلن المبعوث الخاص للرئيس الروسي', a.body)
                    FROM articles a WHERE a.id = p.article);
        RETURN NEXT;
    END LOOP;
END $$;
SELECT id, round(via_plpgsql::numeric, 3) AS via_plpgsql,
       round(via_sql::numeric, 3) AS via_sql, via_plpgsql = via_sql AS same
FROM scores() ORDER BY id;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA query_side CASCADE;
RESET client_min_messages;
