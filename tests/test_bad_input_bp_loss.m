## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_loss (aL, y, name): every bad value of each
## argument must raise backprop:bp_loss:<reason> with a message
## "bp_loss: ..." naming the argument, leave the caller's variables as they
## were, and never crash Octave (doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_loss (aL, y, name) with 2-by-3 aL and y.

%!shared aL, y
%! aL = [0.2 0.7 0.5; 0.9 0.4 0.1];
%! y = [0 1 1; 1 0 0];

%!test
%! ## aL: wrong types, non-finite values, empty and N-d arrays.  Where aL
%! ## and y disagree in shape the message may name either of them.
%! bad = bad_matrix (aL, "aL");
%! e = ismember (bad(:,2), {"[]", "zeros(0,3)", "zeros(n,0)", "ones(2,2,2)", ...
%!                          "a good value stacked into 3-D"});
%! bad(e,4) = {{"aL", "y"}};
%! for name = {"quadratic", "cross-entropy"}
%!   report (try_bad ("bp_loss", {aL, y, name{1}}, 1, bad, [1 2]));
%! endfor

%!test
%! ## aL of another shape than y.
%! S = {"wrong_size"};  N = {"aL", "y"};
%! bad = {[aL; aL],       "4-by-3 (y is 2-by-3)",   S, N
%!        aL(1,:),        "1-by-3",                 S, N
%!        aL(:,1:2),      "2-by-2",                 S, N
%!        [aL aL],        "2-by-6",                 S, N
%!        aL',            "3-by-2 (transposed)",    S, N
%!        aL(:),          "6-by-1 (all in one column)", S, N};
%! report (try_bad ("bp_loss", {aL, y, "sse"}, 1, bad, [1 2]));

%!test
%! ## y: wrong types, non-finite values, empty and N-d arrays.
%! for name = {"mse", "log-likelihood"}
%!   report (try_bad ("bp_loss", {aL, y, name{1}}, 2, bad_matrix (y, "y"), ...
%!                    [1 2]));
%! endfor

%!test
%! ## y of another shape than aL.
%! S = {"wrong_size"};  N = {"y"};
%! bad = {[y; y],         "4-by-3 (aL is 2-by-3)",  S, N
%!        y(1,:),         "1-by-3",                 S, N
%!        y(:,1:2),       "2-by-2",                 S, N
%!        [y y],          "2-by-6",                 S, N
%!        y',             "3-by-2 (transposed)",    S, N
%!        y(:),           "6-by-1 (all in one column)", S, N
%!        1,              "a scalar",               S, N};
%! report (try_bad ("bp_loss", {aL, y, "quadratic"}, 2, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of aL and of y is found.
%! report ([try_bad("bp_loss", {aL, y, "sse"}, 1, bad_elements (aL, "aL"), 1), ...
%!          try_bad("bp_loss", {aL, y, "cross-entropy"}, 2, bad_elements (y, "y"), 1)]);

%!test
%! ## The log losses need aL and y in [0, 1].
%! R = {"out_of_range"};
%! bad_a = bad_y = cell (0, 4);
%! for v = [-0.1 -1e-300 1.5 1+eps]
%!   bad_a = [bad_a; bad_elements(aL, "aL", v, R, [1 4 6])];
%!   bad_y = [bad_y; bad_elements(y, "y", v, R, [1 4 6])];
%! endfor
%! p = {};
%! for name = {"cross-entropy", "log-likelihood"}
%!   p = [p, try_bad("bp_loss", {aL, y, name{1}}, 1, bad_a, [1 2]), ...
%!           try_bad("bp_loss", {aL, y, name{1}}, 2, bad_y, [1 2])];
%! endfor
%! report (p);

%!test
%! ## name: unknown names and values that are no name at all.
%! bad = [bad_name("name", "unknown_loss")
%!        {"sigmoid", "the activation name 'sigmoid'", {"unknown_loss"}, {"name"}}];
%! report (try_bad ("bp_loss", {aL, y, "sse"}, 3, bad, [1 2]));

%!test
%! ## A name with an embedded NUL is no known name, even when the part
%! ## before the NUL is one (C string functions stop at the NUL).
%! U = {"unknown_loss"};  N = {"name"};
%! bad = {["sse" char(0) "x"],  "'sse', a NUL and 'x'",  U, N
%!        ["mse" char(0)],      "'mse' and a NUL",       U, N};
%! report (try_bad ("bp_loss", {aL, y, "quadratic"}, 3, bad, [1 2]));

%!test
%! ## Memory that runs out inside the gateway (dC_da for an 880 MB aL under
%! ## a 2 GB address-space limit) must still give
%! ## backprop:bp_loss:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_loss", ...
%!                        "a = zeros (10000, 11000); [C, d] = bp_loss (a, a, 'sse')", ...
%!                        2e6, "a 10000-by-11000 aL = y, 2 GB limit")});

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_loss", {}, 1, "no arguments")
%!   check_nargin("bp_loss", {aL}, 1, "aL only")
%!   check_nargin("bp_loss", {aL, y}, 1, "no name")
%!   check_nargin("bp_loss", {aL, y, "sse", "sse"}, 1, "four arguments")
%!   check_nargin("bp_loss", {aL, y, "sse", "lambda", 1}, 1, "five arguments")
%!   check_nargout("bp_loss", {aL, y, "sse"}, 3, "three outputs")
%! }');
