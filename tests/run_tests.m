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
## file.  A known-failing block (%!xtest) counts as failed.
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
  for i = 1:numel (names)
    [p, f] = run_one (names{i});
    passed += p;
    failed += f;
  endfor

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
## counts as one failure, since every function must carry tests.
function [p, f] = run_one (name)
  [~, label] = fileparts (name);
  try
    [p, n] = test (name, "quiet", stdout);
    f = n - p;             # xtest blocks that fail are failures too
    if (n == 0)
      printf ("%s has no tests\n", label);
      f = 1;
    endif
  catch err
    printf ("%s: the test run itself failed: %s\n", label, err.message);
    p = 0;
    f = 1;
  end_try_catch
  printf ("%-40s %4d passed, %d failed\n", label, p, f);
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
