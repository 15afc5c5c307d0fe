-- test/data/sample_corpus.sql: a small Arabic news corpus for the pg_arabic
-- demo and tests.
--
-- All text here (articles, titles, outlets, quotes, figures) is invented for
-- the demo and the tests; it reports no real event.  The people named are
-- public figures used only so that spelling variants of real names can be
-- shown; the statements attributed to them are made up.  The outlets are
-- fictitious.
--
-- Plain SQL for psql in a UTF8 database.  It uses no pg_arabic function, so
-- it loads in a plain database too:
--     psql -X -v ON_ERROR_STOP=1 -d DB -f test/data/sample_corpus.sql
-- Invisible characters (RLM U+200F, ZWNJ U+200C, ZWSP U+200B) are written
-- as E'\u....' escapes so that they show in the source; presentation forms
-- (U+FEFB lam-alef, U+FEF7 lam-alef with hamza above) are real characters.
-- Paragraphs in a body are separated by a single newline.
--
-- Tables
--   articles(id, outlet, published, title, body)  13 articles
--   people(id, name, role)    6 public figures, each spelled ONE canonical way
--
-- Wire stories and their copies
--   Sochi talks wire (envoy Lavrentiev):   articles 1 (original), 2, 3, 4; 10 retells it in English
--   humanitarian convoy to Idlib:          articles 5 (original), 6
--   ceasefire violations in Idlib:         articles 7 (original), 8
--   paragraph labels used below: W1..W5 = paragraphs 1..5 of article 1,
--   H1..H4 = paragraphs 1..4 of article 5, C1..C4 = paragraphs 1..4 of article 7
--
-- Features by article id
--    1  Sochi wire original (W1 W2 W3 W5 W4); canonical spellings لافرنتيف
--       ألكسندر سوريا سوتشي إدلب جنيف; ASCII digits (2024); "straight" quotes
--    2  copy of 1: W1 with spelling variants (اعلن، الى، ان، سورية،
--       الكساندر لافرينتييف، سوتشى) and Arabic-Indic digits (٢٠٢٤);
--       W2 small edit (وأكد -> وأوضح, الكامل dropped); W3 and W4 verbatim;
--       boilerplate last paragraph "اقرأ أيضاً: ..."; title ends with
--       " - الجريدة"; title spelling سوتشى
--    3  copy of 1: W1 fully diacritized, with extended Arabic-Indic digits
--       (۲۰۲۴); W2 with tatweel, U+FEFB lam-alef (ﻻفرنتيف), RLM, ZWNJ inside
--       a word, ZWSP; W3 verbatim; W4 with RLM at start and one word dropped
--       (الماضي); W5 with « » quotes; boilerplate "تابعونا على تويتر ...";
--       title with tatweel (الـرئـيـس) and « »
--    4  merge: paragraph 1 = W1 + W2 + W3 joined into one long paragraph
--       (verbatim, joined by a space); W5 with “ ” quotes and the spelling
--       لافرنتييف; ادلب and جينيف; boilerplate "جميع الحقوق محفوظة ©"
--    5  convoy original (H1 H2 H3 H4); مستشفى، على، final ة; ASCII digits
--    6  copy of 5: H1 verbatim; H2 with final ى -> ي (الي، مستشفي) and
--       ة -> ه (القافله، المدينه); H3 with one word added (القليلة) and علي;
--       H4 with lead-in "وقالت الوكالة إن "; title with ادلب، الي، قافله
--    7  ceasefire original (C1 C2 C3 C4); “ ” quotes; Arabic semicolon ؛
--    8  copy of 7: C1 fully diacritized; C2 with lead-in "وبحسب البيان: ";
--       C3 small edit (وأكدت الوزارة -> وأكد البيان, داعية -> داعياً);
--       C4 verbatim; boilerplate "اقرأ أيضاً:" with ZWSP and U+FEF7 (ﻷول);
--       title ends with " | موقع الخبر"; ادلب
--    9  Geneva story: سورية، جينيف، بيدرسون (people: غير بيدرسن)،
--       سيرجي لافروف (people: سيرغي لافروف), canonical ألكسندر لافرنتيف;
--       « » quotes; Arabic question mark ؟ and semicolon ؛; partial
--       diacritics (ردّاً، إنّ)
--   10  mostly English/Latin with a few Arabic words in parentheses
--       (outlet "Levant Wire"); retells W1/W2 in English
--   11  economy story: Arabic-Indic digits, ٪ (U+066A) and decimal
--       separator ٫ (U+066B), a date written ٢٠٢٢/١١/١٥
--   12  sports story: extended Arabic-Indic digits (۲-۱، ۲۰۲۶، ۳۴، ۷۸)
--   13  very short article (one paragraph); سيرغيه لافروف and غير بيدرسن
--
-- Verbatim repeats: W3 in 1, 2, 3 (and inside 4's merged paragraph); W4 in
-- 1, 2; H1 in 5, 6; C4 in 7, 8.
--
-- people and where each appears (spelling in the article if not canonical)
--   1 ألكسندر لافرنتيف   1, 3, 9 canonical; 2 الكساندر لافرينتييف; 4 لافرنتييف;
--                         3 ﻻفرنتيف (lam-alef ligature); 10 Latin
--   2 سيرغي لافروف       9 سيرجي لافروف; 13 سيرغيه لافروف
--   3 غير بيدرسن         9 بيدرسون; 13 canonical
--   4 ماريا زاخاروفا     7, 8 canonical
--   5 فيصل المقداد       not in the articles
--   6 ستيفان دوجاريك     not in the articles; role is NULL

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

BEGIN;

CREATE TABLE articles (
    id        int PRIMARY KEY,
    outlet    text NOT NULL,
    published date NOT NULL,
    title     text NOT NULL,
    body      text NOT NULL
);

CREATE TABLE people (
    id   int PRIMARY KEY,
    name text NOT NULL,
    role text
);

-- 1: Sochi wire, original
INSERT INTO articles VALUES (1, 'وكالة الأنباء', '2024-03-12',
'لافرنتيف: الجولة المقبلة من محادثات سوتشي نهاية آذار',
$$أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024.
وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.
وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.
وقال لافرنتيف إن "الحوار هو الطريق الوحيد لتسوية الأزمة"، معرباً عن أمله في أن تخرج الجولة الجديدة بنتائج ملموسة.
وكانت الجولة السابقة من المحادثات قد عقدت في أستانا في كانون الأول الماضي بمشاركة وفود من الحكومة والمعارضة وممثلين عن الأمم المتحدة بصفة مراقبين.$$);

-- 2: copy of 1 with spelling variants, Arabic-Indic digits, boilerplate
INSERT INTO articles VALUES (2, 'الجريدة', '2024-03-12',
'المبعوث الروسي: محادثات سوتشى نهاية آذار - الجريدة',
$$اعلن المبعوث الخاص للرئيس الروسي الى سورية الكساندر لافرينتييف، اليوم الثلاثاء، ان الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشى في الأسبوع الأخير من شهر آذار ٢٠٢٤.
وأوضح لافرينتييف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام بوقف إطلاق النار.
وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.
وكانت الجولة السابقة من المحادثات قد عقدت في أستانا في كانون الأول الماضي بمشاركة وفود من الحكومة والمعارضة وممثلين عن الأمم المتحدة بصفة مراقبين.
اقرأ أيضاً: موسكو وأنقرة تبحثان تمديد التفاهمات الخاصة بإدلب$$);

-- 3: copy of 1 with diacritics, tatweel, presentation form, invisible characters
INSERT INTO articles VALUES (3, 'موقع الخبر', '2024-03-13',
'مبعوث الـرئـيـس الروسي: «سوتشي» تستضيف الجولة المقبلة نهاية آذار',
E'أَعْلَنَ المَبْعُوثُ الخَاصُّ لِلرَّئِيسِ الرُّوسِيِّ إِلَى سُورِيَا أَلِكْسَنْدَر لَافْرَنْتِيف، اليَوْمَ الثُّلَاثَاءَ، أَنَّ الجَوْلَةَ المُقْبِلَةَ مِنَ المُحَادَثَاتِ حَوْلَ التَّسْوِيَةِ السُّورِيَّةِ سَتُعْقَدُ فِي مَدِينَةِ سُوتْشِي فِي الأُسْبُوعِ الأَخِيرِ مِنْ شَهْرِ آذَار ۲۰۲۴.'
|| E'\n'
|| E'وأكد ﻻفرنتيف في تصـريـح للصحفيين أن الدول الضامنة ستبحث الوضع المـيـدانـي في إدلب' || E'\u200F'
|| E' وملف المعتقلين وعمل اللجنة الدستو' || E'\u200C' || E'رية في جنيف، مشيراً إلى أن موسكو' || E'\u200B'
|| E' تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار.'
|| E'\n'
|| E'وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.'
|| E'\n'
|| E'\u200F' || E'وكانت الجولة السابقة من المحادثات قد عقدت في أستانا في كانون الأول بمشاركة وفود من الحكومة والمعارضة وممثلين عن الأمم المتحدة بصفة مراقبين.'
|| E'\n'
|| E'وقال لافرنتيف إن «الحوار هو الطريق الوحيد لتسوية الأزمة»، معرباً عن أمله في أن تخرج الجولة الجديدة بنتائج ملموسة.'
|| E'\n'
|| E'تابعونا على تويتر وفيسبوك لمتابعة آخر الأخبار العاجلة');

-- 4: merged wire paragraphs, spelling variants, curly quotes, copyright line
INSERT INTO articles VALUES (4, 'قناة المشرق', '2024-03-12',
'روسيا تعلن موعد جولة سوتشي الجديدة',
$$أعلن المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتيف، اليوم الثلاثاء، أن الجولة المقبلة من المحادثات حول التسوية السورية ستعقد في مدينة سوتشي في الأسبوع الأخير من شهر آذار 2024. وأكد لافرنتيف في تصريح للصحفيين أن الدول الضامنة ستبحث الوضع الميداني في إدلب وملف المعتقلين وعمل اللجنة الدستورية في جنيف، مشيراً إلى أن موسكو تدعو جميع الأطراف إلى الالتزام الكامل بوقف إطلاق النار. وأضاف المبعوث أن الوفد الروسي سيلتقي على هامش الاجتماعات ممثلين عن الأمم المتحدة لبحث آليات إيصال المساعدات الإنسانية إلى جميع المناطق المحتاجة.
وقال لافرنتييف إن “الحوار هو الطريق الوحيد لتسوية الأزمة”، معرباً عن أمله في أن تخرج الجولة الجديدة بنتائج ملموسة.
ويأتي الإعلان بعد أيام من تصعيد ميداني في ريف ادلب، فيما تستعد جينيف لاستضافة اجتماع جديد للجنة الدستورية الشهر المقبل.
جميع الحقوق محفوظة © قناة المشرق 2024$$);

-- 5: humanitarian convoy, original
INSERT INTO articles VALUES (5, 'وكالة الأنباء', '2024-03-14',
'قافلة مساعدات أممية تدخل إدلب',
$$دخلت قافلة مساعدات إنسانية تابعة للأمم المتحدة، صباح اليوم الخميس، إلى محافظة إدلب عبر معبر باب الهوى، وتضم 40 شاحنة محملة بالمواد الغذائية والأدوية ومستلزمات الإيواء.
وقالت المتحدثة باسم مكتب تنسيق الشؤون الإنسانية إن القافلة هي الرابعة منذ بداية العام، وإن جزءاً من الأدوية سيسلم إلى مستشفى المدينة الوطني الذي يعاني نقصاً حاداً في المعدات الطبية.
وأكدت المنظمة الدولية أن فرقها ستشرف على توزيع المساعدات على العائلات النازحة في المخيمات خلال الأيام المقبلة.
الاحتياجات الإنسانية في شمال غرب سوريا ما تزال تفوق بكثير حجم المساعدات المتاحة، وفق تقديرات المنظمات العاملة في المنطقة.$$);

-- 6: copy of 5 with final yeh / teh marbuta variants and a lead-in
INSERT INTO articles VALUES (6, 'الجريدة', '2024-03-14',
'دخول قافله مساعدات أممية الي ادلب',
$$دخلت قافلة مساعدات إنسانية تابعة للأمم المتحدة، صباح اليوم الخميس، إلى محافظة إدلب عبر معبر باب الهوى، وتضم 40 شاحنة محملة بالمواد الغذائية والأدوية ومستلزمات الإيواء.
وقالت المتحدثة باسم مكتب تنسيق الشؤون الإنسانية إن القافله هي الرابعة منذ بداية العام، وإن جزءاً من الأدوية سيسلم الي مستشفي المدينه الوطني الذي يعاني نقصاً حاداً في المعدات الطبية.
وأكدت المنظمة الدولية أن فرقها ستشرف على توزيع المساعدات علي العائلات النازحة في المخيمات خلال الأيام القليلة المقبلة.
وقالت الوكالة إن الاحتياجات الإنسانية في شمال غرب سوريا ما تزال تفوق بكثير حجم المساعدات المتاحة، وفق تقديرات المنظمات العاملة في المنطقة.$$);

-- 7: ceasefire violations, original
INSERT INTO articles VALUES (7, 'قناة المشرق', '2024-03-15',
'موسكو: 12 خرقاً للهدنة في إدلب خلال 24 ساعة',
$$أعلنت وزارة الدفاع الروسية تسجيل 12 خرقاً لنظام وقف إطلاق النار في منطقة خفض التصعيد في إدلب خلال الساعات الأربع والعشرين الماضية.
سجلت معظم الخروقات في ريف المحافظة الجنوبي، ولم تسفر عن إصابات في صفوف المدنيين.
وأكدت الوزارة أن “نظام التهدئة ما يزال صامداً بشكل عام”؛ داعية الأطراف الضامنة إلى ممارسة نفوذها لمنع أي تصعيد جديد.
من جهتها، قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو ستواصل العمل مع أنقرة وطهران لتثبيت الهدنة.$$);

-- 8: copy of 7 with diacritics, a lead-in, a small edit, boilerplate
INSERT INTO articles VALUES (8, 'موقع الخبر', '2024-03-15',
'رصد خروقات جديدة لوقف إطلاق النار في ادلب | موقع الخبر',
E'أَعْلَنَتْ وِزَارَةُ الدِّفَاعِ الرُّوسِيَّةُ تَسْجِيلَ 12 خَرْقاً لِنِظَامِ وَقْفِ إِطْلَاقِ النَّارِ فِي مِنْطَقَةِ خَفْضِ التَّصْعِيدِ فِي إِدْلِبَ خِلَالَ السَّاعَاتِ الأَرْبَعِ وَالعِشْرِينَ المَاضِيَةِ.'
|| E'\n'
|| E'وبحسب البيان: سجلت معظم الخروقات في ريف المحافظة الجنوبي، ولم تسفر عن إصابات في صفوف المدنيين.'
|| E'\n'
|| E'وأكد البيان أن “نظام التهدئة ما يزال صامداً بشكل عام”؛ داعياً الأطراف الضامنة إلى ممارسة نفوذها لمنع أي تصعيد جديد.'
|| E'\n'
|| E'من جهتها، قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو ستواصل العمل مع أنقرة وطهران لتثبيت الهدنة.'
|| E'\n'
|| E'اقرأ أيضاً:' || E'\u200B' || E' ﻷول مرة منذ أشهر.. قافلة أممية تدخل ادلب');

-- 9: Geneva story, name variants, question mark and semicolon
INSERT INTO articles VALUES (9, 'الجريدة', '2024-03-18',
'بيدرسون يدعو من جينيف إلى استئناف عمل اللجنة الدستورية',
$$دعا المبعوث الأممي الخاص إلى سورية غير بيدرسون، في مؤتمر صحفي عقده في جينيف أمس، إلى استئناف اجتماعات اللجنة الدستورية في أقرب وقت ممكن، معتبراً أن «الجمود الحالي لا يخدم أحداً».
وردّاً على سؤال حول مكان انعقاد الجولة المقبلة، قال بيدرسون: «هل يهم المكان إذا غابت الإرادة السياسية؟ المطلوب التزام واضح من جميع الأطراف».
في المقابل، قال وزير الخارجية الروسي سيرجي لافروف إنّ بلاده تؤيد الحوار بين السوريين؛ لكنها ترى أن جينيف لم تعد مكاناً محايداً لاستضافته.
وكان المبعوث الروسي ألكسندر لافرنتيف قد أعلن الأسبوع الماضي أن الجولة المقبلة من محادثات أستانا ستعقد في سوتشي.$$);

-- 10: mostly English, a few Arabic words
INSERT INTO articles VALUES (10, 'Levant Wire', '2024-03-12',
'Sochi to host next round of Syria talks, says Russian envoy',
$$Russian presidential envoy to Syria Alexander Lavrentiev (ألكسندر لافرنتيف) said on Tuesday that the next round of talks on a Syrian settlement would be held in Sochi (سوتشي) in the last week of March 2024.
The guarantor states will discuss the situation in Idlib (إدلب), detainees and the work of the Constitutional Committee in Geneva, he told reporters, calling on all parties to fully respect the ceasefire (وقف إطلاق النار).
The previous round was held in Astana (أستانا) in December, with United Nations observers.$$);

-- 11: economy story, Arabic-Indic digits, percent sign and decimal separator
INSERT INTO articles VALUES (11, 'وكالة الأنباء', '2024-04-10',
'ارتفاع التبادل التجاري بين روسيا وسوريا بنسبة ١٢٫٥٪',
$$أعلنت وزارة الاقتصاد والتجارة الخارجية أن حجم التبادل التجاري بين سوريا وروسيا ارتفع خلال عام ٢٠٢٣ بنسبة ١٢٫٥٪ مقارنة بالعام السابق، مدفوعاً بزيادة واردات القمح والمشتقات النفطية.
وأوضحت الوزارة في بيان أن الصادرات السورية إلى السوق الروسية تركزت على الحمضيات والخضار والمنسوجات، وأن قيمتها بلغت نحو ٤٨٠ مليون دولار.
وتوقع البيان أن يسهم افتتاح خط شحن بحري جديد بين ميناء اللاذقية وميناء نوفوروسيسك في خفض تكاليف النقل بنحو ٢٠٪ اعتباراً من الربع الثالث من العام الجاري.
وكان الجانبان قد وقعا في ٢٠٢٢/١١/١٥ مذكرة تفاهم للتعاون في مجالي الطاقة والزراعة.$$);

-- 12: sports story, extended Arabic-Indic digits
INSERT INTO articles VALUES (12, 'قناة المشرق', '2024-03-22',
'المنتخب الوطني يتغلب على ضيفه في تصفيات كأس العالم',
$$حقق المنتخب الوطني لكرة القدم فوزاً ثميناً على ضيفه بنتيجة ۲-۱ في المباراة التي جمعتهما مساء الخميس ضمن الجولة الثالثة من التصفيات الآسيوية المؤهلة إلى كأس العالم ۲۰۲۶.
وسجل هدفي المنتخب مهاجمه الشاب في الدقيقتين ۳۴ و۷۸، فيما جاء هدف الضيوف من ركلة جزاء قبل نهاية الشوط الأول.
وبهذا الفوز رفع المنتخب رصيده إلى ۷ نقاط في صدارة المجموعة، على أن يلاقي منافسه المقبل خارج أرضه الثلاثاء المقبل.$$);

-- 13: very short article, one paragraph
INSERT INTO articles VALUES (13, 'وكالة الأنباء', '2024-03-18',
'عاجل: لافروف يصل إلى أستانا',
$$وصل وزير الخارجية الروسي سيرغيه لافروف إلى أستانا مساء اليوم للمشاركة في اجتماع وزاري للدول الضامنة، ويلتقي على هامشه المبعوث الأممي غير بيدرسن.$$);

-- the analyst's own table: one canonical spelling per person
INSERT INTO people VALUES
    (1, 'ألكسندر لافرنتيف', 'المبعوث الخاص للرئيس الروسي إلى سوريا'),
    (2, 'سيرغي لافروف', 'وزير الخارجية الروسي'),
    (3, 'غير بيدرسن', 'المبعوث الخاص للأمين العام للأمم المتحدة إلى سوريا'),
    (4, 'ماريا زاخاروفا', 'المتحدثة باسم وزارة الخارجية الروسية'),
    (5, 'فيصل المقداد', 'وزير الخارجية السوري'),
    (6, 'ستيفان دوجاريك', NULL);

COMMIT;

ANALYZE articles;
ANALYZE people;
