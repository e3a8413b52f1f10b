## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {} fuzz_child (@var{list_file}, @var{results_file})
## Run the calls listed in @var{list_file} (lines of the catalogue that
## fuzz_generate writes), one after the other, in this Octave, and append
## one record per call to @var{results_file}:
##
## @example
## S  id                                     before the call
## E  id  status  identifier  flags  ms  message   after it
## DONE                                      after the last call
## @end example
##
## Each record is flushed at once, so when this process dies (a crash in
## a MEX file, the memory cap, the driver's timeout) the last "S" line
## names the call that killed it, and the driver starts a new child for
## the calls after it.
##
## @var{status} is @qcode{"ok"}, @qcode{"error"} or @qcode{"setup"} (an
## argument's expression did not evaluate: a fault of the suite, not of
## the package).  @var{flags} lists what the call changed that it must
## not (@qcode{"-"} for nothing): @code{modified:I} (argument I differs
## from the deep copy taken before the call), @code{cwd}, @code{rng} (the
## random state moved although a seed was given), @code{files} (a file
## was left open), @code{figures} (a failing call left a figure open),
## @code{warnings}, @code{toolkit}, @code{stray:FILE} (a file other than a
## PNG, SVG or PDF appeared in a watched folder), and @code{garbled} (the error
## message holds bytes that are neither ASCII text nor the input's).
## @end deftypefn

function fuzz_child (list_file, results_file)
  ## A crash must not leave an octave-workspace file behind.
  crash_dumps_octave_core (false);
  sighup_dumps_octave_core (false);
  sigterm_dumps_octave_core (false);
  more off;
  cases = read_cases (list_file);
  fid = fopen (results_file, "a");
  if (fid < 0)
    error ("fuzz_child: cannot append to %s", results_file);
  endif
  for i = 1:numel (cases)
    c = cases{i};
    fprintf (fid, "S\t%s\n", c.id);
    fflush (fid);
    try
      r = run_case (c);
    catch err
      ## A fault of this runner, not of the call: say so, and go on.
      r = struct ("status", "setup", "identifier", "", "flags", "", "ms", 0, ...
                  "message", ["fuzz_child: " clean(err.message)]);
    end_try_catch
    fprintf (fid, "E\t%s\t%s\t%s\t%s\t%d\t%s\n", c.id, r.status, ...
             dash (r.identifier), dash (r.flags), r.ms, dash (r.message));
    fflush (fid);
  endfor
  fprintf (fid, "DONE\n");
  fclose (fid);
endfunction

function s = dash (s)
  if (isempty (s))
    s = "-";
  endif
endfunction

## The catalogue's lines: id, function, nout, expect, description, args.
function cases = read_cases (file)
  text = fileread (file);
  lines = strsplit (text, "\n");
  lines = lines(! cellfun (@isempty, lines));
  cases = cell (1, numel (lines));
  for i = 1:numel (lines)
    f = strsplit (lines{i}, "\t");
    cases{i} = struct ("id", f{1}, "fn", f{2}, "nout", str2double (f{3}), ...
                       "args", {f(6:end)});
  endfor
endfunction

function r = run_case (c)
  r = struct ("status", "", "identifier", "", "flags", "", "ms", 0, ...
              "message", "");
  try
    args = cellfun (@value_of, c.args, "uniformoutput", false);
  catch err
    r.status = "setup";
    r.message = clean (err.message);
    return;
  end_try_catch
  keep = deep_copy (args);
  ## Every other seeded call runs with the legacy generators active (a
  ## caller's rand ("seed", ...)), which a seeded call must leave active.
  if (has_seed (args) && mod (str2double (c.id), 2))
    rand ("seed", 42);
    randn ("seed", 43);
  endif
  before = state (args);
  t0 = tic ();
  try
    if (c.nout == 0)
      feval (c.fn, args{:});
    else
      out = cell (1, c.nout);
      [out{:}] = feval (c.fn, args{:});
    endif
    r.status = "ok";
  catch err
    r.status = "error";
    r.identifier = clean (err.identifier);
    [r.message, garbled] = clean (err.message);
  end_try_catch
  r.ms = round (1000 * toc (t0));
  flags = changed_arguments (args, keep);
  if (strcmp (r.status, "error") && garbled)
    flags{end+1} = "garbled";
  endif
  after = state (args);
  after.stray = stray_entries (before, after);
  flags = [flags, side_effects(before, after, r.status)];
  r.flags = strjoin (flags, ",");
  tidy (before, after);
endfunction

## Evaluate EXPR in a workspace of its own.
function v = value_of (expr)
  v = eval (expr);
endfunction

## One line of printable ASCII, not too long.  Messages are ASCII by
## design and every value the catalogue passes is ASCII, so a byte above
## 126 is GARBLED: memory that is not the message (or the input) got
## into it.  Other control characters (a NUL the caller passed) become '?'.
function [s, garbled] = clean (s)
  b = double (s);
  garbled = any (b > 126);
  s(b == 9 | b == 10 | b == 13) = " ";
  s(b < 32 & b != 9 & b != 10 & b != 13 | b > 126) = "?";
  if (numel (s) > 500)
    s = [s(1:500) "..."];
  endif
endfunction

## ---- the caller's variables

function flags = changed_arguments (args, keep)
  flags = {};
  for i = 1:numel (args)
    if (! same (args{i}, keep{i}))
      flags{end+1} = sprintf ("modified:%d", i);
    endif
  endfor
endfunction

## Equal in class, size, sparsity and value (NaN equal to NaN).  The
## copy of a complex value whose imaginary part is zero may have been
## narrowed to real, so complexity itself is not compared.
function tf = same (a, b)
  try
    tf = (strcmp (class (a), class (b)) && isequal (size (a), size (b)) ...
          && issparse (a) == issparse (b) && isequaln (a, b));
  catch
    tf = true;      # values that cannot be compared (some objects)
  end_try_catch
endfunction

## ---- other side effects

function s = state (args)
  s.cwd = pwd ();
  s.seeded = has_seed (args);
  if (s.seeded)
    s.rng = random_state ();
  endif
  s.files = fopen ("all");
  s.figures = get (0, "children");
  s.warnings = warning ();
  s.toolkit = graphics_toolkit ();
  s.entries = watched_entries ();
  s.stray = {};
endfunction

## The entries of the folders the driver names in FUZZ_WATCH (the child's
## working folder, the plots' output folder, TMPDIR and HOME, all inside
## the scratch space): a call may write PNG files where the catalogue asks
## for them, and nothing else.
function e = watched_entries ()
  e = {};
  for d = strsplit (getenv ("FUZZ_WATCH"), pathsep ())
    if (! isempty (d{1}))
      names = readdir (d{1});
      e = [e; strcat([d{1} filesep()], names(! ismember (names, {".", ".."})))];
    endif
  endfor
endfunction

## A "seed" option with a value: the call must leave rand and randn
## where they were, in the family they were in (bp_init, bp_train,
## bp_dataset promise it).
function tf = has_seed (args)
  tf = false;
  for i = 1:numel (args) - 1
    if (ischar (args{i}) && isrow (args{i}) && strcmpi (args{i}, "seed") ...
        && ! (isa (args{i+1}, "double") && isempty (args{i+1})))
      tf = true;
    endif
  endfor
endfunction

function flags = side_effects (a, b, status)
  flags = {};
  if (! strcmp (a.cwd, b.cwd))
    flags{end+1} = "cwd";
  endif
  if (a.seeded && ! isequal (a.rng, b.rng))
    flags{end+1} = "rng";
  endif
  if (! isequal (a.files, b.files))
    flags{end+1} = "files";
  endif
  ## A call that fails must close the figure it opened; one that succeeds
  ## may leave it open (without "file" it returns it).
  if (strcmp (status, "error") && ! isempty (setdiff (b.figures, a.figures)))
    flags{end+1} = "figures";
  endif
  if (! isequal (a.warnings, b.warnings))
    flags{end+1} = "warnings";
  endif
  if (! strcmp (a.toolkit, b.toolkit))
    flags{end+1} = "toolkit";
  endif
  for i = 1:numel (b.stray)
    flags{end+1} = ["stray:" clean(b.stray{i})];
  endfor
endfunction

## Files and folders that appeared in a watched folder during the call
## and are not PNG, SVG or PDF files (what the plots write).
function new = stray_entries (before, after)
  new = setdiff (after.entries, before.entries);
  new = new(cellfun (@isempty, regexpi (new, '\.(png|svg|pdf)$', "once")));
endfunction

## Put things back for the next call: close new figures and files,
## restore the working folder and the warning states, and remove the stray
## files (all inside the scratch folder), so that the next call that makes
## the same file is caught as well.
function tidy (before, after)
  for i = 1:numel (after.stray)
    if (isfolder (after.stray{i}))
      confirm_recursive_rmdir (false, "local");
      [~] = rmdir (after.stray{i}, "s");
    else
      [~] = unlink (after.stray{i});
    endif
  endfor
  try
    close (setdiff (get (0, "children"), before.figures));
  catch
  end_try_catch
  ## (:)': always a row to loop over.  Octave 11's setdiff can return an
  ## empty 1-by-0, whose transpose (0-by-1) a for loop would still enter
  ## once, handing fclose an empty array.
  for f = setdiff (fopen ("all"), before.files)(:)'
    fclose (f);
  endfor
  cd (before.cwd);
  warning (before.warnings);
  graphics_toolkit (before.toolkit);
endfunction
