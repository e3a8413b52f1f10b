## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Ctrl-C during bp_train (doc/design-decisions.md, "Training"): training
## stops at the end of the current mini-batch and Octave returns to its
## prompt; nothing is assigned, the network passed in is unchanged,
## everything allocated is freed, and the session goes on working.
##
## How.  A child "octave-cli -i" (interactive, so that SIGINT interrupts
## rather than kills) reads its commands from a pipe (popen2) and writes
## to another, which this test reads without blocking.  The child makes a
## [784 512 512 10] network and 20000 random samples, prints a marker and
## starts a 50-epoch bp_train (minutes of work).  bp_train.m advances the
## run in C for 20 ms at a time and returns to the interpreter in between,
## which is where Octave itself handles Ctrl-C.  Once the child has used
## 0.5 s of CPU time after the marker (so it is inside the training loop,
## not still parsing options), the test notes time () and sends SIGINT
## with kill.  The commands sent next run when the prompt is back; the
## first prints the child's time (), whether the outputs of bp_train exist,
## whether the network equals the copy kept before, and how many training
## runs the gateway still holds (it must hold none).  Both processes
## read the same wall clock, so the difference is the time from the
## signal to the prompt.
##
## Bounds.  The C loop returns after the first mini-batch that ends past
## its 20 ms slice; a batch of 100 samples of this network is ~0.4 GFLOP,
## 10 to 50 ms here, so the prompt is due back within 0.07 s, and was
## measured back 8 to 32 ms after the signal.  The design limit is 0.1 s:
## the median of the six runs must meet it; any single run may take up to
## MAX_LATENCY = 0.5 s, room for a loaded machine (the child may wait for
## a core).
##
## Memory.  Six interrupted runs: the first two warm up (the allocator
## keeps the freed blocks of the first runs for the next ones: the child
## grew once by one run's size, 19 MB, and then stayed flat), then VmRSS
## and VmData of the child, read from /proc/<pid>/status, may not grow by
## more than GROWTH_BOUND = 10 MB over the four runs after them.  One
## interrupted run holds 5.4 MB of network, 5.4 MB of gradient, 5.4 MB of
## momentum velocities, 2.5 MB of batch workspace and 0.8 MB for the
## shuffle: a run left behind each time would add 19 MB.  The gateway's
## own count of the runs it holds must be 0 after every interrupt.
##
## Every wait has a timeout; the child is killed (SIGKILL) and reaped in a
## cleanup block whatever happens, so the test cannot hang or leave a
## process behind.  Skipped, with a note, only where no such child can be
## run: not Linux, or no octave-cli next to this Octave.  The child's
## helpers (child_start, child_send, child_wait_for, child_cpu_seconds,
## child_stop) are in tests/lib, shared with tests/test_plots_hostile.m.

## ---------------------------------------------------------------------
## Helpers

%!function kb = child_memory (pid)
%!  ## [VmRSS, VmData] of process PID in kB.
%!  s = fileread (sprintf ("/proc/%d/status", pid));
%!  kb = [sscanf(regexp (s, 'VmRSS:\s*\d+', "match", "once")(7:end), "%d"), ...
%!        sscanf(regexp (s, 'VmData:\s*\d+', "match", "once")(8:end), "%d")];

## ---------------------------------------------------------------------

%!test
%! LATENCY_BOUND = 0.1;     # s: the design's limit, for the median run
%! MAX_LATENCY = 0.5;       # s: any run, on a loaded machine
%! GROWTH_BOUND = 10240;    # kB over the four measured interrupted runs
%! RUNS = 6;                # the first two warm up
%! SIGINT = 2;
%! in = out = pid = -1;
%! unwind_protect
%!   [in, out, pid] = child_start ();
%!   if (pid < 0)
%!     printf ("  skipped: needs Linux's /proc and an octave-cli next to this Octave\n");
%!     return;
%!   endif
%!   ## keep holds its own copy of every array (+= 0 on one element
%!   ## unshares them), so a gateway writing into net's arrays in place
%!   ## would show.
%!   child_send (in, ["rand ('state', 1);  randn ('state', 1);" ...
%!                    "X = randn (784, 20000);  Y = zeros (10, 20000);" ...
%!                    "Y(sub2ind (size (Y), randi (10, 1, 20000), 1:20000)) = 1;" ...
%!                    "net = bp_init ([784 512 512 10], 'seed', 1);" ...
%!                    "keep = net;  for l = 1:3, keep.W{l}(1) += 0; keep.b{l}(1) += 0; end;" ...
%!                    "printf ('READY\\n');"]);
%!   text = child_wait_for (out, pid, '^READY\n', 120, "");
%!   latency = zeros (1, RUNS);
%!   mem = zeros (RUNS, 2);
%!   for k = 1:RUNS
%!     child_send (in, sprintf (["clear net2 h2;  printf ('STARTED %d\\n');  fflush (stdout);" ...
%!                         "[net2, h2] = bp_train (net, X, Y, 'epochs', 50, 'batch', 100," ...
%!                         " 'momentum', 0.9, 'verbose', false, 'seed', %d);" ...
%!                         "printf ('FINISHED\\n');"], k, k));
%!     text = child_wait_for (out, pid, sprintf ('^STARTED %d\n', k), 60, text);
%!     cpu0 = child_cpu_seconds (pid);
%!     t_start = time ();
%!     while (child_cpu_seconds (pid) - cpu0 < 0.5)
%!       assert (time () - t_start < 60, "the child used no CPU after STARTED %d", k);
%!       pause (0.02);
%!     endwhile
%!     t_signal = time ();
%!     kill (pid, SIGINT);
%!     child_send (in, sprintf (["printf ('BACK %d %%.6f %%d %%d %%d %%d\\n', time (), exist ('net2', 'var')," ...
%!                         " exist ('h2', 'var'), isequal (net, keep), __bp_train__ ('bp_train', 'count'));" ...
%!                         "  fflush (stdout);"], k));
%!     text = child_wait_for (out, pid, sprintf ('^BACK %d [^\n]*\n', k), 60, text);
%!     v = sscanf (regexp (text, sprintf ('(?<=^BACK %d )[^\n]*', k), "match", "once", "lineanchors"), "%f");
%!     assert (numel (v) == 5, "run %d: cannot read the BACK line in:\n%s", k, text);
%!     latency(k) = v(1) - t_signal;
%!     assert (isempty (strfind (text, "FINISHED")), "run %d finished instead of stopping", k);
%!     assert (v(2) == 0 && v(3) == 0, "run %d: bp_train's outputs were assigned (net2: %d, h2: %d)", ...
%!             k, v(2), v(3));
%!     assert (v(4) == 1, "run %d: the network passed to bp_train changed", k);
%!     assert (v(5) == 0, "run %d: %d training runs still held in memory after Ctrl-C", k, v(5));
%!     mem(k,:) = child_memory (pid);
%!   endfor
%!   ## The session still works: a short run of the same network, and a
%!   ## small one, complete.
%!   child_send (in, ["n3 = bp_train (net, X(:,1:500), Y(:,1:500), 'epochs', 1, 'batch', 100, 'verbose', false);" ...
%!              "n4 = bp_train (bp_init ([2 3 1], 'seed', 1), [0 0 1 1; 0 1 0 1], [0 1 1 0], 'epochs', 5, 'verbose', false);" ...
%!              "printf ('AFTER %d\\n', all (isfinite (n3.W{3}(:))) && ! isequal (n3.W, net.W) && isstruct (n4));"]);
%!   text = child_wait_for (out, pid, '^AFTER \d\n', 120, text);
%!   assert (! isempty (regexp (text, '^AFTER 1$', "once", "lineanchors")), ...
%!           "training after the interrupts did not work:\n%s", text);
%!   child_send (in, "exit (0)");
%!   t0 = time ();
%!   do
%!     [p, status] = waitpid (pid, WNOHANG ());
%!     if (p != pid)
%!       assert (time () - t0 < 30, "the child did not exit within 30 s");
%!       pause (0.05);
%!     endif
%!   until (p == pid)
%!   pid = -1;          # reaped
%!   assert (status == 0, "the child exited with status %d", status);
%!   growth = max (mem(end,:) - mem(2,:));
%!   printf ("  interrupt: %d runs of bp_train interrupted; latency %s s (bound %.1f); child VmRSS after each %s MB, growth over the last %d %+d kB (bound %d)\n", ...
%!           RUNS, mat2str (latency, 2), LATENCY_BOUND, mat2str (round (mem(:,1)' / 1024)), ...
%!           RUNS - 2, growth, GROWTH_BOUND);
%!   assert (all (latency >= 0), "a BACK time before the signal: %s", mat2str (latency, 4));
%!   assert (median (latency) <= LATENCY_BOUND, ...
%!           "the prompt came back %.2f s after Ctrl-C (median; bound %.1f s); all runs: %s", ...
%!           median (latency), LATENCY_BOUND, mat2str (latency, 3));
%!   assert (max (latency) <= MAX_LATENCY, ...
%!           "the prompt came back %.2f s after Ctrl-C (bound %.1f s); all runs: %s", ...
%!           max (latency), MAX_LATENCY, mat2str (latency, 3));
%!   assert (growth <= GROWTH_BOUND, ...
%!           "the child grew by %d kB over %d interrupted runs (VmRSS, VmData kB per run:\n%s)", ...
%!           growth, RUNS - 2, mat2str (mem));
%! unwind_protect_cleanup
%!   child_stop (in, out, pid);
%! end_unwind_protect
