/* sql/pg_arabic--1.0--1.1.sql: upgrade pg_arabic 1.0 to 1.1 (unreleased; edited in place until 1.1 ships) */

\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '1.1'" to load this file. \quit

-- Every change to the SQL surface between 1.0 and 1.1 is made twice: here,
-- and in sql/pg_arabic--1.1.sql (the fresh install).  sql/upgrade.sql checks
-- that both paths give the same objects.

-- Hardening of normalization (issue 14: long mark runs, controls, ZWJ in
-- emoji).  The C functions changed behaviour, not signature; only this
-- comment says more.
COMMENT ON FUNCTION arabic_normalize_unicode(text) IS
'the Unicode part of the display profile: presentation forms and ligatures folded, NFC (at most 30 combining marks after a character), zero-width and bidi controls and C0/C1 control characters other than tab and line breaks removed (ZWJ kept inside emoji sequences), spaces unified (line breaks kept), trimmed';
