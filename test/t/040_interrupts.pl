# test/t/040_interrupts.pl: long calls can be stopped (issue 14, row 1).
#
# pg_regress runs one session; this script needs two, and values of tens of
# megabytes.  For each entry point that normalizes (arabic_normalize with
# each profile, arabic_normalize_unicode, arabic_tokens, arabic_fingerprint,
# the trigger) and for arabic_entities, on a hostile value (a run of
# combining marks out of order, Latin marks, one-letter words):
#   - with statement_timeout = 250ms the call ends with the timeout error
#     (or, on a machine fast enough to finish first, in under a second: then
#     nothing can be said and the check is skipped);
#   - the whole call, timeout included, returns within 60 s: a generous
#     bound, not a timing claim (before the fix these calls ran for minutes
#     and ignored the timeout);
#   - pg_cancel_backend() and pg_terminate_backend() from a second session
#     stop a running call.
# Runs inside the throwaway cluster of make test (PG* variables).
use strict;
use warnings;
use Time::HiRes qw(time sleep);
use Test::More;

my $db = 'pg_arabic_tap_interrupts';

# psql on $db; returns (exit status, stdout+stderr, seconds)
sub psql
{
	my ($sql) = @_;
	my $file = "/tmp/pg_arabic_tap_int_$$.sql";
	open(my $fh, '>', $file) or die $!;
	print $fh $sql;
	close $fh;
	my $t0 = time;
	my $out = `timeout 120 psql -X -q -At -v ON_ERROR_STOP=1 -d $db -f $file 2>&1`;
	my $rc = $? >> 8;
	unlink $file;
	return ($rc, $out, time - $t0);
}

system("dropdb --if-exists $db >/dev/null 2>&1");
is(system("createdb --encoding=UTF8 --template=template0 $db"), 0, 'created a UTF8 database');
END { system("dropdb --if-exists $db >/dev/null 2>&1") if defined $db; }

# the values, stored uncompressed so that reading them is a plain copy
my ($rc, $out) = psql(<<'SQL');
CREATE EXTENSION pg_arabic;
CREATE UNLOGGED TABLE v (name text PRIMARY KEY, t text);
ALTER TABLE v ALTER COLUMN t SET STORAGE EXTERNAL;
INSERT INTO v VALUES
  ('marks', 'ب' || repeat(E'\u0650\u064E', 24000000)),
  ('latin', 'a' || repeat(E'\u0301\u0323', 24000000)),
  ('waw', repeat('و ', 3000000));
CREATE TABLE trig (body text);
CREATE TRIGGER norm BEFORE INSERT ON trig
  FOR EACH ROW EXECUTE FUNCTION arabic_normalize_trigger('display', 'body');
SQL
is($rc, 0, 'values of 96 MB, 96 MB and 6 MB stored') or diag($out);

my @calls = (
	[ 'display on 96 MB of marks', "SELECT length(arabic_normalize(t, 'display')) FROM v WHERE name = 'marks'" ],
	[ 'normalize_unicode on 96 MB of marks', "SELECT length(arabic_normalize_unicode(t)) FROM v WHERE name = 'marks'" ],
	[ 'search on 96 MB of Latin marks', "SELECT length(arabic_normalize(t, 'search')) FROM v WHERE name = 'latin'" ],
	[ 'camel on 96 MB of Latin marks', "SELECT length(arabic_normalize(t, 'camel')) FROM v WHERE name = 'latin'" ],
	[ 'arabic_tokens on 96 MB of Latin marks', "SELECT cardinality(arabic_tokens(t)) FROM v WHERE name = 'latin'" ],
	[ 'arabic_fingerprint on 96 MB of Latin marks', "SELECT cardinality(arabic_fingerprint(t)) FROM v WHERE name = 'latin'" ],
	[ 'the trigger on 96 MB of marks', "INSERT INTO trig SELECT t FROM v WHERE name = 'marks'" ],
	[ 'arabic_entities on 6 MB of one-letter words', "SELECT count(*) FROM v, arabic_entities(t) WHERE name = 'waw'" ],
);
for my $c (@calls)
{
	my ($label, $q) = @$c;
	my ($rc, $out, $secs) = psql("SET statement_timeout = '250ms';\n$q;\n");
	ok($secs < 60, "$label: returns within 60 s (took " . sprintf('%.2f', $secs) . ' s)');
  SKIP:
	{
		skip "$label finished before the timeout (" . sprintf('%.2f', $secs) . ' s)', 1
		  if $rc == 0 && $secs < 1;
		like($out, qr/canceling statement due to statement timeout/, "$label: stopped by statement_timeout")
		  or diag("status $rc after $secs s: $out");
	}
}

# pg_cancel_backend and pg_terminate_backend from a second session
sub stop_from_outside
{
	my ($fn, $expect) = @_;
	my $file = "/tmp/pg_arabic_tap_int_bg_$$.out";
	my $pid = fork();
	die "fork: $!" unless defined $pid;
	if ($pid == 0)
	{
		exec("timeout 120 psql -X -q -At -d $db -c \"/* tap_$fn */ SELECT length(arabic_normalize(t, 'display')) FROM v WHERE name = 'marks'\" >$file 2>&1");
		exit 127;
	}
	my ($rc, $backend) = (0, '');
	for (1 .. 200)
	{
		($rc, $backend) = psql("SELECT pid FROM pg_stat_activity WHERE query LIKE '/* tap_$fn */%' AND state = 'active';\n");
		chomp $backend;
		last if $backend ne '';
		sleep 0.02;
	}
	my $sent = time;
	psql("SELECT $fn($backend);\n") if $backend ne '';
	waitpid($pid, 0);
	my $waited = time - $sent;
	my $result = '';
	if (open(my $fh, '<', $file))
	{
		local $/;
		$result = <$fh>;
	}
	unlink $file;
  SKIP:
	{
		skip "$fn: the call ended before a second session saw it running", 2 if $backend eq '';
		ok($waited < 60, "$fn: the call ends within 60 s (took " . sprintf('%.2f', $waited) . ' s)');
		like($result, qr/$expect|^\d+$/m, "$fn: the call is stopped (or had just finished)")
		  or diag($result);
	}
}
stop_from_outside('pg_cancel_backend', 'canceling statement due to user request');
stop_from_outside('pg_terminate_backend', 'terminating connection due to administrator command');

done_testing();
