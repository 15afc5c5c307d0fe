--
-- steps.sql: the single-step functions each do their one fold and nothing else
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- code points of a text, to make invisible characters and composition visible
\i test/data/cps.sql

-- one sample through every step (spaces shown as ·): compare each line with the
-- input; only the characters the step names change.  Only arabic_normalize_unicode
-- collapses and trims spaces; no step removes tatweel or diacritics but its own,
-- folds hamza seats but _hamza (which keeps آ ٱ ء), touches ى but _yeh, ی but
-- _farsi, or lower-cases Latin
CREATE TEMP TABLE sample AS
SELECT ' مَدرسـة  أَحمد إِلى آل ٱلقرآن، مؤتمر؛ رئيس؟ ءامن ک ی ہ گ ٣۴٫٥٪ «ق» “ن” ‘ع’ Ab '::text AS s;
SELECT n, step, replace(r, ' ', '·') AS result
FROM sample, LATERAL (VALUES
  (0, '(input)', s),
  (1, 'arabic_normalize_unicode', arabic_normalize_unicode(s)),
  (2, 'arabic_strip_diacritics', arabic_strip_diacritics(s)),
  (3, 'arabic_strip_tatweel', arabic_strip_tatweel(s)),
  (4, 'arabic_normalize_alef', arabic_normalize_alef(s)),
  (5, 'arabic_normalize_yeh', arabic_normalize_yeh(s)),
  (6, 'arabic_normalize_teh_marbuta', arabic_normalize_teh_marbuta(s)),
  (7, 'arabic_normalize_hamza', arabic_normalize_hamza(s)),
  (8, 'arabic_normalize_farsi', arabic_normalize_farsi(s)),
  (9, 'arabic_normalize_digits', arabic_normalize_digits(s)),
  (10, 'arabic_normalize_punctuation', arabic_normalize_punctuation(s))
) AS v(n, step, r)
ORDER BY n;

-- invisible characters, NBSP and line breaks: arabic_normalize_unicode drops
-- ZWJ and BOM, unifies spaces and keeps the line break; every other step
-- leaves them all alone
SELECT n, step, pg_temp.cps(r) AS code_points
FROM (SELECT E'a\u200D\uFEFF\u00A0\n b'::text AS s) AS t, LATERAL (VALUES
  (1, 'arabic_normalize_unicode', arabic_normalize_unicode(s)),
  (2, 'arabic_strip_diacritics', arabic_strip_diacritics(s)),
  (3, 'arabic_strip_tatweel', arabic_strip_tatweel(s)),
  (4, 'arabic_normalize_alef', arabic_normalize_alef(s)),
  (5, 'arabic_normalize_yeh', arabic_normalize_yeh(s)),
  (6, 'arabic_normalize_teh_marbuta', arabic_normalize_teh_marbuta(s)),
  (7, 'arabic_normalize_hamza', arabic_normalize_hamza(s)),
  (8, 'arabic_normalize_farsi', arabic_normalize_farsi(s)),
  (9, 'arabic_normalize_digits', arabic_normalize_digits(s)),
  (10, 'arabic_normalize_punctuation', arabic_normalize_punctuation(s))
) AS v(n, step, r)
ORDER BY n;

-- arabic_normalize_unicode: presentation forms fold and the madda composes;
-- as it keeps tatweel, a tatweel between alef and madda blocks the
-- composition (the display profile drops the tatweel first)
SELECT pg_temp.cps(arabic_normalize_unicode(E'\u0627\u0653\uFEFB')) AS composed,
       pg_temp.cps(arabic_normalize_unicode(E'\u0627\u0640\u0653')) AS with_tatweel,
       pg_temp.cps(arabic_normalize_unicode(arabic_strip_tatweel(E'\u0627\u0640\u0653'))) AS tatweel_first;

-- arabic_strip_diacritics: Quranic and extended marks too; the hamza and
-- madda letters (precomposed) stay
SELECT arabic_strip_diacritics(E'\u0630\u0670\u0644\u0650\u0643\u064E\u06D6 \u0645\u062D\u0645\u062F\u0610\u08F0 \u0623\u064F\u0645\u0651 \u0622\u0645\u064E\u0646\u064E') AS stripped;

-- arabic_normalize_punctuation: every quote style and the percent, decimal
-- and thousands signs; digits stay
SELECT arabic_normalize_punctuation('«١» “٢” „٣‟ ″ ‘ ’ ‚ ‛ ′ ‹ › ٪ ٫ ٬ ۔ ، ؛ ؟') AS punctuation;

-- the steps in this order (tatweel first) make the search profile, on text
-- without Latin capitals, line breaks or marks standing alone
SELECT n, arabic_normalize_punctuation(arabic_normalize_digits(arabic_normalize_farsi(
         arabic_normalize_teh_marbuta(arabic_normalize_yeh(arabic_normalize_alef(
         arabic_strip_diacritics(arabic_normalize_unicode(arabic_strip_tatweel(i)))))))))
       = arabic_normalize(i, 'search') AS steps_equal_search
FROM (VALUES
  (1, ' مَدرسـة  أَحمد إِلى آل ٱلقرآن، مؤتمر؛ رئيس؟ ءامن ک ی ہ گ ٣۴٫٥٪ «ق» “ن” ‘ع’ ab '),
  (2, E'\uFEF7\uFEB3\uFEFC\uFEE1 \uFDFA \uFDFC'),
  (3, E'\u0627\u0653\u0644\u0640\u0629 \u200D\u0643\u062A\u0627\u0628\u00A0\u2009\u0627\u0640\u0654'),
  (4, 'وَقَالَ  المُدِيرُ: «إنّ المدرسةَ مفتوحة»')
) AS v(n, i)
ORDER BY n;

-- NULL in, NULL out (STRICT) and empty in, empty out, for every step
SELECT n, step, r_null IS NULL AS null_gives_null, r_empty = '' AS empty_gives_empty
FROM (VALUES
  (1, 'arabic_normalize_unicode', arabic_normalize_unicode(NULL), arabic_normalize_unicode('')),
  (2, 'arabic_strip_diacritics', arabic_strip_diacritics(NULL), arabic_strip_diacritics('')),
  (3, 'arabic_strip_tatweel', arabic_strip_tatweel(NULL), arabic_strip_tatweel('')),
  (4, 'arabic_normalize_alef', arabic_normalize_alef(NULL), arabic_normalize_alef('')),
  (5, 'arabic_normalize_yeh', arabic_normalize_yeh(NULL), arabic_normalize_yeh('')),
  (6, 'arabic_normalize_teh_marbuta', arabic_normalize_teh_marbuta(NULL), arabic_normalize_teh_marbuta('')),
  (7, 'arabic_normalize_hamza', arabic_normalize_hamza(NULL), arabic_normalize_hamza('')),
  (8, 'arabic_normalize_farsi', arabic_normalize_farsi(NULL), arabic_normalize_farsi('')),
  (9, 'arabic_normalize_digits', arabic_normalize_digits(NULL), arabic_normalize_digits('')),
  (10, 'arabic_normalize_punctuation', arabic_normalize_punctuation(NULL), arabic_normalize_punctuation(''))
) AS v(n, step, r_null, r_empty)
ORDER BY n;

DROP TABLE sample;
