/*
 * src/core/ar_tagger.h
 *
 * The named-entity tagger: a linear-chain model (structured averaged
 * perceptron, Viterbi decoding over BIO tags) over the words of the
 * foundation's tokenizer, with hashed features (folded word and stem,
 * neighbours, affixes, clitics, shape, punctuation around the word, and
 * membership in the gazetteer and word clusters carried by the model
 * file).  The model is a
 * byte image written by src/model/train.c; ArModelOpen checks it and builds
 * a lookup index, after which it is read-only and may be shared.
 */
#ifndef AR_TAGGER_H
#define AR_TAGGER_H

#include "ar_env.h"
#include "ar_hash.h"

typedef enum ArEntityType
{
	AR_ENT_PERSON = 0,
	AR_ENT_LOCATION,
	AR_ENT_ORGANIZATION,
	AR_ENT_MISC,
	AR_ENT_NTYPES
} ArEntityType;

/* Tags: 0 = O, 1 + 2*type = B-type, 2 + 2*type = I-type. */
#define AR_NTAGS (1 + 2 * AR_ENT_NTYPES)

/* May tag b follow tag a (a = -1: sentence start)?  I-X only after B-X/I-X. */
extern int	ArTagAllowed(int a, int b);

/* "PERSON", "LOCATION", "ORGANIZATION", "MISC". */
extern const char *ArEntityTypeName(ArEntityType t);

/* Gazetteer classes (bits of an entry's mask); names as in gazetteer.tsv. */
#define AR_GAZ_LOC		0x0001
#define AR_GAZ_PERS		0x0002
#define AR_GAZ_ORG		0x0004
#define AR_GAZ_MISC		0x0008
#define AR_GAZ_FIRST	0x0010
#define AR_GAZ_LAST		0x0020
#define AR_GAZ_TITLE	0x0040
#define AR_GAZ_ORG_HEAD 0x0080
#define AR_GAZ_LOC_CUE	0x0100
#define AR_GAZ_NISBA	0x0200	/* nationality adjectives (التركية) */
#define AR_GAZ_PNAME	0x0400	/* person-name tokens (Wikidata) */
#define AR_GAZ_NCLASSES 11		/* the classes above, which are features */
#define AR_GAZ_CHAIN_HEAD 0x4000	/* opens an organization chain like
									 * ORG_HEAD, but is no feature
									 * (CHAIN_HEAD in gazetteer files) */
#define AR_GAZ_SURE		0x8000	/* a name that is always tagged with its
								 * class (below) */
#define AR_GAZ_CONTEXT	0x1000	/* a name that is also an adjective or
								 * very frequent: tagged by context
								 * (ArTagApplyContext) */
#define AR_GAZ_CONTEXT_DEF 0x2000	/* ... written with the article (only
									 * the form with it counts) */
#define AR_GAZ_MAXWORDS 6		/* longer gazetteer phrases are not matched */

/* The class bit for a gazetteer.tsv type name, or 0. */
extern uint16_t ArGazClass(const char *name, size_t len);

/*
 * One word of a text: its byte span (8 bytes a word, so the word list of a
 * text of one-letter words is under 3 times its size; texts are limited to
 * AR_TAG_MAX_TEXT bytes).  How it segments is computed again where needed.
 */
typedef struct ArTagWord
{
	uint32_t	start;			/* byte offset in the text */
	uint32_t	len:31;			/* bytes */
	uint32_t	sent_start:1;	/* first word of a sentence segment */
} ArTagWord;

/* The longest text ArTagSplit and ArExtract take (1 GiB - 1, as PostgreSQL). */
#define AR_TAG_MAX_TEXT ((size_t) 0x3FFFFFFF)

/* The words of a text, grown through env. */
typedef struct ArTagWords
{
	ArTagWord  *w;
	int			n;
	int			cap;
} ArTagWords;

/*
 * ArTagSplit fills words with the words of text[0..len-1] and marks
 * sentence starts (after . ! ? ؟ or a line break between two words, and
 * every AR_TAG_MAX_SENT words).  Frees nothing; call ArTagWordsFree.
 * AR_ERR_TOO_LARGE when len passes AR_TAG_MAX_TEXT or the list would pass
 * env->max_size.
 */
#define AR_TAG_MAX_SENT 200
extern ArStatus ArTagSplit(const char *text, size_t len, ArTagWords *words,
						   const ArEnv *env);
extern void ArTagWordsFree(ArTagWords *words, const ArEnv *env);

/* A sorted set of gazetteer phrases (hashes of their folded stems). */
typedef struct ArGaz
{
	const uint64_t *key;		/* ascending */
	const uint16_t *mask;
	int			n;
} ArGaz;

/*
 * ArGazPhraseKey computes the key of a gazetteer name (its words' folded
 * stems, hashed in order) and its number of words (0 if none or more than
 * AR_GAZ_MAXWORDS).
 */
extern uint64_t ArGazPhraseKey(const char *name, size_t len, int *nwords,
							   const ArEnv *env);

/*
 * Word clusters (src/model/clusters.tsv, made by src/model/clusters.c from
 * unlabelled text): the class of a word's folded stem (the stem key of
 * ArWordKeys) at AR_CLUSTER_LEVELS granularities, coarse to fine.
 */
#define AR_CLUSTER_LEVELS 3
typedef struct ArClusters
{
	const uint64_t *key;		/* ascending */
	const uint16_t *id;			/* key[i]'s classes: id[i * AR_CLUSTER_LEVELS ..] */
	int			n;
	const uint32_t *bucket;		/* NULL, or where the keys of each top
								 * AR_CLUSTER_BUCKET_BITS bits start (and
								 * bucket[1 << bits] = n): ArModelOpen's */
} ArClusters;

#define AR_CLUSTER_BUCKET_BITS 12

/* The AR_CLUSTER_LEVELS classes of stem key, or NULL (cl may be NULL). */
extern const uint16_t *ArClusterLookup(const ArClusters *cl, uint64_t key);

/*
 * Document memory: what the first stage found in the whole text, by word
 * stem (bit 2*type: began a mention of that type; bit 2*type+1: continued
 * one).  The second stage reads it as features, so that a name tagged once
 * with its title helps tag it where it stands alone.
 */
typedef struct ArDocMem
{
	uint64_t   *key;			/* 0: empty slot */
	uint8_t    *bits;
	uint32_t	cap;			/* power of two, or 0 */
	uint32_t	n;
} ArDocMem;

extern ArStatus ArDocMemAdd(ArDocMem *d, uint64_t stem, uint8_t bits,
							const ArEnv *env);
extern uint8_t ArDocMemGet(const ArDocMem *d, uint64_t stem);
extern void ArDocMemReset(ArDocMem *d);
extern void ArDocMemFree(ArDocMem *d, const ArEnv *env);

/*
 * ArDocMemLearn adds what tags[0..b-a-1] (a decoded segment of words->w[a..b-1])
 * say to the memory.
 */
extern ArStatus ArDocMemLearn(ArDocMem *d, const char *text,
							  const ArTagWords *words, int a, int b,
							  const uint8_t *tags, const ArEnv *env);

/* Feature hashes of one sentence segment, for decoding or training. */
typedef struct ArTagFeats
{
	uint64_t   *f;				/* all features, word after word */
	int		   *off;			/* word i's features: f[off[i] .. off[i+1]) */
	int			n;				/* words */
	size_t		fcap;
	int			ocap;
	uint8_t		sure_len[AR_TAG_MAX_SENT];	/* longest AR_GAZ_SURE phrase
											 * starting at word i (0: none) */
	uint16_t	sure_mask[AR_TAG_MAX_SENT]; /* ... and its classes */
	uint16_t	word_mask[AR_TAG_MAX_SENT]; /* gazetteer classes of word i
											 * alone (or without ب ل ك) */
	uint32_t	skel[AR_TAG_MAX_SENT];	/* its spelling skeleton
										 * (ArDocNamesLearn) */
	uint8_t		org_len[AR_TAG_MAX_SENT];	/* words of the organization
											 * chain that head word i opens
											 * (head to its last nisba; 0:
											 * none), for ArTagApplyOrgChains */
	uint64_t	stem[AR_TAG_MAX_SENT];	/* folded stem of word i (as
										 * WordInfo), for ArTagApplyEvents */
	uint64_t	bare[AR_TAG_MAX_SENT];	/* ... without ب ل ك (WordInfo's
										 * bare; 0: none) */
} ArTagFeats;

/*
 * ArTagFeaturize computes the features of words->w[a..b-1] of
 * text[0..len-1] (one sentence segment, at most AR_TAG_MAX_SENT words) into
 * out, replacing its contents.  cl (may be NULL) adds the word-cluster
 * features; doc (NULL for the first stage) adds the document-memory
 * features of the second stage.
 */
extern ArStatus ArTagFeaturize(const ArGaz *gaz, const ArClusters *cl,
							   const ArDocMem *doc,
							   const char *text, size_t len,
							   const ArTagWords *words, int a, int b,
							   ArTagFeats *out, const ArEnv *env);
extern void ArTagFeatsFree(ArTagFeats *feats, const ArEnv *env);

/* A loaded model (opaque). */
typedef struct ArModel ArModel;

/*
 * ArModelOpen checks the model image[0..len-1] (magic, version, sizes,
 * checksum) and builds its lookup index.  The image must outlive the model.
 * Returns NULL and sets *model, or a static message saying what is wrong.
 */
extern const char *ArModelOpen(const void *image, size_t len, ArModel **model,
							   const ArEnv *env);
extern void ArModelFree(ArModel *model, const ArEnv *env);

/* The model's gazetteer, its word clusters and its feature count. */
extern const ArGaz *ArModelGaz(const ArModel *model);
extern const ArClusters *ArModelClusters(const ArModel *model);
extern int	ArModelFeatureCount(const ArModel *model);

/*
 * ArTagDecode writes the best tag sequence for feats into tags[0..n-1]
 * (Viterbi under the BIO constraints) with the weights of stage 0 (first
 * pass, no document memory) or 1 (second pass).
 */
extern ArStatus ArTagDecode(const ArModel *model, int stage,
							const ArTagFeats *feats, uint8_t *tags,
							const ArEnv *env);

/*
 * ArViterbi writes the best tag sequence of n words (1..AR_TAG_MAX_SENT)
 * into tags[0..n-1]: em[i * AR_NTAGS + t] scores tag t at word i,
 * trans[(s + 1) * AR_NTAGS + t] scores tag t after tag s (row 0: at the
 * sentence start), and only sequences ArTagAllowed permits count; ties go
 * to the lower tag; other n leave tags alone.  The decoder above and the
 * trainer share it.
 */
extern void ArViterbi(int n, const double *em, const double *trans,
					  uint8_t *tags);

/* One extracted mention. */
typedef struct ArMention
{
	ArEntityType type;
	int			first;			/* index of its first word */
	int			nwords;
	size_t		start;			/* bytes of the mention as written */
	size_t		end;
	size_t		first_off;		/* where the cleaned form starts in the first
								 * word (bytes from its start) */
	int			restore;		/* the first word needs ال before it (لل) */
} ArMention;

typedef ArStatus (*ArMentionFn) (void *arg, const ArMention *m);

/*
 * ArExtract splits text[0..len-1] into words (into the caller's words, freed
 * with ArTagWordsFree), tags them in two passes (the second one reading the
 * document memory the first one filled) and calls fn for each mention, left
 * to right.  After the second pass come the sure names (ArTagApplySure)
 * and the context rules (ArTagApplyContext) of each segment, then the
 * document step (ArDocNamesLearn over the whole text, ArDocNamesApply).  A
 * person mention loses leading title words (gazetteer class TITLE); a
 * mention's first word loses a ب ل ك proclitic when the rest is a
 * gazetteer name (لموسكو -> موسكو).  Time is linear in len; memory is the
 * word list, five bytes a word (tags and spelling skeletons), the document
 * memories (a few words a mention) and one sentence segment; env's interrupt callback runs
 * every sentence segment.
 */
/*
 * ArTagApplySure rewrites tags[0..feats->n-1], the decoded tags of the
 * segment feats was computed for, so that every gazetteer name carrying
 * AR_GAZ_SURE (one word or more; longest first, left to right) is one mention of its class (ORG, MISC,
 * LOC, PERS: the first it has), unless a mention the tagger found crosses
 * the phrase's edges: an organization, event or place that contains it stays
 * as it is; a person's name does not contain one, so a crossing person
 * mention is dropped.
 */
extern void ArTagApplySure(const ArGaz *gaz, const ArTagFeats *feats,
						   uint8_t *tags);

/*
 * ArTagApplyContext rewrites tags[0..b-a-1], the decoded tags of the
 * segment words->w[a..b-1] whose features are feats (after
 * ArTagApplySure and ArTagApplyOrgChains), by context: (1) in a
 * sentence with more Latin-script words than Arabic ones (English), a
 * mention of Latin words only goes; (2) two person mentions with only a
 * space between them, or a bare title word (حسين أمير عبد اللهيان), become
 * one; (3) a person's name loses a last word that has a preposition before
 * the article (بالاتفاق); (4) a person's name of two words or more after a
 * title or a nisba adjective (الرئيس الصيني شي جين بينغ) takes the bare
 * word before it, unless the name starts with a listed given name or that
 * word is a listed particle, a gazetteer place, title or organization, or
 * ends in a pronoun suffix; (5) a word of class AR_GAZ_CONTEXT (not inside
 * a longer mention) is a mention of its type unless it carries the article
 * right after a word with the article (an adjective: الحكومة السورية,
 * القوات السعودية) or carries it while the name does not (AR_GAZ_CONTEXT_DEF
 * unset: السورية), where a mention of it alone goes.
 */
extern void ArTagApplyContext(const ArTagFeats *feats, const char *text,
							  const ArTagWords *words, int a, int b,
							  uint8_t *tags);

/*
 * Names across a document.  ArDocNamesLearn adds the mentions of
 * tags[0..b-a-1] (final tags of words->w[a..b-1], whose spelling skeletons
 * are skel[0..b-a-1]: ArTagFeats.skel or ArTagSkeletons) to d: every name of two
 * to AR_GAZ_MAXWORDS words by the spelling skeletons of its words (as
 * arabic_entity_key() compares them) with its type, and of a person's
 * name the first word, the last word (the family name; not after عبد,
 * أبو, بن ...) or the one word.  ArDocNamesApply then tags, in untagged
 * words of words->w[a..b-1], each whole name of d in any spelling (of one
 * type only; it may take in a shorter mention of the tagger: جين بينغ in
 * شي جين بينغ), and each word that is a person's one-word name or family
 * name in d (with the word before it when that is the first word of a
 * person's name in d or a listed given name or person-name token,
 * AR_GAZ_FIRST or AR_GAZ_PNAME):
 * سيرجي لافروف after سيرغي لافروف, لافروف alone after both; but not a
 * word that was left untagged more than twice as often as it was tagged as
 * a person, plus two (d counts every word's occurrences, up to 64: a
 * common word the tagger once took for a name stays untagged).  A mention
 * the tagger found takes the type its words (by spelling) have most often
 * in d, when that is another one (ties keep the tagger's).
 */
extern ArStatus ArDocNamesLearn(ArDocMem *d, const ArGaz *gaz,
								const char *text, const ArTagWords *words,
								int a, int b, const uint32_t *skel,
								const uint8_t *tags, const ArEnv *env);
extern void ArDocNamesApply(const ArDocMem *d, const ArGaz *gaz,
							const char *text, const ArTagWords *words,
							int a, int b, const uint32_t *skel,
							uint8_t *tags);

/* The spelling skeletons of words->w[a..b-1] into skel[0..b-a-1]. */
extern void ArTagSkeletons(const char *text, const ArTagWords *words, int a,
						   int b, uint32_t *skel);

/*
 * ArTagApplyOrgChains rewrites tags[0..feats->n-1] (after ArTagApplySure)
 * so that an organization chain feats->org_len marks, a head noun with the
 * words after it up to a nationality adjective (وزارة الخارجية التركية,
 * الجيش اللبناني), is one ORGANIZATION mention, with what the tagger found
 * inside it (a place, a shorter organization); a mention the tagger found
 * that runs into the chain from outside makes the chain longer when it is
 * an organization and leaves it alone otherwise.
 */
extern void ArTagApplyOrgChains(const ArTagFeats *feats, uint8_t *tags);

/*
 * ArTagApplyKindWords rewrites tags[0..b-a-1] of segment [a, b) (after
 * ArTagApplyContext): an organization or other name of two words or more
 * whose first word is a kind word (وكالة، صحيفة، قناة، حركة، شركة، بطولة،
 * قمة ...) before a name that stands alone, quoted or listed in gaz with the
 * same type, loses that word (وكالة «تاس» is تاس; وكالة الأنباء السعودية
 * keeps it), as the gold guideline and ANERcorp annotate.  keys: room for
 * AR_TAG_NKIND phrase keys, all 0 the first time (computed then, through
 * env, and reused by later calls).
 */
#define AR_TAG_NKIND 10
extern void ArTagApplyKindWords(const ArGaz *gaz, uint64_t *keys,
								const char *text, const ArTagWords *ws,
								int a, int b, uint8_t *tags, const ArEnv *env);

/* --- organization names (src/core/ar_tag_orgs.c) --- */
/*
 * ArTagApplyOrgNames rewrites tags[0..b-a-1] of segment [a, b) whose
 * features are feats (after ArTagApplyContext): (1) a department with the
 * article before a feminine nationality adjective is its ministry
 * (الخارجية الأمريكية; not after a title, a head noun or a word with the
 * article: وزير الخارجية الأمريكي, السياسة الخارجية الأمريكية); (2) a head
 * noun, a department without the article and what it belongs to is one
 * organization (وزارة خارجية روسيا; وزير خارجية روسيا stays a title and a
 * place); (3) a party or force named by a noun and an adjective with the
 * article (حزب الشعب الجمهوري, قوات الدعم السريع), a party also by one
 * noun (حزب النهضة); (4) an organization
 * takes the nationality adjectives after it (الهلال الأحمر العربي
 * السوري), and a head noun before a known organization or with adjectives
 * takes a ل tail or في and a place (منظمة الأمم المتحدة للطفولة,
 * المجموعة الاقتصادية لدول غرب أفريقيا, قوة الأمم المتحدة المؤقتة في
 * لبنان); (5) a mention in quotes or parentheses, or an untagged word in
 * parentheses, right after an organization is its acronym, an
 * organization (يونيفيل, قسد); (6) a head noun
 * and a chamber named by its members right after a title is no
 * organization (رئيس مجلس النواب); (7) the agency of a dateline, after the
 * place that starts the text or a line, in parentheses before a dash or
 * between a dash and a colon, is an organization (أنقرة (الأناضول) –,
 * القاهرة – أ ش أ:); (8) a head noun with the article and an adjective
 * of reach alone is a back-reference, no mention (المنظمة الدولية; not a
 * sure name of the gazetteer: البنك الدولي).  With AR_RULES_NO_ORG_CHAINS
 * (ANERcorp's convention) only (5), (6) and (7) run.
 */
extern void ArTagApplyOrgNames(const ArTagFeats *feats, const char *text,
							   const ArTagWords *ws, int a, int b,
							   uint8_t *tags, int flags);

/*
 * Acronyms across a document (src/core/ar_tag_orgs_marks.c).
 * ArDocOrgAcronymsLearn adds
 * to d each one-word organization of tags[0..b-a-1] (final tags of
 * words->w[a..b-1], spelling skeletons skel[0..b-a-1]) that stands in
 * parentheses or quotes right after an organization: its acronym (قوات
 * سوريا الديمقراطية (قسد)).  ArDocOrgAcronymsApply then makes each
 * untagged word or one-word mention of words->w[a..b-1] with such a
 * skeleton an organization (بيان «قسد», قائد قسد).
 */
extern ArStatus ArDocOrgAcronymsLearn(ArDocMem *d, const char *text,
									  const ArTagWords *ws, int a, int b,
									  const uint32_t *skel, const uint8_t *tags,
									  const ArEnv *env);
extern void ArDocOrgAcronymsApply(const ArDocMem *d, const ArTagWords *ws,
								  int a, int b, const uint32_t *skel,
								  uint8_t *tags);
/* --- end of organization names --- */

/*
 * Events (src/core/ar_tag_events.c).  ArTagApplyEvents rewrites
 * tags[0..b-a-1] of segment [a, b) (after ArTagApplyContext) so that a head
 * noun without the article, also after ب ل ك (اتفاق، اتفاقية، معاهدة،
 * بروتوكول، تفاهمات، انتفاضة، مبادرة، صيغة، مسار، خطة، قانون، مؤتمر، منتدى،
 * مهرجان، جائزة، كأس، حرب، عيد، رؤية، أجندة، كوب، إكسبو) and the name the
 * tagger found right after it (a place, a person, a MISC name, by head), a
 * holiday word (عيد الفطر), a month (حرب أكتوبر), a number (رؤية 2030، كوب
 * ٢٧) or a noun with a nationality or bloc adjective (مبادرة السلام
 * العربية), then a number that belongs to the name, an ordinal (حرب الخليج
 * الثانية), الكبرى after جائزة, up to two adjectives after مهرجان and منتدى,
 * or one word with لل (اتفاق باريس للمناخ), make one MISC mention with what
 * is inside it (flat); a MISC mention the tagger began on such a head gets
 * the same; a quoted name after a head stands alone (معاهدة «ستارت
 * الجديدة» is ستارت الجديدة).  A head before a common word only, before two
 * names joined by و (اتفاق روسيا وتركيا) or before a name and an adjective
 * (اتفاق إيران النووي) stays as the tagger left it.
 */
extern void ArTagApplyEvents(const ArTagFeats *feats, const char *text,
							 const ArTagWords *ws, int a, int b,
							 uint8_t *tags);

/*
 * Is stem (a word's folded stem, as ArTagFeats.stem) one of the head nouns
 * of ArTagApplyEvents?  A MISC mention that starts with one loses a و
 * before it (وعيد الأضحى is عيد الأضحى; ArMentionResolve).
 */
extern int	ArTagIsEventHead(uint64_t stem);

/* ---- persons: the edges of person and place names (ar_tag_persons.c) ---- */
/*
 * ArTagApplyPersons rewrites tags[0..b-a-1] of segment [a, b) (after
 * ArTagApplyContext), whose features are feats:
 * (0) a one-word person mention with the article that is the dual or
 * plural of a gazetteer title (الوزيران، الرئيسين) is no person;
 * (1) a place mention that runs on past a listed place (a sure name, or a
 * gazetteer place of two words or more) into a word without the article
 * becomes two places (بيونغ يانغ سيول, نيويورك ولاس فيغاس; not before
 * سيتي, بيتش ...), or a place and a person when the rest is a person's
 * name that starts with a given name (as in (2), or FIRST, PNAME);
 * (2) a given name whose first letters read as the article (الكساندر,
 * اليزابيث: a short list; or, after a title with the article only, a word
 * whose whole folded form is a FIRST or PNAME entry, as ألكسندر folds;
 * never الآن, الين ...) ends a place mention after a listed place and
 * starts a person's name (سورية الكساندر لافرينتييف), and so does such a
 * word left untagged before a person's name or a word that may be a name
 * part, or after a title with the article (الملكة اليزابيث);
 * (3) a person's name loses title words at its start; (4) takes in the
 * particles of a foreign name, as written (فون، فان، دي، دا، دو، دير،
 * ديل، دوس، ديلا، لو; لا after another one) and the word after them
 * (أورسولا فون دير لاين); (5) of two words or more, takes in the word
 * after a final joiner (آل خليفة), unless it ends in the pronoun ه (ابن
 * أخيه); (6) loses a final verb of a short list, in any imperfect person,
 * with or without سـ (عباس سيلقي, محمد بن سلمان يلتقي);
 * (7) splits before a word with و that has the article or is a listed
 * given name (الحسن والحسين, خالد وفهد), leaving a nationality adjective
 * out (مودي والباكستاني نواز شريف);
 * (8, before 3-7) tags as one person's name the words between a title
 * phrase (a gazetteer title or a listed role word: مسؤولة، ممثلة، مفوضة،
 * قيادي، رجل الأعمال، العماد; then words with the article, mentions other
 * than persons, إلى في لدى عن من and nouns in construct, up to eight words:
 * وزير الدفاع، المبعوث الخاص إلى سوريا، رئيس وفد المعارضة) and the end of
 * a clause (punctuation, إن/أن, a particle, a listed verb, a word with و;
 * or, when the tagger found part of the name, a word with the article),
 * when one of them is a gazetteer name (FIRST, LAST, PERS, PNAME) or a
 * mention of the tagger: a person's (جوزاف → جوزاف عون،), or of another
 * type on words no list knows, in a name of two words or alone before
 * إن (دوبرافكا شويتسا read as a place); no word before that word but غير
 * (غير بيدرسن) and one after it (two after a joiner: مرهف أبو قصرة; after
 * a mention of the tagger no word with the article or in ة), the last one
 * may have the article (هادي البحرة, not in ية or ات) or كال (كايا كالاس);
 * after-words do not start with و ب ل ك or end in ا or ى; غير and بين, which need a
 * complement, are part of a name before another word of it or before the
 * end of the clause (وانغ ون بين إن); words that are common (على, verbs
 * in يـ/تـ, pronoun suffixes, tanween) are not.  With no word any list or
 * the tagger knows: two words before إن/أن (not in ة, not like a verb:
 * القائد العام لـ«قسد» مظلوم عبدي إن), or one word right after a
 * gazetteer title with the article before a comma or a full stop
 * (الرئيس ماكرون،).
 */
extern void ArTagApplyPersons(const ArGaz *gaz, const ArTagFeats *feats,
							  const char *text, const ArTagWords *ws, int a,
							  int b, uint8_t *tags);

/* ---- end persons ---- */

/* ---- places: place names (ar_tag_places.c) ---- */
/*
 * ArTagApplyKindPlaces rewrites tags[0..b-a-1] of
 * segment [a, b) after ArTagApplyPersons: a place's kind word without the
 * article (ريف، بلدة، مدينة، قرية، محافظة، معبر، مخيم، ناحية and their
 * plurals and duals; with ب ل ك: بريف) is outside the place's name.  A
 * place mention that starts with it loses it (ريف حلب is حلب); an
 * untagged word after it that may be a name (no common word, no
 * adjective in ي or ية, no title or nisba class) becomes a place, with a
 * second word that has the article when the first has none (معبر باب
 * الهوى، معبر المصنع, and the kind word alone tagged as a place loses its
 * tag); after a plural or dual kind word the words with و that follow are
 * places too (بلدات معرة النعمان وسراقب وأريحا).
 */
extern void ArTagApplyKindPlaces(const ArTagFeats *feats, const char *text,
								 const ArTagWords *ws, int a, int b,
								 uint8_t *tags);
/*
 * ArTagApplyPlaces (after ArTagApplyKindPlaces) rewrites tags[0..b-a-1] of
 * segment [a, b): a head noun of a place's name without the article (خان،
 * معرة، جسر، دير، عين، رأس، تل، كفر، بيت، جبل، وادي، سد ...) and the word
 * after it are one place (خان شيخون، معرة النعمان، جسر الشغور) where the
 * tagger read them as a person, tagged the second word alone as a person
 * or a place, or left both
 * out and they are a gazetteer place or follow a mention with و; in each case
 * only in the context of a place: a preposition of place, a kind word or a
 * region noun before (في، قرب، ريف، مدينة), ب on the head, or a list of
 * places joined by و around it.  An untagged word between the kind word of
 * a site (قاعدة، مطار، ميناء، مرفأ، معسكر) and an adjective with the
 * article that closes its name (الجوية، العسكري، البحرية، الدولي) is a place
 * (قاعدة حميميم الجوية).  A direction adjective with the article at
 * the end of a place after a region noun (ريف حلب الشرقي, أحياء حلب
 * الشرقية) leaves the place, and the bank of a river (الضفة الغربية لنهر
 * الفرات, الضفة الشرقية للنهر) is no place.  ArTagIsPlaceHead: is stem one of the head
 * nouns (a و before it goes: ودير الزور is دير الزور; ArMentionResolve)?
 */
extern void ArTagApplyPlaces(const ArGaz *gaz, const ArTagFeats *feats,
							 const char *text, const ArTagWords *ws, int a,
							 int b, uint8_t *tags);
extern int	ArTagIsPlaceHead(uint64_t stem);

/*
 * ArTagPlaceHeadConj: the bytes of a و on word w that the segmenter keeps
 * on a head noun of two letters (وتل أبيض, وتل أبيب: تل), or 0; at the
 * start of a place of two words or more that و goes (ArMentionResolve).
 */
extern size_t ArTagPlaceHeadConj(const char *text, const ArTagWord *w);
/* ---- end places ---- */

/*
 * ArTagApplyRules runs the rules after the second pass over the decoded
 * tags[0..b-a-1] of segment [a, b) whose features are feats, in their order:
 * ArTagApplySure, ArTagApplyOrgChains (unless flags has
 * AR_RULES_NO_ORG_CHAINS: ANERcorp's convention, for the trainer's report),
 * ArTagApplyContext, ArTagApplyPersons, ArTagApplyEvents (unless flags has
 * AR_RULES_NO_EVENTS), ArTagApplyOrgNames (flags as there),
 * ArTagApplyKindWords (kind_keys as there).  The
 * extension and the trainer's scorer both call it, so that what is scored is
 * what the extension returns.
 */
#define AR_RULES_NO_ORG_CHAINS 0x01
#define AR_RULES_NO_EVENTS 0x02	/* no ArTagApplyEvents (ANERcorp's
								 * convention too: اتفاقية مدريد is O LOC) */
extern void ArTagApplyRules(const ArGaz *gaz, uint64_t *kind_keys,
							const ArTagFeats *feats, const char *text,
							const ArTagWords *ws, int a, int b, uint8_t *tags,
							int flags, const ArEnv *env);

extern ArStatus ArExtract(const ArModel *model, const char *text, size_t len,
						  ArTagWords *words, ArMentionFn fn, void *arg,
						  const ArEnv *env);

/*
 * ArMentionResolve sets m->first_off and m->restore: where the cleaned form
 * of the mention's first word starts.  The article stays, ال comes back
 * after لل, a preposition before the article goes.  A و directly before
 * the stem goes unless the whole word is a gazetteer name, or the rest is
 * not one and has fewer than four letters (وانغ stays whole, وبوتين loses
 * its و); a ف goes only when the rest is a gazetteer name (فولوديمير).  With use_bare, a ب ل ك directly before a
 * gazetteer name goes too (بموسكو -> موسكو).
 */
extern void ArMentionResolve(const ArGaz *gaz, const char *text,
							 const ArTagWords *words, ArMention *m,
							 int use_bare);

/*
 * ArMentionClean appends the cleaned form of mention m to out: its first
 * word from m->first_off (after ال when m->restore), the other words whole,
 * diacritics, tatweel and invisible characters dropped, one space between
 * words.
 */
extern ArStatus ArMentionClean(const char *text, const ArTagWords *words,
							   const ArMention *m, ArBuf *out,
							   const ArEnv *env);

/*
 * Gazetteer matching for callers with their own lists: the keys of word w
 * (its folded stem; and, when the stem starts with ب ل ك and no article,
 * the stem without that letter, else 0, with the bytes to skip), one step of
 * a phrase key (start with h = 0), and a lookup (class mask or 0).
 */
/*
 * Spelling-variant matching: ArWordSpellingKeys gives the hash of
 * ArEntityKey of word w's cleaned form (proclitics off, the article kept or
 * restored after لل) and, when has_bare (ArWordKeys gave a bare key: the
 * form starts with ب ل ك before four letters or more, no article), of the
 * form without that letter (else 0); scratch holds two buffers the caller
 * reuses and frees.  A form over AR_SEG_MAX_BYTES is keyed by its first
 * AR_SEG_MAX_BYTES (bounded work per word).
 * ArGazSpellingPhraseKey is the phrase key of a name over the same word
 * hashes (nwords 0: no word, or more than AR_GAZ_MAXWORDS), so that
 * الكساندر لافرينتييف matches ألكسندر لافرنتيف.  Combine word hashes with
 * ArGazStep as for ArWordKeys.
 */
extern ArStatus ArWordSpellingKeys(const char *text, const ArTagWord *w,
								   int has_bare, uint64_t *key,
								   uint64_t *bare, ArBuf scratch[2],
								   const ArEnv *env);
extern uint64_t ArGazSpellingPhraseKey(const char *name, size_t len,
									   int *nwords, const ArEnv *env);

extern void ArWordKeys(const char *text, const ArTagWord *w, uint64_t *stem,
					   uint64_t *bare, size_t *bare_skip);
extern uint64_t ArGazStep(uint64_t h, uint64_t stem);
extern uint16_t ArGazLookup(const ArGaz *gaz, uint64_t key);

/* Model image layout, shared with the trainer (little-endian). */
#define AR_MODEL_MAGIC "PGARNER1"
#define AR_MODEL_VERSION 4

#endif							/* AR_TAGGER_H */
