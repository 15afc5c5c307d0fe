--
-- similarity.sql: arabic_fingerprint(), arabic_similarity(),
-- arabic_containment(), arabic_distance() and the operators ~=, <~>, <@~,
-- ~@> with the settings pg_arabic.similarity_threshold and
-- pg_arabic.containment_threshold
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- the settings exist once the library is loaded (by any call), with their
-- defaults
SELECT arabic_similarity('', '') AS loads_the_library;
SHOW pg_arabic.similarity_threshold;
SHOW pg_arabic.containment_threshold;

-- pairs (a, b) of news sentences of 20-30 words (invented), grouped by the
-- score expected
CREATE TEMP TABLE pairs (id int PRIMARY KEY, label text, a text, b text);

-- equal after search normalization: similarity 1
INSERT INTO pairs VALUES
(1, 'identical',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس'),
(2, 'diacritics',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'أَعْلَنَتْ وِزَارَةُ الصِّحَّةِ اليَوْمَ الأَحَدَ أَنَّ فِرَقَهَا الطِّبِّيَّةَ وَصَلَتْ إِلَى مُسْتَشْفَى المَدِينَةِ الوَطَنِيِّ لِتَقْدِيمِ المُسَاعَدَةِ لِلْمُصَابِينَ فِي حَادِثِ انْهِيَارِ المَبْنَى السَّكَنِيِّ الَّذِي وَقَعَ مَسَاءَ أَمْسِ'),
(3, 'tatweel',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'أعلنت وزارة الصـحـة اليوم الأحـد أن فرقها الطـبـيـة وصلت إلى مستشـفـى المدينة الوطني لتقديم المسـاعـدة للمصابين في حادث انهيـار المبنى السكني الذي وقع مساء أمس'),
(4, 'alef, yeh, teh marbuta',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'اعلنت وزاره الصحه اليوم الاحد ان فرقها الطبيه وصلت الي مستشفي المدينه الوطني لتقديم المساعده للمصابين في حادث انهيار المبني السكني الذي وقع مساء امس'),
(5, 'quote styles',
 'وقال المتحدث باسم الوزارة إن "الوضع تحت السيطرة الآن" وإن الفرق ستواصل عملها حتى إخراج جميع العالقين من تحت الأنقاض خلال الساعات المقبلة',
 'وقال المتحدث باسم الوزارة إن «الوضع تحت السيطرة الآن» وإن الفرق ستواصل عملها حتى إخراج جميع العالقين من تحت الأنقاض خلال الساعات المقبلة'),
(6, 'quote styles, curly',
 'وقال المتحدث باسم الوزارة إن "الوضع تحت السيطرة الآن" وإن الفرق ستواصل عملها حتى إخراج جميع العالقين من تحت الأنقاض خلال الساعات المقبلة',
 'وقال المتحدث باسم الوزارة إن “الوضع تحت السيطرة الآن” وإن الفرق ستواصل عملها حتى إخراج جميع العالقين من تحت الأنقاض خلال الساعات المقبلة'),
(7, 'Arabic-Indic digits',
 'وأوضح البيان أن عدد المصابين بلغ 27 شخصاً بينهم 5 أطفال نقلوا إلى مستشفى المدينة الوطني فيما ما زال 3 أشخاص في عداد المفقودين منذ مساء أمس',
 'وأوضح البيان أن عدد المصابين بلغ ٢٧ شخصاً بينهم ٥ أطفال نقلوا إلى مستشفى المدينة الوطني فيما ما زال ٣ أشخاص في عداد المفقودين منذ مساء أمس'),
(8, 'extended Arabic-Indic digits',
 'وأوضح البيان أن عدد المصابين بلغ 27 شخصاً بينهم 5 أطفال نقلوا إلى مستشفى المدينة الوطني فيما ما زال 3 أشخاص في عداد المفقودين منذ مساء أمس',
 'وأوضح البيان أن عدد المصابين بلغ ۲۷ شخصاً بينهم ۵ أطفال نقلوا إلى مستشفى المدينة الوطني فيما ما زال ۳ أشخاص في عداد المفقودين منذ مساء أمس'),
(9, 'invisible characters',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 E'\u200Fأعلنت وزارة الصحة اليوم\u200F الأحد أن فرق\u200Cها الطبية وصلت\u200B إلى مستشفى المدي\u200Dنة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس\u200E');

-- near-duplicates: one word changed, two words changed, a short lead-in
INSERT INTO pairs VALUES
(10, 'one word changed',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الإسعافية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس'),
(11, 'two words changed',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الإسعافية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى التجاري الذي وقع مساء أمس'),
(12, 'lead-in',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'وبحسب البيان: أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس');

-- different sentences about the same event
INSERT INTO pairs VALUES
(13, 'same event, other sentence',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'وقال شهود عيان إن المبنى المؤلف من خمسة طوابق انهار بشكل مفاجئ بعد ساعات من هطول أمطار غزيرة على المنطقة وسط مخاوف من وجود عالقين تحت الركام'),
(14, 'same event, third sentence',
 'وأوضح البيان أن عدد المصابين بلغ 27 شخصاً بينهم 5 أطفال نقلوا إلى مستشفى المدينة الوطني فيما ما زال 3 أشخاص في عداد المفقودين منذ مساء أمس',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس');

-- a paragraph inside a longer merged one (three paragraphs joined by a space)
INSERT INTO pairs VALUES
(15, 'inside a merged paragraph',
 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس',
 'وقال شهود عيان إن المبنى المؤلف من خمسة طوابق انهار بشكل مفاجئ بعد ساعات من هطول أمطار غزيرة على المنطقة وسط مخاوف من وجود عالقين تحت الركام. '
 || 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس. '
 || 'وأوضح البيان أن عدد المصابين بلغ 27 شخصاً بينهم 5 أطفال نقلوا إلى مستشفى المدينة الوطني فيما ما زال 3 أشخاص في عداد المفقودين منذ مساء أمس');

-- text without Arabic: Latin words (case folded) and digits
INSERT INTO pairs VALUES
(16, 'Latin, case',
 'The guarantor states will discuss the situation in Idlib and the work of the Constitutional Committee in Geneva next week',
 'THE GUARANTOR STATES WILL DISCUSS THE SITUATION IN IDLIB AND THE WORK OF THE CONSTITUTIONAL COMMITTEE IN GENEVA NEXT WEEK'),
(17, 'Latin, one word changed',
 'The guarantor states will discuss the situation in Idlib and the work of the Constitutional Committee in Geneva next week',
 'The guarantor states will discuss the situation in Idlib and the work of the Constitutional Committee in Geneva this week'),
(18, 'digits only',
 '2024 03 12 40 12 24',
 '٢٠٢٤ ٠٣ ١٢ ٤٠ ١٢ ٢٤');

-- every score, both ways: in [0, 1], similarity symmetric
SELECT id, label,
       round(arabic_similarity(a, b)::numeric, 3) AS similarity,
       arabic_similarity(a, b) = arabic_similarity(b, a) AS symmetric,
       round(arabic_containment(a, b)::numeric, 3) AS a_in_b,
       round(arabic_containment(b, a)::numeric, 3) AS b_in_a
FROM pairs
ORDER BY id;

-- the properties, over all pairs (expect no rows)
SELECT id, label
FROM pairs
WHERE NOT (arabic_similarity(a, b) BETWEEN 0 AND 1
           AND arabic_containment(a, b) BETWEEN 0 AND 1
           AND arabic_containment(b, a) BETWEEN 0 AND 1
           AND arabic_similarity(a, b) = arabic_similarity(b, a)
           AND arabic_similarity(a, a) = 1
           -- Jaccard never exceeds either containment
           AND arabic_similarity(a, b) <= arabic_containment(a, b)
           AND arabic_similarity(a, b) <= arabic_containment(b, a))
ORDER BY id;

-- the classes of pairs: equal after normalization (1), near-duplicates
-- (>= 0.5), different sentences (< 0.2)
SELECT id, label,
       CASE WHEN id <= 9 OR id IN (16, 18) THEN arabic_similarity(a, b) = 1
            WHEN id IN (10, 11, 12, 17) THEN arabic_similarity(a, b) >= 0.5
            WHEN id IN (13, 14) THEN arabic_similarity(a, b) < 0.2
       END AS as_expected
FROM pairs
WHERE id <> 15
ORDER BY id;

-- containment: the paragraph stands whole in the merged one, not the other
-- way round
SELECT arabic_containment(a, b) AS inside,
       arabic_containment(b, a) < 0.4 AS merged_not_inside,
       arabic_similarity(a, b) < 0.5 AS not_similar
FROM pairs WHERE id = 15;

-- the operators agree with the functions at the default thresholds
SELECT id, label,
       a ~= b AS similar,
       round((a <~> b)::numeric, 3) AS distance,
       a <@~ b AS a_inside_b,
       a ~@> b AS a_contains_b
FROM pairs
ORDER BY id;

-- ... and the same as a property over all pairs (expect no rows)
SELECT id, label
FROM pairs
WHERE (a ~= b) <> (arabic_similarity(a, b) >= 0.5)
   OR (b ~= a) <> (a ~= b)
   -- (the distance is computed in real, as the score: 1 - x in real)
   OR (a <~> b) <> (1 - arabic_similarity(a, b))::real
   OR (a <~> b) <> arabic_distance(a, b)
   OR (a <~> b) <> (b <~> a)
   OR (a <@~ b) <> (arabic_containment(a, b) >= 0.7)
   OR (a ~@> b) <> (arabic_containment(b, a) >= 0.7)
   OR (a <@~ b) <> (b ~@> a)
ORDER BY id;

-- the settings change the operators: at 0.9 the one-word edit (0.846) is no
-- longer a near-duplicate, the lead-in (0.923) still is
SET pg_arabic.similarity_threshold = 0.9;
SHOW pg_arabic.similarity_threshold;
SELECT id, label, a ~= b AS similar
FROM pairs WHERE id IN (1, 10, 11, 12)
ORDER BY id;
-- at 0.3 the merged paragraph (0.324) matches too, the other sentences
-- about the same event (0 and 0.087) still do not
SET pg_arabic.similarity_threshold = 0.3;
SELECT id, label, a ~= b AS similar
FROM pairs WHERE id IN (11, 13, 14, 15)
ORDER BY id;
-- the boundary: a score equal to the threshold matches (22/26 for the
-- one-word edit: its real, 0.84615386, is not below the setting)
SET pg_arabic.similarity_threshold = 0.846153846153846;
SELECT a ~= b AS at_threshold FROM pairs WHERE id = 10;
SET pg_arabic.similarity_threshold = 1;
SELECT id, a ~= b AS similar FROM pairs WHERE id IN (1, 10) ORDER BY id;
RESET pg_arabic.similarity_threshold;

-- containment: at 0.3 the merged paragraph stands "inside" the single one
SELECT round(arabic_containment(b, a)::numeric, 3) AS merged_in_single,
       b <@~ a AS inside_at_default, a ~@> b AS contains_at_default
FROM pairs WHERE id = 15;
SET pg_arabic.containment_threshold = 0.3;
SHOW pg_arabic.containment_threshold;
SELECT b <@~ a AS inside_at_0_3, a ~@> b AS contains_at_0_3
FROM pairs WHERE id = 15;
SET pg_arabic.containment_threshold = 1;
SELECT a <@~ b AS whole_paragraph_inside_at_1 FROM pairs WHERE id = 15;
SELECT a <@~ b AS two_edits_inside_at_1 FROM pairs WHERE id = 11;
RESET pg_arabic.containment_threshold;

-- one rounding rule at the boundary: a <@~ b is exactly
-- arabic_containment(a, b) >= setting as SQL compares a real with a
-- number.  10 shingles, 7 of them in b: the score 7/10 is the real
-- 0.699999988, shown as 0.7; like `>= 0.7` in SQL (and like pg_trgm's %)
-- the operators do not count it at 0.7, and do at 0.699
\set seven 'وصل وزير الخارجية الروسي إلى دمشق صباح اليوم لبحث ملف اللاجئين'
\set of_ten 'وصل وزير الخارجية الروسي إلى دمشق صباح اليوم'
SELECT cardinality(arabic_fingerprint(:'seven')) AS shingles,
       arabic_containment(:'seven', :'of_ten') AS score,
       arabic_containment(:'seven', :'of_ten') >= 0.7 AS sql_at_0_7,
       :'seven' <@~ :'of_ten' AS inside_at_0_7,
       :'of_ten' ~@> :'seven' AS contains_at_0_7;
SET pg_arabic.containment_threshold = 0.699;
SELECT arabic_containment(:'seven', :'of_ten') >= 0.699 AS sql_at_0_699,
       :'seven' <@~ :'of_ten' AS inside_at_0_699,
       :'of_ten' ~@> :'seven' AS contains_at_0_699;
RESET pg_arabic.containment_threshold;

-- out-of-range and malformed settings are refused, and the value stays
SET pg_arabic.similarity_threshold = -0.1;
SET pg_arabic.similarity_threshold = 1.5;
SET pg_arabic.similarity_threshold = 'abc';
SET pg_arabic.containment_threshold = -0.1;
SET pg_arabic.containment_threshold = 1.5;
SET pg_arabic.containment_threshold = 'abc';
SHOW pg_arabic.similarity_threshold;
SHOW pg_arabic.containment_threshold;

-- a score of 0 never matches, not even at threshold 0
SET pg_arabic.similarity_threshold = 0;
SET pg_arabic.containment_threshold = 0;
SELECT 'وصل الوفد إلى المدينة' ~= 'انهار المبنى مساء أمس' AS unrelated_similar,
       'وصل الوفد إلى المدينة' <@~ 'انهار المبنى مساء أمس' AS unrelated_inside,
       'وصل الوفد إلى المدينة' ~@> 'انهار المبنى مساء أمس' AS unrelated_contains,
       '' ~= '' AS empty_similar,
       '' <@~ 'وصل الوفد' AS empty_inside,
       'وصل الوفد' ~@> '' AS contains_empty,
       'وصل الوفد إلى المدينة' ~= 'وصل الوفد' AS sharing_one_shingle;
RESET pg_arabic.similarity_threshold;
RESET pg_arabic.containment_threshold;

-- empty and white-space-only text (and text without words) has no
-- shingles: similarity and containment 0 with anything, itself included
-- (documented: a text without words is similar to nothing), distance 1
SELECT label,
       arabic_fingerprint(t) AS fingerprint,
       arabic_similarity(t, t) AS with_itself,
       arabic_similarity(t, 'وصل الوفد إلى المدينة') AS with_text,
       arabic_similarity('وصل الوفد إلى المدينة', t) AS text_with,
       arabic_containment(t, 'وصل الوفد إلى المدينة') AS inside_text,
       arabic_containment('وصل الوفد إلى المدينة', t) AS text_inside,
       t <~> t AS distance,
       t ~= t AS similar
FROM (VALUES (1, 'empty', ''),
             (2, 'spaces', E'  \t\u00A0 '),
             (3, 'line breaks', E'\n\r\n'),
             (4, 'invisible only', E'\u200F\u200B\u200C'),
             (5, 'punctuation only', '... ؟ ! ، «»'),
             (6, 'diacritics and tatweel only', 'ـــَُِّ')) AS v(n, label, t)
ORDER BY n;

-- NULL in, NULL out, for every function and operator
SELECT arabic_fingerprint(NULL) IS NULL AS fingerprint,
       arabic_similarity(NULL, 'نص') IS NULL AS similarity_a,
       arabic_similarity('نص', NULL) IS NULL AS similarity_b,
       arabic_similarity(NULL::int4[], '{1}') IS NULL AS similarity_fp_a,
       arabic_similarity('{1}', NULL::int4[]) IS NULL AS similarity_fp_b,
       arabic_containment(NULL, 'نص') IS NULL AS containment_a,
       arabic_containment('نص', NULL) IS NULL AS containment_b,
       arabic_containment(NULL::int4[], '{1}') IS NULL AS containment_fp_a,
       arabic_containment('{1}', NULL::int4[]) IS NULL AS containment_fp_b,
       arabic_distance(NULL, 'نص') IS NULL AS distance;
SELECT (NULL::text ~= 'نص') IS NULL AS similar_a,
       ('نص' ~= NULL::text) IS NULL AS similar_b,
       (NULL::text <~> 'نص') IS NULL AS distance_op,
       (NULL::text <@~ 'نص') IS NULL AS inside_a,
       ('نص' <@~ NULL::text) IS NULL AS inside_b,
       (NULL::text ~@> 'نص') IS NULL AS contains_a,
       ('نص' ~@> NULL::text) IS NULL AS contains_b;

-- fingerprints: int4[], sorted ascending without duplicates, one element
-- per distinct pair of consecutive stems (a single word: one element)
SELECT id,
       cardinality(arabic_fingerprint(a)) AS a_shingles,
       arabic_fingerprint(a) = ARRAY(SELECT DISTINCT x FROM unnest(arabic_fingerprint(a)) x ORDER BY x) AS a_sorted_unique,
       cardinality(arabic_fingerprint(b)) AS b_shingles,
       arabic_fingerprint(b) = ARRAY(SELECT DISTINCT x FROM unnest(arabic_fingerprint(b)) x ORDER BY x) AS b_sorted_unique
FROM pairs
ORDER BY id;
SELECT pg_typeof(arabic_fingerprint('نص')) AS type,
       cardinality(arabic_fingerprint('مستشفى')) AS one_word,
       cardinality(arabic_fingerprint('قال قال قال قال')) AS one_word_repeated,
       cardinality(arabic_fingerprint('وصل الوفد')) AS two_words,
       arabic_fingerprint('مستشفى') = arabic_fingerprint('مُسْتَشْفَى') AS one_word_normalized,
       arabic_fingerprint('وصل الوفد') <> arabic_fingerprint('الوفد وصل') AS order_matters;

-- stored fingerprints give the same scores as the texts
SELECT id, label
FROM pairs
WHERE arabic_similarity(arabic_fingerprint(a), arabic_fingerprint(b)) <> arabic_similarity(a, b)
   OR arabic_containment(arabic_fingerprint(a), arabic_fingerprint(b)) <> arabic_containment(a, b)
   OR arabic_containment(arabic_fingerprint(b), arabic_fingerprint(a)) <> arabic_containment(b, a)
ORDER BY id;
SELECT count(*) AS pairs_compared FROM pairs;

-- fingerprint arrays written by hand: unsorted and repeated elements are
-- sorted and deduplicated first; empty arrays score 0
SELECT arabic_similarity('{3,1,2,2}'::int4[], '{1,2,3}'::int4[]) AS unsorted_equal,
       arabic_similarity('{1,2,3,4}'::int4[], '{3,4,5,6}'::int4[]) AS one_third,
       arabic_containment('{1,2}'::int4[], '{2,1,3,4}'::int4[]) AS contained,
       arabic_containment('{2,1,3,4}'::int4[], '{1,2}'::int4[]) AS half,
       arabic_similarity('{}'::int4[], '{}'::int4[]) AS empty_empty,
       arabic_containment('{}'::int4[], '{1}'::int4[]) AS empty_inside;

-- malformed fingerprints: NULL elements, two dimensions
SELECT arabic_similarity('{1,NULL,3}'::int4[], '{1,2,3}'::int4[]);
SELECT arabic_containment('{1,2,3}'::int4[], '{1,NULL}'::int4[]);
SELECT arabic_similarity('{{1,2},{3,4}}'::int4[], '{1,2,3,4}'::int4[]);
SELECT arabic_containment('{1,2,3,4}'::int4[], '{{1,2},{3,4}}'::int4[]);

-- a 1 MB paragraph (no line break): equal to itself, and a 30-word
-- paragraph embedded in the middle of it stands whole inside it
CREATE TEMP TABLE big AS
SELECT string_agg('وذكر التقرير رقم ' || i || ' أن الأوضاع مستقرة', ' ' ORDER BY i) AS t
FROM generate_series(1, 22000) AS i;
SELECT octet_length(t) > 1000000 AS over_1mb,
       cardinality(arabic_fingerprint(t)) AS shingles
FROM big;
SELECT arabic_similarity(t, t) AS with_itself,
       arabic_similarity(t, t || ' ') AS with_trailing_space,
       t ~= t AS similar
FROM big;
CREATE TEMP TABLE embedded AS
SELECT 'أعلنت وزارة الصحة اليوم الأحد أن فرقها الطبية وصلت إلى مستشفى المدينة الوطني لتقديم المساعدة للمصابين في حادث انهيار المبنى السكني الذي وقع مساء أمس وأسفر عن سقوط عشرات الجرحى'::text AS p;
SELECT array_length(regexp_split_to_array(p, ' '), 1) AS words FROM embedded;
SELECT arabic_containment(p, left(t, 500000) || ' ' || p || ' ' || substr(t, 500001)) AS inside,
       p <@~ (left(t, 500000) || ' ' || p || ' ' || substr(t, 500001)) AS inside_op,
       (left(t, 500000) || ' ' || p || ' ' || substr(t, 500001)) ~@> p AS contains_op,
       arabic_containment(t, p) = 0 AS big_not_inside
FROM big, embedded;
DROP TABLE big, embedded, pairs;
