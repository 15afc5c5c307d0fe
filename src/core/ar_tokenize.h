/*
 * src/core/ar_tokenize.h
 *
 * The tokenizer: words are maximal runs of word characters (ArIsWordChar),
 * and an Arabic word is split into its proclitics, its article and its stem
 * by a light rule set (see ArSegmentWord).  The near-duplicate and entity
 * capabilities build on the same two functions.
 */
#ifndef AR_TOKENIZE_H
#define AR_TOKENIZE_H

#include "ar_env.h"
#include "ar_unicode.h"

/*
 * True when the code point c (decoded; U+FFFD for an invalid byte) belongs
 * to a word, given whether a word is already open: a word character
 * (ArIsWordChar), except that joiners, tatweel and marks do not start a
 * word.  The one rule of ArTokenize and of the full-text parser's scanner.
 */
static inline bool
ArInWord(uint32_t c, bool in_word)
{
	if (c == AR_REPLACEMENT || !ArIsWordChar(c))
		return false;
	return in_word || !(c == 0x200C || c == 0x200D || c == AR_TATWEEL ||
						ArIsDiacritic(c));
}

/*
 * Called once per word with its byte offset and length in the text.  A
 * non-AR_OK return stops the scan and is passed back to the caller.
 */
typedef ArStatus (*ArWordFn) (void *arg, const char *text, size_t start,
							  size_t len);

/*
 * ArTokenize calls fn for each word of text[0..len-1], left to right.
 * Invalid UTF-8 bytes separate words.  env's interrupt callback runs every
 * AR_INTERRUPT_STRIDE bytes.
 */
extern ArStatus ArTokenize(const char *text, size_t len, ArWordFn fn,
						   void *arg, const ArEnv *env);

/*
 * A word longer than this many bytes is not segmented (it stays whole) and
 * the tagger reads only its first AR_SEG_MAX_BYTES: no real word comes
 * near, and it bounds the work spent on one word however long it is.
 */
#define AR_SEG_MAX_BYTES 4096

/* How one word splits; offsets are bytes from the start of the word. */
typedef struct ArWordSeg
{
	int			nclitics;		/* proclitics before the article: 0, 1 or 2 */
	size_t		clitic_end[2];	/* where proclitic i ends */
	int			article;		/* 1: the word carries the article ال */
	int			article_contracted; /* 1: ل + ال written لل */
	size_t		article_start;	/* where the article (or its lam) starts */
	size_t		stem_start;		/* where the stem starts */
} ArWordSeg;

/*
 * ArSegmentWord splits word[0..len-1] (one token from ArTokenize) into
 * proclitics, article and stem:
 *   - the conjunctions و and ف when at least three letters follow and the
 *     word is not one whose first letter is part of the stem (وزير, فرنسا,
 *     فبراير: a hand list merged with one derived from corpus counts);
 *   - nothing more in a name listed as written whole (كاليفورنيا);
 *   - then ب, ك or ل directly followed by the article;
 *   - the article ال (bare alef or alef wasla, not أل/إل) when at least two
 *     letters follow and the word is not a listed exception (الذي, الله);
 *   - ل + ال contracted to لل (للسفارة: ل + ال + سفارة).
 * Diacritics and tatweel stay with the letter before them.  Words with
 * letters of other scripts, and words over AR_SEG_MAX_BYTES, are not split.
 */
extern void ArSegmentWord(const char *word, size_t len, ArWordSeg *seg);

#endif							/* AR_TOKENIZE_H */
