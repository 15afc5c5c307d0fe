-- test/bench/measure.sql: bench_peak_kb(q) and bench_backend_mem() (at the
-- end).  bench_peak_kb(q) is the peak memory of one query in
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

-- bench_backend_mem(): what this backend holds now, for the benchmarks that
-- report the memory a backend keeps between queries (entities_speed.sh): the
-- total and used bytes of all its memory contexts (pg_backend_memory_contexts,
-- the query's own contexts included, about the same at every call), the
-- total bytes of TopMemoryContext alone (where backend-lifetime caches such
-- as pg_arabic's entity model live), and VmRSS and RssAnon of
-- /proc/self/status in kB (NULL when this role may not read server files or
-- there is no /proc).  Call it once before a measured step: its first call
-- fills the caches it needs itself.
CREATE OR REPLACE FUNCTION bench_backend_mem(OUT ctx_total bigint, OUT ctx_used bigint,
                                             OUT top_total bigint, OUT rss_kb bigint, OUT anon_kb bigint)
LANGUAGE plpgsql AS $$
DECLARE
    s   text;
BEGIN
    SELECT sum(total_bytes), sum(used_bytes) INTO ctx_total, ctx_used FROM pg_backend_memory_contexts;
    SELECT total_bytes INTO top_total FROM pg_backend_memory_contexts WHERE name = 'TopMemoryContext';
    BEGIN
        s := pg_read_file('/proc/self/status');
        rss_kb := substring(s FROM 'VmRSS:\s+(\d+) kB')::bigint;
        anon_kb := substring(s FROM 'RssAnon:\s+(\d+) kB')::bigint;
    EXCEPTION WHEN others THEN
        NULL;
    END;
END
$$;
