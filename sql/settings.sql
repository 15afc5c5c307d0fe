--
-- settings.sql: pg_arabic.* settings given before the library is loaded
--
-- A value set with ALTER DATABASE / ALTER ROLE in a session that has not
-- loaded pg_arabic cannot be checked then.  It must never silently turn
-- into the default: once the library loads, every use of the setting is an
-- error naming it, until a valid value is set.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_arabic;
RESET client_min_messages;

-- in a session that has loaded the library, a bad value is refused at once
SELECT arabic_version() IS NOT NULL AS loaded;
ALTER DATABASE :"DBNAME" SET pg_arabic.similarity_threshold = '7';
ALTER ROLE CURRENT_USER SET pg_arabic.containment_threshold = 'abc';

-- a fresh session has not loaded it: PostgreSQL stores the values unchecked
\c
ALTER DATABASE :"DBNAME" SET pg_arabic.similarity_threshold = '7';
ALTER ROLE CURRENT_USER IN DATABASE :"DBNAME" SET pg_arabic.containment_threshold = 'abc';

-- the next session starts with them; loading the library warns (that is
-- PostgreSQL), and then every use of a refused setting is an error
\c
SELECT arabic_similarity('وصل الوفد إلى المدينة', 'وصل الوفد إلى المدينة') AS scores_still_work;
SELECT 'وصل الوفد إلى المدينة' ~= 'وصل الوفد إلى المدينة' AS similar;
SELECT 'وصل الوفد إلى المدينة' <@~ 'وصل الوفد إلى المدينة اليوم' AS inside;
SELECT 'وصل الوفد إلى المدينة اليوم' ~@> 'وصل الوفد إلى المدينة' AS contains;

-- setting a valid value in the session ends the error for that setting
SET pg_arabic.similarity_threshold = 0.6;
SELECT 'وصل الوفد إلى المدينة' ~= 'وصل الوفد إلى المدينة' AS similar;
SELECT 'وصل الوفد إلى المدينة' <@~ 'وصل الوفد إلى المدينة اليوم' AS inside;
RESET pg_arabic.containment_threshold;
SELECT 'وصل الوفد إلى المدينة' <@~ 'وصل الوفد إلى المدينة اليوم' AS inside;
SHOW pg_arabic.containment_threshold;

-- valid values given the same way are taken as they are
ALTER DATABASE :"DBNAME" SET pg_arabic.similarity_threshold = '0.8';
ALTER ROLE CURRENT_USER IN DATABASE :"DBNAME" RESET pg_arabic.containment_threshold;
\c
SHOW pg_arabic.similarity_threshold;
SELECT 'وصل الوفد إلى المدينة' ~= 'وصل الوفد إلى المدينة' AS similar;

ALTER DATABASE :"DBNAME" RESET pg_arabic.similarity_threshold;
\c
SELECT arabic_version() IS NOT NULL AS loaded;
SHOW pg_arabic.similarity_threshold;
