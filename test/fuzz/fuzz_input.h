/*
 * test/fuzz/fuzz_input.h
 *
 * How the two-text fuzz targets read their input: split at the first 0xFF
 * byte into a and b (a byte that never occurs in UTF-8); without one, b is
 * a.  Included once by each target.
 */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

#include <stddef.h>
#include <string.h>

typedef struct FuzzTexts
{
	const char *a;
	size_t		alen;
	const char *b;
	size_t		blen;
} FuzzTexts;

static inline FuzzTexts
fuzz_split(const unsigned char *data, size_t size)
{
	const unsigned char *sep = memchr(data, 0xFF, size);
	FuzzTexts	t;

	t.a = (const char *) data;
	t.alen = sep ? (size_t) (sep - data) : size;
	t.b = sep ? (const char *) sep + 1 : t.a;
	t.blen = sep ? size - t.alen - 1 : size;
	return t;
}

#endif							/* FUZZ_INPUT_H */
