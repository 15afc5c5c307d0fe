--
-- entities.sql: arabic_entities(), the user gazetteer and the analyst's joins
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- 1. A wire sentence: a titled person (the title stays out of the name), a
--    ministry, a city with a proclitic (بموسكو) and a country.
SELECT entity, type, pos, len, key
  FROM arabic_entities('وقال الرئيس الروسي فلاديمير بوتين في مؤتمر صحفي بموسكو إن وزارة الخارجية الروسية ستتواصل مع فرنسا .')
 ORDER BY pos;

-- pos and len point at whole words as written (no letter just before or
-- after), and the mention as written, without marks, ends with the entity's
-- last word: every mention found in these three texts passes
WITH t(s) AS (VALUES
  ('وصل وزير الخارجية الأمريكي إلى بغداد ، والتقى للمرة الأولى بالرئيس العراقي في القصر الجمهوري ببغداد .'),
  ('وبحسب البيان: "أكد المبعوث الأممي إلى سوريا أن محادثات جنيف ستستأنف في سوتشي".'),
  ('قَالَ المُتَحَدِّثُ بِاسْمِ الخارجية إنَّ موسكـــو ستستضيف الاجتماع .')),
e AS (SELECT s, e.* FROM t, arabic_entities(t.s) AS e)
SELECT count(*) AS mentions,
       count(*) FILTER (WHERE
         substr(s, pos - 1, 1) ~ '[ء-ي]' OR substr(s, pos + len, 1) ~ '[ء-ي]'
         OR arabic_strip_tatweel(arabic_strip_diacritics(substr(s, pos, len)))
            NOT LIKE '%' || substring(entity FROM '\S+$')) AS misplaced
  FROM e;

-- 2. Cleaning: the conjunction goes (وبوتين -> بوتين), the article comes
--    back after لل (للسفارة -> السفارة), diacritics and tatweel go, and the
--    position still covers the word as written.
SELECT entity, type, pos, len, substr(s, pos, len) AS as_written
  FROM (VALUES ('التقى السفير وبوتين في الكرملين .')) v(s), arabic_entities(s)
 ORDER BY pos;
SELECT entity, type, pos, len, substr(s, pos, len) AS as_written
  FROM (VALUES ('سلمت الرسالة للأمم المتحدة في نيويورك .')) v(s), arabic_entities(s)
 ORDER BY pos;
SELECT entity, pos, len
  FROM arabic_entities('وصل إلى القَاهِـــرَةِ أمس .');

-- 3. Nothing to find: empty text, text without Arabic, punctuation; NULL in,
--    no rows out (STRICT)
SELECT count(*) AS empty FROM arabic_entities('');
SELECT count(*) AS latin FROM arabic_entities('The quick brown fox jumps over the lazy dog.');
SELECT count(*) AS punctuation FROM arabic_entities('«» “” ... ؟! ،');
SELECT count(*) AS null_input FROM arabic_entities(NULL);

-- 4. The join key: spelling variants of one name share it (more in
--    entity_key.sql)
SELECT entity, type, key
  FROM arabic_entities('وصل سيرغي لافروف إلى سوريا . وقال سيرجي لافروف في سورية إن الحل سياسي .')
 ORDER BY pos;

-- 5. The user gazetteer.  A listed name is always tagged with its type and
--    key; aliases share a key; the change is seen by the next statement.
-- before: what the tagger alone makes of an invented company
SELECT entity, type, key
  FROM arabic_entities('أعلنت شركة روسنفتكو للطاقة عن اتفاق جديد .') ORDER BY pos;
INSERT INTO arabic_gazetteer (name, type, key) VALUES
  ('روسنفتكو', 'ORGANIZATION', 'rosneftco'),
  ('روس نفتكو', 'ORGANIZATION', 'rosneftco');
SELECT entity, type, pos, len, key
  FROM arabic_entities('أعلنت شركة روسنفتكو للطاقة أن روس نفتكو ستوقع مع لروسنفتكو .')
 ORDER BY pos;

-- key NULL: the key is arabic_entity_key(name)
INSERT INTO arabic_gazetteer (name, type) VALUES ('السفارة الروسية', 'ORGANIZATION');
SELECT entity, type, pos, len, key = arabic_entity_key('السفارة الروسية') AS default_key
  FROM arabic_entities('سلمت الرسالة للسفارة الروسية أمس .')
 WHERE type = 'ORGANIZATION';

-- IGNORE suppresses a false positive; deleting the row brings it back
SELECT count(*) AS tagged FROM arabic_entities('وصل إلى بغداد أمس .') WHERE entity = 'بغداد';
INSERT INTO arabic_gazetteer VALUES ('بغداد', 'IGNORE');
SELECT count(*) AS ignored FROM arabic_entities('وصل إلى بغداد أمس .') WHERE entity = 'بغداد';
DELETE FROM arabic_gazetteer WHERE name = 'بغداد';
SELECT count(*) AS tagged_again FROM arabic_entities('وصل إلى بغداد أمس .') WHERE entity = 'بغداد';

-- names of two words or more in the model's list of organizations and
-- events (src/model/known_names.tsv) are always tagged whole, with the
-- proclitic off; IGNORE in the user gazetteer stops one
SELECT entity, type, pos, len
  FROM arabic_entities('وافق صندوق النقد الدولي على القرض قبل كأس العالم وبعد اجتماع لمجموعة العشرين .')
 ORDER BY pos;
-- a listed name after a kind word stands alone (حركة حماس is listed whole,
-- حماس alone too: the kind word stays outside, as in entities_orgs.sql)
SELECT entity, type, pos, len
  FROM arabic_entities('قال مسؤول في المكتب السياسي لحركة حماس إن الحركة تدرس المقترح .');
-- places of the model's list of news places (src/model/known_places.tsv)
-- are always tagged, one word or more, in each spelling, with the
-- proclitic off
SELECT entity, type, substr(s, pos, len) AS as_written
  FROM (VALUES ('تواصل القصف على إدلب وريف ادلب بعد قمة سوتشى ، وعاد الوفد من آستانة في زيارة لحلب .')) v(s),
       arabic_entities(s)
 ORDER BY pos;
INSERT INTO arabic_gazetteer VALUES ('كأس العالم', 'IGNORE');
SELECT entity, type
  FROM arabic_entities('وافق صندوق النقد الدولي على القرض قبل كأس العالم .')
 ORDER BY pos;
DELETE FROM arabic_gazetteer WHERE name = 'كأس العالم';

-- a listed name also matches its spelling variants (the words' entity keys
-- agree), with the clitics off; a different name does not match
INSERT INTO arabic_gazetteer (name, type) VALUES
  ('ألكسندر لافرنتيف', 'PERSON'), ('محمد سعد', 'PERSON');
SELECT entity, type, substr(s, pos, len) AS as_written,
       key = arabic_entity_key('ألكسندر لافرنتيف') AS listed_key
  FROM (VALUES ('اعلن المبعوث الى سورية الكساندر لافرينتييف ان المحادثات ستعقد ، وقال للكساندر لافرنتييف .')) v(s),
       arabic_entities(s)
 WHERE type = 'PERSON' ORDER BY pos;
SELECT count(*) AS not_matched
  FROM arabic_entities('والتقى محمد سعيد بالوفد .')
 WHERE key = arabic_entity_key('محمد سعد');
DELETE FROM arabic_gazetteer WHERE name IN ('ألكسندر لافرنتيف', 'محمد سعد');

-- mistakes get clear answers
INSERT INTO arabic_gazetteer VALUES ('موسكو', 'PLACE');
INSERT INTO arabic_gazetteer VALUES ('موسكو', 'location');
INSERT INTO arabic_gazetteer VALUES ('... ،', 'LOCATION');
INSERT INTO arabic_gazetteer VALUES ('أ ب ت ث ج ح خ', 'LOCATION');
INSERT INTO arabic_gazetteer VALUES (NULL, 'LOCATION');
UPDATE arabic_gazetteer SET type = 'COMPANY' WHERE name = 'روسنفتكو';

-- pg_dump keeps the rows (the table is an extension configuration table)
SELECT extconfig::regclass[] AS dumped_tables
  FROM pg_extension WHERE extname = 'pg_arabic';

-- 6. Volatility: STABLE (reads the gazetteer), parallel safe, with a row estimate
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict, p.prorows
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE p.proname IN ('arabic_entities', 'arabic_entity_model')
 ORDER BY 1;

-- 7. The analyst's workflow: entities of every article with LATERAL, joined
--    with the analyst's own table by key, mentions counted per key across
--    spelling variants
CREATE TEMP TABLE articles (id int PRIMARY KEY, body text);
INSERT INTO articles VALUES
  (1, 'قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الحوار مع سوريا مستمر .'),
  (2, 'وصل سيرجي لافروف إلى دمشق اليوم في زيارة رسمية إلى سورية .'),
  (3, 'التقى لافروف بنظيره التركي في أنقرة لبحث الوضع في إدلب .'),
  (4, 'أعلن المتحدث أن الاجتماع المقبل سيعقد في ادلب .'),
  (5, '');
CREATE TEMP TABLE mentions AS
  SELECT a.id, e.* FROM articles a CROSS JOIN LATERAL arabic_entities(a.body) e;
CREATE TEMP TABLE watchlist (name text, note text);
INSERT INTO watchlist VALUES ('سيرغي لافروف', 'Russian foreign minister'), ('سوريا', 'country'), ('أنقرة', 'Turkish capital');
-- articles that mention a watched name, whatever the spelling
SELECT w.name, array_agg(DISTINCT m.id ORDER BY m.id) AS articles
  FROM watchlist w JOIN mentions m ON m.key = arabic_entity_key(w.name)
 GROUP BY w.name ORDER BY w.name;
-- mentions per key across spelling variants
SELECT key, count(*) AS mentions, array_agg(DISTINCT entity ORDER BY entity) AS spellings
  FROM mentions WHERE type = 'LOCATION'
 GROUP BY key HAVING count(*) > 1 ORDER BY key;

-- 8. Long input: about 1.5 MB (800,000 characters) is tagged in one call,
--    to its last word (linear; cancellable: see test/bench/entities_speed.sh)
WITH t(s) AS (SELECT repeat('وصل الوفد إلى بغداد قادما من القاهرة . ', 20000))
SELECT octet_length(s) AS bytes, count(*) AS mentions, count(DISTINCT key) AS keys,
       max(pos + len - 1) = length(s) - 3 AS reaches_the_last_word
  FROM t, arabic_entities(t.s) GROUP BY s;

DELETE FROM arabic_gazetteer;
