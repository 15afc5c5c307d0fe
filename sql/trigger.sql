--
-- trigger.sql: arabic_normalize_trigger() keeps normalized columns up to date
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- a news table: title normalized in place, body copied normalized into body_norm
CREATE TABLE ar_news (
  id int NOT NULL,
  title text,
  body text,
  body_norm text,
  views int
);
CREATE TRIGGER ar_news_normalize
  BEFORE INSERT OR UPDATE ON ar_news
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'title', 'body:body_norm');

-- INSERT, multi-row INSERT and COPY: title normalized, body kept as written,
-- body_norm its normalized copy, views untouched; NULL stays NULL
INSERT INTO ar_news (id, title, body, views)
  VALUES (1, 'إعلانُ النتائجِ', 'قال المُدير: «النتائج جيدة»', 10);
INSERT INTO ar_news (id, title, body, views) VALUES
  (2, 'مستشفى إدلب', 'وصلَ الوفدُ إلى المستشفى', 20),
  (3, NULL, NULL, 30);
COPY ar_news (id, title, body, views) FROM stdin;
4	ٱلقُدس	الطقس في القدس ٢٥ درجة	40
5	\N	کتاب جدید	50
\.
SELECT id, title, body, body_norm, views FROM ar_news ORDER BY id;

-- UPDATE: a new title is normalized, a new body refreshes body_norm, and a
-- direct write to body_norm is overwritten from body; views still untouched
UPDATE ar_news SET title = 'نتائجُ الإمتحانات' WHERE id = 1;
UPDATE ar_news SET body = 'الطقسُ حارٌّ' WHERE id = 4;
UPDATE ar_news SET body_norm = 'تعديل يدوي', views = views + 1 WHERE id = 2;
SELECT id, title, body, body_norm, views FROM ar_news WHERE id IN (1, 2, 4) ORDER BY id;

-- the display profile in place: diacritics stay, tatweel, invisible controls
-- and extra spaces go, the ligature folds
CREATE TABLE ar_display (id int NOT NULL, body text);
CREATE TRIGGER ar_display_normalize
  BEFORE INSERT ON ar_display
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'body');
INSERT INTO ar_display VALUES (1, E'  كِتـــابٌ\u200F \uFEFB ');
SELECT id, body, length(body) AS length FROM ar_display ORDER BY id;

-- a varchar(n) target too short for the normalized value is an error (one
-- character, U+FDFA, expands to 18); a value that fits is stored
CREATE TABLE ar_short (id int NOT NULL, title varchar(10), title_norm varchar(5));
CREATE TRIGGER ar_short_normalize
  BEFORE INSERT OR UPDATE ON ar_short
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'title:title_norm');
INSERT INTO ar_short VALUES (1, E'\uFDFA');
INSERT INTO ar_short VALUES (2, ' حلب ');
SELECT id, title_norm, length(title_norm) AS length FROM ar_short ORDER BY id;

-- a domain over varchar(5), and a domain with a CHECK constraint, are held to
-- their limits like the plain types (no value may bypass them)
CREATE DOMAIN ar_short_text AS varchar(5);
CREATE DOMAIN ar_nonempty AS text CHECK (VALUE <> '');
CREATE TABLE ar_domains (id int NOT NULL, a ar_short_text, b ar_nonempty);
CREATE TRIGGER ar_domains_normalize
  BEFORE INSERT ON ar_domains
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'a', 'b');
INSERT INTO ar_domains VALUES (1, E'\uFDFA', 'x');
INSERT INTO ar_domains VALUES (2, 'x', E'\u200B');
SELECT id, length(a) AS a_length, length(b) AS b_length FROM ar_domains ORDER BY id;

--
-- misuse: each mistake is reported when the trigger fires, with the trigger,
-- the relation and what to do
--
CREATE TABLE ar_misuse (
  id int NOT NULL,
  body text,
  views int,
  body_gen text GENERATED ALWAYS AS (upper(body)) STORED
);
INSERT INTO ar_misuse (id, body) VALUES (1, 'نص');

-- a column that does not exist, alone or as the target of a pair
CREATE TRIGGER t_unknown BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'no_such_column');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_unknown ON ar_misuse;
CREATE TRIGGER t_unknown_target BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body:body_nrm');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_unknown_target ON ar_misuse;

-- a column that is not text or varchar
CREATE TRIGGER t_int BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'views');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_int ON ar_misuse;

-- an unknown profile (names are case-sensitive)
CREATE TRIGGER t_profile BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('Search', 'body');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_profile ON ar_misuse;

-- an AFTER trigger, and a statement-level one
CREATE TRIGGER t_after AFTER INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_after ON ar_misuse;
CREATE TRIGGER t_statement BEFORE INSERT ON ar_misuse
  FOR EACH STATEMENT EXECUTE FUNCTION arabic_normalize_trigger('search', 'body');
\set VERBOSITY terse
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
\set VERBOSITY default
DROP TRIGGER t_statement ON ar_misuse;

-- a DELETE trigger
CREATE TRIGGER t_delete BEFORE DELETE ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body');
DELETE FROM ar_misuse WHERE id = 1;
DROP TRIGGER t_delete ON ar_misuse;

-- a profile but no column, and no argument at all
CREATE TRIGGER t_no_column BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_no_column ON ar_misuse;
CREATE TRIGGER t_no_argument BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger();
\set VERBOSITY terse
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
\set VERBOSITY default
DROP TRIGGER t_no_argument ON ar_misuse;

-- a generated column as the target
CREATE TRIGGER t_generated BEFORE INSERT ON ar_misuse
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'body:body_gen');
INSERT INTO ar_misuse (id, body) VALUES (2, 'نص');
DROP TRIGGER t_generated ON ar_misuse;

-- called as a plain function
SELECT arabic_normalize_trigger();

-- none of the failed statements changed the table
SELECT id, body, views, body_gen FROM ar_misuse ORDER BY id;

DROP TABLE ar_news, ar_display, ar_short, ar_domains, ar_misuse;
DROP DOMAIN ar_short_text;
DROP DOMAIN ar_nonempty;
