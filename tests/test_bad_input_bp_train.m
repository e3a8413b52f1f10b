## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_train (net, X, Y, name, value, ...): every bad
## value of each argument and of each option ("epochs", "batch", "eta",
## "momentum", "lambda", "shuffle", "seed", "validation", "verbose"; the
## optimizers' "optimizer", "rho", "beta1", "beta2", "epsilon",
## "patience", "min_delta", "max_iter", "tol", "step", "line_tol",
## "schedule", "state", "callback", and every option given to an
## optimizer that does not use it), and
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
%!  ##   "count"    a whole number >= 1 (epochs, batch, max_iter)
%!  ##   "count0"   a whole number >= 0 (patience)
%!  ##   "rate"     a number >= 0 (eta, lambda, epsilon, min_delta, tol, step)
%!  ##   "fraction" a number in [0, 1] (momentum, rho, beta1, beta2, line_tol)
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
%!    case "count0"
%!      out = {-1, -1e-300, 0.5, 1.5, 1 + 2*eps, 1e9 + 1};
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
%! bp_train (net, x, y, "epochs", 1, "batch", 1e15, "eta", 0, "momentum", 1, ...
%!           "lambda", 0, "shuffle", true, "seed", 2^32 - 1, "verbose", false);
%! bp_train (net, x, y, "epochs", 1, "seed", 0, "shuffle", 0, "verbose", 0, ...
%!           "validation", {}, "momentum", 0);
%! bp_train (net, x, y, "epochs", 1, "seed", [], "verbose", false, ...
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
%! report (try_bad ("bp_train", {n4, ones(3, 2), [1 0; 0 1], "verbose", false}, ...
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
%! [ce, ll, bad] = log_loss_targets ("Y");
%! opts = {"epochs", 2, "verbose", false};
%! report ([try_bad("bp_train", [{ce, x, y}, opts], 3, bad, [1 2]), ...
%!          try_bad("bp_train", [{ll, x, y}, opts], 3, bad, [1 2])]);

%!test
%! ## epochs and batch: whole numbers >= 1.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "epochs", 3), p, ...
%!                  bad_option ("epochs", "count"), 2), ...
%!          try_bad("bp_train", with_option (base, "batch", 3), p, ...
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
%! report ([try_bad("bp_train", with_option (base, "eta", 0.1), p, ...
%!                  bad_option ("eta", "rate"), 2), ...
%!          try_bad("bp_train", with_option (base, "lambda", 0.1), p, ...
%!                  bad_option ("lambda", "rate"), 2), ...
%!          try_bad("bp_train", with_option (base, "momentum", 0.5), p, ...
%!                  bad_option ("momentum", "fraction"), 2)]);

%!test
%! ## shuffle and verbose: true/false or 0/1, nothing else.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "shuffle", true), p, ...
%!                  bad_option ("shuffle", "flag"), 2), ...
%!          try_bad("bp_train", with_option (base, "verbose", false), p, ...
%!                  bad_option ("verbose", "flag"), 2)]);

%!test
%! ## seed: a whole number in [0, 2^32-1], also when shuffling is off.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "seed", 1), p, ...
%!                  bad_option ("seed", "seed"), 2), ...
%!          try_bad("bp_train", with_option ([base {"shuffle", false}], "seed", 1), ...
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
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p, ...
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
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p, ...
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
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p, ...
%!                  bad, [1 2]));

%!test
%! ## validation data of another size than the training data is fine, but
%! ## Xv and Yv must agree with each other: a 2-by-3 Xv and a 2-by-4 Yv.
%! bp_train (net, x, y, "epochs", 1, "verbose", false, ...
%!           "validation", {x(:,1:3), y(:,1:3)});
%! report ({check_error("bp_train", with_option (base, "validation", {x(:,1:3), y}), ...
%!                      2, {"wrong_size"}, {"validation{1}", "validation{2}"}, ...
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
%! [ce, ll, bad] = log_loss_targets ("Yv");
%! bad(:,1) = cellfun (@(v) {x, v}, bad(:,1), "uniformoutput", false);
%! bad(:,4) = {{"validation{2}"}};
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
%! report ({check_error("bp_train", {lin, x, y, "eta", 1e308, "verbose", false}, ...
%!                      2, {"diverged"}, {"epoch"}, "eta = 1e308")});

%!test
%! ## Arrays too large for memory: training a 1-1e6-1 network on 1e6
%! ## samples in one batch needs 3 x 8 TB of workspace, from 40 MB of
%! ## arguments.  An error, not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! report (check_out_of_memory ("bp_train", {big, xb, xb, "batch", 1e6, "epochs", 1, "verbose", false}, ...
%!                              [1 2], "a 1-1e6-1 net and 1e6 samples"));

%!test
%! ## Memory that runs out under an address-space limit (9.6 GB of
%! ## workspace under 2 GB, from 480 kB of arguments) must still give
%! ## backprop:bp_train:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_train", ...
%!                        "n = bp_init ([1 20000 1], 'init', 'zeros'); x = zeros (1, 20000); n = bp_train (n, x, x, 'batch', 20000, 'epochs', 1, 'verbose', false)", ...
%!                        2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});

## ---------------------------------------------------------------------
## The optimizers and their options.

%!test
%! ## optimizer: not a name, or an unknown one.  Names are exact, as every
%! ## name of the package is: 'Adam' is not 'adam'.
%! T = {"wrong_type"};  U = {"unknown_optimizer"};  N = {"optimizer"};
%! bad = {5,                "a number",                 T,      N
%!        true,             "logical true",             T,      N
%!        {"adam"},         "a cell holding a name",    T,      N
%!        ("adam")',        "a char column",            T,      N
%!        ["cg"; "cg"],     "a 2-row char matrix",      T,      N
%!        @sin,             "a function handle",        T,      N
%!        struct("adam", 1), "a struct",                T,      N
%!        "",               "the empty string",         [T U],  N
%!        "adagrad",        "'adagrad'",                U,      N
%!        "Adam",           "'Adam'",                   U,      N
%!        "SGD",            "'SGD'",                    U,      N
%!        "lbfgs",          "'lbfgs'",                  U,      N
%!        "cg ",            "'cg ' (a trailing space)", U,      N
%!        "conjugate-gradient", "'conjugate-gradient'", U,      N
%!        ["adam" char(0)], "'adam' and a NUL",         [T U],  N};
%! report (try_bad ("bp_train", with_option (base, "optimizer", "adam"), ...
%!                  numel (base) + 2, bad, [1 2]));

%!test
%! ## Every option given to an optimizer that does not use it is refused
%! ## (invalid_option, naming the option); every option it uses is taken.
%! ## The full-batch minimisers count iterations ("max_iter"), not epochs,
%! ## and choose their own steps (no "eta", "schedule", batches or
%! ## shuffling).
%! valid = struct ("epochs", 2, "batch", 2, "eta", 0.1, "shuffle", true, ...
%!                 "seed", 1, "momentum", 0.5, "rho", 0.9, "beta1", 0.8, ...
%!                 "beta2", 0.99, "epsilon", 1e-6, "max_iter", 2, "tol", 1e-3, ...
%!                 "step", 0.1, "line_tol", 0.2, ...
%!                 "schedule", {{"exponential", 0.9}});
%! minibatch = {"epochs", "batch", "eta", "shuffle", "seed", "schedule"};
%! uses = struct ("sgd", {[minibatch, "momentum"]}, ...
%!                "nesterov", {[minibatch, "momentum"]}, ...
%!                "rmsprop", {[minibatch, "rho", "epsilon"]}, ...
%!                "adam", {[minibatch, "beta1", "beta2", "epsilon"]}, ...
%!                "cg", {{"max_iter", "tol", "step", "line_tol"}}, ...
%!                "bfgs", {{"max_iter", "tol", "step", "line_tol"}});
%! problems = {};
%! for opt = fieldnames (uses)'
%!   call = {net, x, y, "optimizer", opt{1}, "verbose", false};
%!   if (strcmp (opt{1}, "nesterov"))
%!     call(end+1:end+2) = {"momentum", 0.9};
%!   endif
%!   for name = fieldnames (valid)'
%!     args = [call, name, {valid.(name{1})}];
%!     what = sprintf ("'%s' with the optimizer '%s'", name{1}, opt{1});
%!     if (any (strcmp (name{1}, uses.(opt{1}))))
%!       try
%!         bp_train (args{:});
%!       catch err
%!         problems{end+1} = sprintf ("%s: refused: %s", what, err.message);
%!       end_try_catch
%!     else
%!       problems{end+1} = check_error ("bp_train", args, 1, {"invalid_option"}, ...
%!                                      {name{1}, ["\"" name{1} "\""]}, what);
%!     endif
%!   endfor
%! endfor
%! report (problems);

%!test
%! ## An option name with a NUL character in it (Octave 7's isvarname and
%! ## struct field names allow one at the end) is unknown: C code would
%! ## read 'epochs' and a NUL as 'epochs'.
%! U = {"unknown_option"};
%! s = struct ();
%! s.(["epochs" char(0)]) = 2;
%! report ({
%!   check_error("bp_train", {net, x, y, ["epochs" char(0)], 2}, 1, U, {}, "'epochs' and a NUL")
%!   check_error("bp_train", {net, x, y, ["epochs" char(0) "x"], 2}, 1, U, {}, "'epochs', a NUL and 'x'")
%!   check_error("bp_train", {net, x, y, s}, 1, U, {}, "a struct whose field is 'epochs' and a NUL")
%! }');

%!test
%! ## nesterov without a momentum above 0.
%! report ({
%!   check_error("bp_train", with_option (base, "optimizer", "nesterov"), 1, {"invalid_option"}, {"momentum"}, "nesterov, no momentum")
%!   check_error("bp_train", [with_option(base, "optimizer", "nesterov"), {"momentum", 0}], 1, {"invalid_option"}, {"momentum"}, "nesterov, momentum 0")
%! }');

%!test
%! ## rho, beta1, beta2: numbers in [0, 1]; epsilon: a number >= 0; each
%! ## with the optimizer that uses it.
%! rms = [base, {"optimizer", "rmsprop"}];
%! adam = [base, {"optimizer", "adam"}];
%! p = numel (rms) + 2;
%! report ([try_bad("bp_train", with_option (rms, "rho", 0.9), p, ...
%!                  bad_option ("rho", "fraction"), 2), ...
%!          try_bad("bp_train", with_option (rms, "epsilon", 1e-8), p, ...
%!                  bad_option ("epsilon", "rate"), 2), ...
%!          try_bad("bp_train", with_option (adam, "beta1", 0.9), p, ...
%!                  bad_option ("beta1", "fraction"), 2), ...
%!          try_bad("bp_train", with_option (adam, "beta2", 0.999), p, ...
%!                  bad_option ("beta2", "fraction"), 2)]);

%!test
%! ## patience: a whole number >= 0 (at most 1e9); min_delta: a number
%! ## >= 0.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "patience", 2), p, ...
%!                  bad_option ("patience", "count0"), 2), ...
%!          try_bad("bp_train", with_option (base, "min_delta", 0.1), p, ...
%!                  bad_option ("min_delta", "rate"), 2)]);

%!test
%! ## max_iter: a whole number >= 1 (at most 1e9); tol and step: numbers
%! ## >= 0; line_tol: a number in [0, 1]; with "cg" and with "bfgs".
%! for opt = {"cg", "bfgs"}
%!   full = {net, x, y, "optimizer", opt{1}, "max_iter", 3, "verbose", false};
%!   p = numel (full) + 2;
%!   report ([try_bad("bp_train", with_option (full, "max_iter", 3), p, ...
%!                    bad_option ("max_iter", "count"), 2), ...
%!            try_bad("bp_train", with_option (full, "tol", 1e-6), p, ...
%!                    bad_option ("tol", "rate"), 2), ...
%!            try_bad("bp_train", with_option (full, "step", 0.01), p, ...
%!                    bad_option ("step", "rate"), 2), ...
%!            try_bad("bp_train", with_option (full, "line_tol", 0.1), p, ...
%!                    bad_option ("line_tol", "fraction"), 2), ...
%!            {check_error("bp_train", with_option (full, "max_iter", 1e9 + 1), 1, {"out_of_range"}, {"max_iter"}, "max_iter = 1e9 + 1")}]);
%! endfor

%!test
%! ## schedule: not a name or a cell {name, parameters...}, an unknown
%! ## name, the wrong number of parameters, parameters out of range.
%! T = {"wrong_type"};  U = {"unknown_schedule"};  S = {"wrong_size"};
%! R = {"out_of_range"};  F = {"not_finite", "out_of_range"};
%! N = {"schedule", "every", "factor", "gamma", "patience", "min_eta"};
%! bad = {5,                          "a number",                    T, N
%!        {},                         "{}",                          T, N
%!        {5, 2},                     "{5, 2}",                      T, N
%!        "cosine",                   "'cosine'",                    U, N
%!        {"Step", 2, 0.5},           "{'Step', 2, 0.5}",            U, N
%!        {"step", 2},                "{'step', 2} (one short)",     S, N
%!        {"step", 2, 0.5, 1},        "{'step', 2, 0.5, 1}",         S, N
%!        {"exponential"},            "{'exponential'}",             S, N
%!        "step",                     "'step' without parameters",   S, N
%!        {"step", 0, 0.5},           "every = 0",                   R, N
%!        {"step", 1.5, 0.5},         "every = 1.5",                 R, N
%!        {"step", 2, 0},             "factor = 0",                  R, N
%!        {"step", 2, 1.5},           "factor = 1.5",                R, N
%!        {"step", 2, NaN},           "factor = NaN",                F, N
%!        {"step", 2, "0.5"},         "factor = '0.5'",              T, N
%!        {"exponential", -1},        "gamma = -1",                  R, N
%!        {"exponential", Inf},       "gamma = Inf",                 F, N
%!        {"plateau", 1, 0.5, -1},    "min_eta = -1",                R, N
%!        {"plateau", -1, 0.5, 0},    "patience = -1",               R, N
%!        {"plateau", 1, 2, 0},       "factor = 2",                  R, N};
%! report (try_bad ("bp_train", with_option (base, "schedule", "constant"), ...
%!                  numel (base) + 2, bad, 2));

%!test
%! ## state: not the struct an earlier call returned, or one of another
%! ## optimizer.
%! [~, ~, s] = bp_train (base{:});
%! I = {"invalid_state"};  N = {"state"};
%! bad = {5,                        "a number",                  I, N
%!        struct(),                 "a struct without fields",   I, N
%!        [s s],                    "a 1-by-2 struct array",     I, N
%!        {s},                      "a cell holding a state",    I, N
%!        rmfield(s, "optimizer"),  "without field optimizer",   I, N};
%! report ([try_bad("bp_train", with_option (base, "state", s), numel (base) + 2, bad, 2), ...
%!          {check_error("bp_train", [base, {"state", s, "optimizer", "adam"}], 2, I, N, "the state of an sgd run given to adam")}]);

%!test
%! ## callback: not a function handle.
%! T = {"wrong_type"};  N = {"callback"};
%! bad = {"disp",  "a function name",   T, N
%!        5,       "a number",          T, N
%!        {@disp}, "a cell holding a handle", T, N
%!        true,    "logical true",      T, N};
%! report (try_bad ("bp_train", with_option (base, "callback", @(varargin) false), ...
%!                  numel (base) + 2, bad, 2));

%!test
%! ## Values the optimizers cannot use are refused as out_of_range, naming
%! ## the option: "step", 0 for "cg" (its first line search would divide 0
%! ## by 0), "line_tol", 0 for "bfgs" (its line search would never
%! ## succeed), "beta1", 1 and "beta2", 1 for "adam" (its bias corrections
%! ## would divide by 1 - 1^t = 0).
%! for c = {{"cg", "step", 0}, {"bfgs", "line_tol", 0}, {"adam", "beta1", 1}, ...
%!          {"adam", "beta2", 1}}
%!   [opt, name, value] = c{1}{:};
%!   try
%!     bp_train (net, x, y, "optimizer", opt, name, value, "verbose", false);
%!     error ("no error for %s %g", name, value);
%!   catch err
%!     assert (err.identifier, "backprop:bp_train:out_of_range");
%!     assert (names_word (err.message, name));
%!   end_try_catch
%! endfor

%!test
%! ## A full-batch run that diverges (here "cg" with a first step of 1e308)
%! ## is told to lower its first "step", not eta, which "cg" does not take.
%! try
%!   bp_train (net, x, y, "optimizer", "cg", "step", 1e308, "verbose", false);
%!   error ("no error");
%! catch err
%!   assert (err.identifier, "backprop:bp_train:diverged");
%!   assert (isempty (regexp (err.message, '\<eta\>', "once")), err.message);
%!   assert (! isempty (strfind (err.message, '"step"')), err.message);
%! end_try_catch
