--
-- api.sql: snapshot of the extension's SQL surface
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- the extension: version 1.0, relocatable
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

-- every function is called arabic_* and names all its arguments (expect no rows)
SELECT p.oid::regprocedure AS unnamed
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
JOIN pg_proc p ON p.oid = d.objid
WHERE d.classid = 'pg_proc'::regclass
  AND d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
  AND (p.proname NOT LIKE 'arabic\_%'
       OR (p.pronargs > 0 AND (p.proargnames IS NULL OR '' = ANY (p.proargnames))))
ORDER BY 1;

-- every object of the extension, the trigger function included, has a
-- COMMENT (expect no rows)
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS without_comment
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.deptype = 'e'
  AND NOT EXISTS (SELECT 1 FROM pg_description c
                  WHERE c.classoid = d.classid AND c.objoid = d.objid
                    AND c.objsubid = 0)
ORDER BY 1;

-- the library reports the extension's version, and an ICU version
SELECT arabic_version() = extversion AS library_matches_extension,
       arabic_icu_version() ~ '^[0-9]+\.[0-9]+' AS icu_version
FROM pg_extension
WHERE extname = 'pg_arabic';

-- the pg_arabic.* setting names are reserved once the library is loaded
SET pg_arabic.no_such_setting = 'on';
