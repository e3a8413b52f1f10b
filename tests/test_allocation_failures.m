## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Sizes that cannot fit give backprop:<fn>:out_of_memory errors, never an
## abort (doc/robustness.md), also one after another in one session, and
## the session goes on working.
##
## Each scenario runs in a CHILD octave-cli whose address space bash's
## "ulimit -v" caps at 3 GB (Octave itself takes ~0.35 GB of it), so that
## allocations fail for real and quickly, whatever the machine has, and an
## abort ends only the child.  The child prints one line per call,
## "CASE <label> | <identifier or OK> | <message>", then "ALIVE" once a small
## training run after all of them has worked; the parent parses that and
## the child's exit status.  Each child is bounded by coreutils' timeout
## (when present) so that nothing can hang the test run.  The scenarios
## were chosen so that they complement the per-function out_of_memory
## checks of the test_bad_input_*.m files:
##
##  1. Absurd sizes, one call of each kind in a row: layers of 1e12 nodes,
##     a 50000^2 layer (20 GB), forward and backward passes and training
##     whose scratch memory cannot fit (a 1-by-200000 x on a [1 20000 1]
##     network: 4e9 doubles of z and a), training with a huge batch and
##     momentum.
##  2. Near the limit: arguments sized (from the child's own VmSize) so
##     that what a gateway returns fits in the room left once, but not
##     twice.  Octave copies every array a MEX file returns into its own
##     value before freeing the MEX's one, so a gateway's memory check has
##     to count returned arrays twice; otherwise the call fails in Octave
##     with "out of memory or dimension too large for Octave's index type"
##     (Octave:bad-alloc) instead of a backprop: error.  Each call must end
##     either normally or with backprop:<fn>:out_of_memory.
##  3. bp_init of a 1e12-node layer 150 times with each random draw
##     ("scaled-normal" uses randn, "uniform" rand): every call an
##     out_of_memory error, and the child must survive and exit normally
##     (Octave 7.3 aborts after about a hundred randn or rand calls that
##     fail to allocate, so bp_init must refuse before drawing).
##
## Skipped, with a note, only where no child can be run this way: not
## Linux (no /proc, no ulimit -v), no bash, or no octave-cli next to this
## Octave.

## ---------------------------------------------------------------------
## Helpers

%!function why = cannot_run_child ()
%!  ## "" when a capped child Octave can be started, else the reason.
%!  why = "";
%!  if (! isunix () || ! exist ("/proc/self/status", "file"))
%!    why = "not Linux: no /proc/self/status and no ulimit -v";
%!  elseif (system ("command -v bash > /dev/null 2>&1") != 0)
%!    why = "bash not found";
%!  elseif (! exist (fullfile (OCTAVE_HOME (), "bin", "octave-cli"), "file"))
%!    why = "no octave-cli next to this Octave";
%!  endif

%!function c = child_helpers ()
%!  ## Octave code defining, in the child, try_case (LABEL, F, NOUT): call
%!  ## F with NOUT outputs and print "CASE LABEL | ID-or-OK | message";
%!  ## vm_room (): bytes left under the 3 GB cap; and alive (): a small
%!  ## training run, then "ALIVE".
%!  c = {
%!    "function try_case (label, f, nout)"
%!    "  out = cell (1, nout);"
%!    "  try"
%!    "    [out{:}] = f ();"
%!    "    printf ('CASE %s | OK |\\n', label);"
%!    "  catch err"
%!    "    printf ('CASE %s | %s | %s\\n', label, err.identifier, strrep (err.message, char (10), ' '));"
%!    "  end_try_catch"
%!    "  fflush (stdout);"
%!    "endfunction"
%!    "function r = vm_room ()"
%!    "  s = fileread ('/proc/self/status');"
%!    "  r = 3e6 * 1024 - 1024 * sscanf (regexp (s, 'VmSize:\\s*\\d+', 'match', 'once')(8:end), '%d');"
%!    "endfunction"
%!    "function alive ()"
%!    "  n = bp_train (bp_init ([2 3 1], 'seed', 1), [0 0 1 1; 0 1 0 1], [0 1 1 0], 'epochs', 20, 'verbose', false);"
%!    "  if (all (isfinite (n.W{1}(:))))"
%!    "    printf ('ALIVE\\n');"
%!    "  endif"
%!    "endfunction"
%!  };

%!function rows = parse_cases (out)
%!  ## {label, identifier or "OK", message} for every CASE line.
%!  t = regexp (out, '^CASE (.*?) \| (\S*) \|(.*)$', "tokens", "lineanchors", ...
%!              "dotexceptnewline");
%!  rows = cell (numel (t), 3);
%!  for i = 1:numel (t)
%!    rows(i,:) = {strtrim(t{i}{1}), t{i}{2}, strtrim(t{i}{3})};
%!  endfor

%!function check_child (status, out, labels, allowed, what)
%!  ## The child exited normally, said ALIVE, and printed a CASE line for
%!  ## each of LABELS whose outcome is one of ALLOWED{i} ("OK" for a normal
%!  ## return, else an identifier).
%!  problems = {};
%!  rows = parse_cases (out);
%!  for i = 1:numel (labels)
%!    k = find (strcmp (rows(:,1), labels{i}), 1);
%!    if (isempty (k))
%!      problems{end+1} = sprintf ("%s: no outcome printed (the child stopped before it?)", ...
%!                                 labels{i});
%!    elseif (! any (strcmp (rows{k,2}, allowed{i})))
%!      got = rows{k,2};
%!      if (isempty (got))
%!        got = "an error without identifier";
%!      endif
%!      problems{end+1} = sprintf ("%s: got %s \"%s\", expected %s", labels{i}, ...
%!                                 got, rows{k,3}, strjoin (allowed{i}, " or "));
%!    endif
%!  endfor
%!  if (status != 0 || isempty (regexp (out, '^ALIVE$', "once", "lineanchors")))
%!    how = "";
%!    if (status == 124)
%!      how = ", killed by timeout";
%!    endif
%!    problems{end+1} = sprintf ("the child did not end normally (exit status %d%s); its last lines:\n%s", ...
%!                               status, how, last_lines (out, 8));
%!  endif
%!  assert (isempty (problems), "%s:\n  %s", what, strjoin (problems, "\n  "));

%!function s = last_lines (out, n)
%!  lines = strsplit (strtrim (out), "\n");
%!  lines = lines(! cellfun (@(l) any (strfind (l, "ignoring const execution_exception")), lines));
%!  s = strjoin (lines(max (1, end-n+1):end), "\n");

## ---------------------------------------------------------------------
## 1. Absurd sizes, one after another in one session

%!test
%! why = cannot_run_child ();
%! if (! isempty (why))
%!   printf ("  skipped: %s\n", why);
%!   return;
%! endif
%! code = [child_helpers(); {
%!   "try_case ('init 1e12', @() bp_init ([1 1e12]), 1);"
%!   "try_case ('init 784-1e12-10 xavier', @() bp_init ([784 1e12 10], 'init', 'xavier'), 1);"
%!   "try_case ('init 50000x50000', @() bp_init ([50000 50000]), 1);"
%!   "n = bp_init ([1 20000 1], 'init', 'zeros');  x = zeros (1, 200000);"
%!   "try_case ('forward 4e9 doubles', @() bp_forward (n, x), 3);"
%!   "try_case ('predict 1e11 outputs', @() bp_predict (bp_init ([1 2 1e6], 'init', 'zeros'), x(1:1e5)), 2);"
%!   "try_case ('gradient 4e9 doubles', @() bp_gradient (n, x, x), 4);"
%!   "try_case ('train huge batch, momentum', @() bp_train (n, x, x, 'batch', 200000, 'momentum', 0.9, 'epochs', 1, 'verbose', false), 2);"
%!   "try_case ('train huge batch, shuffle', @() bp_train (n, x, x, 'batch', 100000, 'epochs', 1, 'verbose', false, 'seed', 1), 1);"
%!   "try_case ('sgd step, fits', @() bp_sgd_step (n, n.W, n.b, 0.1), 1);"
%!   "try_case ('activation, fits', @() bp_activation (zeros (20000, 2), 'tanh'), 2);"
%!   "alive ();"
%! }];
%! t0 = tic ();
%! [status, out] = run_octave_child (code, 300, 3e6);
%! labels = {"init 1e12", "init 784-1e12-10 xavier", "init 50000x50000", ...
%!           "forward 4e9 doubles", "predict 1e11 outputs", "gradient 4e9 doubles", ...
%!           "train huge batch, momentum", "train huge batch, shuffle", ...
%!           "sgd step, fits", "activation, fits"};
%! fns = {"bp_init", "bp_init", "bp_init", "bp_forward", "bp_predict", ...
%!        "bp_gradient", "bp_train", "bp_train", "bp_sgd_step", "bp_activation"};
%! allowed = cellfun (@(f) {["backprop:" f ":out_of_memory"]}, fns, "uniformoutput", false);
%! ## The last two fit (a 1-20000-1 network is 60001 numbers, a 20000-by-2
%! ## z 320 kB): they must work.  (bp_predict keeps two layers at a time
%! ## and takes the columns in chunks: only a result that cannot fit, here
%! ## 1e6-by-1e5, is out of memory.)
%! allowed(end-1:end) = {{"OK"}};
%! check_child (status, out, labels, allowed, "absurd sizes");
%! printf ("  allocation failures: %d absurd-size calls in one capped child, %.1f s\n", ...
%!         numel (labels), toc (t0));

## ---------------------------------------------------------------------
## 2. Near the limit: the results fit once, not twice

%!test
%! why = cannot_run_child ();
%! if (! isempty (why))
%!   printf ("  skipped: %s\n", why);
%!   return;
%! endif
%! ## R is the room left under the cap, read in the child just before the
%! ## data are made.  Fractions (worked out in the comments) leave each
%! ## gateway's own check passing with a margin of at least 12% of R, and
%! ## the true peak (its arrays plus Octave's copies of those returned)
%! ## above R by at least 12%.
%! code = [child_helpers(); {
%!   "ok = bp_train (bp_init ([2 3 1], 'seed', 1), [0 1; 1 0], [0 1], 'verbose', false);  % BLAS and caches warm"
%!   "## bp_forward, 3 outputs, [1 99 1]: the gateway checks 8 m (2*100 + 1);"
%!   "## everything it allocates is returned, so the peak is twice that."
%!   "## 8 m 201 = 0.62 R' (R' = R - 8 m for x) puts the peak at 1.24 R'."
%!   "R = vm_room ();  m = floor (0.62 * R / (8 * 201 + 0.62 * 8));"
%!   "n = bp_init ([1 99 1], 'init', 'zeros');  x = zeros (1, m);"
%!   "try_case ('forward, 3 outputs', @() bp_forward (n, x), 3);"
%!   "clear x"
%!   "## bp_gradient, 4 outputs, [1 99 1], x and y: the check is"
%!   "## 8 (3 m 100 + P); delta (m 100) is returned, so the peak is about"
%!   "## 8 (4 m 100).  8 (3 m 100) = 0.88 R' puts it at 1.17 R'."
%!   "R = vm_room ();  m = floor (0.88 * R / (8 * 300 + 0.88 * 16));"
%!   "x = zeros (1, m);"
%!   "try_case ('gradient, 4 outputs', @() bp_gradient (n, x, x), 4);"
%!   "clear x n"
%!   "## bp_activation, 2 outputs: z (8 N) is in VmSize; the check is 16 N;"
%!   "## the peak 32 N.  8 N = 0.237 R puts the check at 0.62 R' and the"
%!   "## peak at 1.24 R' (R' = R - 8 N)."
%!   "R = vm_room ();  z = zeros (1, floor (0.237 * R / 8));"
%!   "try_case ('activation, 2 outputs', @() bp_activation (z, 'linear'), 2);"
%!   "clear z"
%!   "## bp_loss, 2 outputs: aL and y (8 N each) in VmSize; the check is"
%!   "## 8 N for dC/da, the peak 16 N.  8 N = 0.277 R gives 0.62 R' and"
%!   "## 1.24 R' (R' = R - 16 N)."
%!   "R = vm_room ();  a = zeros (1, floor (0.277 * R / 8));  y = a;  y(1) = 0;"
%!   "try_case ('loss, 2 outputs', @() bp_loss (a, y, 'sse'), 2);"
%!   "clear a y"
%!   "## bp_train and bp_sgd_step of a [k k 1] network (8 P bytes of"
%!   "## weights, in VmSize): each checks about 8 P for its copy, and"
%!   "## returns it, so the peak is 16 P.  8 P = 0.383 R gives 0.62 R' and"
%!   "## 1.24 R' (R' = R - 8 P)."
%!   "R = vm_room ();  k = floor (sqrt (0.383 * R / 8));"
%!   "n = bp_init ([k k 1], 'init', 'zeros');  xs = zeros (k, 2);  ys = [0 1];"
%!   "try_case ('train, no momentum', @() bp_train (n, xs, ys, 'epochs', 1, 'shuffle', false, 'verbose', false), 1);"
%!   "try_case ('sgd step', @() bp_sgd_step (n, n.W, n.b, 0.1), 1);"
%!   "clear n xs"
%!   "## bp_init of a [k k] network: it checks 8 k^2 (the weights), but"
%!   "## the default draw randn (k, k) / sqrt (k) holds two k-by-k arrays at"
%!   "## once.  8 k^2 = 0.62 R: the check passes, the peak is 1.24 R."
%!   "R = vm_room ();  k = floor (sqrt (0.62 * R / 8));"
%!   "try_case ('init, default draw', @() bp_init ([k k]), 1);"
%!   "alive ();"
%! }];
%! t0 = tic ();
%! [status, out] = run_octave_child (code, 300, 3e6);
%! labels = {"forward, 3 outputs", "gradient, 4 outputs", "activation, 2 outputs", ...
%!           "loss, 2 outputs", "train, no momentum", "sgd step", "init, default draw"};
%! fns = {"bp_forward", "bp_gradient", "bp_activation", "bp_loss", "bp_train", ...
%!        "bp_sgd_step", "bp_init"};
%! allowed = cellfun (@(f) {"OK", ["backprop:" f ":out_of_memory"]}, fns, ...
%!                    "uniformoutput", false);
%! check_child (status, out, labels, allowed, "results that fit once, not twice");
%! printf ("  allocation failures: %d near-limit calls in one capped child, %.1f s\n", ...
%!         numel (labels), toc (t0));

## ---------------------------------------------------------------------
## 3. The same absurd size many times

%!test
%! why = cannot_run_child ();
%! if (! isempty (why))
%!   printf ("  skipped: %s\n", why);
%!   return;
%! endif
%! code = [child_helpers(); {
%!   "for i = 1:150"
%!   "  try_case (sprintf ('init randn %d', i), @() bp_init ([1 1e12]), 1);"
%!   "end"
%!   "for i = 1:150"
%!   "  try_case (sprintf ('init rand %d', i), @() bp_init ([1 1e12], 'init', 'uniform'), 1);"
%!   "end"
%!   "alive ();"
%! }];
%! t0 = tic ();
%! [status, out] = run_octave_child (code, 300, 3e6);
%! labels = [arrayfun(@(i) sprintf ("init randn %d", i), 1:150, "uniformoutput", false), ...
%!           arrayfun(@(i) sprintf ("init rand %d", i), 1:150, "uniformoutput", false)];
%! allowed = repmat ({{"backprop:bp_init:out_of_memory"}}, 1, 300);
%! check_child (status, out, labels, allowed, "bp_init ([1 1e12]) 300 times");
%! printf ("  allocation failures: 300 calls of bp_init ([1 1e12]) in one child, %.1f s\n", ...
%!         toc (t0));
