/* sql/pg_arabic--1.0--1.1.sql: upgrade pg_arabic 1.0 to 1.1 (unreleased; edited in place until 1.1 ships) */

\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '1.1'" to load this file. \quit

-- Every change to the SQL surface between 1.0 and 1.1 is made twice: here,
-- and in sql/pg_arabic--1.1.sql (the fresh install).  sql/upgrade.sql checks
-- that both paths give the same objects.
