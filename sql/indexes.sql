--
-- indexes.sql: normalized text in expression indexes, generated columns and
-- GIN indexes over tokens; each query runs with and without its index
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- the same names written several ways: alef maksura or yeh, hamza on the
-- alef or not, diacritics, tatweel and double space, teh marbuta or heh,
-- Arabic-Indic or ASCII digits, keheh or kaf
CREATE TABLE ar_docs (id int NOT NULL, body text NOT NULL);
INSERT INTO ar_docs VALUES
  (1, 'مستشفى إدلب'),
  (2, 'مستشفي ادلب'),
  (3, 'مُسْتَشْفَى إِدْلِب'),
  (4, 'مستشــفى  إدلب'),
  (5, 'مدرسة حلب'),
  (6, 'مدرسه حلب'),
  (7, 'سوريا'),
  (8, 'سورية'),
  (9, 'عام ٢٠٢٤'),
  (10, 'عام 2024'),
  (11, 'کتاب'),
  (12, 'كتاب'),
  (13, 'وصل إلى المدينة'),
  (14, 'يعيش في مدينة حلب');

--
-- expression index on arabic_normalize(body)
--
CREATE INDEX ar_docs_search ON ar_docs (arabic_normalize(body));
ANALYZE ar_docs;

-- with the index: the planner uses it (the constant side is folded at plan time)
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM ar_docs WHERE arabic_normalize(body) = arabic_normalize('مستشفى إدلب') ORDER BY id;
SELECT id, body FROM ar_docs WHERE arabic_normalize(body) = arabic_normalize('مستشفى إدلب') ORDER BY id;

-- the index also serves the query that names the default profile
EXPLAIN (COSTS OFF)
SELECT id FROM ar_docs WHERE arabic_normalize(body, 'search') = 'مستشفي ادلب' ORDER BY id;

-- without the index: a sequential scan finds the same rows
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM ar_docs WHERE arabic_normalize(body) = arabic_normalize('مستشفى إدلب') ORDER BY id;
SELECT id, body FROM ar_docs WHERE arabic_normalize(body) = arabic_normalize('مستشفى إدلب') ORDER BY id;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- what matches what, with the index and without: every variant above, but
-- سوريا and سورية stay apart (ة folds to ه, not to ا)
CREATE TEMP TABLE terms (n int, term text);
INSERT INTO terms VALUES
  (1, 'مستشفى إدلب'), (2, 'مدرسة حلب'), (3, 'سوريا'), (4, 'سورية'),
  (5, 'عام 2024'), (6, 'كتاب');
SET enable_seqscan = off;
CREATE TEMP TABLE found_with_index AS
  SELECT t.n, array_agg(d.id ORDER BY d.id) AS ids
  FROM terms t JOIN ar_docs d ON arabic_normalize(d.body) = arabic_normalize(t.term)
  GROUP BY t.n;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE found_without_index AS
  SELECT t.n, array_agg(d.id ORDER BY d.id) AS ids
  FROM terms t JOIN ar_docs d ON arabic_normalize(d.body) = arabic_normalize(t.term)
  GROUP BY t.n;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT t.n, t.term, w.ids AS with_index, w.ids = wo.ids AS same_without_index
FROM terms t
LEFT JOIN found_with_index w USING (n)
LEFT JOIN found_without_index wo USING (n)
ORDER BY t.n;

--
-- generated column
--
-- a stored generated column holds the normalized text; an ordinary index on it
CREATE TABLE ar_posts (
  id int NOT NULL,
  body text,
  body_search text GENERATED ALWAYS AS (arabic_normalize(body)) STORED
);
CREATE INDEX ar_posts_body_search ON ar_posts (body_search);
INSERT INTO ar_posts (id, body) SELECT id, body FROM ar_docs WHERE id IN (3, 4, 5, 8, 9, 11);
INSERT INTO ar_posts (id, body) VALUES (15, NULL);
ANALYZE ar_posts;
SELECT id, body, body_search FROM ar_posts ORDER BY id;

-- with the index
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM ar_posts WHERE body_search = arabic_normalize('مدرسة حلب') ORDER BY id;
SELECT id FROM ar_posts WHERE body_search = arabic_normalize('مدرسة حلب') ORDER BY id;
-- without
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT id FROM ar_posts WHERE body_search = arabic_normalize('مدرسة حلب') ORDER BY id;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- UPDATE recomputes the column, and the index finds the row
UPDATE ar_posts SET body = 'مَدْرَسَةُ حَلَبَ' WHERE id = 8;
SET enable_seqscan = off;
SELECT id, body_search FROM ar_posts WHERE body_search = arabic_normalize('مدرسة حلب') ORDER BY id;
RESET enable_seqscan;

--
-- GIN index over tokens
--
-- the article and proclitics are elements of their own, so the word مدينة
-- finds المدينة
CREATE INDEX ar_docs_tokens ON ar_docs USING gin (arabic_tokens(body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM ar_docs WHERE arabic_tokens(body) @> arabic_tokens('مدينة') ORDER BY id;
SELECT id, body FROM ar_docs WHERE arabic_tokens(body) @> arabic_tokens('مدينة') ORDER BY id;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT id, body FROM ar_docs WHERE arabic_tokens(body) @> arabic_tokens('مدينة') ORDER BY id;
RESET enable_indexscan;
RESET enable_bitmapscan;

DROP TABLE ar_posts;
DROP TABLE ar_docs;
