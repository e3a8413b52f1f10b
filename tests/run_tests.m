## -*- texinfo -*-
## @deftypefn {} {} run_tests (@var{c_log})
## Run every test of the installed backprop package and of this folder, and
## print one closing line "N passed, M failed" that also counts the C unit
## tests whose log is @var{c_log} (its last line reads "N passed, M failed").
## Exits Octave with status 1 when anything failed.
##
## Counted: the checks of the C unit tests (their log), and the
## %!test/%!error/%!assert blocks of every public function (the installed
## copies, found through the package's INDEX) and of every tests/test_*.m
## file.
##
## An %!xtest block is a known bug of the C core, written down as a test
## that fails until the core is fixed: while it fails it is listed as a
## known failure, not counted as failed; once it passes it counts as
## passed (and should become a plain %!test).
## @end deftypefn

function run_tests (c_log)
  here = fileparts (mfilename ("fullpath"));
  addpath (fullfile (here, "ref"));
  addpath (fullfile (here, "lib"));           # helpers shared by the test files
  addpath (fullfile (here, "..", "doc"));     # doc_sync, for the page checks
  passed = 0;
  failed = 0;

  [p, f] = c_counts (c_log);
  printf ("%-40s %4d passed, %d failed\n", "C unit tests", p, f);
  passed += p;
  failed += f;

  names = [public_functions(fullfile (here, "..", "INDEX")), ...
           test_files(here)];
  known = 0;
  for i = 1:numel (names)
    [p, f, k] = run_one (names{i});
    passed += p;
    failed += f;
    known += k;
  endfor

  if (known > 0)
    printf ("%d known failure(s) (%%!xtest: known bugs of the C core, not counted as failed)\n",
            known);
  endif
  printf ("%d passed, %d failed\n", passed, failed);
  if (failed > 0)
    exit (1);
  endif
endfunction

## Functions listed in INDEX (indented lines).
function names = public_functions (index_file)
  text = fileread (index_file);
  names = regexp (text, '(?m)^\s+(\S+)\s*$', "tokens");
  names = cellfun (@(c) c{1}, names, "uniformoutput", false);
endfunction

function files = test_files (here)
  d = dir (fullfile (here, "test_*.m"));
  files = cellfun (@(f) fullfile (here, f), {d.name}, "uniformoutput", false);
endfunction

## Run the test blocks of one function or file; a name without any block
## counts as one failure, since every function must carry tests.  K
## counts the %!xtest blocks that failed (known failures, not in F).
function [p, f, k] = run_one (name)
  [~, label] = fileparts (name);
  k = 0;
  try
    [p, n, xfail, xbug] = test (name, "quiet", stdout);
    k = xfail + xbug;
    f = n - p - k;
    if (n == 0)
      printf ("%s has no tests\n", label);
      f = 1;
    endif
  catch err
    printf ("%s: the test run itself failed: %s\n", label, err.message);
    p = 0;
    f = 1;
  end_try_catch
  if (k > 0)
    printf ("%-40s %4d passed, %d failed, %d known failure(s)\n", label, p,
            f, k);
  else
    printf ("%-40s %4d passed, %d failed\n", label, p, f);
  endif
endfunction

## The C test program's closing line; a missing or unreadable log is one
## failure, not zero tests.
function [p, f] = c_counts (c_log)
  p = 0;
  f = 1;
  if (exist (c_log, "file"))
    t = regexp (fileread (c_log), '(\d+) passed, (\d+) failed\s*$', "tokens", "once");
    if (! isempty (t))
      p = str2double (t{1});
      f = str2double (t{2});
    endif
  endif
endfunction
