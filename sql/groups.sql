--
-- groups.sql: arabic_duplicate_groups() turns near-duplicate pairs into
-- groups (connected components, the smallest id as group_id), and the
-- documented recipe "show each story once" on the sample corpus
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- one pair: both ids, the smaller one is the group
SELECT id, group_id FROM arabic_duplicate_groups('{7}', '{3}') ORDER BY id;

-- a chain 1-2, 2-3 is one group
SELECT id, group_id FROM arabic_duplicate_groups('{1,2}', '{2,3}') ORDER BY id;

-- the same chain given backwards (3-2, 2-1) and as a star: still one group of 1
SELECT id, group_id FROM arabic_duplicate_groups('{3,2}', '{2,1}') ORDER BY id;
SELECT id, group_id FROM arabic_duplicate_groups('{4,4,4}', '{9,2,7}') ORDER BY id;

-- two chains that meet late: 10-20, 30-40, 40-5, 20-40 all join, group 5
SELECT id, group_id FROM arabic_duplicate_groups('{10,30,40,20}', '{20,40,5,40}') ORDER BY id;

-- separate components keep separate groups
SELECT id, group_id FROM arabic_duplicate_groups('{5,1,7,100}', '{6,2,5,101}') ORDER BY id;

-- repeated pairs, in both orders: each id once
SELECT id, group_id FROM arabic_duplicate_groups('{1,2,1,2}', '{2,1,2,1}') ORDER BY id;

-- self-pairs: an id alone is its own group; with other pairs it changes nothing
SELECT id, group_id FROM arabic_duplicate_groups('{4}', '{4}') ORDER BY id;
SELECT id, group_id FROM arabic_duplicate_groups('{9,3,9}', '{9,8,9}') ORDER BY id;

-- negative and extreme bigint ids: the smallest is the group
SELECT id, group_id
FROM arabic_duplicate_groups('{-5,9223372036854775807,0}', '{10,-5,-9223372036854775808}')
ORDER BY id;

-- empty arrays: no rows; NULL arrays: no rows (STRICT)
SELECT count(*) AS empty_arrays FROM arabic_duplicate_groups('{}', '{}');
SELECT count(*) AS null_a FROM arabic_duplicate_groups(NULL, '{1}');
SELECT count(*) AS null_b FROM arabic_duplicate_groups('{1}', NULL);

-- misuse: arrays of unequal length, NULL elements, two dimensions
SELECT * FROM arabic_duplicate_groups('{1,2}', '{3}');
SELECT * FROM arabic_duplicate_groups('{}', '{3}');
SELECT * FROM arabic_duplicate_groups('{1,NULL}', '{2,3}');
SELECT * FROM arabic_duplicate_groups('{1,2}', '{2,NULL}');
SELECT * FROM arabic_duplicate_groups('{{1,2},{3,4}}', '{{5,6},{7,8}}');

-- a long chain of 100000 pairs (i, i + 1) given in reverse order: one group
SELECT count(*) AS ids, count(DISTINCT group_id) AS groups, min(group_id) AS group_id,
       min(id) AS first_id, max(id) AS last_id
FROM arabic_duplicate_groups(ARRAY(SELECT i FROM generate_series(100000, 1, -1) i),
                             ARRAY(SELECT i + 1 FROM generate_series(100000, 1, -1) i));
-- 50000 separate pairs (2i, 2i + 1): 50000 groups of two
SELECT count(*) AS ids, count(DISTINCT group_id) AS groups,
       bool_and(group_id = id - id % 2) AS smaller_of_each_pair
FROM arabic_duplicate_groups(ARRAY(SELECT 2 * i FROM generate_series(1, 50000) i),
                             ARRAY(SELECT 2 * i + 1 FROM generate_series(1, 50000) i));

--
-- the recipe "show each story once" on the paragraphs of the sample corpus
-- (test/data/sample_corpus.sql), in a schema of its own
--
CREATE SCHEMA stories;
SET search_path = stories, public;
\set ECHO none
\i test/data/sample_corpus.sql
\set ECHO all

CREATE TABLE paragraphs (id bigint NOT NULL, article int NOT NULL,
                         n int NOT NULL, paragraph text NOT NULL);
INSERT INTO paragraphs
SELECT a.id * 100 + p.n, a.id, p.n, p.paragraph
FROM articles a CROSS JOIN LATERAL arabic_paragraphs(a.body) p;
CREATE INDEX ON paragraphs USING gin (paragraph gin_arabic_ops);
ANALYZE paragraphs;

-- 1. the pairs: near-duplicates, or one paragraph inside the other (a merged
-- paragraph), found through the index
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT a.id AS a, b.id AS b
FROM paragraphs a JOIN paragraphs b
  ON a.id < b.id
 AND (a.paragraph ~= b.paragraph OR a.paragraph <@~ b.paragraph OR a.paragraph ~@> b.paragraph);
CREATE TABLE pairs AS
SELECT a.id AS a, b.id AS b
FROM paragraphs a JOIN paragraphs b
  ON a.id < b.id
 AND (a.paragraph ~= b.paragraph OR a.paragraph <@~ b.paragraph OR a.paragraph ~@> b.paragraph);
RESET enable_seqscan;
SELECT count(*) AS pairs FROM pairs;

-- 2. the groups
CREATE TABLE groups AS
SELECT g.id, g.group_id
FROM arabic_duplicate_groups((SELECT array_agg(a ORDER BY a, b) FROM pairs),
                             (SELECT array_agg(b ORDER BY a, b) FROM pairs)) g;

-- each group with its paragraphs as article.n: the Sochi wire (W1, W2, W3
-- of articles 1-3 and the merged paragraph 4.1), W5 and W4 with their
-- copies, and the four paragraphs of each of the convoy (5, 6) and the
-- ceasefire (7, 8) stories
SELECT g.group_id, count(*) AS n,
       string_agg(p.article || '.' || p.n, ' ' ORDER BY p.id) AS paragraphs
FROM groups g JOIN paragraphs p ON p.id = g.id
GROUP BY g.group_id
ORDER BY g.group_id;

-- 3. each story once: one representative per group (its smallest id) and
-- every paragraph without a duplicate
CREATE TABLE each_story_once AS
SELECT p.*
FROM paragraphs p
LEFT JOIN groups g ON g.id = p.id
WHERE g.id IS NULL OR g.group_id = p.id;
SELECT (SELECT count(*) FROM paragraphs) AS paragraphs,
       (SELECT count(*) FROM groups) AS in_groups,
       (SELECT count(DISTINCT group_id) FROM groups) AS groups,
       (SELECT count(*) FROM paragraphs p WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = p.id)) AS ungrouped,
       (SELECT count(*) FROM each_story_once) AS stories;
-- the stories kept, per article (article: paragraph numbers)
SELECT article, string_agg(n::text, ',' ORDER BY n) AS kept
FROM each_story_once
GROUP BY article
ORDER BY article;
-- no two stories kept are near-duplicates or inside one another (expect 0)
SELECT count(*) AS duplicates_left
FROM each_story_once a JOIN each_story_once b
  ON a.id < b.id
 AND (a.paragraph ~= b.paragraph OR a.paragraph <@~ b.paragraph OR a.paragraph ~@> b.paragraph);

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA stories CASCADE;
RESET client_min_messages;
