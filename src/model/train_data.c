/*
 * src/model/train_data.c
 *
 * The trainer's inputs (see train.h): the ANERcorp-style corpus and
 * WikiFANE, the gazetteer files, the word clusters.
 */
#include "train.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Reading the corpus                                                   */

static int
tag_of(const char *t)
{
	static const char *const names[] = {"PERS", "LOC", "ORG", "MISC"};

	if (strcmp(t, "O") == 0)
		return 0;
	if ((t[0] == 'B' || t[0] == 'I') && t[1] == '-')
		for (int k = 0; k < 4; k++)
			if (strcmp(t + 2, names[k]) == 0)
				return 1 + 2 * k + (t[0] == 'I');
	return -1;
}

/* Tokens of one sentence -> text, words and word-level gold tags. */
static void
finish_sentence(Sentence *s, char **tok, int *tags, int ntok)
{
	size_t		len = 0,
			   *tstart = xrealloc(NULL, sizeof(size_t) * (ntok + 1));
	ArStatus	rc;

	for (int i = 0; i < ntok; i++)
		len += strlen(tok[i]) + 1;
	s->text = xrealloc(NULL, len + 1);
	s->len = 0;
	for (int i = 0; i < ntok; i++)
	{
		size_t		n = strlen(tok[i]);

		if (i)
			s->text[s->len++] = ' ';
		tstart[i] = s->len;
		memcpy(s->text + s->len, tok[i], n);
		s->len += n;
	}
	tstart[ntok] = s->len + 1;
	s->text[s->len] = '\0';
	memset(&s->words, 0, sizeof(s->words));
	rc = ArTagSplit(s->text, s->len, &s->words, env);
	if (rc != AR_OK)
		die("cannot split a sentence: %s", ArStatusMessage(rc));
	s->gold = xrealloc(NULL, s->words.n + 1);
	for (int i = 0, t = 0; i < s->words.n; i++)
	{
		int			g;

		while (t + 1 < ntok && tstart[t + 1] <= s->words.w[i].start)
			t++;
		g = tags[t];
		/* a token split into several words: the later ones continue it */
		if (g && (g & 1) && i > 0 && s->words.w[i - 1].start >= tstart[t])
			g = g + 1;
		/* I-X after something else opens an entity; so does a segment start */
		if (g && !(g & 1) &&
			(i == 0 || s->words.w[i].sent_start ||
			 (s->gold[i - 1] != g && s->gold[i - 1] != g - 1)))
			g = g - 1;
		s->gold[i] = (uint8_t) g;
	}
	free(tstart);
}

/*
 * WikiFANE's fine classes -> our tags' types (0 PERS, 1 LOC, 2 ORG), or -1
 * for classes whose ANERcorp counterpart is unclear (facilities, groups of
 * people, products, vehicles, weapons...): sentences with those are skipped.
 */
static int
wikifane_type(const char *cls)
{
	static const char *const pers[] = {"Politician", "Religious_PER", "Artist", "Other_PER",
		"Scientist", "Athlete", "Businessperson", "Engineer", "Lawyer", "Police", NULL};
	static const char *const loc[] = {"Population-Center", "Nation", "Water-Body",
		"State-or-Province", "Continent", "Land-Region-Natural", "GPE-Cluster",
	"County-or-District", NULL};
	static const char *const org[] = {"Government", "Commercial", "Non-Governmental",
		"Educational", "Media", "Sports", "Religious_ORG", "Medical-Science", "Entertainment", NULL};
	const char *const *lists[3] = {pers, loc, org};

	for (int t = 0; t < 3; t++)
		for (int i = 0; lists[t][i]; i++)
			if (strcmp(cls, lists[t][i]) == 0)
				return t;
	return -1;
}

/* Removes U+FEFF and U+200E from s, in place. */
static void
strip_marks(char *s)
{
	char	   *o = s;

	for (char *p = s; *p;)
	{
		if ((unsigned char) p[0] == 0xEF && (unsigned char) p[1] == 0xBB && (unsigned char) p[2] == 0xBF)
			p += 3;
		else if ((unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80 && (unsigned char) p[2] == 0x8E)
			p += 3;
		else
			*o++ = *p++;
	}
	*o = '\0';
}

/*
 * A WikiFANE line "token<TAB>B-Class" -> token and our tag; -2 for a class
 * we do not map.  A lone و is glued to the next token, as ANERcorp writes it.
 */
static int
wikifane_tag(char *line, char **tok)
{
	char	   *tab = strchr(line, '\t');
	int			t;

	if (tab == NULL)
		return -3;
	*tab = '\0';
	strip_marks(line);
	*tok = line;
	if (strcmp(tab + 1, "O") == 0)
		return 0;
	if ((tab[1] != 'B' && tab[1] != 'I') || tab[2] != '-')
		return -3;
	if ((t = wikifane_type(tab + 3)) < 0)
		return -2;
	return 1 + 2 * t + (tab[1] == 'I');
}

Sentence *
read_corpus(const char *path, int *nsent, int wikifane)
{
	FILE	   *fp = fopen(path, "r");
	char		line[4096];
	char	  **tok = NULL;
	int		   *tags = NULL,
				ntok = 0,
				captok = 0,
				n = 0,
				cap = 0;
	Sentence   *ss = NULL;
	int			skip = 0,
				glue = 0;

	if (fp == NULL)
		die("cannot open %s", path);
	for (;;)
	{
		char	   *got = fgets(line, sizeof(line), fp);
		char	   *sp;
		size_t		l;
		int			tag_of_override;

		if (got)
		{
			l = strlen(line);
			while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
				line[--l] = '\0';
		}
		if (got == NULL || line[0] == '\0' || (wikifane && line[0] == '\t'))
		{
			if (ntok && !skip)
			{
				if (n == cap)
					ss = xrealloc(ss, sizeof(Sentence) * (cap = cap ? cap * 2 : 1024));
				finish_sentence(&ss[n++], tok, tags, ntok);
			}
			for (int i = 0; i < ntok; i++)
				free(tok[i]);
			ntok = 0;
			skip = glue = 0;
			if (got == NULL)
				break;
			continue;
		}
		if (wikifane)
		{
			char	   *word;
			int			t = wikifane_tag(line, &word);

			if (t == -3)
				die("bad WikiFANE line: %s", line);
			if (t == -2)
			{
				skip = 1;
				continue;
			}
			if (word[0] == '\0')
				continue;
			if (glue)
			{
				char	   *w = xrealloc(NULL, strlen(word) + 3);

				sprintf(w, "\xD9\x88%s", word);	/* و + word */
				free(tok[ntok - 1]);
				tok[ntok - 1] = w;
				tags[ntok - 1] = t;
				glue = 0;
				continue;
			}
			glue = strcmp(word, "\xD9\x88") == 0;
			memmove(line, word, strlen(word) + 1);
			sp = line + strlen(line);
			*sp = ' ';
			sp[1] = '\0';
			tag_of_override = t;
		}
		else
		{
			sp = strrchr(line, ' ');
			if (sp == NULL || tag_of(sp + 1) < 0)
				die("bad line (expected \"token TAG\"): %s", line);
			tag_of_override = tag_of(sp + 1);
		}
		*sp = '\0';
		if (ntok == captok)
		{
			captok = captok ? captok * 2 : 256;
			tok = xrealloc(tok, sizeof(char *) * captok);
			tags = xrealloc(tags, sizeof(int) * captok);
		}
		tok[ntok] = strdup(line);
		tags[ntok++] = tag_of_override;
	}
	fclose(fp);
	free(tok);
	free(tags);
	*nsent = n;
	return ss;
}

/* ------------------------------------------------------------------ */
/* Gazetteer                                                            */

static int
cmp_gaz(const void *a, const void *b)
{
	uint64_t	x = ((const GazEntry *) a)->key,
				y = ((const GazEntry *) b)->key;

	return x < y ? -1 : x > y;
}

static void
gaz_add(GazEntry **g, int *n, int *cap, const char *name, uint16_t cls)
{
	int			nw;
	uint64_t	key = ArGazPhraseKey(name, strlen(name), &nw, env);

	if (nw == 0)
		return;
	if (*n == *cap)
		*g = xrealloc(*g, sizeof(GazEntry) * (*cap = *cap ? *cap * 2 : 4096));
	(*g)[*n].key = key;
	(*g)[(*n)++].mask = cls;
}

/*
 * The names WikiFANE annotates (person, place and organization classes, as
 * wikifane_type maps them), added to the gazetteer as PERS, LOC and ORG.
 */
static void
read_wikifane_names(const char *path, GazEntry **g, int *n, int *cap)
{
	static const uint16_t cls[3] = {AR_GAZ_PERS, AR_GAZ_LOC, AR_GAZ_ORG};
	FILE	   *fp = fopen(path, "r");
	char		line[4096],
				name[4096];
	int			cur = -1,
				before = *n;

	if (fp == NULL)
		die("cannot open %s", path);
	name[0] = '\0';
	for (;;)
	{
		char	   *got = fgets(line, sizeof(line), fp);
		char	   *tab = NULL;
		size_t		l;
		int			t = -1,
					inside = 0;

		if (got)
		{
			l = strlen(line);
			while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
				line[--l] = '\0';
			tab = strchr(line, '\t');
		}
		if (tab && (tab[1] == 'B' || tab[1] == 'I') && tab[2] == '-')
		{
			t = wikifane_type(tab + 3);
			inside = tab[1] == 'I';
			*tab = '\0';
			strip_marks(line);
		}
		if (cur >= 0 && !(inside && t == cur))
		{
			gaz_add(g, n, cap, name, cls[cur]);
			cur = -1;
		}
		if (got == NULL)
			break;
		if (t >= 0 && !inside)
		{
			cur = t;
			snprintf(name, sizeof(name), "%s", line);
		}
		else if (t >= 0 && inside && cur == t && strlen(name) + strlen(line) + 2 < sizeof(name))
		{
			strcat(name, " ");
			strcat(name, line);
		}
	}
	fclose(fp);
	fprintf(stderr, "train: %d names from %s\n", *n - before, path);
}

GazEntry *
read_gazetteer(const char *const *paths, const int *sure, int npaths, const char *wikifane, int *ngaz)
{
	FILE	   *fp;
	char		line[4096];
	GazEntry   *g = NULL;
	int			n = 0,
				cap = 0,
				out = 0;

	*ngaz = 0;
	for (int p = 0; p < npaths; p++)
	{
		const char *path = paths[p];

		if ((fp = fopen(path, "r")) == NULL)
			die("cannot open %s", path);
		while (fgets(line, sizeof(line), fp))
		{
			size_t		l = strlen(line);
			char	   *tab;
			uint16_t	cls;

			while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
				line[--l] = '\0';
			if (line[0] == '#' || line[0] == '\0')
				continue;
			if ((tab = strchr(line, '\t')) == NULL ||
				(cls = ArGazClass(line, (size_t) (tab - line))) == 0)
				die("bad gazetteer line: %s", line);
			/* names of two words or more in a --sure-gazetteer file, and every
			 * name of a --sure-words file, are always tagged */
			if ((sure[p] == GAZ_SURE_ALL || (sure[p] == GAZ_SURE_PHRASES && strchr(tab + 1, ' '))) &&
				(cls & TYPE_CLASSES))
				cls |= AR_GAZ_SURE;
			if (sure[p] == GAZ_CONTEXT && (cls & TYPE_CLASSES))
				cls |= AR_GAZ_CONTEXT |
					(strncmp(tab + 1, "\xD8\xA7\xD9\x84", 4) == 0 ? AR_GAZ_CONTEXT_DEF : 0);
			gaz_add(&g, &n, &cap, tab + 1, cls);
		}
		fclose(fp);
	}
	if (wikifane)
		read_wikifane_names(wikifane, &g, &n, &cap);
	if (n == 0)
		return NULL;
	qsort(g, n, sizeof(GazEntry), cmp_gaz);
	for (int i = 0; i < n;)
	{
		uint16_t	all = 0,
					sure_names = 0;
		int			j = i;

		/* one entry per key; a sure name keeps only the types it is sure of */
		for (; j < n && g[j].key == g[i].key; j++)
		{
			all |= g[j].mask;
			if (g[j].mask & AR_GAZ_SURE)
				sure_names |= g[j].mask & TYPE_CLASSES;
		}
		g[out].key = g[i].key;
		g[out++].mask = sure_names ? (uint16_t) ((all & ~TYPE_CLASSES) | sure_names) : all;
		i = j;
	}
	*ngaz = out;
	return g;
}

/* ------------------------------------------------------------------ */
/* Word clusters                                                        */

typedef struct ClusterRow
{
	uint64_t	key;
	int			line;			/* equal keys: the first line wins */
	uint16_t	id[AR_CLUSTER_LEVELS];
} ClusterRow;

static int
cmp_cluster_row(const void *a, const void *b)
{
	const ClusterRow *x = a,
			   *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->line - y->line;
}

/*
 * Reads a table of src/model/clusters.c ("form<TAB>count<TAB>class..." after
 * a first comment line): each form's stem key (ArWordKeys) and its first
 * AR_CLUSTER_LEVELS classes, sorted by key; a key met twice keeps its first
 * line.
 */
ArClusters *
read_clusters(const char *path)
{
	FILE	   *fp = fopen(path, "r");
	char		line[4096];
	ClusterRow *r = NULL;
	int			n = 0,
				cap = 0,
				out = 0;
	ArClusters *cl = xrealloc(NULL, sizeof(ArClusters));
	ArTagWords	ws = {0};
	uint64_t   *keys;
	uint16_t   *ids;

	if (fp == NULL)
		die("cannot read %s", path);
	while (fgets(line, sizeof(line), fp))
	{
		char	   *tab = strchr(line, '\t'),
				   *p;
		uint64_t	bare;
		size_t		skip;

		if (line[0] == '#')
			continue;
		if (tab == NULL || ArTagSplit(line, (size_t) (tab - line), &ws, env) != AR_OK || ws.n != 1)
			die("bad word-cluster line: %s", line);
		if (n == cap)
			r = xrealloc(r, sizeof(ClusterRow) * (cap = cap ? cap * 2 : 65536));
		ArWordKeys(line, &ws.w[0], &r[n].key, &bare, &skip);
		r[n].line = n;
		p = tab + 1;
		(void) strtol(p, &p, 10); /* the count */
		for (int l = 0; l < AR_CLUSTER_LEVELS; l++)
		{
			char	   *q;
			long		c = strtol(p, &q, 10);

			if (q == p || c < 0 || c > 65534)
				die("bad word-cluster line (a count and AR_CLUSTER_LEVELS classes expected): %s", line);
			r[n].id[l] = (uint16_t) c;
			p = q;
		}
		n++;
	}
	fclose(fp);
	ArTagWordsFree(&ws, env);
	qsort(r, n, sizeof(ClusterRow), cmp_cluster_row);
	keys = xrealloc(NULL, sizeof(uint64_t) * (n + 1));
	ids = xrealloc(NULL, sizeof(uint16_t) * AR_CLUSTER_LEVELS * (n + 1));
	for (int i = 0; i < n; i++)
	{
		if (out > 0 && keys[out - 1] == r[i].key)
			continue;
		keys[out] = r[i].key;
		memcpy(ids + (size_t) out * AR_CLUSTER_LEVELS, r[i].id, sizeof(r[i].id));
		out++;
	}
	free(r);
	cl->key = keys;
	cl->id = ids;
	cl->n = out;
	cl->bucket = NULL;
	fprintf(stderr, "train: %d word clusters from %s\n", out, path);
	return cl;
}

