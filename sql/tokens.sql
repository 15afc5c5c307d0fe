--
-- tokens.sql: arabic_tokens(), words with their proclitics and article split off
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- segmentation under the default (search) profile: proclitics و ف ب ك ل and the
-- article ال become elements ending in +, the stem is normalized; words whose
-- first letter belongs to the stem, أل/إل (not the article), listed words that
-- only look like the article, and words too short to carry a clitic stay whole
SELECT n, input, arabic_tokens(input) AS tokens
FROM (VALUES
  (1, 'وبالمدينة'),
  (2, 'للسفارة'),
  (3, 'كالبحر فالمدرسة'),
  (4, 'والوزير'),
  (5, 'وَالكِتَابُ'),
  (6, 'المدينة ٱلكتاب'),
  (7, 'وزير فلسطين وكالة'),
  (8, 'ألمانيا إلغاء ألوان'),
  (9, 'المانيا الغاء'),
  (10, 'الله الذي التي'),
  (11, 'بالله'),
  (12, 'ولد فيه'),
  (13, 'في عام ٢٠٢٣ زار Macron-Paris COVID19'),
  (14, 'قال: «نعم»، ثم غادر!'),
  (15, 'فرقها وزيرها وقالت')
) AS v(n, input)
ORDER BY n;

-- the display profile keeps diacritics (on the letter they follow) and alef
-- forms; a mark standing alone is not a word
SELECT arabic_tokens('وَبِالْمَدِينَةِ', 'display') AS diacritized,
       arabic_tokens('أحمد إلى', 'display') AS alef_kept,
       arabic_tokens('ريب ۛ فيه', 'display') AS lone_mark;

-- the camel profile: its folds, the same segmentation
SELECT arabic_tokens('وبالمدينة إلى', 'camel') AS camel;

-- the default profile is search
SELECT arabic_tokens('وبالمدينة') = arabic_tokens('وبالمدينة', 'search') AS default_is_search;

-- no words: an empty array
SELECT arabic_tokens('') AS empty,
       arabic_tokens(' !؟ «» ، ... ') AS punctuation_only,
       arabic_tokens(E' \t\n\u00A0') AS blank;

-- NULL input or NULL profile gives NULL (STRICT)
SELECT arabic_tokens(NULL) IS NULL AS null_input,
       arabic_tokens(NULL, 'display') IS NULL AS null_input_display,
       arabic_tokens('نص', NULL) IS NULL AS null_profile;

-- an unknown profile is an error listing the valid ones
SELECT arabic_tokens('نص', 'Search');
