--
-- neardup_index.sql: gin_arabic_ops and gist_arabic_ops over the paragraphs
-- of the sample corpus; each query runs with and without its index and the
-- results are compared
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- the operator classes are valid
SELECT opc.opcname, am.amname, amvalidate(opc.oid) AS valid
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcname IN ('gin_arabic_ops', 'gist_arabic_ops')
ORDER BY 1, 2;

-- the sample corpus (test/data/sample_corpus.sql; its header lists the
-- copies) in a schema of its own, loaded without echo
CREATE SCHEMA neardup;
SET search_path = neardup, public;
\set ECHO none
\i test/data/sample_corpus.sql
\set ECHO all

-- one row per paragraph; id = article * 100 + paragraph number (no index
-- on id: the plans below are about the near-duplicate indexes)
CREATE TABLE paragraphs (id bigint NOT NULL, article int NOT NULL,
                         n int NOT NULL, paragraph text NOT NULL);
INSERT INTO paragraphs
SELECT a.id * 100 + p.n, a.id, p.n, p.paragraph
FROM articles a CROSS JOIN LATERAL arabic_paragraphs(a.body) p;
SELECT count(*) AS paragraphs, count(DISTINCT article) AS articles FROM paragraphs;
SELECT article, count(*) AS paragraphs FROM paragraphs GROUP BY article ORDER BY article;

CREATE INDEX paragraphs_gin ON paragraphs USING gin (paragraph gin_arabic_ops);
ANALYZE paragraphs;

-- the queries, each run three ways into a result table: with the GIN
-- index, with the GiST index (created further down), without any index
CREATE TABLE results (how text, query text, a bigint, b bigint);

--
-- ~= (near-duplicate, similarity >= 0.5)
--
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
EXPLAIN (COSTS OFF)
SELECT id FROM paragraphs
WHERE paragraph ~= 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار ٢٠٢٤.';
INSERT INTO results
SELECT 'gin', 'similar self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'gin', 'similar to W1', id, NULL FROM paragraphs
WHERE paragraph ~= 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار ٢٠٢٤.';
RESET enable_seqscan;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'none', 'similar self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'none', 'similar to W1', id, NULL FROM paragraphs
WHERE paragraph ~= 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار ٢٠٢٤.';
RESET enable_indexscan;
RESET enable_bitmapscan;

-- the near-duplicate pairs (without index), with their similarity: the
-- copies of W1..W5 in articles 1, 2, 3 and 4, H1..H4 in 5 and 6, C1..C4
-- in 7 and 8
SELECT r.a, r.b, round(arabic_similarity(x.paragraph, y.paragraph)::numeric, 3) AS similarity
FROM results r JOIN paragraphs x ON x.id = r.a JOIN paragraphs y ON y.id = r.b
WHERE r.how = 'none' AND r.query = 'similar self-join'
ORDER BY r.a, r.b;
SELECT a FROM results WHERE how = 'none' AND query = 'similar to W1' ORDER BY a;

--
-- ~@> (the row contains the query) and <@~ (the row stands inside it),
-- containment >= 0.7
--
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
EXPLAIN (COSTS OFF)
SELECT a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON b.paragraph <@~ a.paragraph AND a.id <> b.id;
EXPLAIN (COSTS OFF)
SELECT id FROM paragraphs
WHERE paragraph ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
EXPLAIN (COSTS OFF)
SELECT id FROM paragraphs
WHERE paragraph <@~ 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024. وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.';
INSERT INTO results
SELECT 'gin', 'contains self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
INSERT INTO results
SELECT 'gin', 'inside self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON b.paragraph <@~ a.paragraph AND a.id <> b.id;
INSERT INTO results
SELECT 'gin', 'contains W3', id, NULL FROM paragraphs
WHERE paragraph ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
INSERT INTO results
SELECT 'gin', 'inside W1+W2', id, NULL FROM paragraphs
WHERE paragraph <@~ 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024. وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.';
RESET enable_seqscan;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
INSERT INTO results
SELECT 'none', 'contains self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
INSERT INTO results
SELECT 'none', 'inside self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON b.paragraph <@~ a.paragraph AND a.id <> b.id;
INSERT INTO results
SELECT 'none', 'contains W3', id, NULL FROM paragraphs
WHERE paragraph ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
INSERT INTO results
SELECT 'none', 'inside W1+W2', id, NULL FROM paragraphs
WHERE paragraph <@~ 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024. وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.';
RESET enable_indexscan;
RESET enable_bitmapscan;

-- the containment pairs that are not near-duplicates: the merged paragraph
-- 401 contains W1, W2, W3 of articles 1, 2 and 3 (a contains b)
SELECT r.a, r.b, round(arabic_containment(y.paragraph, x.paragraph)::numeric, 3) AS b_in_a
FROM results r JOIN paragraphs x ON x.id = r.a JOIN paragraphs y ON y.id = r.b
WHERE r.how = 'none' AND r.query = 'contains self-join'
  AND NOT x.paragraph ~= y.paragraph
ORDER BY r.a, r.b;
-- ~@> and <@~ are commutators: the two self-joins are the same pairs
SELECT count(*) AS contains_pairs,
       count(*) FILTER (WHERE (a, b) IN (SELECT a, b FROM results
                                         WHERE how = 'none' AND query = 'inside self-join')) AS also_inside
FROM results WHERE how = 'none' AND query = 'contains self-join';
SELECT query, array_agg(a ORDER BY a) AS ids
FROM results WHERE how = 'none' AND query IN ('contains W3', 'inside W1+W2')
GROUP BY query ORDER BY query;

--
-- the threshold settings change the indexed result the same way
--
SET pg_arabic.similarity_threshold = 0.95;
SET pg_arabic.containment_threshold = 0.95;
SET enable_seqscan = off;
INSERT INTO results
SELECT 'gin', 'similar self-join at 0.95', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'gin', 'contains self-join at 0.95', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
INSERT INTO results
SELECT 'none', 'similar self-join at 0.95', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'none', 'contains self-join at 0.95', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
RESET enable_indexscan;
RESET enable_bitmapscan;
SET pg_arabic.similarity_threshold = 0.2;
SET pg_arabic.containment_threshold = 0.2;
SET enable_seqscan = off;
INSERT INTO results
SELECT 'gin', 'similar self-join at 0.2', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'gin', 'contains self-join at 0.2', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
INSERT INTO results
SELECT 'none', 'similar self-join at 0.2', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'none', 'contains self-join at 0.2', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
RESET enable_indexscan;
RESET enable_bitmapscan;
RESET pg_arabic.similarity_threshold;
RESET pg_arabic.containment_threshold;

-- 0.95 keeps only the copies equal after normalization, 0.2 adds looser
-- pairs; the exact pairs at 0.95
SELECT a, b FROM results WHERE how = 'none' AND query = 'similar self-join at 0.95'
ORDER BY a, b;

--
-- an index on a column of whole articles, and an expression index: the
-- articles whose title and body, read as one text, contain a paragraph
--
CREATE INDEX articles_body_gin ON articles USING gin (body gin_arabic_ops);
CREATE INDEX articles_doc_gin ON articles USING gin ((title || ' ' || body) gin_arabic_ops);
ANALYZE articles;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id FROM articles a WHERE a.body ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
EXPLAIN (COSTS OFF)
SELECT a.id FROM articles a
WHERE (a.title || ' ' || a.body) ~@> 'قافلة مساعدات أممية تدخل إدلب دخلت قافلة مساعدات إنسانية تابعة للأمم المتحدة';
EXPLAIN (COSTS OFF)
SELECT p.id, a.id FROM paragraphs p JOIN articles a
  ON (a.title || ' ' || a.body) ~@> p.paragraph;
INSERT INTO results
SELECT 'gin', 'articles containing W3', a.id, NULL FROM articles a
WHERE a.body ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
INSERT INTO results
SELECT 'gin', 'documents containing a title and lead', a.id, NULL FROM articles a
WHERE (a.title || ' ' || a.body) ~@> 'قافلة مساعدات أممية تدخل إدلب دخلت قافلة مساعدات إنسانية تابعة للأمم المتحدة';
INSERT INTO results
SELECT 'gin', 'documents containing each paragraph', p.id, a.id FROM paragraphs p JOIN articles a
  ON (a.title || ' ' || a.body) ~@> p.paragraph;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
INSERT INTO results
SELECT 'none', 'articles containing W3', a.id, NULL FROM articles a
WHERE a.body ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
INSERT INTO results
SELECT 'none', 'documents containing a title and lead', a.id, NULL FROM articles a
WHERE (a.title || ' ' || a.body) ~@> 'قافلة مساعدات أممية تدخل إدلب دخلت قافلة مساعدات إنسانية تابعة للأمم المتحدة';
INSERT INTO results
SELECT 'none', 'documents containing each paragraph', p.id, a.id FROM paragraphs p JOIN articles a
  ON (a.title || ' ' || a.body) ~@> p.paragraph;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT query, array_agg(a ORDER BY a) AS ids
FROM results WHERE how = 'none' AND query IN ('articles containing W3', 'documents containing a title and lead')
GROUP BY query ORDER BY query;
-- paragraphs found in another article than their own
SELECT a AS paragraph_id, array_agg(b ORDER BY b) AS other_articles
FROM results WHERE how = 'none' AND query = 'documents containing each paragraph'
  AND b <> a / 100
GROUP BY a ORDER BY a;

--
-- GiST: the same operators, and ORDER BY <~> LIMIT k (nearest paragraphs)
--
DROP INDEX paragraphs_gin;
CREATE INDEX paragraphs_gist ON paragraphs USING gist (paragraph gist_arabic_ops);
ANALYZE paragraphs;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
EXPLAIN (COSTS OFF)
SELECT id FROM paragraphs
WHERE paragraph <@~ 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024. وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.';
INSERT INTO results
SELECT 'gist', 'similar self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'gist', 'similar to W1', id, NULL FROM paragraphs
WHERE paragraph ~= 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار ٢٠٢٤.';
INSERT INTO results
SELECT 'gist', 'contains self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
INSERT INTO results
SELECT 'gist', 'inside self-join', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON b.paragraph <@~ a.paragraph AND a.id <> b.id;
INSERT INTO results
SELECT 'gist', 'contains W3', id, NULL FROM paragraphs
WHERE paragraph ~@> 'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.';
INSERT INTO results
SELECT 'gist', 'inside W1+W2', id, NULL FROM paragraphs
WHERE paragraph <@~ 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024. وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.';
SET pg_arabic.similarity_threshold = 0.95;
SET pg_arabic.containment_threshold = 0.95;
INSERT INTO results
SELECT 'gist', 'similar self-join at 0.95', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'gist', 'contains self-join at 0.95', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
SET pg_arabic.similarity_threshold = 0.2;
SET pg_arabic.containment_threshold = 0.2;
INSERT INTO results
SELECT 'gist', 'similar self-join at 0.2', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~= b.paragraph AND a.id < b.id;
INSERT INTO results
SELECT 'gist', 'contains self-join at 0.2', a.id, b.id FROM paragraphs a JOIN paragraphs b
  ON a.paragraph ~@> b.paragraph AND a.id <> b.id;
RESET pg_arabic.similarity_threshold;
RESET pg_arabic.containment_threshold;

-- KNN: the five paragraphs nearest to W1 and to a sentence about the
-- ceasefire (no tie at the fifth place), with the index ...
EXPLAIN (COSTS OFF)
SELECT id FROM paragraphs
ORDER BY paragraph <~> 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024.'
LIMIT 5;
INSERT INTO results
SELECT 'gist', 'nearest to W1', id, NULL FROM (
  SELECT id FROM paragraphs
  ORDER BY paragraph <~> 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024.'
  LIMIT 5) s;
INSERT INTO results
SELECT 'gist', 'nearest to ceasefire', id, NULL FROM (
  SELECT id FROM paragraphs
  ORDER BY paragraph <~> 'أعلنت وزارة الدفاع الروسية تسجيل خروقات لوقف إطلاق النار في إدلب'
  LIMIT 5) s;
RESET enable_seqscan;
-- ... and without it (a sort over a sequential scan)
SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM paragraphs
ORDER BY paragraph <~> 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024.'
LIMIT 5;
INSERT INTO results
SELECT 'none', 'nearest to W1', id, NULL FROM (
  SELECT id FROM paragraphs
  ORDER BY paragraph <~> 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024.'
  LIMIT 5) s;
INSERT INTO results
SELECT 'none', 'nearest to ceasefire', id, NULL FROM (
  SELECT id FROM paragraphs
  ORDER BY paragraph <~> 'أعلنت وزارة الدفاع الروسية تسجيل خروقات لوقف إطلاق النار في إدلب'
  LIMIT 5) s;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- the nearest paragraphs with their distance (ordered by distance, then id)
SELECT r.query, r.a AS id,
       round((p.paragraph <~> CASE r.query
         WHEN 'nearest to W1' THEN 'أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024.'
         ELSE 'أعلنت وزارة الدفاع الروسية تسجيل خروقات لوقف إطلاق النار في إدلب' END)::numeric, 3) AS distance
FROM results r JOIN paragraphs p ON p.id = r.a
WHERE r.how = 'none' AND r.query LIKE 'nearest%'
ORDER BY r.query, distance, r.a;

--
-- every query: the same rows with an index as without (expect in_index_only
-- and without_index_only 0 everywhere)
--
SELECT i.how, i.query,
       (SELECT count(*) FROM results n WHERE n.how = 'none' AND n.query = i.query) AS rows_without_index,
       (SELECT count(*) FROM (SELECT a, b FROM results WHERE how = i.how AND query = i.query
                              EXCEPT
                              SELECT a, b FROM results WHERE how = 'none' AND query = i.query) x) AS in_index_only,
       (SELECT count(*) FROM (SELECT a, b FROM results WHERE how = 'none' AND query = i.query
                              EXCEPT
                              SELECT a, b FROM results WHERE how = i.how AND query = i.query) x) AS without_index_only
FROM (SELECT DISTINCT how, query FROM results WHERE how <> 'none') i
ORDER BY i.query, i.how;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA neardup CASCADE;
RESET client_min_messages;
