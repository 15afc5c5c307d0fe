/*
 * src/entities.c
 *
 * Entity extraction in SQL: arabic_entities() (the tagger of
 * src/core/ar_tag*.c plus the user gazetteer table arabic_gazetteer),
 * arabic_entity_model() (what the loaded model is), arabic_entity_key()
 * (the join key) and the trigger that
 * checks gazetteer rows.  The model file is read once per backend into
 * TopMemoryContext.  The user gazetteer is cached per backend too, and
 * read again only when it changed: a statement-level trigger rewrites the
 * one row of arabic_gazetteer_stamp on every change, and each statement
 * (per call site) compares that row's version, as its snapshot sees it,
 * with the cached one.  So rows added in one statement take effect in the
 * next, uncommitted rows only in their own transaction, and a call costs
 * the same with 0 or 200,000 gazetteer rows.
 */
#include "pg_arabic.h"

#include "ar_entity_key.h"
#include "ar_tagger.h"

#include <sys/stat.h>

#include "access/htup_details.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/acl.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(arabic_entities);
PG_FUNCTION_INFO_V1(arabic_entity_model);
PG_FUNCTION_INFO_V1(arabic_gazetteer_check);
PG_FUNCTION_INFO_V1(arabic_entity_key);
PG_FUNCTION_INFO_V1(arabic_gazetteer_changed);

#define MODEL_FILE "pg_arabic_ner.model"

/* ---------------------------------------------------------------------
 * The model: found in the extension's share folder, loaded once
 * ---------------------------------------------------------------------
 */

static ArModel *model;
static char *model_image;
static char model_path[MAXPGPATH];
static size_t model_size;

/*
 * The model file's path: SHAREDIR/extension/pg_arabic_ner.model, under
 * extension_destdir when that setting exists and the extension was
 * installed there (its control file is there: that is where the server
 * found the extension), so an error names the file this install lacks.
 */
static void
find_model(char *path)
{
	char		sharepath[MAXPGPATH];
	char		control[MAXPGPATH];
	const char *destdir = GetConfigOption("extension_destdir", true, false);
	struct stat st;

	get_share_path(my_exec_path, sharepath);
	if (destdir && destdir[0])
	{
		snprintf(control, MAXPGPATH, "%s%s/extension/pg_arabic.control", destdir, sharepath);
		snprintf(path, MAXPGPATH, "%s%s/extension/%s", destdir, sharepath, MODEL_FILE);
		if (stat(control, &st) == 0 || stat(path, &st) == 0)
			return;
	}
	snprintf(path, MAXPGPATH, "%s/extension/%s", sharepath, MODEL_FILE);
}

/*
 * load_model returns the backend's model, reading and checking the file the
 * first time.  A missing, unreadable or corrupted file is an error naming
 * it; nothing is cached then, so a repaired file is picked up by the next
 * call.
 */
static const ArModel *
load_model(void)
{
	char		path[MAXPGPATH];
	FILE	   *fp;
	struct stat st;
	char	   *image;
	const char *why;
	ArModel    *m;
	MemoryContext old;

	if (model)
		return model;
	find_model(path);
	fp = AllocateFile(path, PG_BINARY_R);
	if (fp == NULL)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open the pg_arabic entity model \"%s\": %m", path),
				 errhint("The model is installed with the extension; reinstall pg_arabic (make install) or check the file's permissions.")));
	if (fstat(fileno(fp), &st) != 0 || st.st_size <= 0 || (Size) st.st_size > MaxAllocSize)
	{
		FreeFile(fp);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("pg_arabic entity model \"%s\" is empty or too large", path),
				 errhint("Reinstall pg_arabic (make install) to restore the model file.")));
	}
	image = MemoryContextAlloc(TopMemoryContext, (Size) st.st_size);
	if (fread(image, 1, (size_t) st.st_size, fp) != (size_t) st.st_size)
	{
		int			save_errno = errno;

		FreeFile(fp);
		pfree(image);
		errno = save_errno;
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read the pg_arabic entity model \"%s\": %m", path)));
	}
	FreeFile(fp);
	old = MemoryContextSwitchTo(TopMemoryContext);
	why = ArModelOpen(image, (size_t) st.st_size, &m, ArPgEnv());
	MemoryContextSwitchTo(old);
	if (why)
	{
		pfree(image);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("pg_arabic entity model \"%s\" is invalid: %s", path, why),
				 errhint("Reinstall pg_arabic (make install) to restore the model file, or rebuild it with make model.")));
	}
	model_image = image;
	model_size = (size_t) st.st_size;
	strlcpy(model_path, path, sizeof(model_path));
	model = m;
	return model;
}

/* ---------------------------------------------------------------------
 * The user gazetteer: arabic_gazetteer(name, type, key)
 * ---------------------------------------------------------------------
 */

#define GAZ_IGNORE (-1)

/* Longest name or key a gazetteer row may have, in characters. */
#define GAZ_MAX_CHARS 256

typedef struct UserEntry
{
	uint64		key;			/* phrase key of the name: of its folded
								 * stems, or of its words' entity keys */
	int			type;			/* ArEntityType or GAZ_IGNORE */
	char	   *join_key;		/* key column, or arabic_entity_key(name) */
	int			nwords;
	int			ord;			/* load position, to break ties */
} UserEntry;

typedef struct UserGaz
{
	UserEntry  *e;				/* sorted by key, unique */
	int			n;
	int			maxwords;
} UserGaz;

static int
type_from_name(const char *s)
{
	if (strcmp(s, "IGNORE") == 0)
		return GAZ_IGNORE;
	for (int t = 0; t < AR_ENT_NTYPES; t++)
		if (strcmp(s, ArEntityTypeName((ArEntityType) t)) == 0)
			return t;
	return -2;
}

static int
cmp_entry(const void *a, const void *b)
{
	const UserEntry *x = a,
			   *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->ord - y->ord;
}

/* The entity key of name, palloc'd in the current context. */
static char *
entity_key_cstring(const char *name, size_t len)
{
	ArBuf		out = {0};
	ArStatus	rc = ArEntityKey(name, len, &out, ArPgEnv());

	if (rc == AR_OK)
		rc = ArBufAppend(&out, "", 1, ArPgEnv());
	if (rc != AR_OK)
		ArReportStatus(rc, "arabic_entity_key");
	return out.data;
}

/*
 * load_user_gazetteer reads the gazetteer table rel (arabic_gazetteer, or
 * on Citus this node's placement of it) that lives in the schema of the
 * calling function into a sorted array allocated in mcxt.  Rows whose
 * names fold to the same words: the first by name wins (deterministic).
 */
static UserGaz *
load_user_gazetteer(const char *nsp, const char *rel, MemoryContext mcxt)
{
	UserGaz    *g = MemoryContextAllocZero(mcxt, sizeof(UserGaz));
	char	   *sql;
	int			out = 0;

	sql = psprintf("SELECT name, type, key FROM %s.%s ORDER BY name COLLATE \"C\", type COLLATE \"C\"",
				   quote_identifier(nsp), quote_identifier(rel));
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "could not read %s.%s", nsp, rel);
	/* each row twice: by folded stems, and by spelling (entity key) */
	g->e = MemoryContextAlloc(mcxt, sizeof(UserEntry) * (2 * SPI_processed + 1));
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, td, 1);
		char	   *type = SPI_getvalue(tup, td, 2);
		char	   *key = SPI_getvalue(tup, td, 3);
		int			nw,
					nw2;
		uint64		pk,
					sk;
		MemoryContext old;

		if (name == NULL || type == NULL || type_from_name(type) == -2)
			continue;			/* the table's checks keep these out */
		pk = ArGazPhraseKey(name, strlen(name), &nw, ArPgEnv());
		if (nw == 0)
			continue;
		sk = ArGazSpellingPhraseKey(name, strlen(name), &nw2, ArPgEnv());
		old = MemoryContextSwitchTo(mcxt);
		g->e[g->n].key = pk;
		g->e[g->n].type = type_from_name(type);
		g->e[g->n].nwords = nw;
		g->e[g->n].join_key = key && key[0] ? pstrdup(key) : entity_key_cstring(name, strlen(name));
		g->e[g->n].ord = g->n;
		MemoryContextSwitchTo(old);
		g->n++;
		if (nw2 == nw)
		{
			g->e[g->n] = g->e[g->n - 1];
			g->e[g->n].key = sk;
			g->e[g->n].ord = g->n + (int) SPI_processed * 2;	/* after every exact key */
			g->n++;
		}
		if (nw > g->maxwords)
			g->maxwords = nw;
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	/*
	 * by key; of equal keys an exact (stem) key beats a spelling key, then
	 * the first loaded (smallest name) wins
	 */
	qsort(g->e, g->n, sizeof(UserEntry), cmp_entry);
	for (int i = 0; i < g->n; i++)
		if (out == 0 || g->e[out - 1].key != g->e[i].key)
			g->e[out++] = g->e[i];
	g->n = out;
	return g;
}

static const UserEntry *
user_lookup(const UserGaz *g, uint64 key)
{
	int			lo = 0,
				hi = g->n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (g->e[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo < g->n && g->e[lo].key == key) ? &g->e[lo] : NULL;
}

/*
 * The backend's cached gazetteer: which table it was read from and the
 * version of arabic_gazetteer_stamp it was read at.  The version is the
 * stamp row's counter and xmin: the counter grows with each committed
 * change, and the xmin tells apart the states of transactions (and
 * subtransactions) that changed the table and rolled back, so a version
 * never names two different contents.
 *
 * On Citus the gazetteer is a reference table (arabic_gazetteer_distribute()):
 * every node holds a placement, arabic_gazetteer_<shard id>, changed with the
 * others in one distributed transaction, and its statement trigger bumps
 * the node's own (not distributed) stamp.  Each node reads its placement
 * directly: reading the distributed table from a shard's query would be a
 * distributed query inside one, which Citus refuses.
 */
static struct
{
	Oid			relid;			/* arabic_gazetteer_stamp's OID */
	TransactionId xmin;
	int64		counter;
	int64		shardid;		/* Citus: the placement read; else 0 */
	MemoryContext cxt;			/* holds g; a child of TopMemoryContext */
	UserGaz    *g;
}			gaz_cache;

/* The error for a stamp table that lost its one row (a hand-made DELETE). */
static void
pg_attribute_noreturn()
stamp_row_missing(const char *nsp)
{
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("%s.arabic_gazetteer_stamp must hold exactly one row", nsp),
			 errhint("The table belongs to pg_arabic; recreate its row with INSERT INTO %s.arabic_gazetteer_stamp VALUES (0).",
					 quote_identifier(nsp))));
}

/*
 * current_gazetteer returns the user gazetteer of the extension's schema
 * (that of the function fn_oid) as the current snapshot sees it: the cached
 * copy when the stamp's version is the cached one, else a fresh read that
 * replaces the cache.  A copy being replaced is only freed here, between
 * calls, so no call still holds it.  In a database with Citus, the
 * gazetteer must be a reference table with a placement on this node (or
 * the shards would tag with other names than the coordinator): an error
 * says how to get there.
 */
static const UserGaz *
current_gazetteer(Oid fn_oid)
{
	char	   *nsp = get_namespace_name(get_func_namespace(fn_oid));
	bool		citus = OidIsValid(get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE));
	char	   *sql;
	Oid			relid;
	TransactionId xmin;
	int64		counter;
	int64		shardid = 0;
	char		placement[NAMEDATALEN];
	bool		isnull;
	MemoryContext cxt;

	if (!citus)
		sql = psprintf("SELECT tableoid, xmin, n FROM %s.arabic_gazetteer_stamp",
					   quote_identifier(nsp));
	else
		sql = psprintf("SELECT s.tableoid, s.xmin, s.n, r.shardid,"
					   " pg_catalog.to_regclass(%s || '.' || pg_catalog.quote_ident('arabic_gazetteer_' || r.shardid)) IS NOT NULL"
					   " FROM %s.arabic_gazetteer_stamp s LEFT JOIN"
					   " (SELECT d.shardid FROM pg_catalog.pg_dist_partition p"
					   "  JOIN pg_catalog.pg_dist_shard d ON d.logicalrelid = p.logicalrelid"
					   "  WHERE p.logicalrelid = pg_catalog.to_regclass(%s) AND p.partmethod = 'n') r ON true",
					   quote_literal_cstr(quote_identifier(nsp)), quote_identifier(nsp),
					   quote_literal_cstr(psprintf("%s.arabic_gazetteer", quote_identifier(nsp))));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(sql, true, 0) != SPI_OK_SELECT || SPI_processed != 1)
		stamp_row_missing(nsp);
	relid = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	xmin = DatumGetTransactionId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	counter = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	if (citus)
	{
		shardid = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull));
		if (isnull)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("arabic_gazetteer is not a Citus reference table"),
					 errdetail("In a database with Citus, the shards would tag with another gazetteer than the one you see."),
					 errhint("Run SELECT %s.arabic_gazetteer_distribute(); once, on the coordinator.",
							 quote_identifier(nsp))));
		if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 5, &isnull)))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("this node holds no copy of the reference table arabic_gazetteer"),
					 errhint("On the coordinator, run SELECT replicate_reference_tables(); (and make sure the coordinator is a node: SELECT citus_set_coordinator_host(...)).")));
	}
	if (gaz_cache.g != NULL && gaz_cache.relid == relid &&
		gaz_cache.xmin == xmin && gaz_cache.counter == counter &&
		gaz_cache.shardid == shardid)
	{
		SPI_finish();
		return gaz_cache.g;
	}
	if (citus)
		snprintf(placement, sizeof(placement), "arabic_gazetteer_" INT64_FORMAT, shardid);
	else
		strlcpy(placement, "arabic_gazetteer", sizeof(placement));
	cxt = AllocSetContextCreate(TopMemoryContext, "pg_arabic user gazetteer",
								ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		UserGaz    *g = load_user_gazetteer(nsp, placement, cxt);

		if (gaz_cache.cxt != NULL)
			MemoryContextDelete(gaz_cache.cxt);
		gaz_cache.cxt = cxt;
		gaz_cache.g = g;
		gaz_cache.relid = relid;
		gaz_cache.xmin = xmin;
		gaz_cache.counter = counter;
		gaz_cache.shardid = shardid;
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	SPI_finish();
	return gaz_cache.g;
}

/* ---------------------------------------------------------------------
 * arabic_entities(input text)
 * ---------------------------------------------------------------------
 */

typedef struct Found
{
	ArMention	m;
	const UserEntry *user;		/* from the user gazetteer, or NULL */
} Found;

typedef struct FoundList
{
	Found	   *f;
	int			n;
	int			cap;
} FoundList;

static void
found_push(FoundList *l, const ArMention *m, const UserEntry *user)
{
	if (l->n == l->cap)
	{
		l->cap = l->cap ? l->cap * 2 : 16;
		l->f = l->f ? repalloc_huge(l->f, sizeof(Found) * l->cap)
			: palloc(sizeof(Found) * l->cap);
	}
	l->f[l->n].m = *m;
	l->f[l->n].user = user;
	l->n++;
}

static ArStatus
collect_mention(void *arg, const ArMention *m)
{
	found_push((FoundList *) arg, m, NULL);
	return AR_OK;
}

/*
 * The matching keys of the words a user name starting at word i may cover
 * (i .. i + AR_GAZ_MAXWORDS - 1), computed once each as the scan moves
 * right: a window of KEY_WINDOW words instead of five arrays over the text.
 */
#define KEY_WINDOW 8			/* a power of two above AR_GAZ_MAXWORDS */

typedef struct WordKeys
{
	uint64		stem;
	uint64		bare;
	uint64		spell;
	uint64		spell_bare;
	size_t		skip;
} WordKeys;

typedef struct KeyWindow
{
	WordKeys	k[KEY_WINDOW];
	int			done;			/* words 0 .. done-1 have been computed */
	ArBuf		scratch[2];
} KeyWindow;

/* The keys of word j (j >= the caller's i, j < i + AR_GAZ_MAXWORDS). */
static const WordKeys *
word_keys(KeyWindow *kw, const char *text, const ArTagWords *ws, int j)
{
	StaticAssertStmt(KEY_WINDOW > AR_GAZ_MAXWORDS, "key window too small");
	while (kw->done <= j)
	{
		WordKeys   *k = &kw->k[kw->done % KEY_WINDOW];
		ArStatus	rc;

		if ((kw->done & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		ArWordKeys(text, &ws->w[kw->done], &k->stem, &k->bare, &k->skip);
		rc = ArWordSpellingKeys(text, &ws->w[kw->done], k->bare != 0, &k->spell,
								&k->spell_bare, kw->scratch, ArPgEnv());
		if (rc != AR_OK)
			ArReportStatus(rc, "arabic_entities");
		kw->done++;
	}
	return &kw->k[j % KEY_WINDOW];
}

/*
 * apply_user_gazetteer finds the user's names in the words (longest first,
 * left to right, no overlaps) and merges them with the tagger's mentions:
 * a listed name replaces every tagger mention it overlaps, and an IGNORE
 * entry removes them.  Returns the merged list in text order.
 */
static FoundList
apply_user_gazetteer(const UserGaz *g, const char *text, const ArTagWords *ws,
					 FoundList *tagged)
{
	FoundList	user = {0},
				out = {0};
	KeyWindow	kw = {0};
	int			k = 0;

	for (int i = 0; i < ws->n;)
	{
		const UserEntry *best = NULL;
		int			bestlen = 0;
		int			bestbare = 0;

		/*
		 * the words as folded stems, then as spelling keys (ألكسندر
		 * لافرنتيف matches الكساندر لافرينتييف); each with the first word
		 * as it is, or without a ب ل ك; the longest match wins, exact first
		 */
		const WordKeys *wi = word_keys(&kw, text, ws, i);

		for (int variant = 0; variant < 4; variant++)
		{
			uint64		first = variant == 0 ? wi->stem : variant == 1 ? wi->bare
				: variant == 2 ? wi->spell : wi->spell_bare;
			uint64		h;

			if (first == 0)
				continue;
			h = 0;
			for (int L = 1; L <= g->maxwords && i + L <= ws->n; L++)
			{
				const UserEntry *e;
				const WordKeys *wl;

				if (L > 1 && ws->w[i + L - 1].sent_start)
					break;
				wl = word_keys(&kw, text, ws, i + L - 1);
				h = ArGazStep(h, L == 1 ? first : variant < 2 ? wl->stem : wl->spell);
				e = user_lookup(g, h);
				if (e && L > bestlen)
				{
					best = e;
					bestlen = L;
					bestbare = variant & 1;
				}
			}
		}
		if (best)
		{
			ArMention	m;

			m.type = best->type == GAZ_IGNORE ? AR_ENT_MISC : (ArEntityType) best->type;
			m.first = i;
			m.nwords = bestlen;
			m.start = ws->w[i].start;
			m.end = ws->w[i + bestlen - 1].start + ws->w[i + bestlen - 1].len;
			ArMentionResolve(ArModelGaz(model), text, ws, &m, 0);
			if (bestbare)
				m.first_off += wi->skip;
			found_push(&user, &m, best);
			i += bestlen;
		}
		else
			i++;
	}
	/* merge: tagger mentions overlapping a user match are dropped */
	for (int i = 0; i < tagged->n; i++)
	{
		const ArMention *t = &tagged->f[i].m;
		bool		overlap = false;

		while (k < user.n && user.f[k].m.first + user.f[k].m.nwords <= t->first)
		{
			if (user.f[k].user->type != GAZ_IGNORE)
				found_push(&out, &user.f[k].m, user.f[k].user);
			k++;
		}
		for (int j = k; j < user.n && user.f[j].m.first < t->first + t->nwords; j++)
			if (user.f[j].m.first + user.f[j].m.nwords > t->first)
				overlap = true;
		if (!overlap)
			found_push(&out, t, NULL);
	}
	for (; k < user.n; k++)
		if (user.f[k].user->type != GAZ_IGNORE)
			found_push(&out, &user.f[k].m, user.f[k].user);
	ArBufFree(&kw.scratch[0], ArPgEnv());
	ArBufFree(&kw.scratch[1], ArPgEnv());
	return out;
}

/* Characters in s[0..n-1] (valid UTF-8: count the non-continuation bytes). */
static int64
count_chars(const char *s, size_t n)
{
	int64		c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char) s[i] & 0xC0) != 0x80;
	return c;
}

/*
 * Writes the result rows of arabic_entities(), mention by mention, left to
 * right: the tagger's mentions go straight to the tuplestore (which spills
 * to disk past work_mem), so memory stays at the word list whatever the
 * number of mentions.
 */
typedef struct Emitter
{
	ReturnSetInfo *rsinfo;
	const char *s;
	const ArTagWords *ws;
	int64		chars;			/* characters before s[counted] */
	size_t		counted;
	int			rows;
} Emitter;

static void
emit_row(Emitter *e, const ArMention *m, const UserEntry *user)
{
	ArBuf		clean = {0};
	Datum		values[5];
	bool		nulls[5] = {false};
	ArStatus	rc;

	if ((e->rows++ & 255) == 0)
		CHECK_FOR_INTERRUPTS();
	rc = ArMentionClean(e->s, e->ws, m, &clean, ArPgEnv());
	if (rc != AR_OK)
		ArReportStatus(rc, "arabic_entities");
	e->chars += count_chars(e->s + e->counted, m->start - e->counted);
	e->counted = m->start;
	values[0] = PointerGetDatum(cstring_to_text_with_len(clean.data ? clean.data : "", (int) clean.len));
	values[1] = CStringGetTextDatum(ArEntityTypeName(m->type));
	values[2] = Int32GetDatum((int32) (e->chars + 1));
	values[3] = Int32GetDatum((int32) count_chars(e->s + m->start, m->end - m->start));
	if (user)
		values[4] = CStringGetTextDatum(user->join_key);
	else
	{
		ArBuf		key = {0};

		rc = ArEntityKey(clean.data ? clean.data : "", clean.len, &key, ArPgEnv());
		if (rc != AR_OK)
			ArReportStatus(rc, "arabic_entity_key");
		values[4] = PointerGetDatum(cstring_to_text_with_len(key.data ? key.data : "", (int) key.len));
		ArBufFree(&key, ArPgEnv());
	}
	tuplestore_putvalues(e->rsinfo->setResult, e->rsinfo->setDesc, values, nulls);
	ArBufFree(&clean, ArPgEnv());
	for (int i = 0; i < 5; i++)
		if (i != 2 && i != 3)
			pfree(DatumGetPointer(values[i]));
}

static ArStatus
emit_mention(void *arg, const ArMention *m)
{
	emit_row((Emitter *) arg, m, NULL);
	return AR_OK;
}

/* The error for a failed ArExtract: the word list's limit, or the status. */
static void
report_extract_error(ArStatus rc, size_t len)
{
	if (rc == AR_ERR_TOO_LARGE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("arabic_entities: the text has too many words for one call"),
				 errdetail("The text has %zu bytes; its word list (%d bytes a word) may not exceed 1 GB, about %zu words.",
						   len, (int) sizeof(ArTagWord), (size_t) (MaxAllocSize / sizeof(ArTagWord))),
				 errhint("Split the text, for example with arabic_paragraphs(), and call arabic_entities() on each part.")));
	ArReportStatus(rc, "arabic_entities");
}

/*
 * extract_entities: the body of arabic_entities() (user true: with the
 * user gazetteer) and arabic_builtin_entities() (user false: the model and
 * its built-in gazetteers only, IMMUTABLE in SQL).
 */
static Datum
extract_entities(FunctionCallInfo fcinfo, bool user)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	const ArModel *m;
	static const UserGaz no_user_gazetteer = {0};
	const UserGaz *ug = &no_user_gazetteer;
	ArTagWords	ws = {0};
	Emitter		em = {0};
	ArStatus	rc;

	ArRequireUtf8();
	InitMaterializedSRF(fcinfo, 0);
	m = load_model();
	/*
	 * the user gazetteer: checked once per call site and statement; between
	 * two calls only current_gazetteer replaces the cache, so take it anew
	 */
	if (user && fcinfo->flinfo->fn_extra == NULL)
	{
		(void) current_gazetteer(fcinfo->flinfo->fn_oid);
		fcinfo->flinfo->fn_extra = &gaz_cache;
	}
	if (user)
		ug = gaz_cache.g;
	if (len == 0)
		PG_RETURN_NULL();

	em.rsinfo = rsinfo;
	em.s = s;
	em.ws = &ws;
	if (ug->n == 0)
	{
		/* no user names to merge: each mention is written as it comes */
		rc = ArExtract(m, s, len, &ws, emit_mention, &em, ArPgEnv());
		if (rc != AR_OK)
			report_extract_error(rc, len);
	}
	else
	{
		FoundList	tagged = {0},
					found;

		rc = ArExtract(m, s, len, &ws, collect_mention, &tagged, ArPgEnv());
		if (rc != AR_OK)
			report_extract_error(rc, len);
		found = apply_user_gazetteer(ug, s, &ws, &tagged);
		for (int i = 0; i < found.n; i++)
			emit_row(&em, &found.f[i].m, found.f[i].user);
	}
	ArTagWordsFree(&ws, ArPgEnv());
	PG_RETURN_NULL();
}

Datum
arabic_entities(PG_FUNCTION_ARGS)
{
	return extract_entities(fcinfo, true);
}

PG_FUNCTION_INFO_V1(arabic_builtin_entities);
Datum
arabic_builtin_entities(PG_FUNCTION_ARGS)
{
	return extract_entities(fcinfo, false);
}

/*
 * arabic_entity_model(): where the loaded model file is and what it holds,
 * for troubleshooting (loads it if this backend has not yet).  The full
 * path tells where the server's files are: only roles allowed to read
 * server files (superusers, pg_read_server_files) see it, others the file
 * name alone.
 */
Datum
arabic_entity_model(PG_FUNCTION_ARGS)
{
	TupleDesc	td;
	Datum		values[4];
	bool		nulls[4] = {false};
	const ArModel *m = load_model();

	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	if (has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		values[0] = CStringGetTextDatum(model_path);
	else
		values[0] = CStringGetTextDatum(MODEL_FILE);
	values[1] = Int64GetDatum((int64) model_size);
	values[2] = Int32GetDatum(ArModelFeatureCount(m));
	values[3] = Int32GetDatum(ArModelGaz(m)->n);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(td), values, nulls)));
}

/* ---------------------------------------------------------------------
 * arabic_gazetteer_check(): BEFORE INSERT OR UPDATE on arabic_gazetteer
 * ---------------------------------------------------------------------
 */
Datum
arabic_gazetteer_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	HeapTuple	tup;
	TupleDesc	desc;
	char	   *name,
			   *type,
			   *key;
	int			nw;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("arabic_gazetteer_check() must be called as a BEFORE ROW trigger")));
	ArRequireUtf8();
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	desc = td->tg_relation->rd_att;
	name = SPI_getvalue(tup, desc, SPI_fnumber(desc, "name"));
	type = SPI_getvalue(tup, desc, SPI_fnumber(desc, "type"));
	if (type != NULL && type_from_name(type) == -2)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("unknown entity type \"%s\" for gazetteer name \"%s\"", type, name ? name : ""),
				 errhint("Use PERSON, LOCATION, ORGANIZATION or MISC to tag the name, or IGNORE to stop it being tagged.")));
	key = SPI_getvalue(tup, desc, SPI_fnumber(desc, "key"));
	if (name != NULL && pg_mbstrlen(name) > GAZ_MAX_CHARS)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("gazetteer name of %d characters is too long", pg_mbstrlen(name)),
				 errdetail("A name may have at most %d characters (and %d words).", GAZ_MAX_CHARS, AR_GAZ_MAXWORDS),
				 errhint("A name is matched word by word; give each spelling of a longer name as its own row with a shared key.")));
	if (key != NULL && pg_mbstrlen(key) > GAZ_MAX_CHARS)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("gazetteer key of %d characters is too long", pg_mbstrlen(key)),
				 errdetail("A key may have at most %d characters; arabic_entities() returns it with every mention.", GAZ_MAX_CHARS),
				 errhint("Use a short identifier (for example a Wikidata id or your table's primary key) and keep longer data in a table joined on it.")));
	if (name != NULL)
	{
		(void) ArGazPhraseKey(name, strlen(name), &nw, ArPgEnv());
		if (nw == 0)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("gazetteer name \"%s\" must have between 1 and %d words", name, AR_GAZ_MAXWORDS),
					 errhint("A name is matched word by word; give each spelling of a longer name as its own row with a shared key.")));
	}
	return PointerGetDatum(tup);
}

/*
 * arabic_entity_key(name text) RETURNS text: the join key of a name (the
 * rule is in src/core/ar_entity_key.h).  IMMUTABLE: it depends only on the
 * name and on tables compiled into the extension.
 */
Datum
arabic_entity_key(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ArBuf		out = {0};
	ArStatus	rc;
	text	   *res;

	ArRequireUtf8();
	rc = ArBufReserve(&out, VARHDRSZ + VARSIZE_ANY_EXHDR(in), ArPgEnv());
	if (rc == AR_OK)
	{
		out.len = VARHDRSZ;
		rc = ArEntityKey(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), &out, ArPgEnv());
	}
	if (rc != AR_OK)
		ArReportStatus(rc, "arabic_entity_key");
	res = (text *) out.data;
	SET_VARSIZE(res, out.len);
	PG_RETURN_TEXT_P(res);
}

/*
 * arabic_gazetteer_changed(): AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
 * ... FOR EACH STATEMENT on arabic_gazetteer.  Rewrites the one row of
 * arabic_gazetteer_stamp (in the trigger function's own schema, the
 * extension's) so that every backend's cached gazetteer is read again by
 * the next statement whose snapshot sees the change.  SECURITY DEFINER in
 * SQL: a role allowed to change the gazetteer need not be allowed to write
 * the stamp.
 */
Datum
arabic_gazetteer_changed(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	const char *relname;
	char	   *nsp;
	char	   *sql;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("arabic_gazetteer_changed() must be called as an AFTER STATEMENT trigger")));
	/*
	 * only on the gazetteer (or, on Citus, a placement of it, named
	 * arabic_gazetteer_<shard id>): other tables must not force reloads
	 */
	relname = RelationGetRelationName(td->tg_relation);
	if ((strcmp(relname, "arabic_gazetteer") != 0 &&
		 !(strncmp(relname, "arabic_gazetteer_", 17) == 0 && relname[17] != '\0' &&
		   strspn(relname + 17, "0123456789") == strlen(relname + 17))) ||
		RelationGetNamespace(td->tg_relation) != get_func_namespace(fcinfo->flinfo->fn_oid))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("arabic_gazetteer_changed() is a trigger of pg_arabic's own arabic_gazetteer table only"),
				 errhint("Drop the trigger on table \"%s\".", RelationGetRelationName(td->tg_relation))));
	nsp = get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid));
	sql = psprintf("UPDATE %s.arabic_gazetteer_stamp SET n = n OPERATOR(pg_catalog.+) 1",
				   quote_identifier(nsp));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(sql, false, 0) != SPI_OK_UPDATE || SPI_processed != 1)
		stamp_row_missing(nsp);
	SPI_finish();
	ArGazetteerChanged();
	return PointerGetDatum(NULL);
}
