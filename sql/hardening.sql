--
-- hardening.sql: inputs a hostile or careless user may send (issue 14, rows
-- 1, 4, 5 and 7): long runs of combining marks, control characters, ZWJ
-- inside emoji, texts longer than the pieces arabic_tokens() works in.
-- Behaviour only; what they cost is measured by test/bench/adversarial.sh.
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- code points of a text, to make invisible characters visible
\i test/data/cps.sql
-- how many times the one-character string m occurs in t
CREATE FUNCTION pg_temp.n(t text, m text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT length(t) - length(replace(t, m, ''))
$$;

--
-- Row 1: a run of combining marks keeps at most 30 after a letter.  These
-- inputs took 1.0 minutes or more each (quadratic inside one ICU call); the
-- generous timeout only stops a regression from hanging the suite.
--
SET statement_timeout = '60s';
-- beh + 256,000 kasra-fatha pairs (1 MB): display keeps the first 30 marks,
-- in canonical order (fatha, class 30, before kasra, class 32); search and
-- camel drop Arabic diacritics anyway
SELECT p AS profile, length(n) AS chars, pg_temp.n(n, 'ب') AS beh,
       pg_temp.n(n, E'\u064E') AS fathas, pg_temp.n(n, E'\u0650') AS kasras,
       n = 'ب' || repeat(E'\u064E', 15) || repeat(E'\u0650', 15) AS fathas_first
FROM (SELECT 'ب' || repeat(E'\u0650\u064E', 256000) AS v) s,
     unnest(ARRAY['display', 'search', 'camel']) AS p,
     LATERAL arabic_normalize(v, p) AS n
ORDER BY p;
-- the same through arabic_normalize_unicode and the steps that have no
-- Unicode stage (they keep every mark: no ICU, linear already)
SELECT length(arabic_normalize_unicode(v)) AS unicode_chars,
       length(arabic_strip_tatweel(v)) = length(v) AS tatweel_step_keeps_all
FROM (SELECT 'ب' || repeat(E'\u0650\u064E', 256000) AS v) s;
-- the count is per letter: 30 marks are all kept, the 31st goes, and the
-- next letter starts a new count
SELECT length(arabic_normalize('ب' || repeat(E'\u0650', 30), 'display')) AS thirty_kept,
       length(arabic_normalize('ب' || repeat(E'\u0650', 31), 'display')) AS thirty_one,
       arabic_normalize(repeat('ب' || repeat(E'\u0650', 40), 2), 'display')
         = repeat('ب' || repeat(E'\u0650', 30), 2) AS per_letter;
-- Latin marks under search (1 MB): a + acute composes to U+00E1, which
-- carries one of the 30; the rest of the run is dropped
SELECT length(n) AS chars, left(n, 1) = E'\u00E1' AS composed,
       pg_temp.n(n, E'\u0301') AS acutes
FROM (SELECT arabic_normalize('a' || repeat(E'\u0301', 1000000), 'search') AS n) s;
-- every profile is still idempotent on such runs
SELECT p AS profile,
       arabic_normalize(arabic_normalize(v, p), p) = arabic_normalize(v, p) AS idempotent
FROM (SELECT 'xa' || repeat(E'\u0301\u0323\u0650', 100) || E' \u0628' || repeat(E'\u0651\u06DD\u064E', 50) AS v) s,
     unnest(ARRAY['display', 'search']) AS p
ORDER BY p;
-- what uses the normalizer gets the same bound: arabic_tokens (one token,
-- beh and its 30 marks), arabic_fingerprint (a + 500,000 acutes and a + 30
-- acutes give the same fingerprint, a + 29 another), the trigger
SELECT cardinality(t) AS tokens, length(t[1]) AS token_chars
FROM (SELECT arabic_tokens('ب' || repeat(E'\u0650\u064E', 256000), 'display') AS t) s;
SELECT arabic_fingerprint(w || ' ' || x || repeat(E'\u0301', 500000) || ' ' || w)
       = arabic_fingerprint(w || ' ' || x || repeat(E'\u0301', 30) || ' ' || w) AS same_as_30,
       arabic_fingerprint(w || ' ' || x || repeat(E'\u0301', 500000) || ' ' || w)
       = arabic_fingerprint(w || ' ' || x || repeat(E'\u0301', 29) || ' ' || w) AS same_as_29
FROM (SELECT 'قال الوزير في المؤتمر الصحفي إن المحادثات كانت مثمرة' AS w, 'a' AS x) s;
CREATE TABLE hardening_t (body text);
CREATE TRIGGER norm BEFORE INSERT OR UPDATE ON hardening_t
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'body');
INSERT INTO hardening_t VALUES ('ب' || repeat(E'\u0650\u064E', 128000));
SELECT length(body) AS trigger_chars FROM hardening_t;
DROP TABLE hardening_t;
RESET statement_timeout;

--
-- Row 7: display and search remove C0 and C1 controls other than tab and
-- line breaks (tab becomes a space as before); camel keeps them, as CAMeL
-- Tools does
--
SELECT p AS profile,
       pg_temp.cps(arabic_normalize(E'a\u0007b\u001Bc\u007Fd\u0080e\u009Ff\tg\nh\u001Fi', p)) AS code_points
FROM unnest(ARRAY['display', 'search', 'camel']) AS p
ORDER BY p;
SELECT pg_temp.cps(arabic_normalize_unicode(E'\u0645\u0007\u0631')) AS unicode_step;

-- ZWJ stays inside emoji sequences (family, skin tone + laptop, rainbow
-- flag after VS16) and goes everywhere else (between letters, after a
-- space, at the end, the second of two)
SELECT n, label, pg_temp.cps(arabic_normalize(i, 'display')) AS display,
       arabic_normalize(i, 'display') = arabic_normalize(i, 'search') AS search_same
FROM (VALUES
  (1, 'family', E'\U0001F468\u200D\U0001F469\u200D\U0001F467'),
  (2, 'skin tone + laptop', E'\U0001F469\U0001F3FD\u200D\U0001F4BB'),
  (3, 'rainbow flag', E'\U0001F3F3\uFE0F\u200D\U0001F308'),
  (4, 'between letters', E'\u0645\u200D\u0631'),
  (5, 'emoji then a letter', E'\U0001F468\u200D\u0631'),
  (6, 'after a space', E'\U0001F468 \u200D\U0001F469'),
  (7, 'at the end', E'\U0001F468\u200D'),
  (8, 'two in a row', E'\U0001F468\u200D\u200D\U0001F469')
) AS v(n, label, i)
ORDER BY n;
-- the same on the ICU path (a ligature elsewhere in the text)
SELECT pg_temp.cps(arabic_normalize(E'\uFEFB \U0001F468\u200D\U0001F469', 'display')) AS icu_path;

--
-- Row 4: arabic_tokens() builds its array in place from pieces of about
-- 256 KB cut at spaces.  A 640 KB text gives exactly the tokens of its
-- halves, and the array is an ordinary one-dimensional text[]
--
SELECT cardinality(arabic_tokens(a || a)) AS tokens,
       arabic_tokens(a || a) = arabic_tokens(a) || arabic_tokens(a) AS same_as_halves,
       arabic_tokens(a || a, 'camel') = arabic_tokens(a, 'camel') || arabic_tokens(a, 'camel') AS camel_same
FROM (SELECT repeat(E'وبالمدينة أحمد \uFEFB ', 10000) AS a) s;
SELECT array_ndims(t) AS ndims, array_lower(t, 1) AS lower, t[1:6] AS first_six,
       t @> ARRAY['مدينه', 'احمد'] AS contains, 'ال+' = ANY (t) AS has_article
FROM (SELECT arabic_tokens(repeat(E'وبالمدينة أحمد \uFEFB ', 20000)) AS t) s;
-- elements of every length keep their alignment (1 to 5 bytes, a clitic '+')
SELECT arabic_tokens('a bb ccc dddd eeeee و وال') AS mixed,
       array_to_string(arabic_tokens('a bb ccc dddd eeeee'), '|') AS joined;

--
-- Row 5: arabic_entities() writes mentions as it finds them; a long text
-- gives one row per mention with its position
--
SELECT count(*) AS mentions, count(DISTINCT pos) AS positions,
       min(pos) AS first_pos, max(pos) - min(pos) AS span
FROM arabic_entities(repeat('وصل الرئيس إلى بغداد . ', 3000))
WHERE entity = 'بغداد';
