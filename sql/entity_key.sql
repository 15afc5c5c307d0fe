--
-- entity_key.sql: arabic_entity_key(), one key per name, in both directions
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- The rule on a few names, step by step (see the README):
SELECT name, arabic_entity_key(name) AS key
  FROM (VALUES ('لافرنتيف'), ('لافرينتييف'), ('ألكسندر'), ('الكساندر'),
               ('سوتشى'), ('سورية'), ('سيرغيه'), ('عبد الله'), ('مُحَمَّد'),
               ('محمود'), ('الأمـــم المتحدة'), ('OPEC ٢٠٢٤')) v(name)
 ORDER BY name;

-- 1. Variants of one name share one key.  Each group lists spellings that
--    wire services really use; a row here is a group that does NOT share a
--    key (none may come out).
CREATE TEMP TABLE same_name (grp int, name text);
INSERT INTO same_name VALUES
  (1, 'لافرنتيف'), (1, 'لافرينتييف'), (1, 'لافرنتييف'), (1, 'لافرينتيف'),
  (2, 'ألكسندر'), (2, 'الكساندر'), (2, 'أليكسندر'),
  (3, 'سوتشي'), (3, 'سوتشى'),
  (4, 'إدلب'), (4, 'ادلب'),
  (5, 'سوريا'), (5, 'سورية'), (5, 'سوريه'),
  (6, 'سيرغي لافروف'), (6, 'سيرجي لافروف'), (6, 'سيرغيه لافروف'), (6, 'سيرغي لافروڤ'),
  (7, 'الأمم المتحدة'), (7, 'الامم المتحده'), (7, 'الأُمَمُ المُتَّحِدَةُ'),
  (8, 'فلاديمير بوتين'), (8, 'فلاديمير بوتن'), (8, 'فلاديـــمير بوتين'),
  (9, 'زيلينسكي'), (9, 'زيلينسكى'), (9, 'زلينسكي'),
  (10, 'ميدفيديف'), (10, 'مدفيديف'), (10, 'ميدفيدف'),
  (11, 'غوتيريش'), (11, 'غوتيرش'), (11, 'جوتيريش'),
  (12, 'نتنياهو'), (12, 'نتانياهو'),
  (13, 'أردوغان'), (13, 'اردوغان'), (13, 'أردوجان'),
  (14, 'واشنطن'), (14, 'واشنطون'),
  (15, 'جنيف'), (15, 'جينيف'),
  (16, 'بيدرسن'), (16, 'بيدرسون'),
  (17, 'عبد الله'), (17, 'عبدالله'), (17, 'عبد اللّه'),
  (18, 'أبو ظبي'), (18, 'أبوظبي'), (18, 'ابو ظبي'),
  (19, 'إثيوبيا'), (19, 'أثيوبيا'), (19, 'اثيوبيا'),
  (20, 'ماريا زاخاروفا'), (20, 'ماريا زخاروفا'), (20, 'ماريّا زاخاروفا'),
  (21, 'ترامب'), (21, 'ترمب'),
  (22, 'فولوديمير'), (22, 'فلاديمير'),
  (23, 'إسطنبول'), (23, 'اسطنبول'), (23, 'إِسْطَنْبُول'),
  (24, 'موسكو'), (24, 'موسكـــو'), (24, 'مُوسْكُو'),
  (25, 'طهران'), (25, 'طهـران'),
  (26, 'بكين'), (26, 'بيكين'),
  (27, 'ليبيا'), (27, 'ليبية'),
  (28, 'بلينكن'), (28, 'بلنكن'), (28, 'بلينكين'),
  (29, 'المقداد'), (29, 'المقدّاد'),
  (30, 'OPEC'), (30, 'opec'), (30, 'Opec');
SELECT grp, array_agg(name ORDER BY name) AS names,
       array_agg(DISTINCT arabic_entity_key(name)) AS keys
  FROM same_name GROUP BY grp
HAVING count(DISTINCT arabic_entity_key(name)) <> 1
 ORDER BY grp;
SELECT count(DISTINCT grp) AS groups, count(*) AS spellings,
       count(DISTINCT arabic_entity_key(name)) AS keys
  FROM same_name;

-- 2. Different names keep different keys: a row here is a pair that
--    collides (none may come out)
CREATE TEMP TABLE other_name (a text, b text);
INSERT INTO other_name VALUES
  ('سعد', 'سعيد'), ('محمد', 'محمود'), ('حامد', 'حميد'), ('سلمان', 'سليمان'),
  ('عمر', 'عمرو'), ('جمال', 'جميل'), ('كمال', 'كامل'), ('سالم', 'سليم'),
  ('ماجد', 'مجيد'), ('حسن', 'حسين'), ('فاطمة', 'فاطمي'), ('رشيد', 'راشد'),
  ('نبيل', 'نبيه'), ('وليد', 'خالد'), ('عادل', 'عدلي'), ('منصور', 'منصر'),
  ('سوريا', 'روسيا'), ('إيران', 'العراق'), ('مصر', 'قطر'), ('لبنان', 'لبنى'),
  ('عمان', 'عمار'), ('غزة', 'عزة'), ('الرياض', 'رياض'), ('جدة', 'جدي'),
  ('بوتين', 'بوش'), ('لافروف', 'لافرنتيف'), ('سيرغي لافروف', 'لافروف'),
  ('الأمم المتحدة', 'الولايات المتحدة'), ('وزارة الخارجية', 'وزارة الدفاع'),
  ('حماس', 'حمص'), ('أبو ظبي', 'ظبي'), ('عبد الله', 'عبد الرحمن');
SELECT a, b, arabic_entity_key(a) AS key
  FROM other_name
 WHERE arabic_entity_key(a) = arabic_entity_key(b)
 ORDER BY a;
SELECT count(*) AS pairs FROM other_name;

-- Known limits of the rule (documented in the README): two collisions of
-- names that differ only in vowel letters (same_key t), and a variant it
-- misses because transliterations also swap ت and ط (same_key f)
SELECT a, b, arabic_entity_key(a) = arabic_entity_key(b) AS same_key
  FROM (VALUES ('بوتين', 'بوتان'), ('علي', 'عالي'), ('إسطنبول', 'إستانبول')) v(a, b)
 ORDER BY a;

-- 3. NULL in, NULL out; no word, empty key; keys are stable under a second
--    application of the rule
SELECT arabic_entity_key(NULL) IS NULL AS null_in_null_out,
       arabic_entity_key('') AS empty, arabic_entity_key(' ، ... «» ') AS no_word;
SELECT count(*) AS not_idempotent
  FROM (SELECT name FROM same_name UNION ALL SELECT a FROM other_name UNION ALL SELECT b FROM other_name) n
 WHERE arabic_entity_key(arabic_entity_key(name)) <> arabic_entity_key(name);

-- 4. IMMUTABLE: usable in an expression index, which a join by key uses
SELECT provolatile, proparallel, proisstrict FROM pg_proc WHERE proname = 'arabic_entity_key';
CREATE TEMP TABLE people (id int, name text);
INSERT INTO people SELECT g, 'اسم ' || g FROM generate_series(1, 2000) g;
INSERT INTO people VALUES (5001, 'ألكسندر لافرنتيف'), (5002, 'سيرغي لافروف');
CREATE INDEX people_key ON people (arabic_entity_key(name));
ANALYZE people;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM people WHERE arabic_entity_key(name) = arabic_entity_key('الكساندر لافرينتييف');
SELECT id, name FROM people WHERE arabic_entity_key(name) = arabic_entity_key('الكساندر لافرينتييف');
RESET enable_seqscan;
