## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_gradient (net, x, y, "lambda", lambda): every bad
## value of each argument and option (and every way of breaking the
## network struct) must raise backprop:bp_gradient:<reason> with a message
## "bp_gradient: ..." naming the argument, option or field, leave the
## caller's variables as they were, and never crash Octave (doc/design-decisions.md,
## doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_gradient (net, x, y, "lambda", 0.1),
## net 2-3-2, x and y 2-by-4.

%!shared net, x, y
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];
%! y = [1 0 1 0; 0 1 0 1];

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_gradient", {net, x, y}, 1, bad_nets (net), [1 4]));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = deeper_net ();
%! report (try_bad ("bp_gradient", {n4, ones(3, 2), [1 0; 0 1], "lambda", 1}, ...
%!                  1, bad_nets (n4), 4));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_gradient", {net, x, y}, 1, nul_nets (net), [1 4]));

%!test
%! ## x: wrong types, non-finite values, empty and N-d arrays.  An empty
%! ## or 3-D x may be reported through y, which then disagrees with it.
%! bad = bad_matrix (x, "x");
%! bad(:,4) = {{"x", "y"}};
%! report (try_bad ("bp_gradient", {net, x, y}, 2, bad, [1 4]));

%!test
%! ## x with other than n0 = 2 rows, or another number of columns than y.
%! bad = [bad_row_counts(x, "x")
%!        bad_col_counts(x, "x", y, "y", {"x", "y"})];
%! report (try_bad ("bp_gradient", {net, x, y}, 2, bad, [1 4]));

%!test
%! ## y: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_gradient", {net, x, y}, 3, bad_matrix (y, "y"), [1 4]));

%!test
%! ## y with other than nL = 2 rows, or another number of columns than x.
%! bad = [bad_row_counts(y, "y")
%!        bad_col_counts(y, "y", x, "x")
%!        {1, "a scalar", {"wrong_size"}, {"y"}}];
%! report (try_bad ("bp_gradient", {net, x, y}, 3, bad, [1 4]));

%!test
%! ## A NaN, Inf or -Inf at every position of x and of y is found.
%! report ([try_bad("bp_gradient", {net, x, y}, 2, bad_elements (x, "x"), 4), ...
%!          try_bad("bp_gradient", {net, x, y}, 3, bad_elements (y, "y"), 4)]);

%!test
%! ## With the log losses y must lie in [0, 1], as bp_loss requires for the
%! ## same loss (there it is out_of_range); bp_gradient computes that loss.
%! [ce, ll, bad] = log_loss_targets ("y");
%! report ([try_bad("bp_gradient", {ce, x, y}, 3, bad, [1 4]), ...
%!          try_bad("bp_gradient", {ll, x, y}, 3, bad, [1 4])]);

%!test
%! ## lambda: negative, non-finite, not a real double scalar.
%! report (try_bad ("bp_gradient", {net, x, y, "lambda", 0.1}, 5, ...
%!                  bad_scalar ("lambda"), [1 4]));

%!test
%! ## Option names that are unknown, and options without a value.
%! U = {"unknown_option"};  M = {"missing_value"};  R = {"out_of_range"};
%! report ({
%!   check_error("bp_gradient", {net, x, y, "eta", 1}, 1, U, {"eta"}, "option 'eta'")
%!   check_error("bp_gradient", {net, x, y, "lambdas", 1}, 1, U, {"lambdas"}, "option 'lambdas'")
%!   check_error("bp_gradient", {net, x, y, "lamb", 1}, 1, U, {"lamb"}, "option 'lamb' (a prefix)")
%!   check_error("bp_gradient", {net, x, y, "lambda"}, 1, M, {"lambda"}, "'lambda' without a value")
%!   check_error("bp_gradient", {net, x, y, "lambda", 1, "lambda"}, 1, M, {"lambda"}, "a second 'lambda' without a value")
%!   check_error("bp_gradient", {net, x, y, "lambda", 1, "lambda", -1}, 1, R, {"lambda"}, "lambda given twice, the second -1")
%! }');

%!test
%! ## An option name that is no string: the message must say which
%! ## argument of the call it is (the 4th or the 6th), not its place among
%! ## the options.
%! T = {"wrong_type"};  M = {"missing_value"};
%! report ({
%!   check_error("bp_gradient", {net, x, y, 5, 1}, 1, T, {"argument 4"}, "argument 4 = 5")
%!   check_error("bp_gradient", {net, x, y, {"lambda"}, 1}, 1, T, {"argument 4"}, "argument 4 = {'lambda'}")
%!   check_error("bp_gradient", {net, x, y, ["lambda"; "lambda"], 1}, 1, T, {"argument 4"}, "argument 4 = a 2-row char matrix")
%!   check_error("bp_gradient", {net, x, y, "", 1}, 1, [T {"unknown_option"}], {"argument 4", "''"}, "argument 4 = ''")
%!   check_error("bp_gradient", {net, x, y, "lambda", 1, 5, 1}, 1, T, {"argument 6"}, "argument 6 = 5")
%!   check_error("bp_gradient", {net, x, y, 5}, 1, M, {"argument 4"}, "a lone argument 4 = 5")
%! }');

%!test
%! ## Arrays too large for memory: the forward and backward passes of a
%! ## 1-1e6-1 network on 1e6 samples need 3 x 8 TB, from 40 MB of
%! ## arguments.  An error, not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! report (check_out_of_memory ("bp_gradient", {big, xb, xb}, [1 4], ...
%!                              "a 1-1e6-1 net and 1e6 samples"));

%!test
%! ## Memory that runs out inside the gateway (9.6 GB of scratch under a
%! ## 2 GB address-space limit, from 480 kB of arguments) must still give
%! ## backprop:bp_gradient:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_gradient", ...
%!                        "n = bp_init ([1 20000 1], 'init', 'zeros'); x = zeros (1, 20000); [dW, db] = bp_gradient (n, x, x)", ...
%!                        2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_gradient", {}, 1, "no arguments")
%!   check_nargin("bp_gradient", {net}, 1, "net only")
%!   check_nargin("bp_gradient", {net, x}, 1, "net and x only")
%!   check_nargout("bp_gradient", {net, x, y}, 5, "five outputs")
%! }');
