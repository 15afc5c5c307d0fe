--
-- paragraphs.sql: arabic_paragraphs() splits a document at line breaks and
-- bullet markers, trims each piece, drops the empty ones and numbers the
-- rest from 1
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- every kind of line break: LF, CR LF, CR, NEL, LINE SEPARATOR U+2028,
-- PARAGRAPH SEPARATOR U+2029 (CR LF is one break: no empty paragraph)
SELECT n, paragraph
FROM arabic_paragraphs(E'الأولى\nالثانية\r\nالثالثة\rالرابعة\u0085الخامسة\u2028السادسة\u2029السابعة')
ORDER BY n;

-- one break at a time: each document gives exactly two paragraphs
SELECT label, array_agg(paragraph ORDER BY n) AS paragraphs, max(n) AS last_n
FROM (VALUES ('LF', E'قبل\nبعد'),
             ('CR LF', E'قبل\r\nبعد'),
             ('CR', E'قبل\rبعد'),
             ('NEL', E'قبل\u0085بعد'),
             ('U+2028', E'قبل\u2028بعد'),
             ('U+2029', E'قبل\u2029بعد')) AS d(label, doc),
     arabic_paragraphs(doc)
GROUP BY label
ORDER BY label;

-- bullets start a new paragraph wherever they stand, at the start of a line
-- or in the middle of one: • ● ▪ ◦ ‣ ⁃ ► ➢ ∙
SELECT n, paragraph
FROM arabic_paragraphs('• الأول ● الثاني ▪ الثالث ◦ الرابع ‣ الخامس ⁃ السادس ► السابع ➢ الثامن ∙ التاسع')
ORDER BY n;

-- a list under a heading, one bullet per line
SELECT n, paragraph
FROM arabic_paragraphs(E'أبرز النقاط:\n• وقف إطلاق النار\n• إيصال المساعدات\n• ملف المعتقلين')
ORDER BY n;

-- trimming: spaces of every kind (space, tab, no-break space, thin space,
-- ideographic space) and invisible controls (RLM, LRM, ZWSP, ZWNJ, BOM,
-- ALM) go at both ends; inside the paragraph everything stays as written:
-- double spaces, an RLM, diacritics, tatweel
SELECT n, paragraph, length(paragraph) AS chars,
       paragraph LIKE E'%\u200F%' AS inner_rlm_kept,
       paragraph IN (E'مُسْتَشْفَى  المدينة',
                     E'وصلت القافلــة \u200F إلى إدلب') AS as_written
FROM arabic_paragraphs(E'\u200F\u200E \t\u00A0مُسْتَشْفَى  المدينة\u2009\u3000\u200B\n'
                       || E'\uFEFF\u061C وصلت القافلــة \u200F إلى إدلب \u200C\t')
ORDER BY n;

-- empty and white-space-only pieces are dropped and do not use up a number
SELECT n, paragraph
FROM arabic_paragraphs(E'\n\n  \t\nالأولى\n\u200F\u200B\n\r\n\u00A0\n• \n•\nالثانية\n\n\n')
ORDER BY n;

-- a document without any break is one paragraph, numbered 1
SELECT n, paragraph
FROM arabic_paragraphs('أعلن المبعوث الخاص أن الجولة المقبلة من المحادثات ستعقد في سوتشي.');

-- Latin text works the same way
SELECT n, paragraph
FROM arabic_paragraphs(E'First line.\r\nSecond line • third part')
ORDER BY n;

-- empty, white-space-only, breaks-only documents: no rows
SELECT count(*) AS empty_doc FROM arabic_paragraphs('');
SELECT count(*) AS blank_doc FROM arabic_paragraphs(E' \t\u00A0\u200F');
SELECT count(*) AS breaks_only FROM arabic_paragraphs(E'\n\r\n\u2029•●\n');

-- NULL: no rows (STRICT set-returning function)
SELECT count(*) AS null_doc FROM arabic_paragraphs(NULL);

-- in a lateral join over a table: one row per paragraph, numbered per document
CREATE TEMP TABLE docs (id int, body text);
INSERT INTO docs VALUES
  (1, E'الفقرة الأولى\nالفقرة الثانية'),
  (2, 'فقرة وحيدة'),
  (3, ''),
  (4, NULL);
SELECT d.id, p.n, p.paragraph
FROM docs d CROSS JOIN LATERAL arabic_paragraphs(d.body) p
ORDER BY d.id, p.n;
DROP TABLE docs;

-- a 1 MB document of 25000 lines (CR LF): every line is one paragraph of
-- 22 characters ("سطر عربي قصير للاختبار"), numbered 1..25000
SELECT octet_length(repeat(E'سطر عربي قصير للاختبار\r\n', 25000)) AS doc_bytes;
SELECT count(*) AS paragraphs, sum(length(paragraph)) AS total_chars,
       min(n) AS first_n, max(n) AS last_n,
       count(DISTINCT paragraph) AS distinct_texts
FROM arabic_paragraphs(repeat(E'سطر عربي قصير للاختبار\r\n', 25000));
