## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {} gateway_error_paths ()
## The Octave session that tools/check-memory runs under valgrind's
## memcheck: every MEX gateway of backprop, called through its public
## function (and a few times directly), on the error paths that fail at
## different stages (early type checks, a broken network found only in its
## last layer, targets out of range, memory checks, a run that diverges
## after the outputs were allocated) and on the normal path.
##
## Octave under memcheck runs some 50 times slower, so each path is taken
## only a few times (REPEAT): enough for a leak to show in valgrind's leak
## records with the gateway's frames in its stack.  Leaks are counted by
## valgrind, not here; this function only checks that every call ended as
## expected, so that a path that stopped being reached is noticed.
##
## The out_of_memory cases here are the gateways' own size checks, which
## refuse before allocating.  Allocations that really fail cannot be run
## under memcheck: valgrind aborts the process when operator new fails
## instead of throwing std::bad_alloc.  tests/test_allocation_failures.m
## covers them.
##
## The closing line "gateway_error_paths: N calls, M unexpected" is read
## by tools/check-memory; with M > 0 Octave exits with status 1.
## @end deftypefn

function gateway_error_paths ()
  REPEAT = 3;
  cases = all_cases ();
  calls = 0;
  unexpected = {};
  for c = 1:rows (cases)
    [label, f, nout, want] = cases{c,:};
    for r = 1:REPEAT
      got = call (f, nout);
      calls++;
      if (! strcmp (got, want))
        unexpected{end+1} = sprintf ("%s: expected '%s', got '%s'", label, ...
                                     want, got);
        break;
      endif
    endfor
  endfor
  for i = 1:numel (unexpected)
    printf ("unexpected: %s\n", unexpected{i});
  endfor
  printf ("gateway_error_paths: %d calls, %d unexpected\n", calls, ...
          numel (unexpected));
  if (! isempty (unexpected))
    exit (1);
  endif
endfunction

## Call F with NOUT outputs; the error identifier it raised, or "" when it
## returned.
function id = call (f, nout)
  id = "";
  try
    out = cell (1, nout);
    if (nout == 0)
      f ();
    else
      [out{:}] = f ();
    endif
  catch err
    id = err.identifier;
  end_try_catch
endfunction

## {label, function, nargout, expected identifier ("" = success)}
function c = all_cases ()
  net = bp_init ([3 5 4 2], "activation", {"tanh", "relu", "sigmoid"}, ...
                 "loss", "cross-entropy", "seed", 1);
  x = reshape (sin (1:24), 3, 8);
  y = double (reshape (cos (1:16), 2, 8) > 0);
  soft = bp_init ([3 4 3], "activation", {"sigmoid", "softmax"}, ...
                  "loss", "log-likelihood", "seed", 2);
  ys = [eye(3), eye(3), eye(3)(:,1:2)];
  ## Broken networks, each found at a different point of the network check.
  last_W = net;  last_W.W{3} = ones (2, 5);           # last layer, wrong shape
  last_g = net;  last_g.g{3} = "swish";               # last layer, bad name
  nan_b = net;   nan_b.b{3}(2) = NaN;                 # last layer, not finite
  no_loss = rmfield (net, "loss");                     # checked after all layers
  mismatch = net; mismatch.loss = "log-likelihood";    # loss/output pair
  short_g = net; short_g.g = net.g(1:2);               # g with L-1 entries
  big = bp_init ([1 1e6 1], "init", "zeros");          # 8 TB of workspace
  xbig = zeros (1, 1e6);
  lin = bp_init ([3 6 2], "activation", "linear", "loss", "sse", "seed", 3);
  wide_out = bp_init ([1 2 1e6], "init", "zeros");   # 8 TB of predictions
  theta = [net.W{1}(:); net.b{1}; net.W{2}(:); net.b{2}; net.W{3}(:); net.b{3}];
  id = @(fn, reason) ["backprop:" fn ":" reason];
  F = "bp_forward";  P = "bp_predict";  G = "bp_gradient";
  S = "bp_sgd_step";  T = "bp_train";  A = "bp_activation";  L = "bp_loss";
  C = "bp_cost";
  c = {
    ## __bp_names__ (through bp_init, and directly)
    "bp_init ok",           @() bp_init ([2 2 1], "seed", 1),            1, ""
    "bp_init bad act",      @() bp_init ([2 2 1], "activation", "swish"), 1, id("bp_init", "unknown_activation")
    "__bp_names__ no name", @() __bp_names__ (),                         1, "backprop:__bp_names__:nargin"
    "__bp_names__ nargin",  @() __bp_names__ ("bp_init", 1),             1, id("bp_init", "nargin")
    ## __bp_memory__ (through bp_init, and directly)
    "bp_init 1e12",         @() bp_init ([1 1e12]),                      1, id("bp_init", "out_of_memory")
    "__bp_memory__ bytes",  @() __bp_memory__ ("bp_init", -1, "x"),      0, id("bp_init", "out_of_range")
    "__bp_memory__ what",   @() __bp_memory__ ("bp_init", 1, 2),         0, id("bp_init", "wrong_type")
    ## __bp_activation__
    "activation ok",        @() bp_activation (x, "softmax"),            2, ""
    "activation complex",   @() bp_activation (x + 1i, "tanh"),          1, id(A, "wrong_type")
    "activation NaN",       @() bp_activation ([x NaN(3,1)], "tanh"),    1, id(A, "not_finite")
    "activation name",      @() bp_activation (x, "swish"),              2, id(A, "unknown_activation")
    "activation nargout",   @() __bp_activation__ (A, x, "tanh"),        3, id(A, "nargout")
    ## __bp_loss__
    "loss ok",              @() bp_loss (1 ./ (1 + exp (-x(1:2,:))), y, "cross-entropy"), 2, ""
    "loss y size",          @() bp_loss (x, y, "sse"),                   1, id(L, "wrong_size")
    "loss range",           @() bp_loss (x(1:2,:), y, "cross-entropy"),  2, id(L, "out_of_range")
    "loss name",            @() bp_loss (y, y, 42),                      1, id(L, "wrong_type")
    ## __bp_forward__ (bp_forward and bp_predict)
    "forward ok 1",         @() bp_forward (net, x),                     1, ""
    "forward ok 3",         @() bp_forward (net, x),                     3, ""
    "forward not struct",   @() bp_forward (42, x),                      1, id(F, "invalid_net")
    "forward W last",       @() bp_forward (last_W, x),                  3, id(F, "invalid_net")
    "forward g last",       @() bp_forward (last_g, x),                  3, id(F, "invalid_net")
    "forward b NaN",        @() bp_forward (nan_b, x),                   1, id(F, "invalid_net")
    "forward no loss",      @() bp_forward (no_loss, x),                 1, id(F, "invalid_net")
    "forward mismatch",     @() bp_forward (mismatch, x),                1, id(F, "invalid_net")
    "forward short g",      @() bp_forward (short_g, x),                 1, id(F, "invalid_net")
    "forward x rows",       @() bp_forward (net, x(1:2,:)),              3, id(F, "wrong_size")
    "forward x Inf",        @() bp_forward (net, [x [Inf; 0; 0]]),       1, id(F, "not_finite")
    "forward huge",         @() bp_forward (big, xbig),                  3, id(F, "out_of_memory")
    "forward nargout",      @() __bp_forward__ (F, net, x),              4, id(F, "nargout")
    "predict ok",           @() bp_predict (soft, x),                    2, ""
    "predict W last",       @() bp_predict (last_W, x),                  1, id(P, "invalid_net")
    "predict huge",         @() bp_predict (wide_out, xbig),             2, id(P, "out_of_memory")
    "predict range",        @() __bp_predict__ (P, net, x, 2, 99),       1, id(P, "out_of_range")
    ## __bp_check__ (the .m layer's checks)
    "check net",            @() __bp_check__ ("bp_plot_network", "net", last_g), 0, id("bp_plot_network", "invalid_net")
    "check pairing",        @() bp_init ([2 2], "activation", "relu", "loss", "cross-entropy"), 1, id("bp_init", "incompatible_loss")
    "check gradient",       @() bp_gradcheck (net, x, y, "gradient", {net.W, [net.b(1:2), {1}]}), 1, id("bp_gradcheck", "wrong_size")
    "check scalar",         @() bp_gradcheck (net, x, y, "tolerance", -1), 1, id("bp_gradcheck", "out_of_range")
    ## __bp_complex__ (bp_gradcheck's complex step)
    "complex ok",           @() bp_gradcheck (soft, x, ys, "method", "complex"), 1, ""
    "complex layer",        @() __bp_complex__ ("bp_gradcheck", net, x, x, 9, y), 2, id("bp_gradcheck", "out_of_range")
    ## __bp_cost__
    "cost ok",              @() __bp_cost__ ("bp_cost", theta, net, x, y, 0.1), 2, ""
    "cost theta length",    @() __bp_cost__ ("bp_cost", theta(2:end), net, x, y, 0), 2, id("bp_cost", "wrong_size")
    "cost theta NaN",       @() __bp_cost__ ("bp_cost", [NaN; theta(2:end)], net, x, y, 0), 2, id("bp_cost", "not_finite")
    "cost ok bp_cost",      @() bp_cost (bp_unroll (net), net, x, y),    1, ""
    "cost soft ok",         @() bp_cost (bp_unroll (soft), soft, x, ys, "lambda", 0.1), 2, ""
    "cost theta NaN last",  @() bp_cost ([theta(1:end-1); NaN], net, x, y), 2, id(C, "not_finite")
    "cost theta single",    @() bp_cost (single (theta), net, x, y),     2, id(C, "wrong_type")
    "cost W last",          @() bp_cost (theta, last_W, x, y),           2, id(C, "invalid_net")
    "cost y range",         @() bp_cost (theta, net, x, 2 * y),          2, id(C, "out_of_range")
    "cost lambda",          @() __bp_cost__ (C, theta, net, x, y, -1),   2, id(C, "out_of_range")
    "cost huge",            @() bp_cost (zeros (3e6 + 1, 1), big, xbig, xbig), 2, id(C, "out_of_memory")
    "roll theta NaN",       @() bp_roll ([theta(1:end-1); NaN], net),    1, id("bp_roll", "not_finite")
    ## __bp_gradient__
    "gradient ok 1",        @() bp_gradient (net, x, y),                 1, ""
    "gradient ok 4",        @() bp_gradient (net, x, y, "lambda", 0.1),  4, ""
    "gradient soft ok",     @() bp_gradient (soft, x, ys),               4, ""
    "gradient y range",     @() bp_gradient (net, x, 2 * y),             4, id(G, "out_of_range")
    "gradient y cols",      @() bp_gradient (net, x, y(:,1:7)),          2, id(G, "wrong_size")
    "gradient W last",      @() bp_gradient (last_W, x, y),              4, id(G, "invalid_net")
    "gradient lambda",      @() __bp_gradient__ (G, net, x, y, -1),      4, id(G, "out_of_range")
    "gradient huge",        @() bp_gradient (big, xbig, xbig),           4, id(G, "out_of_memory")
    ## __bp_sgd_step__
    "sgd ok",               @() bp_sgd_step (net, net.W, net.b, 0.1),    1, ""
    "sgd dW last",          @() bp_sgd_step (net, [net.W(1:2), {1}], net.b, 0.1), 1, id(S, "wrong_size")
    "sgd db NaN",           @() bp_sgd_step (net, net.W, [net.b(1:2), {[1; NaN]}], 0.1), 1, id(S, "not_finite")
    "sgd eta",              @() bp_sgd_step (net, net.W, net.b, -1),     1, id(S, "out_of_range")
    "sgd W last",           @() bp_sgd_step (last_W, net.W, net.b, 0.1), 1, id(S, "invalid_net")
    ## __bp_train__
    "train ok",             @() bp_train (net, x, y, "epochs", 2, "batch", 3, "momentum", 0.5, "validation", {x, y}, "verbose", false, "seed", 1), 2, ""
    "train soft ok",        @() bp_train (soft, x, ys, "epochs", 2, "verbose", false, "seed", 2), 2, ""
    "train W last",         @() bp_train (last_W, x, y, "verbose", false), 2, id(T, "invalid_net")
    "train Y range",        @() bp_train (net, x, 2 * y, "verbose", false), 2, id(T, "out_of_range")
    "train val size",       @() bp_train (net, x, y, "validation", {x(1:2,:), y}, "verbose", false), 2, id(T, "wrong_size")
    "train diverged",       @() bp_train (lin, x, y, "eta", 1e308, "verbose", false), 2, id(T, "diverged")
    "train diverged mom",   @() bp_train (lin, x, y, "eta", 1e308, "momentum", 0.9, "shuffle", false, "verbose", false), 2, id(T, "diverged")
    "train huge",           @() bp_train (big, xbig, xbig, "batch", 1e6, "momentum", 0.5, "verbose", false), 2, id(T, "out_of_memory")
    "train bad opts",       @() __bp_train__ (T, "start", net, x, y, struct ("etta", 1)), 2, id(T, "unknown_option")
    "train adam ok",        @() bp_train (net, x, y, "optimizer", "adam", "epochs", 3, "patience", 1, "validation", {x, y}, "schedule", {"step", 1, 0.5}, "verbose", false, "seed", 1), 3, ""
    "train cg ok",          @() bp_train (net, x, y, "optimizer", "cg", "max_iter", 3, "verbose", false), 2, ""
    "train bfgs ok",        @() bp_train (soft, x, ys, "optimizer", "bfgs", "max_iter", 3, "verbose", false), 2, ""
    "train schedule",       @() bp_train (net, x, y, "schedule", {"plateau", 1, 2, 0}, "verbose", false), 2, id(T, "out_of_range")
    "train state",          @() bp_train (net, x, y, "state", struct ("optimizer", "adam"), "verbose", false), 2, id(T, "invalid_state")
    "train callback error", @() bp_train (net, x, y, "callback", @(e, n, h) error ("my:own", "no"), "verbose", false), 2, "my:own"
    "train conflict",       @() bp_train (net, x, y, "optimizer", "adam", "momentum", 0.5, "verbose", false), 2, id(T, "invalid_option")
  };
endfunction
