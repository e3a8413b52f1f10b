## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_forward (net, x): every bad value of each argument
## (and every way of breaking the network struct) must raise
## backprop:bp_forward:<reason> with a message "bp_forward: ..." naming the
## argument or field, leave the caller's variables as they were, and never
## crash Octave (doc/design-decisions.md, doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_forward (net, x), net 2-3-2, x 2-by-4.

%!shared net, x
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_forward", {net, x}, 1, bad_nets (net), [1 3]));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = deeper_net ();
%! report (try_bad ("bp_forward", {n4, ones(3, 2)}, 1, bad_nets (n4), 1));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_forward", {net, x}, 1, nul_nets (net), [1 3]));

%!test
%! ## x: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_forward", {net, x}, 2, bad_matrix (x, "x"), [1 3]));

%!test
%! ## x with other than n0 = 2 rows.
%! bad = [bad_row_counts(x, "x")
%!        {1, "a scalar", {"wrong_size"}, {"x"}}];
%! report (try_bad ("bp_forward", {net, x}, 2, bad, [1 3]));

%!test
%! ## A NaN, Inf or -Inf at every position of x is found.
%! report (try_bad ("bp_forward", {net, x}, 2, bad_elements (x, "x"), 1));

%!test
%! ## Results too large for memory: n_1-by-m = 1e6-by-1e6 doubles (8 TB)
%! ## from 16 MB of arguments.  An error, not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! report (check_out_of_memory ("bp_forward", {big, xb}, [1 3], ...
%!                              "a 1-1e6-1 net and 1e6 samples"));

%!test
%! ## Memory that runs out inside the gateway (z{1} and a{1} of 3.2 GB each
%! ## under a 2 GB address-space limit, from 320 kB of arguments) must
%! ## still give backprop:bp_forward:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_forward", ...
%!                        "n = bp_init ([1 20000 1], 'init', 'zeros'); [aL, a, z] = bp_forward (n, zeros (1, 20000))", ...
%!                        2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_forward", {}, 1, "no arguments")
%!   check_nargin("bp_forward", {net}, 1, "net only")
%!   check_nargin("bp_forward", {net, x, x}, 1, "three arguments")
%!   check_nargin("bp_forward", {net, x, "lambda", 1}, 1, "four arguments")
%!   check_nargout("bp_forward", {net, x}, 4, "four outputs")
%! }');
