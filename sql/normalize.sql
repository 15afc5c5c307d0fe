--
-- normalize.sql: arabic_normalize() and its three profiles
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- code points of a text, to make invisible characters and composition visible
\i test/data/cps.sql

-- the profiles, in the order arabic_profiles() lists them, each described
SELECT n, profile, length(description) > 50 AS described
FROM arabic_profiles() WITH ORDINALITY AS p(profile, description, n)
ORDER BY n;

--
-- display
--
-- display: presentation forms and ligatures fold to letters, NFC composes
-- madda and hamza, tatweel and invisible controls go, diacritics stay
SELECT n, label, arabic_normalize(i, 'display') AS display,
       pg_temp.cps(arabic_normalize(i, 'display')) AS code_points
FROM (VALUES
  (1, 'lam-alef ligature U+FEFB', E'\uFEFB'),
  (2, 'lam-alef-hamza ligature U+FEF7', E'\uFEF7'),
  (3, 'contextual forms', E'\uFEB3\uFEFC\uFEE1'),
  (4, 'Allah ligature U+FDF2', E'\uFDF2'),
  (5, 'alef + madda U+0653', E'\u0627\u0653'),
  (6, 'alef + hamza above U+0654', E'\u0627\u0654'),
  (7, 'alef + hamza below U+0655', E'\u0627\u0655'),
  (8, 'waw + hamza above', E'\u0648\u0654'),
  (9, 'yeh + hamza above', E'\u064A\u0654'),
  (10, 'tatweel inside a composition', E'\u0627\u0640\u0653'),
  (11, 'ZWJ inside a composition', E'\u0627\u200D\u0654'),
  (12, 'shadda + fatha put in order', E'\u0645\u0651\u064E'),
  (13, 'tatweel removed', E'\u0643\u0640\u0640\u0640\u062A\u0627\u0628'),
  (14, 'diacritics kept', E'\u0643\u064E\u062A\u064E\u0628\u064E'),
  (15, 'ZWJ ZWNJ LRM RLM ALM BOM isolates removed',
       E'\u200F\u0645\u0631\u200D\u062D\u0628\u0627\u200C\u2066\u0628\u0643\u0645\u2069\u061C\uFEFF\u200E')
) AS v(n, label, i)
ORDER BY n;

-- display: the long ligature U+FDFA expands to four words; the rial sign
-- U+FDFC keeps its Persian yeh (U+06CC)
SELECT arabic_normalize(E'\uFDFA', 'display') AS salla,
       pg_temp.cps(arabic_normalize(E'\uFDFC', 'display')) AS rial;

-- display: every space character (NBSP, thin, ideographic, tab) becomes one
-- space; LF, CR LF, CR and U+2028 become \n (shown as ⏎) with at most one blank
-- line and no space around them; both ends are trimmed (spaces shown as ·)
SELECT replace(replace(arabic_normalize(
         E' \u00A0سلام\u2009\u3000عليكم\t\tيا \r\n\r\n\r\n\r\nصديقي\rكيف\u2028الحال \n',
         'display'), E'\n', '⏎'), ' ', '·') AS display;

--
-- search
--
-- search: each fold of the profile (length: no stray space or invisible character)
SELECT n, label, arabic_normalize(i, 'search') AS search,
       length(arabic_normalize(i, 'search')) AS length
FROM (VALUES
  (1, 'harakat, shadda, tanween', 'كِتَابٌ مُهِمٌّ'),
  (2, 'Quranic marks, standalone marks',
      E'\u0630\u0670\u0644\u0650\u0643\u064E \u0671\u0644\u0652\u0643\u0650\u062A\u064E\u0670\u0628\u064F \u0644\u064E\u0627 \u0631\u064E\u064A\u0652\u0628\u064E \u06DB \u0641\u0650\u064A\u0647\u0650 \u06DA'),
  (3, 'extended marks U+0610, U+08F0', E'\u0645\u062D\u0645\u062F\u0610 \u0643\u062A\u0627\u0628\u08F0'),
  (4, 'alef forms أ إ آ ٱ', 'أحمد إبراهيم آمال ٱلكتاب'),
  (5, 'alef maksura', 'مستشفى على'),
  (6, 'teh marbuta', 'مدرسة جميلة'),
  (7, 'Persian ک ی ہ', E'\u06A9\u062A\u0627\u0628 \u0627\u06CC\u0631\u0627\u0646 \u06C1'),
  (8, 'Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩'),
  (9, 'extended Arabic-Indic digits', '۰۱۲۳۴۵۶۷۸۹'),
  (10, 'Arabic punctuation', 'نعم، لا؛ لماذا؟'),
  (11, 'separators and percent', '١٬٢٥٠٫٥٪'),
  (12, 'double quote styles', '“أ” «ب» „ج“ ٢″'),
  (13, 'single quote styles', '‘نعم’'),
  (14, 'Latin to lower case', 'ÉCOLE Beyrouth'),
  (15, 'tatweel', 'كـــتاب'),
  (16, 'invisible controls', E'\u200F\u0645\u0631\u200D\u062D\u0628\u0627\u200C'),
  (17, 'presentation forms', E'\uFEFB \uFDF2 \uFDFC'),
  (18, 'all white space to one space',
       E' سلام\u00A0\tعليكم\r\n\r\nيا\u2028صديقي ')
) AS v(n, label, i)
ORDER BY n;

-- search: E + combining acute composes (NFC) before lower-casing: é, one code point
SELECT pg_temp.cps(arabic_normalize(E'E\u0301', 'search')) AS e_acute;

-- search is the default profile
SELECT arabic_normalize('إلى المدرسةِ') AS default_profile,
       arabic_normalize('إلى المدرسةِ') = arabic_normalize('إلى المدرسةِ', 'search') AS same_as_search;

--
-- camel
--
-- camel: NFKC, then CAMeL's dediac_ar (U+064B-0652, U+0670 only), alef,
-- alef maksura and teh marbuta folds; tatweel stays
SELECT n, label, arabic_normalize(i, 'camel') AS camel
FROM (VALUES
  (1, 'presentation forms (NFKC)', E'\uFEFB \uFEB3\uFEFC\uFEE1'),
  (2, 'tatweel kept', 'كـــتاب'),
  (3, 'ligature U+FDFA expands', E'\uFDFA'),
  (4, 'U+FDFD bismillah', E'\uFDFD'),
  (5, 'alef, alef maksura, teh marbuta', 'أحمد إلى مدرسة'),
  (6, 'harakat removed', 'كِتَابٌ مُهِمٌّ'),
  (7, 'no digit, punctuation, Persian or Latin fold', 'ABC ٣، کتاب')
) AS v(n, label, i)
ORDER BY n;

-- camel: U+FDFC becomes ريال with Arabic yeh (CAMeL's fix; display keeps U+06CC),
-- Quranic marks outside U+064B-0652 stay, ZWNJ stays, decomposed madda
-- composes (NFKC) and then folds to bare alef
SELECT pg_temp.cps(arabic_normalize(E'\uFDFC', 'camel')) AS rial,
       pg_temp.cps(arabic_normalize(E'\u0643\u064E\u062A\u06D6', 'camel')) AS quranic_mark,
       pg_temp.cps(arabic_normalize(E'\u0645\u200C\u0646', 'camel')) AS zwnj,
       pg_temp.cps(arabic_normalize(E'\u0627\u0653', 'camel')) AS madda;

-- camel: white space is not collapsed nor trimmed (NFKC turns NBSP into a space)
SELECT replace(arabic_normalize(E' \u00A0a  b ', 'camel'), ' ', '·') AS camel;

--
-- every profile
--
-- NULL input or NULL profile gives NULL (STRICT)
SELECT arabic_normalize(NULL) IS NULL AS null_input,
       arabic_normalize(NULL, 'display') IS NULL AS null_input_display,
       arabic_normalize('نص', NULL) IS NULL AS null_profile;

-- empty in, empty out; white space and invisible controls alone trim to empty
-- (camel has no white space fold: four characters stay)
SELECT n, p AS profile,
       arabic_normalize('', p) = '' AS empty,
       length(arabic_normalize(E' \t\n\u00A0', p)) AS blank_length,
       length(arabic_normalize(E'\u200B\u200F', p)) AS invisible_length
FROM (VALUES (1, 'display'), (2, 'search'), (3, 'camel')) AS v(n, p)
ORDER BY n;

-- text without Arabic: display collapses spaces, search also lower-cases
-- Latin (not Greek) and unifies quotes, camel leaves it as it is
SELECT n, p AS profile, arabic_normalize('Hello,  “World” 42! ΩΣ', p) AS result,
       length(arabic_normalize('Hello,  “World” 42! ΩΣ', p)) AS length
FROM (VALUES (1, 'display'), (2, 'search'), (3, 'camel')) AS v(n, p)
ORDER BY n;

-- characters beyond U+FFFF (emoji, mathematical letters) go through the ICU
-- path intact (UTF-16 surrogate pairs); only camel's NFKC turns 𝐀 into A
SELECT n, p AS profile, arabic_normalize(E'\uFEFB \U0001F600 \U0001D400', p) AS result
FROM (VALUES (1, 'display'), (2, 'search'), (3, 'camel')) AS v(n, p)
ORDER BY n;

-- each profile is idempotent, and search of display equals search
SELECT n, p AS profile,
       bool_and(arabic_normalize(arabic_normalize(i, p), p) = arabic_normalize(i, p)) AS idempotent,
       bool_and(arabic_normalize(arabic_normalize(i, 'display'), 'search') = arabic_normalize(i, 'search')) AS search_of_display
FROM (VALUES (1, 'display'), (2, 'search'), (3, 'camel')) AS v(n, p),
     (VALUES ('وَقَالَ المُدِيرُ: «إنّ المدرسةَ مفتوحة»'),
             (E'\uFEF7\uFEB3\uFEFC\uFEE1 \uFDFA \uFDFC'),
             (E'\u0627\u0653\u0644\u0640\u0629\u200D  \r\n\r\n\r\nيا ١٢٣؟'),
             (E'\u0645\u0651\u064E \u064A\u0654 ÉCOLE E\u0301')) AS s(i)
GROUP BY n, p
ORDER BY n;

-- an unknown profile is an error that lists the valid ones; names are case-sensitive
SELECT arabic_normalize('نص', 'fast');
\set VERBOSITY terse
SELECT arabic_normalize('نص', 'Search');
SELECT arabic_normalize('نص', '');
\set VERBOSITY default

--
-- long input
--
-- fold-only path (no character needs ICU), 10 MB: the copies normalize like
-- one copy, joined by one space (the trailing space of a copy and the leading
-- one of the next collapse; the ends are trimmed)
WITH s AS (SELECT ' وَقَالَ  المُدِيرُ: «إنّ المدرسةَ مفتوحة» ' AS p)
SELECT octet_length(repeat(p, 130000)) AS input_bytes,
       arabic_normalize(p) AS one_copy,
       length(arabic_normalize(repeat(p, 130000))) AS output_chars,
       arabic_normalize(repeat(p, 130000)) = rtrim(repeat(arabic_normalize(p) || ' ', 130000)) AS same
FROM s;

-- ICU path (presentation forms, decomposed madda), 5 MB: chunks of the Unicode
-- stage join seamlessly; display keeps the line breaks, search flattens them
WITH s AS (SELECT E'\uFEB3\uFEFC\uFEE1\u00A0\uFDF2 \u0627\u0653\u0644\u0629\n' AS p)
SELECT octet_length(repeat(p, 220000)) AS input_bytes,
       length(arabic_normalize(repeat(p, 220000), 'display')) AS display_chars,
       arabic_normalize(repeat(p, 220000), 'display')
         = rtrim(repeat(E'سلام الله آلة\n', 220000), E'\n') AS display_same,
       arabic_normalize(repeat(p, 220000), 'search')
         = rtrim(repeat('سلام الله اله ', 220000)) AS search_same
FROM s;

-- a long normalization can be cancelled: 51 MB through the ICU path (about
-- 0.8 s of work) against a 100 ms statement timeout; OFFSET 0 keeps the
-- normalization out of the planner's constant folding
SELECT octet_length(repeat(E'\uFEB3\uFEFC\uFEE1 \u0627\u0653\u0644 ', 3000000)) AS bytes;
SET statement_timeout = '100ms';
SELECT length(arabic_normalize(t, 'display'))
FROM (SELECT repeat(E'\uFEB3\uFEFC\uFEE1 \u0627\u0653\u0644 ', 3000000) AS t OFFSET 0) AS big;
RESET statement_timeout;
