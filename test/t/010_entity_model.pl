# test/t/010_entity_model.pl: the entity model file as an operator sees it.
#
# pg_regress cannot move files, so this script does, in the staged install:
#   - arabic_entity_model() names the staged file (found via extension_destdir);
#   - a missing file gives SQLSTATE 58P01 and a message naming the file;
#   - a corrupted copy (one flipped byte) and a truncated copy give XX001 and
#     say what is wrong, naming the file;
#   - a backend that has loaded the model keeps using it when the file goes
#     away (loaded once per backend), and a repaired file is picked up by
#     the next call without a restart.
# Runs inside the throwaway cluster of make test (PG* variables, $STAGE and
# $PG_CONFIG from the Makefile).
use strict;
use warnings;
use File::Copy qw(copy move);
use Test::More;

my $stage = $ENV{STAGE} or BAIL_OUT('STAGE is not set (run through make test)');
my $pg_config = $ENV{PG_CONFIG} || 'pg_config';
chomp(my $sharedir = `$pg_config --sharedir`);
my $model = "$stage$sharedir/extension/pg_arabic_ner.model";
my $saved = "$model.saved-by-tap";
my $db = 'pg_arabic_tap_model';

ok(-f $model, "the staged model exists: $model");
copy($model, $saved) or BAIL_OUT("cannot copy $model: $!");
END { move($saved, $model) if defined $saved && -f $saved; }

# psql with ON_ERROR_STOP; returns (exit status, stdout+stderr).
sub psql
{
	my ($sql) = @_;
	open(my $fh, '>', "/tmp/pg_arabic_tap_$$.sql") or die $!;
	print $fh $sql;
	close $fh;
	my $out = `psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d $db -f /tmp/pg_arabic_tap_$$.sql 2>&1`;
	my $rc = $? >> 8;
	unlink "/tmp/pg_arabic_tap_$$.sql";
	return ($rc, $out);
}

system("dropdb --if-exists $db >/dev/null 2>&1");
is(system("createdb --encoding=UTF8 --template=template0 $db"), 0, 'created a UTF8 database');
my ($rc, $out) = psql("CREATE EXTENSION pg_arabic;\n");
is($rc, 0, 'CREATE EXTENSION') or diag($out);

my $sentence = "SELECT string_agg(type || ':' || entity, '|' ORDER BY pos) FROM arabic_entities('"
  . "\x{0648}\x{0635}\x{0644} \x{0627}\x{0644}\x{0631}\x{0626}\x{064A}\x{0633} \x{0625}\x{0644}\x{0649} "
  . "\x{0628}\x{063A}\x{062F}\x{0627}\x{062F} .');\n";
utf8::encode($sentence);
my $baghdad = "LOCATION:\x{0628}\x{063A}\x{062F}\x{0627}\x{062F}";
utf8::encode($baghdad);

($rc, $out) = psql("SELECT path FROM arabic_entity_model();\n");
is($out, "$model\n", 'arabic_entity_model() names the staged file');

($rc, $out) = psql($sentence);
is($out, "$baghdad\n", 'the model tags a city');

# 1. missing file
unlink $model or die "cannot remove $model: $!";
($rc, $out) = psql($sentence);
isnt($rc, 0, 'without the model file, arabic_entities fails');
like($out, qr/58P01/, 'with SQLSTATE 58P01 (undefined_file)');
like($out, qr/could not open the pg_arabic entity model "\Q$model\E": No such file or directory/,
	'and a message naming the file');
like($out, qr/HINT:.*reinstall pg_arabic/i, 'and a hint saying what to do');

# 2. a loaded backend keeps its model; the next call after a repair works
copy($saved, $model) or die $!;
($rc, $out) = psql($sentence . "\\! rm -f '$model'\n" . $sentence);
is($out, "$baghdad\n$baghdad\n", 'a backend that loaded the model keeps using it after the file is removed');

# 3. one flipped byte
{
	open(my $in, '<:raw', $saved) or die $!;
	local $/;
	my $img = <$in>;
	close $in;
	substr($img, length($img) / 2, 1) = chr(ord(substr($img, length($img) / 2, 1)) ^ 0x20);
	open(my $o, '>:raw', $model) or die $!;
	print $o $img;
	close $o;
	chmod 0644, $model;
	($rc, $out) = psql($sentence);
	like($out, qr/XX001/, 'a corrupted model gives SQLSTATE XX001 (data_corrupted)');
	like($out, qr/pg_arabic entity model "\Q$model\E" is invalid: model file checksum does not match/,
		'naming the file and the reason');

	# 4. truncated
	open($o, '>:raw', $model) or die $!;
	print $o substr($img, 0, 1000);
	close $o;
	($rc, $out) = psql($sentence);
	like($out, qr/is invalid: model file is truncated/, 'a truncated model is refused, naming the reason');
}

# 5. repaired: the next call works, no restart
copy($saved, $model) or die $!;
chmod 0644, $model;
($rc, $out) = psql($sentence);
is($out, "$baghdad\n", 'after reinstalling the file the next call works again');

system("dropdb $db");
done_testing();
