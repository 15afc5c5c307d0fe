/*
 * src/core/ar_hash.h
 *
 * The engine's two hash primitives: 64-bit FNV-1a (stems, features,
 * gazetteer keys, the model image checksum) and splitmix64's finalizer (to
 * spread combined hashes).  Fingerprints and the trained model store these
 * values, so changing either changes stored data.
 */
#ifndef AR_HASH_H
#define AR_HASH_H

#include <stddef.h>
#include <stdint.h>

#define AR_FNV_OFFSET	0xcbf29ce484222325ULL

/* One FNV-1a step: h after one more unit v (a byte or a code point). */
static inline uint64_t
ArFnvStep(uint64_t h, uint32_t v)
{
	return (h ^ v) * 0x100000001b3ULL;
}

/* 64-bit FNV-1a over bytes. */
static inline uint64_t
ArFnv64(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t	h = AR_FNV_OFFSET;

	for (size_t i = 0; i < len; i++)
		h = ArFnvStep(h, p[i]);
	return h;
}

/* splitmix64's finalizer. */
static inline uint64_t
ArMix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

#endif							/* AR_HASH_H */
