## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{nbad} =} fuzz_report (@var{scratch}, @var{info})
## Judge every call of a fuzz run and print the report: the counts per
## function and per outcome, then every BAD call with the statement that
## reproduces it, what was expected and what happened.  Returns the
## number of BAD calls (plus one for stray files).
##
## @var{scratch} is the run's folder: catalogue.tsv from fuzz_generate,
## results/*.out from the children and the driver, and the child's
## tmp, home and cwd folders, which must hold no stray files afterwards.
## @var{info} is a line about the run printed with the counts.
##
## Outcomes: @code{ok} (no error, and the values were valid),
## @code{error} (the expected error, with identifier
## backprop:<function>:<reason> and a message starting "<function>: "),
## and the BAD ones: @code{accepted} (no error for an invalid value),
## @code{rejected} (an error for a valid value), @code{bad_id} (an
## identifier without the backprop:<function>: prefix), @code{bad_message}
## (a message not starting with the function's name, or holding bytes that
## are not text), @code{crash},
## @code{hang}, @code{modified} (an argument changed),
## @code{side_effect} (working folder, random state, open files, figures,
## warnings or graphics toolkit changed), @code{stray_file} (the call
## wrote a file that is not the PNG, SVG or PDF asked for), @code{setup} and @code{missing}
## (faults of the suite: a value that did not evaluate, a call that was
## never run).
## @end deftypefn

function nbad = fuzz_report (scratch, info = "")
  cases = read_catalogue (fullfile (scratch, "catalogue.tsv"));
  rec = read_results (fullfile (scratch, "results"), numel (cases));
  for i = 1:numel (cases)
    [cases{i}.outcome, cases{i}.bad, cases{i}.got] = judge (cases{i}, rec(i));
  endfor
  print_counts (cases, info);
  print_slowest (cases, rec);
  bad = find (cellfun (@(c) ! isempty (c.bad), cases));
  print_bad (cases(bad));
  stray = stray_files (scratch);
  nbad = numel (bad) + ! isempty (stray);
  if (nbad == 0)
    printf ("\nno BAD calls\n");
  else
    printf ("\n%d BAD call%s%s\n", numel (bad), pick (numel (bad) == 1, "", "s"), ...
            pick (isempty (stray), "", ", and stray files"));
  endif
endfunction

## ---- reading

function cases = read_catalogue (file)
  lines = strsplit (fileread (file), "\n");
  lines = lines(! cellfun (@isempty, lines));
  cases = cell (1, numel (lines));
  for i = 1:numel (lines)
    f = strsplit (lines{i}, "\t");
    cases{i} = struct ("id", str2double (f{1}), "fn", f{2}, ...
                       "nout", str2double (f{3}), "expect", f{4}, ...
                       "desc", f{5}, "args", {f(6:end)});
  endfor
endfunction

## One record per call: what the child wrote ("E" lines) and what the
## driver wrote for calls that killed or hung their child ("C", "H") or
## were never run because a child failed to start ("F").
function rec = read_results (dir, n)
  rec = repmat (struct ("status", "missing", "identifier", "", "flags", "", ...
                        "ms", NaN, "message", "", "crash", "", "hang", ""), ...
                1, n);
  files = glob (fullfile (dir, "*.out"));
  for k = 1:numel (files)
    lines = strsplit (fileread (files{k}), "\n");
    for i = 1:numel (lines)
      f = strsplit (lines{i}, "\t");
      if (numel (f) < 2)
        continue;
      endif
      id = str2double (f{2});
      switch (f{1})
        case "E"
          rec(id).status = f{3};
          rec(id).identifier = undash (f{4});
          rec(id).flags = undash (f{5});
          rec(id).ms = str2double (f{6});
          rec(id).message = undash (strjoin (f(7:end), " "));
        case "C"
          rec(id).crash = sprintf ("%s %s", describe_exit (str2double (f{3})), ...
                                   pick (strcmp (f{4}, "after"), ...
                                           "after the call returned", ""));
        case "H"
          rec(id).hang = sprintf ("no answer for %s s%s, killed", f{3}, ...
                                  pick (numel (f) > 3 && strcmp (f{4}, "after"), ...
                                          " after the call returned", ""));
        case "F"
          rec(id).status = "setup";
          rec(id).message = "its child Octave failed before the first call";
      endswitch
    endfor
  endfor
endfunction

function s = undash (s)
  if (strcmp (s, "-"))
    s = "";
  endif
endfunction

function s = describe_exit (rc)
  if (rc > 128)
    names = {1, "SIGHUP"; 2, "SIGINT"; 6, "SIGABRT"; 7, "SIGBUS"; 8, "SIGFPE";
             9, "SIGKILL"; 11, "SIGSEGV"; 15, "SIGTERM"};
    k = find ([names{:,1}] == rc - 128);
    sig = sprintf ("signal %d", rc - 128);
    if (! isempty (k))
      sig = sprintf ("%s (%s)", sig, names{k,2});
    endif
    s = sprintf ("Octave died with exit status %d, %s", rc, sig);
  else
    s = sprintf ("Octave died with exit status %d", rc);
  endif
endfunction

## ---- judging one call

function [outcome, bad, got] = judge (c, r)
  bad = {};
  prefix = ["backprop:" c.fn ":"];
  if (! isempty (r.hang))
    outcome = "hang";
    got = r.hang;
  elseif (! isempty (r.crash))
    outcome = "crash";
    got = r.crash;
  elseif (any (strcmp (r.status, {"setup", "missing"})))
    outcome = r.status;
    got = pick (isempty (r.message), "the call was never run", r.message);
  elseif (strcmp (r.status, "ok"))
    outcome = pick (any (strcmp (c.expect, {"error", "octave"})), "accepted", "ok");
    got = "no error";
  elseif (strcmp (c.expect, "octave"))
    ## Octave refuses the call before the function runs (see fuzz_specs).
    outcome = "error";
    got = sprintf ("error [%s] %s", r.identifier, r.message);
  elseif (! strncmp (r.identifier, prefix, numel (prefix)))
    outcome = "bad_id";
    got = sprintf ("error [%s] %s", r.identifier, r.message);
  elseif (strcmp (c.expect, "ok"))
    outcome = "rejected";
    got = sprintf ("error [%s] %s", r.identifier, r.message);
  elseif (! strncmp (r.message, [c.fn ": "], numel (c.fn) + 2))
    outcome = "bad_message";
    got = sprintf ("error [%s] %s", r.identifier, r.message);
  else
    outcome = "error";
    got = sprintf ("error [%s] %s", r.identifier, r.message);
  endif
  if (! any (strcmp (outcome, {"ok", "error"})))
    bad{end+1} = outcome;
  endif
  if (! isempty (r.flags))
    flags = strsplit (r.flags, ",");
    if (any (strncmp (flags, "modified", 8)))
      bad{end+1} = "modified";
    endif
    if (any (strcmp (flags, "garbled")) && ! any (strcmp (bad, "bad_message")))
      bad{end+1} = "bad_message";
    endif
    if (any (strncmp (flags, "stray:", 6)))
      bad{end+1} = "stray_file";
    endif
    if (any (! strncmp (flags, "modified", 8) & ! strcmp (flags, "garbled") ...
             & ! strncmp (flags, "stray:", 6)))
      bad{end+1} = "side_effect";
    endif
    got = sprintf ("%s; flags: %s", got, r.flags);
  endif
endfunction

## ---- printing

function print_counts (cases, info)
  fns = unique (cellfun (@(c) c.fn, cases, "uniformoutput", false));
  printf ("\nbackprop fuzz: %d calls%s\n\n", numel (cases), info);
  printf ("%-18s %6s %6s %6s %6s %9s %5s\n", "function", "calls", "ok", ...
          "error", "BAD", "modified", "side");
  total = zeros (1, 6);
  for i = 1:numel (fns)
    mine = cases(cellfun (@(c) strcmp (c.fn, fns{i}), cases));
    row = [numel(mine), count(mine, "ok"), count(mine, "error"), ...
           sum(cellfun (@(c) ! isempty (c.bad), mine)), ...
           sum(cellfun (@(c) any (strcmp (c.bad, "modified")), mine)), ...
           sum(cellfun (@(c) any (strcmp (c.bad, "side_effect")), mine))];
    total += row;
    printf ("%-18s %6d %6d %6d %6d %9d %5d\n", fns{i}, row);
  endfor
  printf ("%-18s %6d %6d %6d %6d %9d %5d\n", "all", total);
  printf ("\noutcomes: ok %d, error %d, BAD %d\n", count(cases, "ok"), ...
          count(cases, "error"), sum(cellfun (@(c) ! isempty (c.bad), cases)));
  printf ("BAD kinds:");
  for k = {"accepted", "rejected", "bad_id", "bad_message", "crash", "hang", ...
           "modified", "side_effect", "stray_file", "setup", "missing"}
    printf (" %s %d%s", k{1}, sum (cellfun (@(c) any (strcmp (c.bad, k{1})), cases)), ...
            pick (strcmp (k{1}, "missing"), "\n", ","));
  endfor
  printf ("expected: ok %d, error %d, either %d (of which ok %d)\n", ...
          sum (cellfun (@(c) strcmp (c.expect, "ok"), cases)), ...
          sum (cellfun (@(c) strcmp (c.expect, "error"), cases)), ...
          sum (cellfun (@(c) strcmp (c.expect, "any"), cases)), ...
          sum (cellfun (@(c) strcmp (c.expect, "any") && strcmp (c.outcome, "ok"), cases)));
endfunction

function n = count (cases, outcome)
  n = sum (cellfun (@(c) strcmp (c.outcome, outcome), cases));
endfunction

function print_slowest (cases, rec)
  ms = [rec.ms];
  ms(isnan (ms)) = -1;
  [ms, order] = sort (ms, "descend");
  printf ("slowest calls:");
  for k = 1:min (3, numel (order))
    c = cases{order(k)};
    printf (" %s %s (%.1f s);", c.fn, c.desc, ms(k) / 1000);
  endfor
  printf ("\n");
endfunction

function print_bad (cases)
  if (isempty (cases))
    return;
  endif
  printf ("\nBAD calls (a statement that names a fixture under the scratch folder, or\n");
  printf ("a relative out/... file, runs as it ran with --keep, from <scratch>/w0/cwd):\n");
  for i = 1:numel (cases)
    c = cases{i};
    printf ("\n[%s] #%d %s: %s\n", strjoin (c.bad, ", "), c.id, c.fn, c.desc);
    printf ("    call:     %s\n", statement (c));
    printf ("    expected: %s\n", expectation (c));
    printf ("    got:      %s\n", c.got);
  endfor
endfunction

## The call as a statement one can paste into Octave.
function s = statement (c)
  call = sprintf ("%s (%s)", c.fn, strjoin (c.args, ", "));
  switch (c.nout)
    case 0
      s = [call ";"];
    case 1
      s = ["o1 = " call ";"];
    otherwise
      outs = arrayfun (@(k) sprintf ("o%d", k), 1:c.nout, "uniformoutput", false);
      s = sprintf ("[%s] = %s;", strjoin (outs, ", "), call);
  endswitch
endfunction

function s = expectation (c)
  switch (c.expect)
    case "ok"
      s = "no error (the arguments are valid), arguments unchanged";
    case "error"
      s = sprintf ("an error [backprop:%s:<reason>] \"%s: ...\", arguments unchanged", ...
                   c.fn, c.fn);
    case "octave"
      s = "an error (Octave's own: the function is not run), arguments unchanged";
    otherwise
      s = sprintf ("no error or an error [backprop:%s:<reason>], arguments unchanged", ...
                   c.fn);
  endswitch
endfunction

## Files left at the end in a child's TMPDIR or HOME, or other than PNG,
## SVG or PDF files in its working folder or the plots' folder out (the
## children check this after every call as well; this catches what
## appears later, such as a file a gnuplot process writes after the call
## returned).  In TMPDIR only the PNG files a plot or bp_print writes and
## names when it has no display and no file to write to
## (bp_plot_history-XXXXXX.png, bp_print-XXXXXX.png) may stay: the user
## is told where they are; the plots' own temporary files (bp_plot-*)
## must be gone.
function stray = stray_files (scratch)
  stray = {};
  for w = glob (fullfile (scratch, "w*"))'
    for d = {"tmp", "home", "cwd", "cwd/out"}
      names = readdir (fullfile (w{1}, d{1}))';
      names = setdiff (names, {".", "..", "out"});
      if (any (strcmp (d{1}, {"cwd", "cwd/out"})))
        names = names(cellfun (@isempty, regexpi (names, '\.(png|svg|pdf)$', "once")));
      elseif (strcmp (d{1}, "tmp"))
        names = names(cellfun (@isempty, regexp (names, '^(bp_plot_[a-z]+|bp_print)-\w+\.png$', "once")));
      endif
      [~, wname] = fileparts (w{1});
      stray = [stray, strcat([wname "/" d{1} "/"], names)];
    endfor
  endfor
  if (! isempty (stray))
    printf ("\nstray files left by the calls (in the scratch folder): %s\n", ...
            strjoin (stray, ", "));
  endif
endfunction
