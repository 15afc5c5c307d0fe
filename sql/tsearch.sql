--
-- tsearch.sql: the arabic_search text search configuration (arabic_search
-- parser, arabic_light dictionary) with PostgreSQL's own full-text search
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- every spelling that the search profile folds gives the same lexemes:
-- hamza on alef, alef maksura, teh marbuta, diacritics, tatweel, presentation
-- forms, Farsi letters, Arabic-Indic digits, Latin case, invisible marks
-- (one row per group; expect one distinct tsvector in each)
CREATE TEMP TABLE variants (grp text, spelling text);
INSERT INTO variants VALUES
    ('name', 'قال ألكسندر لافرنتيف'), ('name', 'قال الكسندر لافرنتيف'),
    ('name', 'قَالَ أَلِكْسَنْدَر لَافْرَنْتِيف'),
    ('place', 'في سوتشي'), ('place', 'في سوتشى'), ('place', 'فى سوتشـي'),
    ('hamza', 'أعلن الرئيس'), ('hamza', 'اعلن الرئيس'), ('hamza', 'أعلن الـرئـيـس'),
    ('hamza below', 'إعلان'), ('hamza below', 'اعلان'), ('madda', 'آستانا'), ('madda', 'أستانا'),
    ('madda', 'استانا'),
    ('teh marbuta', 'المدينة المنورة'), ('teh marbuta', 'المدينه المنوره'),
    ('presentation forms', 'لا سلام'), ('presentation forms', 'ﻻ ﺳﻼﻡ'),
    ('farsi', 'کتاب یوسف'), ('farsi', 'كتاب يوسف'),
    ('digits', 'عام ٢٠٢٤'), ('digits', 'عام ۲۰۲۴'), ('digits', 'عام 2024'),
    ('latin', 'منظمة OPEC'), ('latin', 'منظمة opec'),
    ('invisible', 'مدينة'), ('invisible', 'مد‏ينة'), ('invisible', 'مدي‌نة'),
    ('invisible', 'مد­ينة');
SELECT grp, count(DISTINCT to_tsvector('arabic_search', spelling)) AS distinct_vectors,
       string_agg(DISTINCT to_tsvector('arabic_search', spelling)::text, ' / ') AS lexemes
FROM variants GROUP BY grp ORDER BY grp;

-- a word with and without its proclitics and article gives one lexeme
SELECT w, ts_lexize('arabic_light', w) AS lexemes
FROM unnest(ARRAY['المدينة', 'وبالمدينة', 'للمدينة', 'فالمدينة', 'كالمدينة',
                  'مدينة', 'مدينتها']) AS w
ORDER BY w;

-- the light stemmer: plural, dual, relative-adjective and country endings,
-- pronouns; short words keep their letters
SELECT w, ts_lexize('arabic_light', w) AS lexemes
FROM unnest(ARRAY['سوريا', 'سورية', 'السوري', 'السوريين', 'لبنان', 'لبناني',
                  'فلسطين', 'الفلسطينيون', 'الانتخابات', 'انتخاباتها', 'حقوقهم',
                  'قوات', 'بوتين', 'الله', 'وزير', 'وزيرة']) AS w
ORDER BY w;

-- stop words give no lexeme, alone or after و/ف; علي stays (it is also
-- the name Ali once ى is folded)
SELECT w, ts_lexize('arabic_light', w) AS lexemes
FROM unnest(ARRAY['في', 'فى', 'أن', 'إن', 'إلى', 'الذي', 'هذه', 'وفي', 'فإن',
                  'وهذا', 'على', 'علي']) AS w
ORDER BY w;

-- stop words still count as positions; Latin words and digits are kept
SELECT to_tsvector('arabic_search', 'وقال الوزير إن الاجتماع في ٢٠٢٤ مع OPEC.');

-- the parser: punctuation (، « » ؟) never sticks to a word, diacritics and
-- tatweel stay inside it, whatever the locale
SELECT alias, token, lexemes
FROM ts_debug('arabic_search', '«الـرئـيـسُ»، قال: هل؟ iPhone 15')
ORDER BY 1, 2;

-- the token types and their dictionaries
SELECT alias, dictionaries FROM ts_debug('arabic_search', 'كتب Ali 12 .') ORDER BY 1;

-- queries: to_tsquery, plainto_tsquery, websearch_to_tsquery, phraseto_tsquery
SELECT to_tsquery('arabic_search', 'المدينة & سوتشى') AS to_tsquery,
       plainto_tsquery('arabic_search', 'في المدينة المنورة') AS plainto,
       websearch_to_tsquery('arabic_search', '"المدينة المنورة" -مكة or سوتشى') AS websearch;
SELECT to_tsquery('arabic_search', 'مدين:*') AS prefix;

-- phrase positions stay right when clitics are split: one position per word
SELECT phraseto_tsquery('arabic_search', 'وبالمدينة المنورة') AS phrase,
       to_tsvector('arabic_search', 'زار المدينة المنورة') @@
           phraseto_tsquery('arabic_search', 'وبالمدينة المنورة') AS matches,
       to_tsvector('arabic_search', 'زار المنورة بالمدينة') @@
           phraseto_tsquery('arabic_search', 'وبالمدينة المنورة') AS reversed_matches,
       to_tsvector('arabic_search', 'المدينة في سوتشي') @@
           phraseto_tsquery('arabic_search', 'مدينة في سوتشى') AS across_stop_word;

-- a ligature that stands for several words (U+FDFA) matches them written out
SELECT to_tsvector('arabic_search', 'النبي ﷺ') AS ligature,
       to_tsvector('arabic_search', 'النبي ﷺ') @@
           phraseto_tsquery('arabic_search', 'صلى الله عليه وسلم') AS matches;

-- the built-in configuration misses the other spellings; ours finds them
CREATE TEMP TABLE docs (id int PRIMARY KEY, body text);
INSERT INTO docs VALUES
    (1, 'قال ألكسندر لافرنتيف في سوتشي إن المحادثات ستستمر'),
    (2, 'الكسندر لافرنتيف يصل إلى سوتشى للمشاركة في الاجتماع'),
    (3, 'وبالمدينة المنورة أقيمت الصلاة'),
    (4, 'المدينه المنوره تستقبل الزوار'),
    (5, 'OPEC تجتمع في فيينا عام ٢٠٢٤'),
    (6, 'الـرئـيـس السوري يلتقي وزير الخارجية الروسي'),
    (7, 'رئيس الوزراء اللبناني في بيروت');
SELECT q, array_agg(id ORDER BY id) FILTER (
           WHERE to_tsvector('arabic_search', body) @@ plainto_tsquery('arabic_search', q)) AS arabic_search,
       array_agg(id ORDER BY id) FILTER (
           WHERE to_tsvector('arabic', body) @@ plainto_tsquery('arabic', q)) AS builtin_arabic
FROM docs, unnest(ARRAY['ألكسندر', 'سوتشي', 'المدينة المنورة', 'الرئيس', 'opec 2024', 'سوريا']) AS q
GROUP BY q ORDER BY q;

-- ranking: the document with both words, and closer, ranks first
SELECT id, round(ts_rank(to_tsvector('arabic_search', body),
                         plainto_tsquery('arabic_search', 'لافرنتيف سوتشي'))::numeric, 4) AS rank,
       round(ts_rank_cd(to_tsvector('arabic_search', body),
                        plainto_tsquery('arabic_search', 'لافرنتيف سوتشي'))::numeric, 4) AS rank_cd
FROM docs WHERE to_tsvector('arabic_search', body) @@ plainto_tsquery('arabic_search', 'لافرنتيف | سوتشي')
ORDER BY rank DESC, id;

-- ts_headline highlights the words as written (clitics, tatweel, other spellings)
SELECT id, ts_headline('arabic_search', body, plainto_tsquery('arabic_search', 'المدينة الرئيس سوتشي'))
FROM docs WHERE id IN (2, 3, 6) ORDER BY id;
SELECT ts_headline('arabic_search', 'الـرئـيـسُ «قال»، في سوتشى: نعم.',
                   to_tsquery('arabic_search', 'رئيس | سوتشي'),
                   'StartSel=[, StopSel=]');

-- a generated tsvector column and GIN / GiST indexes on it: the same rows
-- with and without the index
ALTER TABLE docs ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('arabic_search', body)) STORED;
INSERT INTO docs (id, body)
SELECT 100 + g, 'خبر رقم ' || g || ' عن ' || (ARRAY['سوريا', 'لبنان', 'روسيا', 'مصر'])[1 + g % 4]
FROM generate_series(1, 400) AS g;
ANALYZE docs;
CREATE TEMP TABLE seq AS
SELECT q, array_agg(id ORDER BY id) AS ids
FROM docs, unnest(ARRAY['سورية', 'السوري', 'لبنانية', 'وبالمدينة', 'رئيس & سوريا']) AS q
WHERE tsv @@ to_tsquery('arabic_search', q) GROUP BY q;
CREATE INDEX docs_tsv_gin ON docs USING gin (tsv);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM docs WHERE tsv @@ to_tsquery('arabic_search', 'سورية');
SELECT s.q, cardinality(s.ids) AS rows, s.ids = i.ids AS same_with_gin
FROM seq s, LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM docs
                     WHERE tsv @@ to_tsquery('arabic_search', s.q)) i
ORDER BY s.q;
DROP INDEX docs_tsv_gin;
CREATE INDEX docs_tsv_gist ON docs USING gist (tsv);
EXPLAIN (COSTS OFF) SELECT id FROM docs WHERE tsv @@ to_tsquery('arabic_search', 'سورية');
SELECT s.q, s.ids = i.ids AS same_with_gist
FROM seq s, LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM docs
                     WHERE tsv @@ to_tsquery('arabic_search', s.q)) i
ORDER BY s.q;
-- an expression index on to_tsvector('arabic_search', ...) (IMMUTABLE)
CREATE INDEX docs_body_gin ON docs USING gin (to_tsvector('arabic_search', body));
EXPLAIN (COSTS OFF) SELECT id FROM docs
WHERE to_tsvector('arabic_search', body) @@ to_tsquery('arabic_search', 'لافرنتيف');
SELECT array_agg(id ORDER BY id) FROM docs
WHERE to_tsvector('arabic_search', body) @@ to_tsquery('arabic_search', 'لافرنتيف');
RESET enable_seqscan;

-- PostgreSQL's tsvector_update_trigger with arabic_search, and weights
CREATE TEMP TABLE notes (id int, title text, body text, tsv tsvector);
CREATE TRIGGER notes_tsv BEFORE INSERT OR UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(tsv, 'public.arabic_search', title, body);
INSERT INTO notes (id, title, body) VALUES (1, 'الـرئـيـس في سوتشى', 'وبالمدينة المنورة');
UPDATE notes SET body = 'إلى إدلب' WHERE id = 1;
SELECT tsv, tsv @@ to_tsquery('arabic_search', 'ادلب & سوتشي') AS matches FROM notes;
SELECT setweight(to_tsvector('arabic_search', 'الرئيس'), 'A') || to_tsvector('arabic_search', 'في سوتشى') AS weighted;

-- default_text_search_config can be arabic_search
SET default_text_search_config = 'arabic_search';
SELECT to_tsvector('وبالمدينة المنورة') = to_tsvector('arabic_search', 'المدينه المنوره') AS same,
       to_tsvector('فى سوتشى') @@ to_tsquery('سوتشي') AS matches;
RESET default_text_search_config;

-- NULL in, NULL out; empty text and punctuation give empty vectors
SELECT to_tsvector('arabic_search', NULL) IS NULL AS null_vector,
       ts_lexize('arabic_light', NULL) IS NULL AS null_lexize,
       to_tsvector('arabic_search', '') AS empty,
       to_tsvector('arabic_search', '«»، ؟ ... !') AS punctuation;

-- a dictionary of the template that keeps stop words; options are checked
CREATE TEXT SEARCH DICTIONARY arabic_light_all (TEMPLATE = arabic_light, StopWords = false);
SELECT ts_lexize('arabic_light_all', 'في') AS kept, ts_lexize('arabic_light', 'في') AS dropped;
CREATE TEXT SEARCH DICTIONARY arabic_light_bad (TEMPLATE = arabic_light, Stemmer = 'x');
DROP TEXT SEARCH DICTIONARY arabic_light_all;

-- long input: a word of 3,000 bytes is skipped with PostgreSQL's notice, a
-- blank of 3,000 bytes is no word, and 1 MB of text is indexed word by word
SELECT to_tsvector('arabic_search', 'قبل ' || repeat('س', 1500) || ' بعد سوتشي') AS long_word;
SELECT to_tsvector('arabic_search', 'سوتشي' || repeat('،', 1500) || 'موسكو') AS long_blank;
SELECT length(to_tsvector('arabic_search', repeat('قال الرئيس في سوتشى إن المدينة كبيرة ', 25000))) AS distinct_lexemes,
       array_length(tsvector_to_array(to_tsvector('arabic_search', repeat('وبالمدينة ', 100000))), 1) AS one_lexeme;

-- the same lexemes in a database with another locale: the parser and the
-- dictionary read none (the default parser splits «نعم»، differently there)
SELECT to_tsvector('arabic_search', '«نعم»، قال الرَّئيس في سوتشى: OPEC ٢٠٢٤.')::text AS under_c \gset
\set orig_db :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS pg_arabic_tsearch_utf8;
CREATE DATABASE pg_arabic_tsearch_utf8 TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8';
RESET client_min_messages;
\c pg_arabic_tsearch_utf8
SET client_min_messages = warning;
CREATE EXTENSION pg_arabic;
SELECT :'under_c' AS under_c,
       to_tsvector('arabic_search', '«نعم»، قال الرَّئيس في سوتشى: OPEC ٢٠٢٤.')::text = :'under_c' AS same_under_c_utf8;
\c :orig_db
SET client_min_messages = warning;
DROP DATABASE pg_arabic_tsearch_utf8;
