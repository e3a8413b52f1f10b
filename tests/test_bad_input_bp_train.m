## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_train (net, X, Y, name, value, ...): every bad
## value of each argument and of each option ("epochs", "batch", "eta",
## "momentum", "lambda", "shuffle", "seed", "validation", "verbose"), and
## every way of breaking the network struct, must raise
## backprop:bp_train:<reason> with a message "bp_train: ..." naming the
## argument, option or field, leave the caller's variables as they were,
## and never crash Octave (doc/design-decisions.md, doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## Helpers of this file's tests only.

%!function bad = bad_option (name, kind)
%!  ## Values to refuse for the scalar option NAME of bp_train, by KIND:
%!  ##   "count"    a whole number >= 1 (epochs, batch)
%!  ##   "rate"     a number >= 0 (eta, lambda)
%!  ##   "fraction" a number in [0, 1] (momentum)
%!  ##   "flag"     true/false or 0/1 (shuffle, verbose)
%!  ##   "seed"     a whole number in [0, 2^32-1]
%!  ## The wrong types are the same for all; logical true is only a valid
%!  ## value of a flag.  [] is not in the list: it stands for the default,
%!  ## as in an optimset struct.
%!  T = {"wrong_type"};
%!  R = {"out_of_range"};
%!  F = {"not_finite"};
%!  bad = {
%!    NaN,               "NaN",                      F
%!    Inf,               "Inf",                      F
%!    -Inf,              "-Inf",                     F
%!    [1 1],             "a 1-by-2 vector",          T
%!    [1; 1],            "a 2-by-1 vector",          T
%!    ones(1, 1, 2),     "ones(1,1,2)",              T
%!    1 + 1i,            "complex",                  T
%!    complex(1, 0),     "complex(1, 0)",            T
%!    sparse(1),         "sparse",                   T
%!    int8(1),           "int8",                     T
%!    int32(1),          "int32",                    T
%!    uint8(1),          "uint8",                    T
%!    int64(1),          "int64",                    T
%!    single(1),         "single",                   T
%!    "1",               "char '1'",                 T
%!    "true",            "char 'true'",              T
%!    {1},               "cell",                     T
%!    struct("v", 1),    "struct",                   T
%!    @sin,              "function handle",          T
%!    containers.Map(),  "a containers.Map object",  T
%!    [true false],      "a logical 1-by-2 vector",  T
%!    sparse(true),      "sparse logical",           T
%!  };
%!  if (! any (strcmp (kind, {"seed", "flag"})))
%!    bad(end+1,:) = {zeros(0, 3), "zeros(0,3)", T};
%!  endif
%!  if (! strcmp (kind, "flag"))
%!    bad(end+1,:) = {true, "logical true", T};
%!    bad(end+1,:) = {false, "logical false", T};
%!  endif
%!  switch (kind)
%!    case "count"
%!      out = {0, -1, -1e-300, 0.5, 1.5, 2.5, 1 + 2*eps};
%!    case "rate"
%!      out = {-1, -1e-300, -realmax};
%!    case "fraction"
%!      out = {-1e-300, -0.1, 1 + eps, 1.5, 2, 100};
%!    case "flag"
%!      out = {2, -1, 0.5, 1e-300, 1 - eps/2};
%!    case "seed"
%!      out = {-1, -1e-300, 0.5, 7.25, 2^32, 2^32 + 1, 1e20};
%!  endswitch
%!  for i = 1:numel (out)
%!    bad(end+1,:) = {out{i}, sprintf("%.17g", out{i}), R};
%!  endfor
%!  bad(:,4) = {{name}};

%!function base = with_option (base, name, value)
%!  ## The valid call BASE (a cell of arguments) with option NAME set to
%!  ## VALUE, appended so that it is the last (deciding) occurrence.
%!  base(end+1:end+2) = {name, value};

## ---------------------------------------------------------------------
## The tests.  The valid call is
##   bp_train (net, x, y, "epochs", 2, "batch", 2, "seed", 1, "verbose", false)
## with net 2-3-2 (sigmoid, quadratic), x and y 2-by-4.  Every check comes
## before any output is made, so the long catalogues (networks, options)
## and the element-by-element NaN/Inf lists are tried with two outputs
## only, the other catalogues with one and two.

%!shared net, x, y, base
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];
%! y = [1 0 1 0; 0 1 0 1];
%! base = {net, x, y, "epochs", 2, "batch", 2, "seed", 1, "verbose", false};

%!test
%! ## The valid call is valid (otherwise every test below proves nothing),
%! ## with one and with two outputs, and with the extreme valid values
%! ## ("seed", [] and "validation", {} or [] mean "not given").
%! n1 = bp_train (base{:});
%! [n2, h] = bp_train (base{:});
%! assert (isequal (n1, n2));
%! bp_train (net, x, y, "epochs", 1, "batch", 1e15, "eta", 0, "momentum", 1,
%!           "lambda", 0, "shuffle", true, "seed", 2^32 - 1, "verbose", false);
%! bp_train (net, x, y, "epochs", 1, "seed", 0, "shuffle", 0, "verbose", 0,
%!           "validation", {}, "momentum", 0);
%! bp_train (net, x, y, "epochs", 1, "seed", [], "verbose", false,
%!           "validation", []);

%!test
%! ## batch = flintmax is the largest value bp_train's option check accepts
%! ## (a whole number in [1, flintmax]); any batch >= N is full-batch
%! ## descent, so it must train exactly as batch = N does.
%! a = bp_train (net, x, y, "epochs", 2, "batch", 4, "shuffle", false, "verbose", false);
%! b = bp_train (net, x, y, "epochs", 2, "batch", flintmax, "shuffle", false, "verbose", false);
%! assert (isequal (a, b));

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_train", base, 1, bad_nets (net), 2));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = deeper_net ();
%! report (try_bad ("bp_train", {n4, ones(3, 2), [1 0; 0 1], "verbose", false},
%!                  1, bad_nets (n4), 2));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_train", base, 1, nul_nets (net), [1 2]));

%!test
%! ## X: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_train", base, 2, bad_matrix (x, "X"), [1 2]));

%!test
%! ## X with other than n0 = 2 rows, or another number of columns than Y.
%! bad = [bad_row_counts(x, "X")
%!        {1, "a scalar", {"wrong_size"}, {"X"}}
%!        bad_col_counts(x, "X", y, "Y", {"X", "Y"})];
%! report (try_bad ("bp_train", base, 2, bad, [1 2]));

%!test
%! ## Y: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_train", base, 3, bad_matrix (y, "Y"), [1 2]));

%!test
%! ## Y with other than nL = 2 rows, or another number of columns than X.
%! bad = [bad_row_counts(y, "Y")
%!        bad_col_counts(y, "Y", x, "X")
%!        {1, "a scalar", {"wrong_size"}, {"Y"}}];
%! report (try_bad ("bp_train", base, 3, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of X and of Y is found.
%! report ([try_bad("bp_train", base, 2, bad_elements (x, "X"), 2), ...
%!          try_bad("bp_train", base, 3, bad_elements (y, "Y"), 2)]);

%!test
%! ## With the log losses Y must lie in [0, 1], as in bp_gradient.
%! R = {"out_of_range"};  N = {"Y"};
%! ce = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 1);
%! ll = bp_init ([2 3 2], "activation", {"relu", "softmax"},
%!               "loss", "log-likelihood", "seed", 1);
%! bad = {[2 0 1 0; 0 1 0 1],       "Y(1,1) = 2",        R, N
%!        [1 0 1 0; 0 1 0 -1],      "Y(2,4) = -1",       R, N
%!        [1 0 1 0; 0 1+eps 0 1],   "Y(2,2) = 1 + eps",  R, N
%!        [1 0 1 0; 0 1 0 -1e-300], "Y(2,4) = -1e-300",  R, N};
%! opts = {"epochs", 2, "verbose", false};
%! report ([try_bad("bp_train", [{ce, x, y}, opts], 3, bad, [1 2]), ...
%!          try_bad("bp_train", [{ll, x, y}, opts], 3, bad, [1 2])]);

%!test
%! ## epochs and batch: whole numbers >= 1.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "epochs", 3), p,
%!                  bad_option ("epochs", "count"), 2), ...
%!          try_bad("bp_train", with_option (base, "batch", 3), p,
%!                  bad_option ("batch", "count"), 2)]);

%!test
%! ## Absurd whole numbers: more epochs than 1e9, batches beyond flintmax.
%! R = {"out_of_range"};
%! report ({
%!   check_error("bp_train", with_option (base, "epochs", 1e9 + 1), 1, R, {"epochs"}, "epochs = 1e9 + 1")
%!   check_error("bp_train", with_option (base, "epochs", 1e300), 1, R, {"epochs"}, "epochs = 1e300")
%!   check_error("bp_train", with_option (base, "batch", 2^53 + 2), 1, R, {"batch"}, "batch = 2^53 + 2")
%!   check_error("bp_train", with_option (base, "batch", realmax), 1, R, {"batch"}, "batch = realmax")
%! }');

%!test
%! ## eta and lambda: numbers >= 0; momentum: a number in [0, 1].
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "eta", 0.1), p,
%!                  bad_option ("eta", "rate"), 2), ...
%!          try_bad("bp_train", with_option (base, "lambda", 0.1), p,
%!                  bad_option ("lambda", "rate"), 2), ...
%!          try_bad("bp_train", with_option (base, "momentum", 0.5), p,
%!                  bad_option ("momentum", "fraction"), 2)]);

%!test
%! ## shuffle and verbose: true/false or 0/1, nothing else.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "shuffle", true), p,
%!                  bad_option ("shuffle", "flag"), 2), ...
%!          try_bad("bp_train", with_option (base, "verbose", false), p,
%!                  bad_option ("verbose", "flag"), 2)]);

%!test
%! ## seed: a whole number in [0, 2^32-1], also when shuffling is off.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "seed", 1), p,
%!                  bad_option ("seed", "seed"), 2), ...
%!          try_bad("bp_train", with_option ([base {"shuffle", false}], "seed", 1),
%!                  p + 2, bad_option ("seed", "seed"), 1)]);

%!test
%! ## validation: not a cell {Xv, Yv} of two elements.
%! T = {"wrong_type"};  N = {"validation"};
%! bad = {x,                   "the matrix x",                  T, N
%!        5,                   "a number",                      T, N
%!        "xv",                "a string",                      T, N
%!        true,                "logical true",                  T, N
%!        struct("Xv", x, "Yv", y), "a struct with Xv and Yv",  T, N
%!        @sin,                "a function handle",             T, N
%!        {x},                 "{x} (one element)",             T, N
%!        {x, y, x},           "{x, y, x} (three elements)",    T, N
%!        {x, y; x, y},        "a 2-by-2 cell",                 T, N
%!        {{x, y}},            "{{x, y}} (a cell in a cell)",   T, N
%!        {x, y, "verbose"},   "{x, y, 'verbose'}",             T, N};
%! p = numel (base) + 2;
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p,
%!                  bad, [1 2]));

%!test
%! ## validation{1} (Xv): wrong types, non-finite values, empty, N-d,
%! ## wrong row counts; the message names validation{1} (or Xv).
%! S = {"wrong_size"};
%! names = {"validation{1}", "Xv"};
%! bad = bad_matrix (x, "Xv");
%! bad = [bad; {
%!   [x; x],      "4-by-4",                S, {}
%!   x(1,:),      "1-by-4",                S, {}
%!   x',          "4-by-2 (transposed)",   S, {}
%!   1,           "a scalar",              S, {}}];
%! bad(:,4) = {names};
%! ## Put each value into the cell {Xv, y}.
%! bad(:,1) = cellfun (@(v) {v, y}, bad(:,1), "uniformoutput", false);
%! p = numel (base) + 2;
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p,
%!                  bad, [1 2]));

%!test
%! ## validation{2} (Yv) the same, and other column counts than Xv.
%! S = {"wrong_size"};
%! names = {"validation{2}", "Yv"};
%! bad = bad_matrix (y, "Yv");
%! bad = [bad; {
%!   [y; y],      "4-by-4",                    S, {}
%!   y(1,:),      "1-by-4",                    S, {}
%!   y',          "4-by-2 (transposed)",       S, {}
%!   1,           "a scalar",                  S, {}
%!   y(:,1:3),    "2-by-3 (Xv is 2-by-4)",     S, {}
%!   [y y],       "2-by-8 (Xv is 2-by-4)",     S, {}}];
%! bad(:,4) = {names};
%! bad(:,1) = cellfun (@(v) {x, v}, bad(:,1), "uniformoutput", false);
%! p = numel (base) + 2;
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p,
%!                  bad, [1 2]));

%!test
%! ## validation data of another size than the training data is fine, but
%! ## Xv and Yv must agree with each other: a 2-by-3 Xv and a 2-by-4 Yv.
%! bp_train (net, x, y, "epochs", 1, "verbose", false,
%!           "validation", {x(:,1:3), y(:,1:3)});
%! report ({check_error("bp_train", with_option (base, "validation", {x(:,1:3), y}),
%!                      2, {"wrong_size"}, {"validation{1}", "validation{2}"},
%!                      "validation {x(:,1:3), y}")});

%!test
%! ## A NaN, Inf or -Inf at every position of Xv and of Yv is found.
%! bad_x = bad_elements (x, "Xv");
%! bad_x(:,1) = cellfun (@(v) {v, y}, bad_x(:,1), "uniformoutput", false);
%! bad_x(:,4) = {{"validation{1}"}};
%! bad_y = bad_elements (y, "Yv");
%! bad_y(:,1) = cellfun (@(v) {x, v}, bad_y(:,1), "uniformoutput", false);
%! bad_y(:,4) = {{"validation{2}"}};
%! p = numel (base) + 2;
%! good = with_option (base, "validation", {x, y});
%! report ([try_bad("bp_train", good, p, bad_x, 2), ...
%!          try_bad("bp_train", good, p, bad_y, 2)]);

%!test
%! ## With the log losses Yv must lie in [0, 1] as Y must.
%! R = {"out_of_range"};  N = {"validation{2}"};
%! ce = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 1);
%! ll = bp_init ([2 3 2], "activation", {"relu", "softmax"},
%!               "loss", "log-likelihood", "seed", 1);
%! bad = {{x, [2 0 1 0; 0 1 0 1]},      "Yv(1,1) = 2",        R, N
%!        {x, [1 0 1 0; 0 1 0 -1]},     "Yv(2,4) = -1",       R, N
%!        {x, [1 0 1 0; 0 1+eps 0 1]},  "Yv(2,2) = 1 + eps",  R, N};
%! opts = {"epochs", 2, "verbose", false, "validation", {x, y}};
%! report ([try_bad("bp_train", [{ce, x, y}, opts], 9, bad, [1 2]), ...
%!          try_bad("bp_train", [{ll, x, y}, opts], 9, bad, [1 2])]);

%!test
%! ## Option names that are unknown, and options without a value.
%! U = {"unknown_option"};  M = {"missing_value"};  R = {"out_of_range"};
%! report ({
%!   check_error("bp_train", {net, x, y, "epoch", 1}, 1, U, {"epoch"}, "option 'epoch'")
%!   check_error("bp_train", {net, x, y, "learning_rate", 1}, 1, U, {"learning_rate"}, "option 'learning_rate'")
%!   check_error("bp_train", {net, x, y, "mom", 0.5}, 1, U, {"mom"}, "option 'mom' (a prefix)")
%!   check_error("bp_train", {net, x, y, "lambdas", 1}, 1, U, {"lambdas"}, "option 'lambdas'")
%!   check_error("bp_train", {net, x, y, "activation", "tanh"}, 1, U, {"activation"}, "option 'activation' (of bp_init)")
%!   check_error("bp_train", {net, x, y, "epochs "}, 1, M, {"epochs "}, "'epochs ' (a trailing space) alone")
%!   check_error("bp_train", {net, x, y, "epochs"}, 1, M, {"epochs"}, "'epochs' without a value")
%!   check_error("bp_train", {net, x, y, "epochs", 2, "batch"}, 1, M, {"batch"}, "'batch' without a value")
%!   check_error("bp_train", {net, x, y, "epochs", 2, "epochs", 0}, 1, R, {"epochs"}, "epochs given twice, the second 0")
%!   check_error("bp_train", {net, x, y, "verbose", false, "eta", -1}, 1, R, {"eta"}, "eta = -1 after a good option")
%! }');

%!test
%! ## An option name that is no string: the message says which argument of
%! ## the call it is (the 4th or the 6th).
%! T = {"wrong_type"};  M = {"missing_value"};
%! report ({
%!   check_error("bp_train", {net, x, y, 5, 1}, 1, T, {"argument 4"}, "argument 4 = 5")
%!   check_error("bp_train", {net, x, y, {"epochs"}, 1}, 1, T, {"argument 4"}, "argument 4 = {'epochs'}")
%!   check_error("bp_train", {net, x, y, ["epochs"; "epochs"], 1}, 1, T, {"argument 4"}, "argument 4 = a 2-row char matrix")
%!   check_error("bp_train", {net, x, y, ("epochs")', 1}, 1, T, {"argument 4"}, "argument 4 = a char column")
%!   check_error("bp_train", {net, x, y, true, 1}, 1, T, {"argument 4"}, "argument 4 = true")
%!   check_error("bp_train", {net, x, y, "", 1}, 1, [T {"unknown_option"}], {"argument 4", "''"}, "argument 4 = ''")
%!   check_error("bp_train", {net, x, y, "epochs", 1, 5, 1}, 1, T, {"argument 6"}, "argument 6 = 5")
%!   check_error("bp_train", {net, x, y, 5}, 1, M, {"argument 4"}, "a lone argument 4 = 5")
%!   check_error("bp_train", {net, x, y, "epochs", 1, {}}, 1, M, {"argument 6"}, "a lone argument 6 = {}")
%! }');

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_train", {}, 1, "no arguments")
%!   check_nargin("bp_train", {net}, 1, "net only")
%!   check_nargin("bp_train", {net, x}, 1, "net and X only")
%!   check_nargin("bp_train", {net, x}, 0, "net and X only")
%!   check_nargout("bp_train", base, 4, "four outputs")
%!   check_nargout("bp_train", base, 5, "five outputs")
%! }');

%!test
%! ## A run that diverges: an error naming the epoch, the network passed
%! ## in unchanged.
%! lin = bp_init ([2 2], "activation", "linear", "loss", "sse", "seed", 1);
%! report ({check_error("bp_train", {lin, x, y, "eta", 1e308, "verbose", false},
%!                      2, {"diverged"}, {"epoch"}, "eta = 1e308")});

%!test
%! ## Arrays too large for memory: training a 1-1e6-1 network on 1e6
%! ## samples in one batch needs 3 x 8 TB of workspace, from 40 MB of
%! ## arguments.  An error, not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! report (check_out_of_memory ("bp_train", {big, xb, xb, "batch", 1e6, "epochs", 1, "verbose", false},
%!                              [1 2], "a 1-1e6-1 net and 1e6 samples"));

%!test
%! ## Memory that runs out under an address-space limit (9.6 GB of
%! ## workspace under 2 GB, from 480 kB of arguments) must still give
%! ## backprop:bp_train:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_train",
%!                        "n = bp_init ([1 20000 1], 'init', 'zeros'); x = zeros (1, 20000); n = bp_train (n, x, x, 'batch', 20000, 'epochs', 1, 'verbose', false)",
%!                        2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});
