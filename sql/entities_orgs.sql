--
-- entities_orgs.sql: organizations named by a head noun and a nationality
-- adjective come back whole (issue 10), a place inside them included
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- 1. The issue's examples, each in a sentence: the whole organization, not
--    the place or the adjective inside it; the places around it stay places.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وقال متحدث باسم وزارة الخارجية التركية إن أنقرة ترحب بالاتفاق .'),
    (2, 'أعلنت الرئاسة الفرنسية أن الرئيس سيزور بيروت الأسبوع المقبل .'),
    (3, 'قررت اللجنة الأولمبية الدولية تعليق عضوية روسيا .'),
    (4, 'حذرت السفارة الأمريكية في بغداد رعاياها من السفر .'),
    (5, 'انتشر الجيش اللبناني في الجنوب بعد الاشتباكات .'),
    (6, 'أعلنت القوات البحرية الإيرانية احتجاز ناقلة نفط في مضيق هرمز .'),
    (7, 'صادق مجلس الدوما الروسي على الاتفاقية أمس .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 2. More of the same structure: a proclitic before the head (the cleaned
--    form drops ب, and brings ال back after لل), the other spelling of
--    American, a head the tagger's own list lacks (الشرطة), a chain of three
--    words after the head, and الحكومة.
SELECT s.n, e.entity, e.type, substr(s.t, e.pos, e.len) AS as_written
  FROM (VALUES
    (1, 'ونقلت الوكالة عن مصدر بوزارة الدفاع الروسية أن القصف استهدف مواقع في إدلب .'),
    (2, 'وسلم السفير رسالة للسفارة الأميركية في عمان .'),
    (3, 'وقالت الشرطة العراقية إن الهجوم وقع قرب بغداد .'),
    (4, 'وقالت القيادة المركزية الأمريكية إن قواتها اعترضت صاروخا .'),
    (5, 'أعلنت الحكومة المصرية خطة جديدة للطاقة .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 3. Not an organization: a title with a department and an adjective
--    (وزير الخارجية التركي is a function; the person after it is the name),
--    and punctuation between the head and the adjective ends the chain.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'قال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده لن تتراجع .'),
    (2, 'نشرت الوزارة، التركية الأصل، بيانها .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 4. The join key of such an organization is the key of its whole name:
--    the two spellings of American give one key.
SELECT count(DISTINCT e.key) AS keys, min(e.entity) AS one, max(e.entity) AS other
  FROM (VALUES ('حذرت السفارة الأمريكية رعاياها .'),
               ('حذرت السفارة الأميركية رعاياها .')) s(t),
  LATERAL arabic_entities(s.t) e
 WHERE e.type = 'ORGANIZATION';

-- 5. A kind word before a name that stands alone stays outside it (quoted,
--    or a listed name of the same type), as the gold guideline and ANERcorp
--    annotate: وكالة «تاس» is تاس, بطولة كأس العالم is كأس العالم.  A name
--    that needs its kind word keeps it (وكالة الأنباء السعودية, حركة أمل).
SELECT s.n, e.entity, e.type, substr(s.t, e.pos, e.len) AS as_written
  FROM (VALUES
    (1, 'ونقلت وكالة «تاس» عن مصدر في الخارجية أن الاجتماع تأجل .'),
    (2, 'وقالت حركة حماس في بيان إنها تدرس المقترح .'),
    (3, 'تستضيف قطر بطولة كأس العالم في الشتاء .'),
    (4, 'ذكرت وكالة الأنباء السعودية أن الوفد وصل إلى الرياض .'),
    (5, 'وأعلنت حركة أمل تأييدها للمبادرة .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;
