-- test/data/cps.sql: pg_temp.cps(t), the code points of a text as
-- "U+0628 U+0650 ...", so that invisible characters, marks and composition
-- show in expected outputs.  Included by the regress files that need it
-- (\i test/data/cps.sql); each session gets its own temporary copy.
CREATE FUNCTION pg_temp.cps(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg('U+' || lpad(h, greatest(4, length(h)), '0'), ' ' ORDER BY i)
  FROM regexp_split_to_table(t, '') WITH ORDINALITY AS x(c, i),
       LATERAL upper(to_hex(ascii(c))) AS h
$$;
