--
-- conformance.sql: the camel profile is byte-identical with CAMeL Tools
--
-- The data (2511 lines of Quranic, classical and news text and edge cases with
-- the output of camel_tools.utils) is not shipped; PG_ARABIC_CONFORMANCE names
-- the file.  Without it this test prints one line and is skipped
-- (expected/conformance_1.out).
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

\set conf ''
\getenv conf PG_ARABIC_CONFORMANCE
SELECT :'conf' <> '' AS have_conf \gset
\if :have_conf
-- load the data: COPY text format with a header (\copy does not expand psql
-- variables, so the shell reads the file the variable names)
CREATE TEMP TABLE conformance (
  input text,
  camel_unicode text,
  camel_dediac text,
  camel_search text
);
\copy conformance FROM PROGRAM 'cat "$PG_ARABIC_CONFORMANCE"' WITH (FORMAT text, HEADER true)
-- all 2511 lines are there, and arabic_normalize(input, 'camel') equals
-- CAMeL's normalize_unicode + dediac_ar + alef, alef maksura and teh marbuta
-- folds on every one of them
SELECT count(*) AS lines,
       count(*) FILTER (WHERE arabic_normalize(input, 'camel') IS DISTINCT FROM camel_search) AS differing
FROM conformance;
-- the first differing lines, if any (expect none)
SELECT input, camel_search AS camel, arabic_normalize(input, 'camel') AS pg_arabic
FROM conformance
WHERE arabic_normalize(input, 'camel') IS DISTINCT FROM camel_search
ORDER BY input
LIMIT 5;
DROP TABLE conformance;
\else
\echo conformance data absent (PG_ARABIC_CONFORMANCE is not set): test skipped
\endif
