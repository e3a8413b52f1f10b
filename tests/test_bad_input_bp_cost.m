## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_cost (theta, net, X, Y, "lambda", lambda): every
## bad value of each argument and option (theta of the wrong class,
## shape or length, or not finite; every way of breaking the network
## struct) must raise backprop:bp_cost:<reason> with a message
## "bp_cost: ..." naming the argument, option or field, leave the
## caller's variables as they were, and never crash Octave
## (doc/design-decisions.md, doc/robustness.md).  A theta of the wrong
## length must be told the length it should have.  The helpers (try_bad,
## report, check_error, the bad_* catalogues) are function files in
## tests/lib.
##
## The valid call is bp_cost (theta, net, X, Y, "lambda", 0.1), net
## 2-3-2 (17 parameters), X and Y 2-by-4.

%!shared net, theta, X, Y
%! net = bp_init ([2 3 2], "seed", 1);
%! theta = bp_unroll (net);
%! X = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];
%! Y = [1 0 1 0; 0 1 0 1];

%!test
%! ## The valid call is valid, with zero, one and two outputs.
%! bp_cost (theta, net, X, Y, "lambda", 0.1);
%! J = bp_cost (theta, net, X, Y, "lambda", 0.1);
%! [J2, g] = bp_cost (theta, net, X, Y, "lambda", 0.1);
%! assert (J, J2);
%! assert (size (g), [17 1]);

%!test
%! ## theta: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_cost", {theta, net, X, Y}, 1, ...
%!                  bad_matrix (theta, "theta"), [1 2]));

%!test
%! ## theta of the wrong length or shape: the message states the length
%! ## net needs (17 values).
%! bad = bad_theta_lengths (theta);
%! report (try_bad ("bp_cost", {theta, net, X, Y}, 1, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of theta is found.
%! report (try_bad ("bp_cost", {theta, net, X, Y}, 1, ...
%!                  bad_elements (theta, "theta"), 2));

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_cost", {theta, net, X, Y}, 2, bad_nets (net), 2));

%!test
%! ## net: a deeper network, and embedded NULs.
%! n4 = deeper_net ();
%! report ([try_bad("bp_cost", {bp_unroll(n4), n4, ones(3, 2), [1 0; 0 1]}, 2, ...
%!                  bad_nets (n4), 2), ...
%!          try_bad("bp_cost", {theta, net, X, Y}, 2, nul_nets (net), [1 2])]);

%!test
%! ## X and Y: wrong types, non-finite values, empty and N-d arrays.
%! bad_x = bad_matrix (X, "X");
%! bad_x(:,4) = {{"X", "Y"}};      # an empty or 3-D X may be seen through Y
%! report ([try_bad("bp_cost", {theta, net, X, Y}, 3, bad_x, [1 2]), ...
%!          try_bad("bp_cost", {theta, net, X, Y}, 4, bad_matrix (Y, "Y"), [1 2])]);

%!test
%! ## X and Y with other row counts than n0 and nL, or column counts that
%! ## disagree.
%! bad_x = [bad_row_counts(X, "X")
%!          bad_col_counts(X, "X", Y, "Y", {"X", "Y"})];
%! bad_y = [bad_row_counts(Y, "Y")
%!          bad_col_counts(Y, "Y", X, "X")
%!          {1, "a scalar", {"wrong_size"}, {"Y"}}];
%! report ([try_bad("bp_cost", {theta, net, X, Y}, 3, bad_x, [1 2]), ...
%!          try_bad("bp_cost", {theta, net, X, Y}, 4, bad_y, [1 2])]);

%!test
%! ## A NaN, Inf or -Inf at every position of X and of Y is found.
%! report ([try_bad("bp_cost", {theta, net, X, Y}, 3, bad_elements (X, "X"), 2), ...
%!          try_bad("bp_cost", {theta, net, X, Y}, 4, bad_elements (Y, "Y"), 2)]);

%!test
%! ## With the log losses Y must lie in [0, 1], as in bp_gradient.
%! [ce, ll, bad] = log_loss_targets ("Y");
%! report ([try_bad("bp_cost", {theta, ce, X, Y}, 4, bad, [1 2]), ...
%!          try_bad("bp_cost", {theta, ll, X, Y}, 4, bad, [1 2])]);

%!test
%! ## lambda: negative, non-finite, not a real double scalar; as a pair
%! ## and inside an options struct.
%! report (try_bad ("bp_cost", {theta, net, X, Y, "lambda", 0.1}, 6, ...
%!                  bad_scalar ("lambda"), [1 2]));
%! bad = bad_scalar ("lambda");
%! bad(:,1) = cellfun (@(v) struct ("lambda", {v}), bad(:,1), "uniformoutput", false);
%! report (try_bad ("bp_cost", {theta, net, X, Y, struct("lambda", 0.1)}, 5, ...
%!                  bad, 2));

%!test
%! ## Option names that are unknown (bp_gradient's and bp_train's too),
%! ## options without a value, and option names that are no string.
%! U = {"unknown_option"};  M = {"missing_value"};  T = {"wrong_type"};
%! R = {"out_of_range"};
%! report ({
%!   check_error("bp_cost", {theta, net, X, Y, "eta", 1}, 1, U, {"eta"}, "option 'eta'")
%!   check_error("bp_cost", {theta, net, X, Y, "GradObj", "on"}, 1, U, {"GradObj"}, "option 'GradObj' (of optimset)")
%!   check_error("bp_cost", {theta, net, X, Y, struct("lambda", 1, "MaxIter", 5)}, 1, U, {"MaxIter"}, "a struct with 'MaxIter'")
%!   check_error("bp_cost", {theta, net, X, Y, "lamb", 1}, 1, U, {"lamb"}, "option 'lamb' (a prefix)")
%!   check_error("bp_cost", {theta, net, X, Y, "lambda"}, 1, M, {"lambda"}, "'lambda' without a value")
%!   check_error("bp_cost", {theta, net, X, Y, "lambda", 1, "lambda", -1}, 1, R, {"lambda"}, "lambda given twice, the second -1")
%!   check_error("bp_cost", {theta, net, X, Y, 5, 1}, 1, T, {"argument 5"}, "argument 5 = 5")
%!   check_error("bp_cost", {theta, net, X, Y, {"lambda"}, 1}, 1, T, {"argument 5"}, "argument 5 = {'lambda'}")
%!   check_error("bp_cost", {theta, net, X, Y, ["lambda"; "lambda"], 1}, 1, T, {"argument 5"}, "argument 5 = a 2-row char matrix")
%!   check_error("bp_cost", {theta, net, X, Y, ("lambda")', 1}, 1, T, {"argument 5"}, "argument 5 = a char column")
%!   check_error("bp_cost", {theta, net, X, Y, ["lambda" char(0)], 1}, 1, U, {}, "'lambda' and a NUL")
%!   check_error("bp_cost", {theta, net, X, Y, [struct("lambda", 1), struct("lambda", 2)]}, 1, T, {"argument 5"}, "a 1-by-2 struct array")
%!   check_error("bp_cost", {theta, net, X, Y, "lambda", 1, 7}, 1, M, {"argument 7"}, "a lone argument 7 = 7")
%! }');

%!test
%! ## Arrays too large for memory: the passes of a 1-1e6-1 network on
%! ## 1e6 samples need 3 x 8 TB, from 64 MB of arguments.  An error,
%! ## not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! report (check_out_of_memory ("bp_cost", {bp_unroll(big), big, xb, xb}, [1 2], ...
%!                              "a 1-1e6-1 net and 1e6 samples"));

%!test
%! ## Memory that runs out under an address-space limit (9.6 GB of
%! ## scratch under 2 GB, from 0.6 MB of arguments) must still give
%! ## backprop:bp_cost:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_cost", ...
%!                        "n = bp_init ([1 20000 1], 'init', 'zeros'); x = zeros (1, 20000); [J, g] = bp_cost (zeros (60001, 1), n, x, x)", ...
%!                        2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_cost", {}, 1, "no arguments")
%!   check_nargin("bp_cost", {theta}, 1, "theta only")
%!   check_nargin("bp_cost", {theta, net, X}, 1, "no Y")
%!   check_nargout("bp_cost", {theta, net, X, Y}, 3, "three outputs")
%! }');
