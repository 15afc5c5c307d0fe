--
-- api.sql: snapshot of the extension's SQL surface
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- the extension: version 1.1, relocatable
SELECT extname, extversion, extrelocatable
FROM pg_extension
WHERE extname = 'pg_arabic';

-- every function with its arguments (named, with defaults), result,
-- volatility, strictness and parallel safety: pure functions are IMMUTABLE
-- STRICT PARALLEL SAFE (usable in indexes and generated columns), the ICU
-- version is STABLE, the trigger function VOLATILE
SELECT p.proname AS function,
       pg_get_function_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result,
       CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable'
            ELSE 'volatile' END AS volatility,
       p.proisstrict AS strict,
       CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted'
            ELSE 'unsafe' END AS parallel
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_proc p ON p.oid = d.objid
WHERE d.classid = 'pg_proc'::regclass
  AND d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
ORDER BY p.proname, pg_get_function_identity_arguments(p.oid);

-- every function is called arabic_* and names all its arguments (expect no
-- rows); index support functions (an internal argument or result: the
-- access method calls them, SQL cannot) and the I/O functions of the
-- internal key type (cstring) follow PostgreSQL's conventions instead
-- (gin_arabic_*, gist_arabic_*, unnamed arguments): they are listed
-- under the operator classes below
SELECT p.oid::regprocedure AS unnamed
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_proc p ON p.oid = d.objid
WHERE d.classid = 'pg_proc'::regclass
  AND d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
  AND (p.proname NOT LIKE 'arabic\_%'
       OR (p.pronargs > 0 AND (p.proargnames IS NULL OR '' = ANY (p.proargnames))))
  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[] || p.prorettype)
           OR 'cstring'::regtype = ANY (p.proargtypes::oid[] || p.prorettype))
ORDER BY 1;

-- every object of the extension, the trigger function included, has a
-- COMMENT (expect no rows); the operator family that CREATE OPERATOR CLASS
-- makes implicitly, of the same name, is described by its class
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS without_comment
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
  AND NOT EXISTS (SELECT 1 FROM pg_description c
                  WHERE c.classoid = d.classid AND c.objoid = d.objid
                    AND c.objsubid = 0)
  AND NOT (d.classid = 'pg_opfamily'::regclass
           AND EXISTS (SELECT 1 FROM pg_opclass opc JOIN pg_opfamily opf ON opf.oid = d.objid
                       WHERE opc.opcfamily = opf.oid AND opc.opcname = opf.opfname
                         AND opc.opcmethod = opf.opfmethod))
ORDER BY 1;

-- the library reports the extension's version, and an ICU version
SELECT arabic_version() = extversion AS library_matches_extension,
       arabic_icu_version() ~ '^[0-9]+\.[0-9]+' AS icu_version
FROM pg_extension
WHERE extname = 'pg_arabic';

-- the pg_arabic.* setting names are reserved once the library is loaded
SET pg_arabic.no_such_setting = 'on';

-- every operator with its types, result, implementing function, commutator
-- and selectivity estimators: the boolean operators ~= <@~ ~@> estimate with
-- matchingsel/matchingjoinsel, ~= and <~> are their own commutators, <@~
-- and ~@> each other's
SELECT o.oprname AS operator,
       format_type(o.oprleft, NULL) AS left_type,
       format_type(o.oprright, NULL) AS right_type,
       format_type(o.oprresult, NULL) AS result,
       o.oprcode AS function,
       c.oprname AS commutator,
       n.oprname AS negator,
       o.oprrest AS restrict,
       o.oprjoin AS "join"
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_operator o ON o.oid = d.objid
LEFT JOIN pg_operator c ON c.oid = o.oprcom
LEFT JOIN pg_operator n ON n.oid = o.oprnegate
WHERE d.classid = 'pg_operator'::regclass
  AND d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
ORDER BY o.oprname, o.oprleft, o.oprright;

-- the commutator of each operator is declared on both sides (expect no rows)
SELECT o.oid::regoperator AS one_sided
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_operator o ON o.oid = d.objid
JOIN pg_operator c ON c.oid = o.oprcom
WHERE d.classid = 'pg_operator'::regclass
  AND d.deptype = 'e'
  AND c.oprcom <> o.oid
ORDER BY 1;

-- every operator class: access method, indexed type, storage type, default
-- or not, and amvalidate() = true
SELECT opc.opcname AS operator_class,
       am.amname AS method,
       format_type(opc.opcintype, NULL) AS indexed_type,
       format_type(opc.opckeytype, NULL) AS storage,
       opc.opcdefault AS is_default,
       amvalidate(opc.oid) AS valid
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_opclass opc ON opc.oid = d.objid
JOIN pg_am am ON am.oid = opc.opcmethod
WHERE d.classid = 'pg_opclass'::regclass
  AND d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
ORDER BY opc.opcname, am.amname;

-- the operators of each operator class by strategy (search or ORDER BY)
SELECT opf.opfname AS operator_family, am.amname AS method,
       ao.amopstrategy AS strategy, ao.amopopr::regoperator AS operator,
       CASE ao.amoppurpose WHEN 's' THEN 'search' ELSE 'order by' END AS purpose,
       sf.opfname AS sort_family
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_opclass opc ON opc.oid = d.objid
JOIN pg_opfamily opf ON opf.oid = opc.opcfamily
JOIN pg_am am ON am.oid = opf.opfmethod
JOIN pg_amop ao ON ao.amopfamily = opf.oid
LEFT JOIN pg_opfamily sf ON sf.oid = ao.amopsortfamily
WHERE d.classid = 'pg_opclass'::regclass
  AND d.deptype = 'e'
ORDER BY opf.opfname, am.amname, ao.amopstrategy;

-- the support functions of each operator class by number
SELECT opf.opfname AS operator_family, am.amname AS method,
       ap.amprocnum AS number, ap.amproc::regprocedure AS function
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_opclass opc ON opc.oid = d.objid
JOIN pg_opfamily opf ON opf.oid = opc.opcfamily
JOIN pg_am am ON am.oid = opf.opfmethod
JOIN pg_amproc ap ON ap.amprocfamily = opf.oid
WHERE d.classid = 'pg_opclass'::regclass
  AND d.deptype = 'e'
ORDER BY opf.opfname, am.amname, ap.amprocnum;

-- every type of the extension
SELECT t.typname AS type, t.typlen AS length, t.typinput AS input,
       t.typoutput AS output, t.typstorage AS storage
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_type t ON t.oid = d.objid
WHERE d.classid = 'pg_type'::regclass
  AND d.deptype = 'e'
ORDER BY t.typname;

-- the extension's tables: the user gazetteer (its columns, checks and
-- triggers: the row check, and the statement trigger that bumps the
-- version), dumped by pg_dump (a configuration table), readable by
-- everyone; its version stamp, one row, readable, not dumped, written only
-- through the SECURITY DEFINER trigger function
SELECT c.relname, c.relkind,
       has_table_privilege('public', c.oid, 'SELECT') AS public_reads,
       has_table_privilege('public', c.oid, 'INSERT,UPDATE,DELETE,TRUNCATE') AS public_writes
  FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'pg_arabic')
   AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'
 ORDER BY c.relname;
SELECT count(*) AS stamp_rows FROM arabic_gazetteer_stamp;
SELECT p.oid::regprocedure AS function, p.prosecdef AS security_definer, p.proconfig
  FROM pg_proc p WHERE p.proname LIKE 'arabic\_gazetteer\_%' ORDER BY p.proname;
SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
  FROM pg_attribute a
 WHERE a.attrelid = 'arabic_gazetteer'::regclass AND a.attnum > 0
 ORDER BY a.attnum;
SELECT conname, contype, pg_get_constraintdef(oid) AS definition
  FROM pg_constraint WHERE conrelid = 'arabic_gazetteer'::regclass ORDER BY conname;
SELECT tgname, tgfoid::regproc AS function, tgtype
  FROM pg_trigger WHERE tgrelid = 'arabic_gazetteer'::regclass ORDER BY tgname;
SELECT extconfig::regclass[] AS dumped,
       has_table_privilege('public', 'arabic_gazetteer', 'SELECT') AS public_can_read
  FROM pg_extension WHERE extname = 'pg_arabic';

-- the text search objects: the arabic_search parser (its own token types,
-- PostgreSQL's headline function), the arabic_light template and
-- dictionary, and the arabic_search configuration's mappings
SELECT p.prsname AS parser, p.prsstart, p.prstoken, p.prsend, p.prsheadline, p.prslextype
FROM pg_ts_parser p WHERE p.prsname = 'arabic_search';
SELECT * FROM ts_token_type('arabic_search') ORDER BY tokid;
SELECT t.tmplname AS template, t.tmplinit, t.tmpllexize,
       d.dictname AS dictionary, d.dictinitoption
FROM pg_ts_dict d JOIN pg_ts_template t ON t.oid = d.dicttemplate
WHERE t.tmplname = 'arabic_light';
SELECT c.cfgname AS configuration, tt.alias AS token, m.mapseqno, m.mapdict::regdictionary
FROM pg_ts_config c
JOIN pg_ts_config_map m ON m.mapcfg = c.oid
JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
WHERE c.cfgname = 'arabic_search'
ORDER BY m.maptokentype, m.mapseqno;

-- declared COST and ROWS (measured by test/bench/costs.sh; COST 1 is one
-- call of a cheap built-in operator): every function a query calls per row
-- costs what it was measured to, so that small tables and Citus shards
-- use the GIN and GiST indexes
SELECT p.oid::regprocedure AS function, p.procost AS cost, p.prorows AS rows
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_proc p ON p.oid = d.objid
WHERE d.classid = 'pg_proc'::regclass
  AND d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
  AND p.proname LIKE 'arabic\_%'
  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[] || p.prorettype)
           OR 'cstring'::regtype = ANY (p.proargtypes::oid[] || p.prorettype))
ORDER BY p.oid::regprocedure::text;
