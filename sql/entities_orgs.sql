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

-- 6. Organizations the chains above do not reach (src/core/ar_tag_orgs.c):
--    a ministry named by a genitive (the place inside), a ministry without
--    its head noun before a feminine nationality adjective, a head before a
--    known organization with a ل genitive or an adjective and في a place,
--    a head with an adjective and a genitive that ends in a place, an
--    acronym in quotes after its organization, a name's tail of nisba
--    adjectives, a party or force named by a noun and its adjective (the
--    describing المعارض stays out), a party named by one noun (and و
--    before a head noun is no part of the name).
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وقالت وزارة خارجية روسيا في بيان إن الاجتماع تأجل .'),
    (2, 'وأعلنت وزارة دفاع النظام السوري مقتل جنديين .'),
    (3, 'وأكدت الخارجية المصرية دعمها للوساطة .'),
    (4, 'وأعلنت الدفاع التركية تحييد مسلحين .'),
    (5, 'وقال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن المساعدات وصلت .'),
    (6, 'وقالت منظمة الأمم المتحدة للطفولة إن الأطفال يعانون .'),
    (7, 'هددت المجموعة الاقتصادية لدول غرب أفريقيا «إيكواس» بالتدخل في النيجر .'),
    (8, 'تمديد ولاية قوة الأمم المتحدة المؤقتة في لبنان «يونيفيل» لعام إضافي .'),
    (9, 'دخل وفد من الهلال الأحمر العربي السوري إلى درعا .'),
    (10, 'وتجددت الاشتباكات بين الجيش السوداني وقوات الدعم السريع في الخرطوم .'),
    (11, 'دعا حزب الشعب الجمهوري المعارض إلى مناظرات علنية .'),
    (12, 'وعقد حزب النهضة مؤتمراً صحفياً في تونس .'),
    (13, 'التقى الوفد قادة حماس وحزب العمال في أنقرة .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 7. Not organizations: a title with a department (and the place inside it
--    stays a place), a department as an adjective or alone, a chamber inside
--    a title, the organization inside a title, a ل of purpose after a head
--    and an adjective, a club and the adjective that describes it, a force
--    and one noun.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وقال وزير خارجية روسيا سيرغي لافروف إن بلاده مستعدة للحوار .'),
    (2, 'وقال وزير الخارجية الأمريكي إن الاتفاق قريب .'),
    (3, 'وانتقد السياسة الخارجية الأمريكية في المنطقة .'),
    (4, 'ونقلت الوكالة عن مصدر في الخارجية أن الوفد وصل .'),
    (5, 'وقال رئيس مجلس النواب إن الجلسة تأجلت .'),
    (6, 'وقال الأمين العام للأمم المتحدة إن الوضع خطير .'),
    (7, 'وأرسلت القوات الحكومية للسيطرة على المدينة تعزيزات .'),
    (8, 'وفاز برشلونة الإسباني على ريال مدريد .'),
    (9, 'وانتشرت قوات الاحتلال في المدينة .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 8. The dateline of wire copy: after the place that starts the text, the
--    agency in parentheses before a dash, or between a dash and a colon, is
--    an organization (الأناضول too, which is also a place); a title after
--    the dash is no agency, nor are parentheses later in the text.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'أنقرة (الأناضول) – قال وزير الخارجية إن الوفد وصل .'),
    (2, 'باريس (أ ف ب) - وصل الوفد إلى المدينة أمس .'),
    (3, 'القاهرة – أ ش أ: وصل الوفد إلى المدينة أمس .'),
    (4, 'بيروت - قال رئيس الحكومة: الوضع صعب .'),
    (5, 'وقال الوفد في أنقرة (الأناضول) - إن الاتفاق قريب .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 9. Two organizations joined by و: a listed name after و that the tagger
--    took into the first one starts an organization of its own (and takes
--    its adjectives); a party whose name is joined by و stays whole.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'دخلت القافلة بالتنسيق مع منظمة الصحة العالمية والهلال الأحمر العربي السوري .'),
    (2, 'وقدمت منظمة الصحة العالمية والصليب الأحمر مساعدات .'),
    (3, 'وفاز حزب العدالة والتنمية في الانتخابات .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 10. A head with the article and an adjective of rank or reach (العام,
--     الأعلى, الوطني) takes the ل tail that names its office.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وأعلن المجلس الأعلى للقضاء قرارا جديدا .'),
    (2, 'وأكدت الهيئة العامة للاستثمار أن المشروع بدأ .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 11. A committee named by a noun and its adjective, as a party or a force.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وبحث الوزيران عمل لجنة الاتصال العربية في عمان .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 12. An acronym in parentheses after its organization is an organization,
--     and so is the same word elsewhere in the text (quoted, or before
--     the full name); a number in parentheses is none.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وقال قائد «قسد» إن العملية مستمرة . وأعلنت قوات سوريا الديمقراطية (قسد) مقتل قيادي . وأكد متحدث باسم قسد ذلك .'),
    (2, 'وقال الجيش اللبناني (2019) إن الوضع هادئ .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 13. A head with the article and an adjective of reach alone (المنظمة
--     الدولية) refers back to the organization named before: no mention;
--     a listed name of that form stays (البنك الدولي).
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'قال جوتيريش إن الأمم المتحدة قلقة . وأكد أن المنظمة الدولية ستواصل العمل .'),
    (2, 'وقال البنك الدولي إن النمو تباطأ .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 14. A ل genitive of a name that the tagger cut short: one that ends in a
--     noun without the article takes the place after it, one that ends with
--     the article takes a noun joined by و and its adjective; a head noun
--     after و starts another body.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وأعلنت الإدارة الذاتية لشمال وشرق سوريا تعطيل الدوام .'),
    (2, 'وأكد الائتلاف الوطني لقوى الثورة والمعارضة السورية أن الحل سياسي .'),
    (3, 'وقالت مفوضية الأمم المتحدة لشؤون اللاجئين والحكومة السورية إن القافلة وصلت .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 15. A head noun without the article before a quoted name stays outside
--     it (تنظيم «الدولة الإسلامية» is الدولة الإسلامية); one quoted word
--     with ال needs its head (حزب «الله»).
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وقتل قيادي في تنظيم «الدولة الإسلامية» أمس .'),
    (2, 'وقال حزب «الله» اللبناني إن الوضع هادئ .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 16. A body named by a head noun, a noun without the article and the word
--     with the article it belongs to (مكتب تنسيق الشؤون الإنسانية, وحدات
--     حماية الشعب), a command named by a noun and its adjective (قيادة
--     العمليات المشتركة); a board (مجلس إدارة الشركة) is none.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وأوضح مكتب تنسيق الشؤون الإنسانية أن القافلة وصلت .'),
    (2, 'وقالت قيادة العمليات المشتركة إن وحدات حماية الشعب انسحبت .'),
    (3, 'واجتمع مجلس إدارة الشركة أمس .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 17. A dateline with a date between the place and the agency, or a slash
--     before it: the agency is an organization.
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'جنيف، ١٢ تشرين الأول/أكتوبر (أ ف ب) - أعلن المبعوث الأممي أن المحادثات ستبدأ .'),
    (2, 'بغداد/ واع: اعلنت وزارة الخارجية العراقية أن الوفد وصل .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;

-- 18. The treasury stands for its ministry before a nationality adjective,
--     as the foreign ministry does (الخزانة الأمريكية).
SELECT s.n, e.entity, e.type
  FROM (VALUES
    (1, 'وفرضت الخزانة الأمريكية عقوبات جديدة .')) s(n, t),
  LATERAL arabic_entities(s.t) e
 ORDER BY s.n, e.pos;
