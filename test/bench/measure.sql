-- test/bench/measure.sql: bench_peak_kb(q), the peak memory of one query in
-- this backend, for the benchmarks that report memory (linear.sql,
-- entities_speed.sh, adversarial.sh).  It resets the peak RSS (VmHWM,
-- Linux >= 4.0) through /proc/self/clear_refs, runs q (which returns one
-- number), and returns the new peak minus the RSS before, in kB.  NULL when
-- this role may not write server files or read /proc (not a superuser, not
-- Linux).  Shared memory the query touches (buffers) counts too.
CREATE OR REPLACE FUNCTION bench_peak_kb(q text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    s   text;
    rss bigint;
    hwm bigint;
    r   numeric;
BEGIN
    BEGIN
        EXECUTE $c$COPY (SELECT 5) TO '/proc/self/clear_refs'$c$;
        s := pg_read_file('/proc/self/status');
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END;
    rss := substring(s FROM 'VmRSS:\s+(\d+) kB')::bigint;
    EXECUTE q INTO r;
    s := pg_read_file('/proc/self/status');
    hwm := substring(s FROM 'VmHWM:\s+(\d+) kB')::bigint;
    RETURN hwm - rss;
END
$$;
