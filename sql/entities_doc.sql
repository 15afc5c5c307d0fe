--
-- entities_doc.sql: names across a document, long person names, names
-- decided by context, and English text (the rules after decoding:
-- src/core/ar_tag_names.c)
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- 1. A name found once is found at its other mentions in the same text: in
--    another spelling (لافرنتيف / لافرينتييف, سيرغي / سيرجي) and by the
--    family name alone (القطاونة, لافروف); each keeps the person type, and
--    the variants share one key; a one-word name found again takes the
--    given name before it (ألكسندر, a person-name token of the lists).
SELECT entity, type, pos, key
  FROM arabic_entities('أعلن المبعوث الروسي إلى سوريا ألكسندر لافرنتيف أن الجولة المقبلة ستعقد في جنيف. وأوضح لافرينتييف، في تصريح لوكالة «تاس»، أن الموعد لم يحدد.')
 ORDER BY pos;
SELECT entity, type, pos, key
  FROM arabic_entities('قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار. وأضاف سيرجي لافروف أن المحادثات مستمرة. وختم لافروف حديثه بالدعوة إلى التهدئة.')
 ORDER BY pos;
SELECT entity, type, pos
  FROM arabic_entities('وأكد وزير الخارجية الأردني أيمن القطاونة دعم بلاده. وقال القطاونة إن عمان تدعم الحل.')
 ORDER BY pos;
-- the same sentence alone: the family name has nothing to stand for
SELECT entity, type, pos
  FROM arabic_entities('وقال القطاونة إن عمان تدعم الحل.')
 ORDER BY pos;

-- 2. Person names of three parts or more keep every part.
SELECT entity, type
  FROM (VALUES (1, 'وصل وزير الخارجية الإيراني حسين أمير عبد اللهيان إلى بيروت.'),
               (2, 'لم يستبعد الكرملين لقاء مع الرئيس الصيني شي جين بينغ على هامش القمة.'),
               (3, 'استقبل الرئيس عبد الفتاح السيسي الأمين العام للجامعة العربية أحمد أبو الغيط في القاهرة.'),
               (4, 'التقى وزير الخارجية السعودي الأمير فيصل بن فرحان آل سعود نظيره الإيراني محمد جواد ظريف.'),
               (5, 'قال المبعوث الأممي ستيفان دي ميستورا إن المحادثات ستستأنف في جنيف.'),
               (6, 'أحيت القاهرة ذكرى رحيل الرئيس الأسبق جمال عبد الناصر بالاتفاق مع أسرته.')) v(n, s),
       arabic_entities(s)
 WHERE type = 'PERSON'
 ORDER BY n, pos;

-- 3. Names that are also adjectives, and a very frequent name, decided by
--    context: السعودية after وزير خارجية and سورية after في are places,
--    داعش after مقاتلي an organization; السورية and السعودية after a noun
--    with the article are adjectives, never places (the organization chains
--    may take them into an organization's name: الحكومة السورية).
SELECT entity, type, pos
  FROM arabic_entities('قتل عشرة من مقاتلي داعش في سورية. وقال وزير خارجية السعودية إن الحكومة السورية والقوات السعودية تنسقان جهودهما.')
 ORDER BY pos;
SELECT count(*) AS adjectives_as_places
  FROM arabic_entities('أعلنت الحكومة السورية أن القوات السعودية والطائرات السورية انسحبت.')
 WHERE type = 'LOCATION';

-- 4. An English sentence gives no Latin-script mention (the tagger reads
--    Arabic); the Arabic names in brackets are still found.
SELECT entity, type, pos
  FROM arabic_entities($$Russian presidential envoy to Syria Alexander Lavrentiev (ألكسندر لافرنتيف) said on Tuesday that the next round of talks would be held in Sochi (سوتشي).
The previous round was held in Astana (أستانا) in December, with United Nations observers.$$)
 ORDER BY pos;
SELECT count(*) AS latin_mentions
  FROM arabic_entities('The guarantor states will discuss the situation in Idlib, he told reporters. The Constitutional Committee meets in Geneva.');

-- 5. Named events, agreements and other MISC names (ArTagApplyEvents): a
--    head noun without the article and the name after it are one MISC name,
--    flat (مسار أستانا, not أستانا), with a number that is part of the name
--    (رؤية السعودية 2030; حرب أكتوبر 1973 keeps its date out) and a لل tail
--    (مؤتمر جنيف للسلام); a quoted name after a kind word stands alone
--    (معاهدة «ستارت الجديدة»); a holiday is عيد and its word.
SELECT entity, type, pos
  FROM arabic_entities('وأكد المبعوث أن مسار أستانا واتفاق سوتشي ما زالا قائمين، فيما دعت دمشق إلى تطبيق مبادرة السلام العربية.')
 ORDER BY pos;
SELECT entity, type, pos
  FROM arabic_entities('هنأ الملك المواطنين بحلول عيد الأضحى، وشارك الوفد في مؤتمر جنيف للسلام ثم في منتدى الدوحة.')
 ORDER BY pos;
SELECT entity, type, pos
  FROM arabic_entities('تستعد الرياض لمعرض «إكسبو 2030» ضمن رؤية السعودية 2030، وتحتفل مصر بذكرى حرب أكتوبر 1973. وعلقت موسكو مشاركتها في معاهدة «ستارت الجديدة».')
 ORDER BY pos;
-- A head before a common word (مؤتمرا صحفيا), two parties joined by و
-- (اتفاق روسيا وتركيا), a head with the article (الاتفاق النووي) and a
-- descriptive event (القمة المقبلة في سوتشي) are no MISC names.
SELECT entity, type, pos
  FROM arabic_entities('وعقد الوزير مؤتمرا صحفيا بعد اتفاق روسيا وتركيا على وقف إطلاق النار، وأكد أن الاتفاق النووي مع إيران انتهى وأن القمة المقبلة في سوتشي.')
 ORDER BY pos;
-- A head after ب (بكأس، باتفاق) and a quoted place with a number after a
-- head (خطة «سوريا 2030»).
SELECT entity, type, pos
  FROM arabic_entities('وفاز المنتخب بكأس الأمم الأوروبية، والتزمت الأطراف باتفاق سوتشي، فيما أعلنت الحكومة خطة «سوريا 2030».')
 ORDER BY pos;

-- persons
-- 6. The edges of person and place names (ArTagApplyPersons): a given name
--    whose first letters read as the article ends the place before it and
--    starts a name (سورية الكساندر لافرينتييف), also alone after a title
--    (الملكة اليزابيث); a foreign name keeps its particles (فان دير, لو);
--    a name does not run on into a future verb (عباس سيزور).
SELECT n, entity, type
  FROM (VALUES (1, 'اعلن المبعوث الروسي الى سورية الكساندر لافرينتييف ان الجولة المقبلة ستعقد في سوتشي.'),
               (2, 'وصلت الملكة اليزابيث الى لندن امس.'),
               (3, 'استقبل الرئيس النمساوي ألكسندر فان دير بيلين نظيره الإيطالي في فيينا.'),
               (4, 'التقى وزير الخارجية الفرنسي جان إيف لو دريان في باريس.'),
               (5, 'وقال مسؤول إن الرئيس عباس سيزور القاهرة الأسبوع المقبل.')) v(n, s),
       arabic_entities(s)
 ORDER BY n, pos;
-- words that fold like such a name but are mostly something else (الآن,
-- الين "the yen") are no names
SELECT count(*) AS persons
  FROM arabic_entities('وقال الوزير الان إن الين الياباني ارتفع مقابل الدولار.')
 WHERE type = 'PERSON';

-- places and quoted titles
-- 7. A place's kind word stays outside its name (ArTagApplyKindPlaces): the
--    word after بلدة، ريف، معبر ... is the place, with a second word that
--    has the article (معبر باب الهوى), and after a plural or dual kind word
--    the words with و are places too (معبري نصيب وجابر); a kind word with
--    the article (المدينة القديمة) or before a common word (مدن أخرى) gives
--    no place.  A quoted title that starts with a head noun of an event or
--    a law is one MISC name, whole ("قانون قيصر", «معاهدة الصداقة والتعاون»).
SELECT n, entity, type
  FROM (VALUES (1, 'قتل شخصان في انفجار في بلدة كفرنبل بريف إدلب الجنوبي امس.'),
               (2, 'ونقلت الشاحنات المساعدات عبر معبر باب الهوى ثم عبر معبري نصيب وجابر.'),
               (3, 'وزار الوفد المدينة القديمة ومدن أخرى.'),
               (4, 'وتحدث الوزير عن العقوبات المفروضة بموجب "قانون قيصر" وعن تنفيذ «معاهدة الصداقة والتعاون» بين البلدين.')) v(n, s),
       arabic_entities(s)
 ORDER BY n, pos;
-- A person's name does not run on into a verb of reporting in the perfect
-- (عبد العاطي جدد: the tagger alone takes جدد in).
SELECT entity, type
  FROM arabic_entities('وقال المتحدث إن عبد العاطي جدد "موقف مصر الثابت" من القضية.')
 ORDER BY pos;
-- The dual of a title names no one (الوزيران: the tagger alone reads a person).
SELECT count(*) AS persons
  FROM arabic_entities('وأشار الوزيران إلى التنسيق القائم بين البلدين.')
 WHERE type = 'PERSON';
-- places of two words (ArTagApplyPlaces, src/core/ar_tag_places.c)
-- 8. A head noun of a place without the article (خان، معرة، جسر، دير، تل
--    ...) and the word after it are one place in the context of a place
--    (after في, in a list joined by و): not the person النعمان or خان شيخون.
--    A و on the head noun goes (ودير الزور, وتل أبيض).  A direction
--    adjective after a place that follows ريف is ريف's (ريف حماة الشمالي
--    is حماة).  A head noun before a common word is no place (رأس المال).
SELECT n, entity, type
  FROM (VALUES (1, 'وتضررت مدارس في معرة النعمان وخان شيخون وجسر الشغور وتل أبيض.'),
               (2, 'ووصلت المساعدات إلى حمص وحماة ودير الزور.'),
               (3, 'وسقطت قذائف على قرى في ريف حماة الشمالي.'),
               (4, 'وقال إن رأس المال في المصارف تراجع.')) v(n, s),
       arabic_entities(s)
 ORDER BY n, pos;
-- 9. A word between the kind word of a site (قاعدة، مطار، ميناء) and an
--    adjective that closes its name (الجوية، العسكري، الدولي) is a place.
SELECT entity, type
  FROM arabic_entities('وتحدث عن مستقبل قاعدة حميميم الجوية في سوريا.')
 ORDER BY pos;

-- persons after a title phrase
-- 10. A person's name after a title phrase (ArTagApplyPersons, step 8): the
--    words between a title or role word with its adjectives, genitives,
--    prepositions, places and organizations (وزير الدفاع، المبعوث الأممي
--    الخاص إلى سوريا، رئيس وفد المعارضة، الممثلة العليا للشؤون الخارجية)
--    and the end of the clause (a comma, إن) are one name when a word of
--    them is a name (مرهف أبو قصرة، غير بيدرسن، هادي البحرة، كايا كالاس:
--    the tagger alone finds none of these four whole); a title phrase
--    before a common word (ضرورة التهدئة) or before إن gives no name.
SELECT n, entity, type
  FROM (VALUES (1, 'استقبل رئيس الحكومة وفدا برئاسة وزير الدفاع مرهف أبو قصرة، وبحث معه ضبط الحدود.'),
               (2, 'والتقى المبعوث الأممي الخاص إلى سوريا غير بيدرسن، أمس، وزير الخارجية في دمشق.'),
               (3, 'وقال رئيس وفد المعارضة هادي البحرة إن الوفد جاهز.'),
               (4, 'وأكد وزير الخارجية ضرورة التهدئة، وقال الوزير إن الحوار مستمر.'),
               (5, 'وقالت الممثلة العليا للشؤون الخارجية كايا كالاس إن القرار قابل للمراجعة.')) v(n, s),
       arabic_entities(s)
 ORDER BY n, pos;
-- ... and, with no word any list knows, two words before إن (مظلوم عبدي)
-- or one right after a title with the article before a comma (الرئيس
-- ماكرون،): the tagger alone finds neither.
SELECT n, entity, type
  FROM (VALUES (6, 'وقال القائد العام لـ«قسد» مظلوم عبدي إن اللجان تواصل عملها.'),
               (7, 'والتقى المستشار الألماني في باريس الرئيس ماكرون، وبحثا التعاون.')) v(n, s),
       arabic_entities(s)
 ORDER BY n, pos;

-- cleaning
-- 11. A name the segmenter splits as a preposition, the article and two
--     letters keeps them (كالاس, not الاس), and a kind word after a plural
--     one is a kind word too (قرى بريف القنيطرة gives القنيطرة, not بريف).
--     The type of كالاس alone is the tagger's, and wrong here: the names
--     across the text do not reach a word whose stem is two letters.
SELECT n, entity, type, pos, len
  FROM (VALUES (1, 'وقالت الممثلة العليا كايا كالاس إن القرار نهائي. وأضافت كالاس أن الاتحاد مستعد.'),
               (2, 'وقالت مصادر إن دوريات توغلت في قرى بريف القنيطرة الجنوبي، في خرق للاتفاق.')) v(n, s),
       arabic_entities(s)
 ORDER BY n, pos;
