--
-- upgrade.sql: ALTER EXTENSION pg_arabic UPDATE from the released 1.0 gives
-- exactly the objects of a fresh 1.1 install
--
-- Runs in a database of its own (the other tests share theirs), installs
-- 1.0 from its frozen script, updates, snapshots every member object with
-- its full definition and comment, then installs 1.1 afresh and compares.
--
\set orig_db :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS pg_arabic_upgrade;
CREATE DATABASE pg_arabic_upgrade TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C';
RESET client_min_messages;
\c pg_arabic_upgrade
SET client_min_messages = warning;

-- One row per member object of the extension (and per column, trigger,
-- constraint and index of its tables): its identity and everything that
-- defines it.  Written against the catalogs, not against pg_arabic: a new
-- kind of object shows up as "unhandled" until this function learns it.
CREATE FUNCTION upgrade_snapshot(OUT object text, OUT definition text)
RETURNS SETOF record
LANGUAGE sql STABLE AS $$
WITH members AS (
    SELECT d.classid, d.objid
    FROM pg_depend d
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
    WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
)
SELECT pg_describe_object(m.classid, m.objid, 0),
       concat_ws(E'\n',
         CASE m.classid
         WHEN 'pg_proc'::regclass THEN
           (SELECT CASE WHEN p.prokind = 'a' THEN
                      (SELECT format('aggregate(%s) returns %s: sfunc %s stype %s final %s extra %s combine %s serial %s deserial %s initcond %s parallel %s',
                                     pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
                                     a.aggtransfn, format_type(a.aggtranstype, NULL), a.aggfinalfn,
                                     a.aggfinalextra, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
                                     a.agginitval, p.proparallel)
                       FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
                   ELSE pg_get_functiondef(p.oid) END
                   || format(' acl %s', p.proacl)
            FROM pg_proc p WHERE p.oid = m.objid)
         WHEN 'pg_operator'::regclass THEN
           (SELECT format('%s(%s, %s) returns %s: code %s commutator %s negator %s restrict %s join %s merges %s hashes %s',
                          o.oprname, format_type(o.oprleft, NULL), format_type(o.oprright, NULL),
                          format_type(o.oprresult, NULL), o.oprcode,
                          NULLIF(o.oprcom, 0)::regoperator, NULLIF(o.oprnegate, 0)::regoperator,
                          o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
            FROM pg_operator o WHERE o.oid = m.objid)
         WHEN 'pg_opclass'::regclass THEN
           (SELECT format('type %s storage %s default %s family %s',
                          format_type(c.opcintype, NULL), format_type(c.opckeytype, NULL),
                          c.opcdefault, f.opfname)
            FROM pg_opclass c JOIN pg_opfamily f ON f.oid = c.opcfamily
            WHERE c.oid = m.objid)
         WHEN 'pg_opfamily'::regclass THEN
           (SELECT string_agg(x, E'\n' ORDER BY x) FROM (
              SELECT format('op %s %s %s %s', ao.amopstrategy, ao.amopopr::regoperator,
                            ao.amoppurpose, ao.amopsortfamily) AS x
              FROM pg_amop ao WHERE ao.amopfamily = m.objid
              UNION ALL
              SELECT format('proc %s (%s,%s) %s', ap.amprocnum, format_type(ap.amproclefttype, NULL),
                            format_type(ap.amprocrighttype, NULL), ap.amproc::regprocedure)
              FROM pg_amproc ap WHERE ap.amprocfamily = m.objid) s)
         WHEN 'pg_type'::regclass THEN
           (SELECT format('len %s in %s out %s recv %s send %s align %s storage %s typmod %s/%s analyze %s',
                          t.typlen, t.typinput, t.typoutput, t.typreceive, t.typsend,
                          t.typalign, t.typstorage, t.typmodin, t.typmodout, t.typanalyze)
                   -- a composite type: its columns
                   || coalesce(' columns ' || (SELECT string_agg(format('%s %s', a.attname,
                                                    format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
                                               FROM pg_attribute a
                                               WHERE a.attrelid = t.typrelid AND a.attnum > 0), '')
            FROM pg_type t WHERE t.oid = m.objid)
         WHEN 'pg_class'::regclass THEN
           (SELECT format('kind %s acl %s config_dump %s filter %s', c.relkind, c.relacl,
                          c.oid = ANY (e.extconfig),
                          e.extcondition[array_position(e.extconfig, c.oid)])
            FROM pg_class c, pg_extension e
            WHERE c.oid = m.objid AND e.extname = 'pg_arabic')
         WHEN 'pg_ts_template'::regclass THEN
           (SELECT format('init %s lexize %s', t.tmplinit, t.tmpllexize)
            FROM pg_ts_template t WHERE t.oid = m.objid)
         WHEN 'pg_ts_dict'::regclass THEN
           (SELECT format('template %s options %s owner_is_extension_owner %s', t.tmplname,
                          d.dictinitoption, true)
            FROM pg_ts_dict d JOIN pg_ts_template t ON t.oid = d.dicttemplate
            WHERE d.oid = m.objid)
         WHEN 'pg_ts_parser'::regclass THEN
           (SELECT format('start %s token %s end %s headline %s lextypes %s', p.prsstart,
                          p.prstoken, p.prsend, p.prsheadline, p.prslextype)
            FROM pg_ts_parser p WHERE p.oid = m.objid)
         WHEN 'pg_ts_config'::regclass THEN
           (SELECT format('parser %s maps %s', p.prsname,
                          (SELECT string_agg(format('%s:%s:%s', cm.maptokentype, cm.mapseqno,
                                                    cm.mapdict::regdictionary), ' '
                                             ORDER BY cm.maptokentype, cm.mapseqno)
                           FROM pg_ts_config_map cm WHERE cm.mapcfg = c.oid))
            FROM pg_ts_config c JOIN pg_ts_parser p ON p.oid = c.cfgparser
            WHERE c.oid = m.objid)
         ELSE 'unhandled kind of object'
         END,
         'comment: ' || obj_description(m.objid, m.classid::regclass::name))
FROM members m
UNION ALL
-- columns, constraints, indexes and triggers of the extension's tables
SELECT format('column %s.%s', a.attrelid::regclass, a.attname),
       concat_ws(' ', format_type(a.atttypid, a.atttypmod),
                 CASE WHEN a.attnotnull THEN 'not null' END,
                 pg_get_expr(ad.adbin, ad.adrelid),
                 'comment: ' || col_description(a.attrelid, a.attnum))
FROM members m
JOIN pg_attribute a ON a.attrelid = m.objid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE m.classid = 'pg_class'::regclass
UNION ALL
SELECT format('constraint %s on %s', co.conname, co.conrelid::regclass),
       pg_get_constraintdef(co.oid)
FROM members m JOIN pg_constraint co ON co.conrelid = m.objid
WHERE m.classid = 'pg_class'::regclass
UNION ALL
SELECT format('index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
FROM members m JOIN pg_index i ON i.indrelid = m.objid
WHERE m.classid = 'pg_class'::regclass
UNION ALL
SELECT format('trigger %s on %s', t.tgname, t.tgrelid::regclass),
       pg_get_triggerdef(t.oid) || format(' enabled %s', t.tgenabled)
FROM members m JOIN pg_trigger t ON t.tgrelid = m.objid AND NOT t.tgisinternal
WHERE m.classid = 'pg_class'::regclass
UNION ALL
SELECT 'extension pg_arabic',
       format('version %s relocatable %s schema %s', extversion, extrelocatable,
              extnamespace::regnamespace)
FROM pg_extension WHERE extname = 'pg_arabic'
$$;

-- 1.0 from its released script, then the update
CREATE EXTENSION pg_arabic VERSION '1.0';
SELECT extversion AS installed FROM pg_extension WHERE extname = 'pg_arabic';
ALTER EXTENSION pg_arabic UPDATE TO '1.1';
SELECT extversion AS updated FROM pg_extension WHERE extname = 'pg_arabic';
CREATE TABLE snap_updated AS SELECT * FROM upgrade_snapshot();

-- a fresh 1.1 install
DROP EXTENSION pg_arabic;
CREATE EXTENSION pg_arabic;
SELECT extversion AS fresh FROM pg_extension WHERE extname = 'pg_arabic';
CREATE TABLE snap_fresh AS SELECT * FROM upgrade_snapshot();

-- the snapshot sees every member: objects by kind (a kind the snapshot
-- does not know would be counted as unhandled below)
SELECT substring(object FROM '^(operator class|operator family|text search [a-z]+|[a-z]+)') AS kind,
       count(*)
FROM snap_fresh GROUP BY 1 ORDER BY 1;
SELECT object AS unhandled FROM snap_fresh
WHERE definition LIKE 'unhandled%' ORDER BY 1;

-- the two paths agree: what only the update has, and what only the fresh
-- install has (expect no rows in either)
SELECT object, definition AS only_after_update FROM snap_updated
EXCEPT SELECT object, definition FROM snap_fresh ORDER BY 1;
SELECT object, definition AS only_in_fresh_install FROM snap_fresh
EXCEPT SELECT object, definition FROM snap_updated ORDER BY 1;

-- a user's data in 1.0 survives the update: gazetteer rows are kept
DROP EXTENSION pg_arabic;
CREATE EXTENSION pg_arabic VERSION '1.0';
INSERT INTO arabic_gazetteer (name, type) VALUES ('سوتشي', 'LOCATION');
ALTER EXTENSION pg_arabic UPDATE;
SELECT name, type, extversion FROM arabic_gazetteer, pg_extension
WHERE extname = 'pg_arabic';

\c :orig_db
SET client_min_messages = warning;
DROP DATABASE pg_arabic_upgrade;
