/*
 * src/model/train.h
 *
 * What the two files of the tagger's trainer share: src/model/train_data.c
 * reads the inputs (the ANERcorp-style corpus, the gazetteer files with the
 * names WikiFANE annotates, the word clusters), src/model/train.c trains,
 * writes the model image and scores it.
 */
#ifndef PG_ARABIC_TRAIN_H
#define PG_ARABIC_TRAIN_H

#include "ar_tagger.h"

#include <stddef.h>

/* the allocator the core code gets (malloc/realloc/free, no limit) */
extern const ArEnv *env;

/* prints "train: " fmt (with arg) and exits 1 */
extern void die(const char *fmt, const char *arg) __attribute__((noreturn));
extern void *xrealloc(void *p, size_t n);

typedef struct Sentence
{
	char	   *text;
	size_t		len;
	ArTagWords	words;
	uint8_t    *gold;			/* per word */
} Sentence;

/*
 * Reads ANERcorp-style "token TAG" lines (wikifane: WikiFANE's
 * "token<TAB>B-Class" lines, its classes mapped to ours) into sentences:
 * text, words as the extension splits them, and a gold tag per word.
 */
extern Sentence *read_corpus(const char *path, int *nsent, int wikifane);

typedef struct GazEntry
{
	uint64_t	key;
	uint16_t	mask;
} GazEntry;

#define MAX_GAZ_FILES 8

/* how a gazetteer file's names are used (the sure[] of read_gazetteer) */
#define GAZ_FEATURE 0			/* --gazetteer: features only */
#define GAZ_SURE_PHRASES 1		/* --sure-gazetteer: names of two words or
								 * more are always tagged */
#define GAZ_SURE_ALL 2			/* --sure-words: every name is always tagged */
#define GAZ_CONTEXT 3			/* --context-words: tagged by context */

/* the classes that are entity types */
#define TYPE_CLASSES (AR_GAZ_LOC | AR_GAZ_PERS | AR_GAZ_ORG | AR_GAZ_MISC)

/*
 * Reads the gazetteer files paths[0..npaths-1], each used as sure[] says,
 * plus the names WikiFANE annotates (wikifane, or NULL); returns the
 * entries sorted by key, one per key (masks merged), *ngaz of them.
 */
extern GazEntry *read_gazetteer(const char *const *paths, const int *sure,
								int npaths, const char *wikifane, int *ngaz);

/* Reads a word-cluster table written by src/model/clusters.c. */
extern ArClusters *read_clusters(const char *path);

#endif							/* PG_ARABIC_TRAIN_H */
