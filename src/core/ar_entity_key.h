/*
 * src/core/ar_entity_key.h
 *
 * The join key of a name: one key for the spelling variants of one name,
 * different keys for different names.  See ArEntityKey for the rule.
 */
#ifndef AR_ENTITY_KEY_H
#define AR_ENTITY_KEY_H

#include "ar_env.h"

/*
 * ArEntityKey appends the key of name in[0..len-1] to out (owned by the
 * caller, freed through env).  The rule, word by word:
 *   1. letters fold: diacritics, tatweel, joiners, invisible marks and ء go;
 *      أ إ آ ٱ -> ا, ى ی -> ي, ة -> ه, ؤ -> و, ئ -> ي, ک گ -> ك ج, ڤ -> ف,
 *      پ -> ب, چ -> ج, ژ -> ز; غ -> ج in words of five letters or more
 *      (سيرغي / سيرجي); digits become ASCII, Latin lower case;
 *   2. عبد and أبو join the word after them (عبد الله = عبدالله);
 *   3. a letter written twice or more in a row counts once;
 *   4. a word of four letters or more ending in يه or يا ends in ي
 *      (سورية / سوريا, سيرغيه / سيرغي);
 *   5. unless the word is a listed Arabic given or family name
 *      (src/core/ar_names.h: محمود, سعيد, ...), the vowel letters ا و ي
 *      between its first and its last letter are dropped (لافرنتيف /
 *      لافرينتييف -> لفرنتف, الكساندر / ألكسندر -> الكسندر).
 * Words are joined by one space; anything that is not a word character
 * separates words.  No word gives an empty key.  Linear in len; env's
 * interrupt callback runs every AR_INTERRUPT_STRIDE bytes.
 */
extern ArStatus ArEntityKey(const char *in, size_t len, ArBuf *out,
							const ArEnv *env);

#endif							/* AR_ENTITY_KEY_H */
