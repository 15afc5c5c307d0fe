/*
 * src/core/ar_stem.h
 *
 * Full-text search support: the word scanner of the arabic_search parser,
 * the light stemmer and stop list of the arabic_light dictionary, and
 * ArLexemes, which turns one token as written into its lexemes.  Every
 * lexeme is a function of the token's search-profile normalization alone,
 * so spellings that the search profile folds give the same lexemes.
 */
#ifndef AR_STEM_H
#define AR_STEM_H

#include "ar_env.h"

/* What kind of word ArNextWord found (the parser's token types). */
typedef enum ArWordKind
{
	AR_WORD_ARABIC = 1,			/* has an Arabic letter */
	AR_WORD_OTHER = 2,			/* letters of other scripts only */
	AR_WORD_NUMBER = 3			/* digits (and marks) only */
} ArWordKind;

/*
 * ArNextWord finds the first word that starts at or after byte from in
 * text[0..len-1].  A word is what ArTokenize calls a word (a run of word
 * characters that does not start with a mark, tatweel or joiner), except
 * that invisible format characters (ArIsIgnorable) standing between two
 * word characters belong to it, because the search profile removes them.
 * Returns the kind and sets *start and *end (byte offsets), or returns 0
 * when no word is left.  env's interrupt callback runs every
 * AR_INTERRUPT_STRIDE bytes.
 */
extern int	ArNextWord(const char *text, size_t len, size_t from,
					   size_t *start, size_t *end, const ArEnv *env);

/* True when the search-normalized word[0..len-1] is on the stop list. */
extern bool ArIsStopWord(const char *word, size_t len);

/*
 * ArStemWord writes the lexeme of one search-normalized word (a word of
 * ArTokenize over search-normalized text) into out, which has room for at
 * least len bytes (a lexeme is never longer than its word), and returns its
 * length.  Proclitics and the article go as ArSegmentWord splits them
 * (after the alef fold), then the light stemmer removes suffixes; words
 * with letters of other scripts or digits are kept whole.
 */
extern size_t ArStemWord(const char *word, size_t len, char *out);

/*
 * Called once per word of a token: its lexeme (lex[0..len-1], valid only
 * during the call) and whether the word is a stop word.
 */
typedef ArStatus (*ArLexemeFn) (void *arg, const char *lex, size_t len,
								bool stop);

/*
 * ArLexemes normalizes token[0..len-1] with the search profile and calls fn
 * for each word of the result, left to right.  Usually one word; a ligature
 * that stands for several words (U+FDFA) gives several.  Time and memory
 * are linear in len.
 */
extern ArStatus ArLexemes(const char *token, size_t len, ArLexemeFn fn,
						  void *arg, const ArEnv *env);

#endif							/* AR_STEM_H */
