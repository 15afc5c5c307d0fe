/*
 * src/citus.c
 *
 * pg_arabic on a Citus cluster: the guard that keeps a distributed query
 * from silently using other thresholds or another gazetteer on the shards
 * than the ones the coordinator's session sees.  Citus sends each shard's
 * part of a query to a worker over its own connections; a threshold SET in
 * the session does not travel with it (only SET LOCAL does, with
 * citus.propagate_set_commands = 'local'), so before a distributed plan
 * runs, pg_arabic checks that every threshold the query reads has on the
 * workers the value it has here, or raises an error that says how to give
 * it.  Likewise a distributed arabic_entities() after a change to the
 * gazetteer in the same transaction is an error (the gazetteer itself is a
 * Citus reference table, read by entities.c from each node's placement).
 *
 * Works through an ExecutorStart hook, installed only where Citus is
 * loaded, which costs two setting look-ups per statement while the
 * thresholds are the cluster's; the plan is searched only otherwise.  The
 * hook must be there before a session's first query, and it must be the
 * outer one (it calls Citus's, which is not known to call an earlier
 * hook), so on a Citus server pg_arabic must be listed after citus in
 * shared_preload_libraries; _PG_init refuses to load otherwise.
 */
#include "pg_arabic.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/indexing.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/guc_tables.h"
#include "utils/lsyscache.h"
#include "utils/varlena.h"

static ExecutorStart_hook_type prev_executor_start;

/* the transaction (or subtransaction) that last changed the gazetteer here */
static TransactionId gazetteer_changed_xid = InvalidTransactionId;

/*
 * citus_listed says whether shared_preload_libraries names citus (by name
 * or path).
 */
static bool
citus_listed(void)
{
	char	   *copy = pstrdup(shared_preload_libraries_string ? shared_preload_libraries_string : "");
	List	   *names;
	ListCell   *lc;
	bool		found = false;

	if (!SplitDirectoriesString(copy, ',', &names))
		return false;
	foreach(lc, names)
	{
		char	   *name = (char *) lfirst(lc);
		char	   *base = strrchr(name, '/');

		base = base ? base + 1 : name;
		if (strcmp(base, "citus") == 0 || strncmp(base, "citus.", 6) == 0)
			found = true;
	}
	return found;
}

/* Citus is loaded in this server: its settings exist. */
static bool
citus_loaded(void)
{
	return GetConfigOption("citus.propagate_set_commands", true, false) != NULL;
}

/*
 * The setting's generic record (found once; the records themselves never
 * move, only the array that lists them).
 */
static struct config_real *
find_real_setting(const char *name)
{
	struct config_generic **vars = get_guc_variables();
	int			n = GetNumConfigOptions();

	for (int i = 0; i < n; i++)
		if (vars[i]->vartype == PGC_REAL && strcmp(vars[i]->name, name) == 0)
			return (struct config_real *) vars[i];
	return NULL;
}

/*
 * Whether the last value given to each threshold was given while Citus
 * sends SET LOCAL to the workers (citus.propagate_set_commands = 'local',
 * in a transaction block): Citus sends only the SET LOCALs made while the
 * setting is on, not the ones before.
 */
static bool sent_similarity;
static bool sent_containment;

/*
 * ArCitusSettingAssigned, from the thresholds' assign hooks: records
 * whether Citus will send this value (name: the setting's name).
 */
void
ArCitusSettingAssigned(const char *name)
{
	const char *propagate = GetConfigOption("citus.propagate_set_commands", true, false);
	bool		sent = propagate != NULL && strcmp(propagate, "local") == 0 &&
		IsTransactionBlock();

	if (strcmp(name, "pg_arabic.similarity_threshold") == 0)
		sent_similarity = sent;
	else
		sent_containment = sent;
}

/*
 * setting_not_on_workers says whether the setting's value in this session
 * may differ from the one a Citus worker uses for this query: it differs
 * from the value a new session gets (postgresql.conf, ALTER SYSTEM, ALTER
 * DATABASE/ROLE ... SET, which Citus applies on every node), and it was not
 * given by SET LOCAL in a transaction block while
 * citus.propagate_set_commands = 'local' (which Citus sends to the
 * workers).  Fills *reset with the value workers use.
 */
static bool
setting_not_on_workers(const char *name, double *reset)
{
	struct config_real *conf = find_real_setting(name);
	bool		sent = strcmp(name, "pg_arabic.similarity_threshold") == 0 ?
		sent_similarity : sent_containment;

	if (conf == NULL)
		return false;
	*reset = conf->reset_val;
	if (*conf->variable == conf->reset_val)
		return false;
	if (sent && IsTransactionBlock() && conf->gen.stack != NULL &&
		(conf->gen.stack->state == GUC_LOCAL || conf->gen.stack->state == GUC_SET_LOCAL))
		return false;
	return true;
}

/* The schema pg_arabic is installed in, or InvalidOid. */
static Oid
extension_schema(void)
{
	Oid			ext = get_extension_oid("pg_arabic", true);
	Oid			nsp = InvalidOid;
	Relation	rel;
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;

	if (!OidIsValid(ext))
		return InvalidOid;
	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(ext));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
		nsp = ((Form_pg_extension) GETSTRUCT(tup))->extnamespace;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return nsp;
}

/* Citus runs part of this plan on other servers. */
static bool
plan_is_distributed(const char *plan_text)
{
	return strstr(plan_text, ":methods Citus") != NULL;
}

/*
 * plan_calls says whether the plan's text (nodeToString, which for a Citus
 * plan includes the queries it sends to the shards) calls the function
 * named name(text, text) or name(text) in pg_arabic's schema, directly or
 * through an operator.
 */
static bool
plan_calls(const char *plan_text, Oid nsp, const char *name, int nargs)
{
	Oid			argtypes[2] = {TEXTOID, TEXTOID};
	Oid			fn;
	char		needle[64];

	fn = LookupFuncName(list_make2(makeString(get_namespace_name(nsp)), makeString(pstrdup(name))),
						nargs, argtypes, true);
	if (!OidIsValid(fn))
		return false;
	snprintf(needle, sizeof(needle), ":funcid %u ", fn);
	if (strstr(plan_text, needle) != NULL)
		return true;
	snprintf(needle, sizeof(needle), ":opfuncid %u ", fn);
	return strstr(plan_text, needle) != NULL;
}

/*
 * check_threshold raises the error when the plan calls one of fns (the
 * operator functions that read setting, a NULL-ended list) and the
 * setting's value here is not the one the workers use.
 */
static void
check_threshold(const char *plan_text, Oid nsp, const char *setting,
				const char *const *fns)
{
	double		reset;
	bool		calls = false;

	if (!setting_not_on_workers(setting, &reset))
		return;
	for (int i = 0; fns[i] != NULL && !calls; i++)
		calls = plan_calls(plan_text, nsp, fns[i], 2);
	if (!calls)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s = %s does not reach the Citus workers, which would use %g",
					setting, GetConfigOption(setting, false, false), reset),
			 errdetail("Citus runs the query's shard parts in other sessions, on other servers; of the settings made in a session, only a SET LOCAL made while citus.propagate_set_commands = 'local' reaches them."),
			 errhint("Inside a transaction, SET LOCAL citus.propagate_set_commands = 'local' and then SET LOCAL %s; "
					 "or ALTER ROLE/DATABASE ... SET %s, which Citus gives every node.",
					 setting, setting)));
}

/*
 * ArGazetteerChanged records that this transaction changed the gazetteer
 * on this server (called by its statement trigger).
 */
void
ArGazetteerChanged(void)
{
	gazetteer_changed_xid = GetCurrentTransactionId();
}

/*
 * check_gazetteer: a distributed arabic_entities() after this transaction
 * changed the gazetteer is an error (each worker reads the shards over
 * several connections, and only the one that wrote the gazetteer's
 * placement sees the uncommitted rows).
 */
static void
check_gazetteer(const char *plan_text, Oid nsp)
{
	if (!(TransactionIdIsValid(gazetteer_changed_xid) &&
		  TransactionIdIsCurrentTransactionId(gazetteer_changed_xid)))
		return;
	if (!plan_calls(plan_text, nsp, "arabic_entities", 1))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("arabic_entities() on a distributed table after a change to arabic_gazetteer in the same transaction"),
			 errdetail("Citus reads the shards over several connections per worker; only the one that wrote the gazetteer would see the uncommitted rows."),
			 errhint("Commit the change to arabic_gazetteer first.")));
}

static void
ar_executor_start(QueryDesc *queryDesc, int eflags)
{
	double		reset;
	bool		changed = TransactionIdIsValid(gazetteer_changed_xid) &&
		TransactionIdIsCurrentTransactionId(gazetteer_changed_xid);

	if (!(eflags & EXEC_FLAG_EXPLAIN_ONLY) && queryDesc->plannedstmt != NULL &&
		queryDesc->plannedstmt->commandType != CMD_UTILITY &&
		(setting_not_on_workers("pg_arabic.similarity_threshold", &reset) ||
		 setting_not_on_workers("pg_arabic.containment_threshold", &reset) ||
		 changed))
	{
		char	   *plan_text = nodeToString(queryDesc->plannedstmt);
		Oid			nsp;

		if (plan_is_distributed(plan_text) && OidIsValid(nsp = extension_schema()))
		{
			static const char *const similar[] = {"arabic_similar_op", NULL};
			static const char *const contain[] = {"arabic_inside_op", "arabic_contains_op", NULL};

			check_threshold(plan_text, nsp, "pg_arabic.similarity_threshold", similar);
			check_threshold(plan_text, nsp, "pg_arabic.containment_threshold", contain);
			check_gazetteer(plan_text, nsp);
		}
		pfree(plan_text);
	}
	if (prev_executor_start)
		prev_executor_start(queryDesc, eflags);
	else
		standard_ExecutorStart(queryDesc, eflags);
}

/*
 * ArCitusInit, from _PG_init: on a server that preloads Citus, refuses to
 * load pg_arabic other than from shared_preload_libraries after citus (its
 * checks would miss queries), and installs the ExecutorStart hook.
 */
void
ArCitusInit(void)
{
	if (!citus_listed())
		return;
	if (!process_shared_preload_libraries_in_progress || !citus_loaded())
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("pg_arabic must be preloaded after citus on a Citus server"),
				 errdetail("Without it, pg_arabic cannot check that a distributed query uses the same thresholds and gazetteer on every node."),
				 errhint("Set shared_preload_libraries = 'citus,pg_arabic' on every node and restart it.")));
	prev_executor_start = ExecutorStart_hook;
	ExecutorStart_hook = ar_executor_start;
}
