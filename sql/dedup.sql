--
-- dedup.sql: near-duplicates of a whole table without row-by-row lookups
-- (arabic_shingle_stats, arabic_similarity_keys, arabic_containment_keys,
-- arabic_groups_agg): the statements of the README section "Deduplicating
-- an archive" give exactly the pairs of the nested loop over ~= and <@~ on
-- a table of our own, adversarial rows included
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;
CREATE SCHEMA dedup;
SET search_path = dedup, public;

-- A table of our own: 600 paragraphs of 8 to 40 words drawn from 3,000
-- invented words (a stem and a number; a third of the draws from 12 very
-- common words, so that many shingles are frequent), then planted copies:
-- diacritics and tatweel (every 7th), a lead-in (every 11th), one word
-- changed (every 13th), two paragraphs merged (every 17th); and the
-- adversarial rows: empty, white space, punctuation only, one word (twice),
-- two words, five identical rows, and one long paragraph of 6,000 words
-- (a paragraph of 1 MB gets its keys in section 6; the nested loop would
-- fingerprint it once per row).
CREATE FUNCTION w(i int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN abs(hashint4(i)) % 3 = 0
              THEN (ARRAY['قال','إن','في','من','على','الوزير','الحكومة','اليوم',
                          'أعلن','مع','عن','إلى'])[1 + abs(hashint4(i + 7)) % 12]
              ELSE (ARRAY['سلام','حرب','مدينة','وزارة','سوق','نهر','جبل','بحر','طريق','مطار',
                          'ميناء','قرية','شارع','مصنع','جامعة','مدرسة','مستشفى','ملعب','حديقة','متحف',
                          'برلمان','مجلس','لجنة','شركة','مصرف','قناة','صحيفة','مؤتمر','اتفاق','قرار'])
                   [1 + abs(hashint4(i)) % 30] || (abs(hashint4(i + 1)) % 100)::text
         END $$;
CREATE TABLE paragraphs (id bigint PRIMARY KEY, paragraph text NOT NULL);
INSERT INTO paragraphs
SELECT p, (SELECT string_agg(w(p * 1000 + j), ' ' ORDER BY j)
           FROM generate_series(1, 8 + abs(hashint4(p)) % 33) j)
FROM generate_series(1, 600) p;
INSERT INTO paragraphs SELECT 1000 + id, replace(replace(paragraph, 'ال', 'الـ'), 'في', 'فِي')
  FROM paragraphs WHERE id % 7 = 0 AND id <= 600;
INSERT INTO paragraphs SELECT 2000 + id, 'وبحسب البيان: ' || paragraph
  FROM paragraphs WHERE id % 11 = 0 AND id <= 600;
INSERT INTO paragraphs SELECT 3000 + id, regexp_replace(paragraph, '^(\S+ \S+ \S+ \S+) \S+', '\1 تغيير')
  FROM paragraphs WHERE id % 13 = 0 AND id <= 600;
INSERT INTO paragraphs SELECT 4000 + a.id, a.paragraph || ' ' || b.paragraph
  FROM paragraphs a JOIN paragraphs b ON b.id = a.id + 1 WHERE a.id % 17 = 0 AND a.id < 600;
INSERT INTO paragraphs VALUES
  (9001, ''), (9002, '   '), (9003, '، . ؟ !'), (9004, 'سلام'), (9005, 'سلام'),
  (9006, 'مدينة5 نهر7'),
  (9011, 'وقال المتحدث إن الاجتماع سيعقد في المدينة غدا'),
  (9012, 'وقال المتحدث إن الاجتماع سيعقد في المدينة غدا'),
  (9013, 'وقال المتحدث إن الاجتماع سيعقد في المدينة غدا'),
  (9014, 'وقال المتحدث إن الاجتماع سيعقد في المدينة غدا'),
  (9015, 'وقال المتحدث إن الاجتماع سيعقد في المدينة غدا');
INSERT INTO paragraphs
SELECT 9100, string_agg(w(j), ' ' ORDER BY j) FROM generate_series(1, 6000) j;
SELECT count(*) AS paragraphs, max(octet_length(paragraph)) AS longest_bytes FROM paragraphs;

-- fingerprints, once
CREATE TABLE fp AS SELECT id, arabic_fingerprint(paragraph) AS fp FROM paragraphs;
ANALYZE paragraphs, fp;

-- the exact pair sets: the nested loop over the operators, every pair
-- compared (no index)
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE exact_similar AS
SELECT x.id AS a, y.id AS b FROM paragraphs x JOIN paragraphs y
  ON x.id < y.id AND x.paragraph ~= y.paragraph;
CREATE TABLE exact_inside AS
SELECT x.id AS a, y.id AS b FROM paragraphs x JOIN paragraphs y
  ON x.id <> y.id AND x.paragraph <@~ y.paragraph;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- enough pairs of every kind to be a test: planted copies, merges, the
-- identical rows, the short rows inside the 1 MB paragraph
SELECT (SELECT count(*) FROM exact_similar) AS similar_pairs,
       (SELECT count(*) FROM exact_inside) AS inside_pairs,
       (SELECT count(*) FROM exact_inside WHERE b = 9100) AS inside_the_long_one,
       (SELECT count(*) FROM exact_similar WHERE a >= 9000) AS among_adversarial;

-- the sketch: NULL fingerprints are skipped, no rows give NULL, its size is fixed
SELECT octet_length(arabic_shingle_stats(fp)) AS sketch_bytes FROM fp;
SELECT arabic_shingle_stats(fp) IS NULL AS no_rows_null FROM fp WHERE false;
SELECT arabic_shingle_stats(fp) = (SELECT arabic_shingle_stats(fp) FROM fp)
       AS nulls_skipped
FROM (SELECT fp FROM fp UNION ALL SELECT NULL) s;
CREATE TABLE stats AS SELECT arabic_shingle_stats(fp) AS stats FROM fp;

-- 1. every near-duplicate pair, the statement of the README (keys as rows,
-- a join on the key, the exact score on each candidate), from the text
\set tbl paragraphs
\set sim 0.5
\set inside 0.7
\set result joined_similar
\i test/dedup/pairs.sql
ALTER TABLE joined_similar DROP COLUMN similarity;
-- the same pairs as the nested loop: none missing, none extra, none twice
SELECT (SELECT count(*) FROM joined_similar) AS joined,
       (SELECT count(*) FROM (SELECT DISTINCT a, b FROM joined_similar) s) AS distinct_pairs;
SELECT 'missing' AS problem, * FROM (TABLE exact_similar EXCEPT TABLE joined_similar) m
UNION ALL
SELECT 'extra', * FROM (TABLE joined_similar EXCEPT TABLE exact_similar) e
ORDER BY 1, 2, 3;

-- 2. every paragraph inside another: a's prefix keys against all of b's hashes
\set result joined_inside
\i test/dedup/inside.sql
SELECT (SELECT count(*) FROM joined_inside) AS joined,
       (SELECT count(*) FROM (SELECT DISTINCT a, b FROM joined_inside) s) AS distinct_pairs;
SELECT 'missing' AS problem, * FROM (TABLE exact_inside EXCEPT TABLE joined_inside) m
UNION ALL
SELECT 'extra', * FROM (TABLE joined_inside EXCEPT TABLE exact_inside) e
ORDER BY 1, 2, 3;

-- other thresholds: the keys follow the threshold they are given (exact
-- at 0.3 and 0.9 too; the operators read the settings)
SET pg_arabic.similarity_threshold = 0.3;
SET pg_arabic.containment_threshold = 0.9;
\set sim 0.3
\set inside 0.9
\set result other_similar
\i test/dedup/pairs.sql
\set result other_inside
\i test/dedup/inside.sql
CREATE TABLE joined_other AS
SELECT 'similar' AS kind, a, b FROM other_similar
UNION ALL SELECT 'inside', a, b FROM other_inside;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE exact_other AS
SELECT 'similar' AS kind, x.id AS a, y.id AS b FROM paragraphs x JOIN paragraphs y
  ON x.id < y.id AND x.paragraph ~= y.paragraph
UNION ALL
SELECT 'inside', x.id, y.id FROM paragraphs x JOIN paragraphs y
  ON x.id <> y.id AND x.paragraph <@~ y.paragraph;
RESET enable_indexscan;
RESET enable_bitmapscan;
RESET pg_arabic.similarity_threshold;
RESET pg_arabic.containment_threshold;
SELECT kind, count(*) AS pairs FROM exact_other GROUP BY kind ORDER BY kind;
SELECT 'missing' AS problem, * FROM (TABLE exact_other EXCEPT TABLE joined_other) m
UNION ALL
SELECT 'extra', * FROM (TABLE joined_other EXCEPT TABLE exact_other) e
ORDER BY 1, 2, 3, 4;

-- 3. groups as pairs arrive: the same groups as arabic_duplicate_groups()
CREATE TABLE groups AS
SELECT g.* FROM (SELECT arabic_groups_agg(a, b) AS m FROM exact_similar) s, unnest(s.m) AS g;
SELECT count(*) AS ids, count(DISTINCT group_id) AS groups FROM groups;
SELECT count(*) AS differences FROM (
    (SELECT id, group_id FROM groups
     EXCEPT SELECT * FROM arabic_duplicate_groups((SELECT array_agg(a) FROM exact_similar),
                                                  (SELECT array_agg(b) FROM exact_similar)))
    UNION ALL
    (SELECT * FROM arabic_duplicate_groups((SELECT array_agg(a) FROM exact_similar),
                                           (SELECT array_agg(b) FROM exact_similar))
     EXCEPT SELECT id, group_id FROM groups)) d;
-- the five identical rows are one group of the smallest id; the two
-- one-word rows another
SELECT id, group_id FROM groups WHERE id > 9000 ORDER BY id;

-- 4. each story once, in one statement from the table (README): identical
-- fingerprints collapse first (a table of identical rows stays linear),
-- then the near-duplicate join on what is left, then the groups
\set sim 0.5
\set result stories
\i test/dedup/stories.sql
-- one paragraph per group of the nested loop's pairs, and every other paragraph
SELECT (SELECT count(*) FROM stories) AS stories,
       (SELECT count(*) FROM paragraphs p
        WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = p.id AND g.group_id <> p.id))
       AS expected;
SELECT count(*) AS differences FROM (
    (SELECT id FROM stories
     EXCEPT SELECT id FROM paragraphs p
            WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = p.id AND g.group_id <> p.id))
    UNION ALL
    (SELECT id FROM paragraphs p
     WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = p.id AND g.group_id <> p.id)
     EXCEPT SELECT id FROM stories)) d;

-- 5. parallel workers: partial sketches and partial groups combine into the
-- same result as one backend
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TABLE big_pairs AS
SELECT i AS a, i + 1 + (i % 3) AS b FROM generate_series(1, 30000) i WHERE i % 5 <> 0;
ANALYZE big_pairs;
EXPLAIN (COSTS OFF) SELECT arabic_groups_agg(a, b) FROM big_pairs;
EXPLAIN (COSTS OFF) SELECT arabic_shingle_stats(fp) FROM fp;
SELECT md5(arabic_groups_agg(a, b)::text) AS parallel FROM big_pairs \gset
SELECT md5(arabic_shingle_stats(fp)) AS parallel_stats FROM fp \gset
-- workers that see no rows hand over no state: one row, and no rows
SET parallel_leader_participation = off;
CREATE TABLE one_row AS SELECT '{1,2,3}'::int4[] AS fp, 1::bigint AS a, 2::bigint AS b;
EXPLAIN (COSTS OFF) SELECT arabic_shingle_stats(fp), arabic_groups_agg(a, b) FROM one_row;
SELECT md5(arabic_shingle_stats(fp)) = md5((SELECT arabic_shingle_stats(x) FROM (VALUES ('{1,2,3}'::int4[])) v(x)))
       AS one_row_stats,
       arabic_groups_agg(a, b) AS one_row_groups
FROM one_row;
SELECT arabic_shingle_stats(fp) IS NULL AS no_rows_stats,
       arabic_groups_agg(a, b) IS NULL AS no_rows_groups
FROM one_row WHERE a > 5;
RESET parallel_leader_participation;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
SET max_parallel_workers_per_gather = 0;
SELECT md5(arabic_groups_agg(a, b)::text) = :'parallel' AS groups_same FROM big_pairs;
SELECT md5(arabic_shingle_stats(fp)) = :'parallel_stats' AS stats_same FROM fp;
RESET max_parallel_workers_per_gather;

-- 6. the building blocks one by one
-- keys are hashes of the fingerprint; the prefix is |x| - ceil(t|x|) + 2
-- hashes, the indexed part |x| - ceil(2t/(1+t)|x|) + 2 (at most |x|)
SELECT n, count(k.key) AS keys, count(*) FILTER (WHERE k.indexed) AS indexed,
       min(k.min_shared) AS min_shared,
       bool_and(k.key = ANY (f.fp)) FILTER (WHERE k.key IS NOT NULL) AS from_fingerprint
FROM (SELECT DISTINCT ON (cardinality(fp)) fp, cardinality(fp) AS n FROM fp
      WHERE cardinality(fp) IN (0, 1, 2, 3, 10, 39) ORDER BY cardinality(fp), id) f
CROSS JOIN stats
LEFT JOIN LATERAL arabic_similarity_keys(f.fp, stats.stats) AS k ON true
GROUP BY n ORDER BY n;
SELECT n, count(k.key) AS keys, min(k.min_shared) AS min_shared
FROM (SELECT DISTINCT ON (cardinality(fp)) fp, cardinality(fp) AS n FROM fp
      WHERE cardinality(fp) IN (0, 1, 2, 3, 10) ORDER BY cardinality(fp), id) f
CROSS JOIN stats
LEFT JOIN LATERAL arabic_containment_keys(f.fp, stats.stats) AS k ON true
GROUP BY n ORDER BY n;
-- the order is rarest first: a fingerprint's first key is its least
-- frequent hash; keys come in the same order whatever the input order
SELECT (SELECT array_agg(key) FROM arabic_similarity_keys('{5,3,9,1}', stats)) =
       (SELECT array_agg(key) FROM arabic_similarity_keys('{1,3,5,9,9}', stats))
       AS order_independent
FROM stats;
-- a paragraph of 1 MB (120,000 words): its keys in bounded time and memory
SELECT octet_length(t) > 1000000 AS one_mb, cardinality(arabic_fingerprint(t)) AS hashes,
       (SELECT count(*) FROM arabic_similarity_keys(arabic_fingerprint(t), stats)) AS keys,
       (SELECT count(*) FROM arabic_containment_keys(arabic_fingerprint(t), stats)) AS inside_keys
FROM (SELECT string_agg(w(j), ' ' ORDER BY j) AS t FROM generate_series(1, 120000) j) s, stats;
-- the key of a one-word row is its only hash; two identical rows share it
SELECT count(DISTINCT k.key) AS one_key
FROM fp, stats, arabic_similarity_keys(fp.fp, stats.stats) AS k
WHERE fp.id IN (9004, 9005);

-- NULL in, no rows or NULL out; pairs with a NULL id are skipped
SELECT count(*) AS null_fp FROM arabic_similarity_keys(NULL, (SELECT stats FROM stats));
SELECT count(*) AS null_stats FROM arabic_containment_keys('{1,2}', NULL);
SELECT count(*) AS null_threshold FROM arabic_similarity_keys('{1,2}', (SELECT stats FROM stats), NULL);
SELECT arabic_groups_agg(a, b) FROM (VALUES (1, NULL), (NULL, 2), (NULL, NULL)) v(a, b);
SELECT arabic_groups_agg(a, b) FROM (VALUES (1::bigint, 2::bigint)) v(a, b) WHERE false;
SELECT arabic_groups_agg(a, b) FROM (VALUES (7, 7), (3, NULL), (5, 4), (4, 9)) v(a, b);
SELECT arabic_groups_agg(a, b)
FROM (VALUES (-9223372036854775808, 9223372036854775807), (0, 9223372036854775807)) v(a, b);

-- misuse: a threshold outside 0..1, something else than a sketch, a
-- fingerprint with NULL elements or two dimensions
SELECT * FROM arabic_similarity_keys('{1,2}', (SELECT stats FROM stats), 1.5);
SELECT * FROM arabic_containment_keys('{1,2}', (SELECT stats FROM stats), -0.1);
SELECT * FROM arabic_similarity_keys('{1,2}', (SELECT stats FROM stats), 'NaN');
SELECT * FROM arabic_similarity_keys('{1,2}', '\x00010203');
SELECT * FROM arabic_containment_keys('{1,2}', substr((SELECT stats FROM stats), 2));
SELECT * FROM arabic_similarity_keys('{1,NULL}', (SELECT stats FROM stats));
SELECT arabic_shingle_stats(v) FROM (VALUES ('{{1,2},{3,4}}'::int4[])) s(v);

-- query cancel: a statement timeout stops the keys of a long fingerprint
-- and the join (no crash, the session goes on)
SET statement_timeout = '50ms';
SELECT count(*) FROM generate_series(1, 2000) i,
     arabic_similarity_keys((SELECT fp FROM fp WHERE id = 9100), (SELECT stats FROM stats), 0.01);
RESET statement_timeout;
SELECT 'still here' AS session;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA dedup CASCADE;
RESET client_min_messages;
