/*
 * src/trigger.c
 *
 * arabic_normalize_trigger(profile, column [, ...]): a BEFORE ... FOR EACH
 * ROW trigger on INSERT or UPDATE that normalizes text columns in place
 * ('body') or writes the normalized copy into another column
 * ('body:body_norm').  Every misuse is reported with the trigger, table and
 * argument it concerns.
 */
#include "pg_arabic.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

typedef struct ColumnPair
{
	int			src;			/* attribute numbers */
	int			dst;
} ColumnPair;

/* The attribute number of a text or varchar column called name, or an error. */
static int
text_column(Relation rel, TriggerData *td, const char *name, const char *arg)
{
	TupleDesc	desc = RelationGetDescr(rel);
	int			attnum = SPI_fnumber(desc, name);
	Form_pg_attribute att;
	Oid			base;

	if (attnum == SPI_ERROR_NOATTRIBUTE || attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						name, RelationGetRelationName(rel)),
				 errdetail("Argument \"%s\" of trigger \"%s\" names it.",
						   arg, td->tg_trigger->tgname),
				 errhint("Arguments after the profile are column names, or source:target pairs.")));
	att = TupleDescAttr(desc, attnum - 1);
	base = getBaseType(att->atttypid);
	if (base != TEXTOID && base != VARCHAROID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" of relation \"%s\" is of type %s, not text or varchar",
						name, RelationGetRelationName(rel),
						format_type_be(att->atttypid)),
				 errdetail("Trigger \"%s\" can only normalize text and varchar columns.",
						   td->tg_trigger->tgname)));
	return attnum;
}

/* Parses the column arguments; returns the number of pairs in *pairs. */
static int
parse_columns(Relation rel, TriggerData *td, ColumnPair **pairs)
{
	Trigger    *tg = td->tg_trigger;
	int			n = tg->tgnargs - 1;
	ColumnPair *p = palloc(sizeof(ColumnPair) * n);

	for (int i = 0; i < n; i++)
	{
		char	   *arg = tg->tgargs[i + 1];
		char	   *colon = strchr(arg, ':');
		TupleDesc	desc = RelationGetDescr(rel);

		if (colon)
		{
			char	   *src = pnstrdup(arg, colon - arg);

			p[i].src = text_column(rel, td, src, arg);
			p[i].dst = text_column(rel, td, colon + 1, arg);
		}
		else
			p[i].src = p[i].dst = text_column(rel, td, arg, arg);
		if (TupleDescAttr(desc, p[i].dst - 1)->attgenerated)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("column \"%s\" of relation \"%s\" is a generated column",
							NameStr(TupleDescAttr(desc, p[i].dst - 1)->attname),
							RelationGetRelationName(rel)),
					 errdetail("Trigger \"%s\" cannot write to it.", tg->tgname),
					 errhint("Drop the trigger argument, or compute the column with arabic_normalize() in its generation expression.")));
	}
	*pairs = p;
	return n;
}

/*
 * Errors out when the target column cannot hold value: a varchar(n) limit
 * (of the column or of the domain it is declared with) or a domain's CHECK
 * constraints.  A BEFORE trigger's values are not coerced again by the
 * executor, so the trigger checks them itself.
 */
static void
check_target(Relation rel, int attnum, text *value, FmgrInfo *flinfo)
{
	Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
	int32		typmod = att->atttypmod;
	Oid			base = getBaseTypeAndTypmod(att->atttypid, &typmod);
	int			chars;

	if (att->atttypmod >= 0)
		typmod = att->atttypmod;
	if (base == VARCHAROID && typmod >= (int32) VARHDRSZ)
	{
		chars = pg_mbstrlen_with_len(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
		if (chars > typmod - (int32) VARHDRSZ)
			ereport(ERROR,
					(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
					 errmsg("normalized value too long for column \"%s\" of relation \"%s\" (character varying(%d))",
							NameStr(att->attname), RelationGetRelationName(rel),
							typmod - (int32) VARHDRSZ),
					 errdetail("The normalized value has %d characters.", chars)));
	}
	if (base != att->atttypid)
		domain_check(PointerGetDatum(value), false, att->atttypid,
					 &flinfo->fn_extra, flinfo->fn_mcxt);
}

PG_FUNCTION_INFO_V1(arabic_normalize_trigger);
Datum
arabic_normalize_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	HeapTuple	tuple;
	const ArProfile *profile;
	ColumnPair *pairs;
	int			npairs;
	int		   *cols;
	Datum	   *values;
	bool	   *nulls;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("arabic_normalize_trigger() can only be called as a trigger"),
				 errhint("Use CREATE TRIGGER ... BEFORE INSERT OR UPDATE ... FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('search', 'column').")));
	rel = td->tg_relation;
	if (!TRIGGER_FIRED_BEFORE(td->tg_event) || !TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on relation \"%s\" must be BEFORE ... FOR EACH ROW",
						td->tg_trigger->tgname, RelationGetRelationName(rel)),
				 errhint("arabic_normalize_trigger() changes the row being written; recreate the trigger as BEFORE INSERT OR UPDATE ... FOR EACH ROW.")));
	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
		tuple = td->tg_trigtuple;
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		tuple = td->tg_newtuple;
	else
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on relation \"%s\" must fire on INSERT or UPDATE only",
						td->tg_trigger->tgname, RelationGetRelationName(rel)),
				 errhint("Recreate the trigger as BEFORE INSERT OR UPDATE.")));
	if (td->tg_trigger->tgnargs < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trigger \"%s\" on relation \"%s\" needs a profile and at least one column",
						td->tg_trigger->tgname, RelationGetRelationName(rel)),
				 errhint("For example EXECUTE FUNCTION arabic_normalize_trigger('search', 'title', 'body:body_norm').")));

	ArRequireUtf8();
	{
		char	   *name = td->tg_trigger->tgargs[0];

		profile = ArProfileLookup(name, strlen(name));
		if (profile == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown normalization profile \"%s\" in trigger \"%s\" on relation \"%s\"",
							name, td->tg_trigger->tgname, RelationGetRelationName(rel)),
					 errhint("The first trigger argument is the profile: one of %s.",
							 ArProfileNames())));
	}

	npairs = parse_columns(rel, td, &pairs);
	cols = palloc(sizeof(int) * npairs);
	values = palloc(sizeof(Datum) * npairs);
	nulls = palloc(sizeof(bool) * npairs);
	for (int i = 0; i < npairs; i++)
	{
		bool		isnull;
		Datum		d = heap_getattr(tuple, pairs[i].src, RelationGetDescr(rel), &isnull);

		cols[i] = pairs[i].dst;
		nulls[i] = isnull;
		values[i] = (Datum) 0;
		if (!isnull)
		{
			text	   *t = ArNormalizeText(DatumGetTextPP(d), profile->flags);

			check_target(rel, pairs[i].dst, t, fcinfo->flinfo);
			values[i] = PointerGetDatum(t);
		}
	}
	return PointerGetDatum(heap_modify_tuple_by_cols(tuple, RelationGetDescr(rel),
													 npairs, cols, values, nulls));
}
