## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Memory does not grow over thousands of calls that fail, nor over
## thousands that succeed (doc/robustness.md: an error must leave
## nothing behind).  Every public function is driven through error paths that fail
## at different stages of its gateway: early type checks, a broken network
## found only in its last layer (after the gateway has mxMalloc'd its
## per-layer views), a loss and output layer that do not fit (found after
## every layer was checked), targets out of range, the memory check, a
## training run that diverges after the output network, the history and
## the core's workspace were allocated; and through the normal path with
## every number of outputs, including fewer than the gateway builds
## (bp_forward builds a and z even for one output).
##
## Two measures, read around each round of calls:
##
##  * The heap in use: glibc's mallinfo2 (uordblks + hblkhd, every arena,
##    mmapped blocks included), read through a ten-line MEX file this test
##    compiles into a temporary folder (Octave has no mallinfo of its own).
##    It counts bytes handed out and not freed, so a leak shows at once,
##    whatever free space the heap still had.  It also counts the freed
##    blocks glibc keeps in its per-thread cache (tcache) for reuse.  With
##    Debian unstable's glibc 2.43, Octave 11.3 showed 20 to 50 bytes a
##    call of such "growth" on the plot functions' error paths, which
##    vanished with the cache off (measured 2026-12-05: -6 to +7 bytes a
##    call over 6000 calls).  `make test` therefore runs Octave with
##    GLIBC_TUNABLES=glibc.malloc.tcache_count=0, and this test says so
##    when it runs without that.  Each case runs WARM = 100 times first
##    (Octave's caches reach their steady state), then in two rounds of
##    N = 400 calls.  A leak of b bytes a call grows the heap by b*N in
##    *every* round; a one-time growth (a cache filled late) shows in one
##    round only, so the smaller of the two growths must stay within
##    HEAP_BOUND = 8 kB.  Every block malloc
##    hands out takes at least 32 bytes (24 of data and its header), and
##    400 x 32 = 12.8 kB > 8 kB: the test catches a leak of one block of
##    any size a call, and any leak of 21 bytes a call or more.  Leak-free
##    cases measure -1.5 to +2 kB a round here; a gateway made to leak one
##    24-byte block a call measured +9.2 to +12.4 kB in rounds of 300.
##
##  * VmRSS and VmData from /proc/self/status (resident memory; the heap
##    and other private writable mappings), as a backstop for memory that
##    does not come from malloc: over both rounds max(VmRSS, VmData) may
##    grow by RSS_BOUND = 1 MB, i.e. 1.3 kB a call.  These figures alone
##    would miss small leaks: a leaked block is first carved out of free
##    space the heap already holds, and the process only grows once that
##    is used up.  Without a C compiler the test falls back to them, says
##    so, and still checks them.
##
## Memory figures do not depend on the machine's load, so no bound needs
## an allowance for it.
##
## Resource leaks other than memory are checked where a function has any:
## bp_load_idx's open files (its gateway's zlib streams are covered by
## the memory figures), the plot functions' figures.
##
## Run alone:  test ("tests/test_memory_error_paths.m") with the package
## loaded, in an Octave started with the variable above (25 to 40 s on
## this 2-core machine).  Octave's test stops
## a file at its first failing block, so a leak in one group hides the
## groups after it.

## ---------------------------------------------------------------------
## Helpers

%!function dir = heap_meter ()
%!  ## Compile heap_in_use.mex (bytes in use by malloc, from mallinfo2)
%!  ## into a new temporary folder and put it on the path; "" when that is
%!  ## not possible (no compiler, no glibc).  remove_meter undoes it.
%!  src = {
%!    "#include <malloc.h>"
%!    "#include \"mex.h\""
%!    "/* Bytes malloc has handed out and not taken back, every arena. */"
%!    "void mexFunction (int nlhs, mxArray *plhs[], int nrhs,"
%!    "                  const mxArray *prhs[])"
%!    "{"
%!    "  struct mallinfo2 m = mallinfo2 ();"
%!    "  plhs[0] = mxCreateDoubleScalar ((double) m.uordblks"
%!    "                                  + (double) m.hblkhd);"
%!    "}"};
%!  dir = tempname ();
%!  mkdir (dir);
%!  c = fullfile (dir, "heap_in_use.c");
%!  f = fopen (c, "w");
%!  fprintf (f, "%s\n", src{:});
%!  fclose (f);
%!  [out, status] = mkoctfile_quiet (c, fullfile (dir, "heap_in_use.mex"));
%!  if (status == 0)
%!    addpath (dir);
%!    try
%!      heap_in_use ();
%!      if (isempty (strfind (getenv ("GLIBC_TUNABLES"), "tcache_count=0")))
%!        printf ("  note: glibc's thread cache is on, so freed blocks it keeps count as in use (make test turns it off)\n");
%!      endif
%!      return;
%!    catch
%!    end_try_catch
%!    rmpath (dir);
%!  endif
%!  printf ("  note: no heap meter (%s); only VmRSS and VmData are checked\n", ...
%!          strtrim (out));
%!  remove_meter (dir);
%!  dir = "";

%!function [out, status] = mkoctfile_quiet (src, mex)
%!  ## mkoctfile --mex SRC -o MEX, its messages captured rather than shown.
%!  try
%!    [status, out] = system (sprintf ("'%s' --mex '%s' -o '%s' 2>&1", ...
%!                                     fullfile (OCTAVE_HOME (), "bin", "mkoctfile"), ...
%!                                     src, mex));
%!  catch err
%!    out = err.message;
%!    status = 1;
%!  end_try_catch

%!function remove_meter (dir)
%!  if (! isempty (dir))
%!    if (any (strcmp (dir, strsplit (path (), pathsep ()))))
%!      rmpath (dir);
%!    endif
%!    clear heap_in_use
%!    confirm_recursive_rmdir (false, "local");
%!    [~] = rmdir (dir, "s");
%!  endif

%!function m = measure (metered)
%!  ## [heap bytes in use (NaN without the meter), VmRSS kB, VmData kB].
%!  s = fileread ("/proc/self/status");
%!  rss = sscanf (regexp (s, 'VmRSS:\s*\d+', "match", "once")(7:end), "%d");
%!  data = sscanf (regexp (s, 'VmData:\s*\d+', "match", "once")(8:end), "%d");
%!  heap = NaN;
%!  if (metered)
%!    heap = heap_in_use ();
%!  endif
%!  m = [heap, rss, data];

%!function r = leak_check (cases, N, metered)
%!  ## Run each case {label, function, nargout, identifier} (identifier ""
%!  ## for a call that must succeed): WARM calls, then two rounds of N
%!  ## calls, each call checked for the expected outcome.  Returns one
%!  ## struct per case: label, heap (growth of each round, bytes), rss
%!  ## (growth of max(VmRSS, VmData) over both rounds, kB), calls, wrong
%!  ## (calls with another outcome), first (the first of them), seconds.
%!  WARM = 100;
%!  r = struct ("label", {}, "heap", {}, "rss", {}, "calls", {}, "wrong", {}, ...
%!              "first", {}, "seconds", {});
%!  for c = 1:rows (cases)
%!    [label, f, nout, want] = cases{c,:};
%!    t0 = tic ();
%!    out = cell (1, nout);
%!    wrong = 0;
%!    first = "";
%!    m = zeros (3, 3);
%!    for rnd = 0:2
%!      for i = 1:(ifelse (rnd == 0, WARM, N))
%!        try
%!          if (nout == 0)
%!            f ();
%!          else
%!            [out{:}] = f ();
%!          endif
%!          id = "";
%!          msg = "no error";
%!        catch err
%!          id = err.identifier;
%!          msg = err.message;
%!        end_try_catch
%!        if (! strcmp (id, want))
%!          wrong++;
%!          if (isempty (first))
%!            first = sprintf ("got '%s' (%s), expected '%s'", id, msg, want);
%!          endif
%!        endif
%!      endfor
%!      m(rnd+1,:) = measure (metered);
%!    endfor
%!    r(c) = struct ("label", label, "heap", diff (m(:,1))', ...
%!                   "rss", max (m(3,2:3) - m(1,2:3)), "calls", WARM + 2 * N, ...
%!                   "wrong", wrong, "first", first, "seconds", toc (t0));
%!  endfor

%!function v = ifelse (c, a, b)
%!  if (c)
%!    v = a;
%!  else
%!    v = b;
%!  endif

%!function judge (group, r, N)
%!  ## Print one summary line for GROUP; fail listing every case whose
%!  ## heap or process grew beyond its bound, or whose outcome was wrong.
%!  HEAP_BOUND = 8192;     # bytes, the smaller growth of two rounds of N
%!  RSS_BOUND = 1024;      # kB, max(VmRSS, VmData) over both rounds
%!  heap = min (vertcat (r.heap), [], 2);
%!  printf ("  memory %-13s %2d cases, %5d calls, %4.1f s: heap +%d bytes a round of %d at most (bound %d), process +%d kB at most (bound %d)\n", ...
%!          group, numel (r), sum ([r.calls]), sum ([r.seconds]), ...
%!          max ([heap; 0]), N, HEAP_BOUND, max ([r.rss]), RSS_BOUND);
%!  problems = {};
%!  for c = 1:numel (r)
%!    if (heap(c) > HEAP_BOUND)
%!      problems{end+1} = sprintf ("%s: the heap in use grew by %d and %d bytes in two rounds of %d calls (%.0f bytes a call)", ...
%!                                 r(c).label, r(c).heap, N, heap(c) / N);
%!    endif
%!    if (r(c).rss > RSS_BOUND)
%!      problems{end+1} = sprintf ("%s: the process grew by %d kB over %d calls", ...
%!                                 r(c).label, r(c).rss, 2 * N);
%!    endif
%!    if (r(c).wrong > 0)
%!      problems{end+1} = sprintf ("%s: %d calls ended otherwise than expected; the first %s", ...
%!                                 r(c).label, r(c).wrong, r(c).first);
%!    endif
%!  endfor
%!  assert (isempty (problems), "%s:\n  %s", group, strjoin (problems, "\n  "));

%!function r = run_group (group, cases, N)
%!  ## leak_check with the heap meter in place, then judge.
%!  dir = heap_meter ();
%!  unwind_protect
%!    r = leak_check (cases, N, ! isempty (dir));
%!  unwind_protect_cleanup
%!    remove_meter (dir);
%!  end_unwind_protect
%!  judge (group, r, N);

%!function id = bp_id (fn, reason)
%!  id = ["backprop:" fn ":" reason];

%!function [big, xbig] = huge_case ()
%!  ## A 1-1e5-1 network and 1e5 samples: 2.4 MB of arguments whose forward
%!  ## pass needs 160 GB (8 bytes x 1e5 samples x 2e5 values of z and a),
%!  ## far more than this machine's 24 GB, so the gateway's memory check
%!  ## refuses them before allocating anything.
%!  big = bp_init ([1 1e5 1], "init", "zeros");
%!  xbig = zeros (1, 1e5);

## The data.  An 8-layer network (per-layer views and checks are then
## the largest), 64 samples: one set of a{l} and z{l} is 80 kB.  Made
## afresh by each block rather than %!shared: a failing block prints its
## shared variables, and these are long.

%!function [net, x, y, soft, ys, lin] = data ()
%!  net = bp_init ([6 10 10 10 10 10 10 10 4], ...
%!                 "activation", {"tanh", "relu", "leaky-relu", "sigmoid", ...
%!                                "tanh", "linear", "tanh", "sigmoid"}, ...
%!                 "loss", "cross-entropy", "seed", 1);
%!  x = reshape (sin (1:6*64), 6, 64);
%!  y = double (reshape (cos (1:4*64), 4, 64) > 0);
%!  soft = bp_init ([6 12 5], "activation", {"sigmoid", "softmax"}, ...
%!                  "loss", "log-likelihood", "seed", 2);
%!  ys = repmat (eye (5), 1, 13)(:,1:64);
%!  lin = bp_init ([6 10 10 10 4], "activation", "linear", "loss", "sse", ...
%!                 "seed", 3);

## ---------------------------------------------------------------------
## bp_forward and bp_predict (gateways __bp_forward__, __bp_predict__)

%!test
%! [net, x, y, soft, ys, lin] = data ();
%! F = "bp_forward";  P = "bp_predict";
%! [big, xbig] = huge_case ();
%! ## bp_predict keeps two layers at a time and takes the columns in
%! ## chunks, so only a result that cannot fit is refused: 1e5-by-1e5.
%! wide_out = bp_init ([1 2 1e5], "init", "zeros");
%! L = numel (net.W);
%! last_W = net;    last_W.W{L} = ones (4, 11);          # last layer, one column too many
%! last_g = net;    last_g.g{L} = "swish";               # last layer, unknown name
%! last_b = net;    last_b.b{L}(end) = NaN;              # last layer, last element
%! no_loss = rmfield (net, "loss");                      # after every layer
%! mismatch = net;  mismatch.loss = "log-likelihood";    # after every layer
%! short_g = net;   short_g.g = net.g(1:L-1);
%! x_nan = x;       x_nan(end) = NaN;                    # last element of x
%! N = 400;
%! run_group ("bp_forward", {
%!   "forward ok, 1 output",        @() bp_forward (net, x),       1, ""
%!   "forward ok, 3 outputs",       @() bp_forward (net, x),       3, ""
%!   "forward net not a struct",    @() bp_forward ({}, x),        1, bp_id(F, "invalid_net")
%!   "forward W{L} wrong shape",    @() bp_forward (last_W, x),    3, bp_id(F, "invalid_net")
%!   "forward g{L} unknown",        @() bp_forward (last_g, x),    3, bp_id(F, "invalid_net")
%!   "forward b{L} NaN",            @() bp_forward (last_b, x),    1, bp_id(F, "invalid_net")
%!   "forward no loss field",       @() bp_forward (no_loss, x),   1, bp_id(F, "invalid_net")
%!   "forward loss/output misfit",  @() bp_forward (mismatch, x),  3, bp_id(F, "invalid_net")
%!   "forward g of L-1 names",      @() bp_forward (short_g, x),   1, bp_id(F, "invalid_net")
%!   "forward x wrong rows",        @() bp_forward (net, y),       3, bp_id(F, "wrong_size")
%!   "forward x(end) NaN",          @() bp_forward (net, x_nan),   3, bp_id(F, "not_finite")
%!   "forward out of memory",       @() bp_forward (big, xbig),    3, bp_id(F, "out_of_memory")
%!   "forward 4 outputs (gateway)", @() __bp_forward__ (F, net, x), 4, bp_id(F, "nargout")
%!   "predict ok, 2 outputs",       @() bp_predict (soft, x),      2, ""
%!   "predict W{L} wrong shape",    @() bp_predict (last_W, x),    2, bp_id(P, "invalid_net")
%!   "predict out of memory",       @() bp_predict (wide_out, xbig), 1, bp_id(P, "out_of_memory")
%! }, N);

## ---------------------------------------------------------------------
## bp_gradient (gateway __bp_gradient__)

%!test
%! [net, x, y, soft, ys, lin] = data ();
%! G = "bp_gradient";
%! [big, xbig] = huge_case ();
%! L = numel (net.W);
%! last_W = net;  last_W.W{L} = ones (3, 10);
%! y_out = y;     y_out(end) = 1.5;                     # last element out of [0, 1]
%! N = 400;
%! run_group ("bp_gradient", {
%!   "gradient ok, 1 output",       @() bp_gradient (net, x, y),   1, ""
%!   "gradient ok, 2 outputs",      @() bp_gradient (net, x, y),   2, ""
%!   "gradient ok, 4, lambda",      @() bp_gradient (net, x, y, "lambda", 0.1), 4, ""
%!   "gradient softmax ok, 4",      @() bp_gradient (soft, x, ys), 4, ""
%!   "gradient W{L} wrong shape",   @() bp_gradient (last_W, x, y), 4, bp_id(G, "invalid_net")
%!   "gradient y(end) out of range", @() bp_gradient (net, x, y_out), 4, bp_id(G, "out_of_range")
%!   "gradient y one column short", @() bp_gradient (net, x, y(:,1:end-1)), 4, bp_id(G, "wrong_size")
%!   "gradient lambda < 0 (gateway)", @() __bp_gradient__ (G, net, x, y, -1), 4, bp_id(G, "out_of_range")
%!   "gradient out of memory",      @() bp_gradient (big, xbig, xbig), 4, bp_id(G, "out_of_memory")
%! }, N);

## ---------------------------------------------------------------------
## bp_cost (gateway __bp_cost__), bp_unroll and bp_roll

%!test
%! [net, x, y, soft, ys] = data ();
%! C = "bp_cost";  R = "bp_roll";
%! [big, xbig] = huge_case ();
%! L = numel (net.W);
%! last_W = net;  last_W.W{L} = ones (3, 10);
%! y_out = y;     y_out(end) = 1.5;
%! theta = bp_unroll (net);
%! t_nan = theta;  t_nan(end) = NaN;                     # found in the last value
%! t_soft = bp_unroll (soft);
%! t_big = zeros (numel (bp_unroll (big)), 1);
%! N = 400;
%! run_group ("bp_cost", {
%!   "cost ok, 1 output",           @() bp_cost (theta, net, x, y), 1, ""
%!   "cost ok, 2 outputs, lambda",  @() bp_cost (theta, net, x, y, "lambda", 0.1), 2, ""
%!   "cost softmax ok, 2",          @() bp_cost (t_soft, soft, x, ys), 2, ""
%!   "cost theta(end) NaN",         @() bp_cost (t_nan, net, x, y), 2, bp_id(C, "not_finite")
%!   "cost theta one value short",  @() bp_cost (theta(1:end-1), net, x, y), 2, bp_id(C, "wrong_size")
%!   "cost W{L} wrong shape",       @() bp_cost (theta, last_W, x, y), 2, bp_id(C, "invalid_net")
%!   "cost y(end) out of range",    @() bp_cost (theta, net, x, y_out), 2, bp_id(C, "out_of_range")
%!   "cost lambda < 0 (gateway)",   @() __bp_cost__ (C, theta, net, x, y, -1), 2, bp_id(C, "out_of_range")
%!   "cost out of memory",          @() bp_cost (t_big, big, xbig, xbig), 2, bp_id(C, "out_of_memory")
%!   "unroll ok",                   @() bp_unroll (net), 2, ""
%!   "roll ok",                     @() bp_roll (theta, net), 1, ""
%!   "roll theta(end) NaN",         @() bp_roll (t_nan, net), 1, bp_id(R, "not_finite")
%!   "roll W{L} wrong shape",       @() bp_roll (theta, last_W), 1, bp_id(R, "invalid_net")
%! }, N);

## ---------------------------------------------------------------------
## bp_sgd_step (gateway __bp_sgd_step__)

%!test
%! [net, x, y, soft, ys, lin] = data ();
%! S = "bp_sgd_step";
%! L = numel (net.W);
%! dW_last = net.W;  dW_last{L} = ones (4, 9);
%! db_nan = net.b;   db_nan{L}(end) = NaN;
%! last_W = net;     last_W.W{L} = ones (3, 10);
%! N = 400;
%! run_group ("bp_sgd_step", {
%!   "sgd ok",                      @() bp_sgd_step (net, net.W, net.b, 0.1), 1, ""
%!   "sgd ok, softmax net",         @() bp_sgd_step (soft, soft.W, soft.b, 0.1), 1, ""
%!   "sgd dW{L} wrong shape",       @() bp_sgd_step (net, dW_last, net.b, 0.1), 1, bp_id(S, "wrong_size")
%!   "sgd db{L}(end) NaN",          @() bp_sgd_step (net, net.W, db_nan, 0.1), 1, bp_id(S, "not_finite")
%!   "sgd eta < 0",                 @() bp_sgd_step (net, net.W, net.b, -1), 1, bp_id(S, "out_of_range")
%!   "sgd W{L} wrong shape",        @() bp_sgd_step (last_W, net.W, net.b, 0.1), 1, bp_id(S, "invalid_net")
%! }, N);

## ---------------------------------------------------------------------
## bp_train (gateway __bp_train__).  The diverging runs fail after the
## output network, the history rows and the core's workspace were all
## allocated.

%!test
%! [net, x, y, soft, ys, lin] = data ();
%! T = "bp_train";
%! [big, xbig] = huge_case ();
%! L = numel (net.W);
%! last_W = net;  last_W.W{L} = ones (3, 10);
%! y_out = y;     y_out(end) = -0.5;
%! q = {"verbose", false};
%! opts = struct ("epochs", 1, "batch", 8, "eta", 0.1, "momentum", 0, ...
%!                "lambda", 0, "shuffle", 1, "seed", 1, "verbose", 0, ...
%!                "has_validation", 0, "Xv", [], "Yv", []);
%! N = 400;
%! run_group ("bp_train", {
%!   "train ok, momentum, validation", @() bp_train (net, x, y, "epochs", 1, "batch", 8, "momentum", 0.5, "validation", {x, y}, "seed", 1, q{:}), 2, ""
%!   "train ok, softmax, 1 output", @() bp_train (soft, x, ys, "epochs", 1, "batch", 16, "seed", 2, q{:}), 1, ""
%!   "train ok, no shuffle",        @() bp_train (lin, x, y, "epochs", 1, "batch", 64, "eta", 1e-3, "shuffle", false, q{:}), 2, ""
%!   "train W{L} wrong shape",      @() bp_train (last_W, x, y, q{:}), 2, bp_id(T, "invalid_net")
%!   "train Y(end) out of range",   @() bp_train (net, x, y_out, q{:}), 2, bp_id(T, "out_of_range")
%!   "train validation wrong rows", @() bp_train (net, x, y, "validation", {y, y}, q{:}), 2, bp_id(T, "wrong_size")
%!   "train diverges",              @() bp_train (lin, x, y, "eta", 1e308, "shuffle", false, q{:}), 2, bp_id(T, "diverged")
%!   "train diverges, momentum",    @() bp_train (lin, x, y, "eta", 1e308, "momentum", 0.9, "seed", 4, q{:}), 2, bp_id(T, "diverged")
%!   "train out of memory",         @() bp_train (big, xbig, xbig, "batch", 1e5, "momentum", 0.5, q{:}), 2, bp_id(T, "out_of_memory")
%!   "train options (gateway)",     @() __bp_train__ (T, "start", net, x, y, struct ("etta", 1)), 2, bp_id(T, "unknown_option")
%! }, N);

## ---------------------------------------------------------------------
## bp_loss, bp_activation, bp_init (gateways __bp_loss__,
## __bp_activation__, __bp_names__, __bp_memory__).  The 1e12-node layer
## asks for "init", "zeros": should bp_init ever draw before checking the
## size again, a hundred failed randn calls would abort Octave 7.3 and end
## the whole test run; tests/test_allocation_failures.m tries the default
## draw in a child.

%!test
%! [net, x, y, soft, ys, lin] = data ();
%! Lo = "bp_loss";  A = "bp_activation";  I = "bp_init";
%! p = 1 ./ (1 + exp (-[x; x](1:4,:)));                 # probabilities, 4-by-64
%! p_out = p;  p_out(end) = 1 + eps;
%! z = [x; x];
%! N = 400;
%! run_group ("loss/act/init", {
%!   "loss ok, 2 outputs",          @() bp_loss (p, y, "cross-entropy"), 2, ""
%!   "loss y wrong size",           @() bp_loss (p, y(:,1:end-1), "mse"), 2, bp_id(Lo, "wrong_size")
%!   "loss aL(end) out of range",   @() bp_loss (p_out, y, "cross-entropy"), 2, bp_id(Lo, "out_of_range")
%!   "loss unknown name",           @() bp_loss (p, y, "hinge"), 2, bp_id(Lo, "unknown_loss")
%!   "activation ok, 2 outputs",    @() bp_activation (z, "softmax"), 2, ""
%!   "activation complex",          @() bp_activation (z + 1i, "tanh"), 2, bp_id(A, "wrong_type")
%!   "activation unknown name",     @() bp_activation (z, "swish"), 2, bp_id(A, "unknown_activation")
%!   "activation 3 outputs (gateway)", @() __bp_activation__ (A, z, "tanh"), 3, bp_id(A, "nargout")
%!   "init ok",                     @() bp_init ([6 10 4], "seed", 1), 1, ""
%!   "init unknown activation",     @() bp_init ([6 10 4], "activation", {"tanh", "swish"}), 1, bp_id(I, "unknown_activation")
%!   "init 1e12 nodes",             @() bp_init ([1 1e12], "init", "zeros"), 1, bp_id(I, "out_of_memory")
%!   "names, no name (gateway)",    @() __bp_names__ (), 1, "backprop:__bp_names__:nargin"
%! }, N);

## ---------------------------------------------------------------------
## Functions without a gateway of their own: data sets, IDX files, plots.
## Besides memory, no open file, no temporary folder and no figure may be
## left behind.

%!test
%! D = "bp_dataset";
%! N = 400;
%! run_group ("bp_dataset", {
%!   "dataset ok",                  @() bp_dataset ("spirals"), 3, ""
%!   "dataset unknown name",        @() bp_dataset ("mnist"), 3, bp_id(D, "unknown_dataset")
%!   "dataset bad name type",       @() bp_dataset (42), 3, bp_id(D, "wrong_type")
%! }, N);

%!test
%! ## bp_load_idx on good and broken files, plain and gzip: the gateway
%! ## inflates through zlib and must close its stream, and free what it
%! ## allocated, on every error; no file may stay open.
%! Ld = "bp_load_idx";
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   good = fullfile (d, "good.idx");
%!   f = fopen (good, "w");  fwrite (f, [0 0 8 2 0 0 0 2 0 0 0 3 1:6], "uint8");  fclose (f);
%!   goodgz = [gzip(good){1}];
%!   magic = fullfile (d, "magic.idx");
%!   f = fopen (magic, "w");  fwrite (f, [1 2 8 1 0 0 0 1 7], "uint8");  fclose (f);
%!   short = fullfile (d, "short.idx");
%!   f = fopen (short, "w");  fwrite (f, [0 0 8 2 0 0 0 2 0 0 0 3 1 2], "uint8");  fclose (f);
%!   long = fullfile (d, "long.idx");
%!   f = fopen (long, "w");  fwrite (f, [0 0 8 1 0 0 0 2 1 2 3], "uint8");  fclose (f);
%!   longgz = [gzip(long){1}];
%!   huge = fullfile (d, "huge.idx");
%!   f = fopen (huge, "w");  fwrite (f, [0 0 8 3 0 0 0 0 255 255 255 255 255 255 255 255], "uint8");  fclose (f);
%!   badgz = fullfile (d, "bad.idx.gz");
%!   f = fopen (badgz, "w");  fwrite (f, [31 139 8 0 1 2 3 4 5 6], "uint8");  fclose (f);
%!   pipe = fullfile (d, "pipe.idx");
%!   [err, msg] = mkfifo (pipe, 600);
%!   assert (err == 0, msg);
%!   files0 = numel (fopen ("all"));
%!   N = 400;
%!   run_group ("bp_load_idx", {
%!     "load_idx ok",               @() bp_load_idx (good), 2, ""
%!     "load_idx gzip ok",          @() bp_load_idx (goodgz), 2, ""
%!     "load_idx bad magic",        @() bp_load_idx (magic), 2, bp_id(Ld, "bad_magic")
%!     "load_idx truncated",        @() bp_load_idx (short), 2, bp_id(Ld, "truncated")
%!     "load_idx gzip too long",    @() bp_load_idx (longgz), 2, bp_id(Ld, "trailing_data")
%!     "load_idx too large",        @() bp_load_idx (huge), 2, bp_id(Ld, "too_large")
%!     "load_idx bad gzip",         @() bp_load_idx (badgz), 2, bp_id(Ld, "bad_gzip")
%!     "load_idx pipe",             @() bp_load_idx (pipe), 2, bp_id(Ld, "not_regular")
%!     "load_idx not found",        @() bp_load_idx (fullfile (d, "none")), 2, bp_id(Ld, "not_found")
%!   }, N);
%!   assert (numel (fopen ("all")), files0, "bp_load_idx left files open");
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (d, "s");
%! end_unwind_protect

%!test
%! ## bp_plot_network reaches __bp_forward__ for the node values of "x",
%! ## whose errors come before any figure is opened; bp_plot_boundary's
%! ## checks of X are its own.  No figure may stay open.
%! x2 = [0 0 1 1; 0 1 0 1];
%! n2 = bp_init ([2 3 1], "seed", 1);
%! figs0 = numel (get (0, "children"));
%! N = 400;
%! run_group ("bp_plot_*", {
%!   "plot_network x wrong rows",   @() bp_plot_network (n2, "x", [x2; x2], "visible", false), 0, bp_id("bp_plot_network", "wrong_size")
%!   "plot_boundary X with NaN",    @() bp_plot_boundary (n2, [x2 [NaN; 0]], [1 2 2 1 1], "visible", false), 0, bp_id("bp_plot_boundary", "not_finite")
%! }, N);
%! assert (numel (get (0, "children")), figs0, "a plot function left a figure open");
