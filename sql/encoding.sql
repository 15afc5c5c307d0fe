--
-- encoding.sql: pg_arabic refuses a database that is not UTF8
--
-- every test file is independent: install the extension unless an earlier file did
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- remember the regression database to come back to it
SELECT current_database() AS db \gset

-- a LATIN1 database
CREATE DATABASE pg_arabic_latin1 ENCODING 'LATIN1' TEMPLATE template0
  LC_COLLATE 'C' LC_CTYPE 'C';
\c pg_arabic_latin1
SELECT current_setting('server_encoding') AS encoding;

-- CREATE EXTENSION fails with one clear error and a hint (the PL/pgSQL
-- context line is left out)
\set SHOW_CONTEXT never
CREATE EXTENSION pg_arabic;
\set SHOW_CONTEXT errors

-- and leaves nothing behind
SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'pg_arabic';
SELECT count(*) AS functions FROM pg_proc WHERE proname LIKE 'arabic\_%';

-- back in the UTF8 database, which still works; drop the LATIN1 one
\c :db
DROP DATABASE pg_arabic_latin1;
SELECT current_setting('server_encoding') AS encoding,
       arabic_normalize('أهلاً') AS normalized;
