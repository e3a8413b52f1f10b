## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_activation (z, name): every bad value of each
## argument must raise backprop:bp_activation:<reason> with a message
## "bp_activation: ..." naming the argument, leave the caller's variables
## as they were, and never crash Octave (doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_activation (z, "sigmoid").

%!test
%! ## z: wrong types, non-finite values, empty and N-d arrays.  Any 2-D
%! ## size is a valid z, so there is no wrong shape.
%! z = [-1 0.5 2; 0.3 -0.7 4];
%! for name = {"sigmoid", "softmax"}
%!   report (try_bad ("bp_activation", {z, name{1}}, 1, ...
%!                    bad_matrix (z, "z"), [1 2]));
%! endfor

%!test
%! ## A NaN, Inf or -Inf at every position of z is found.
%! z = [-1 0.5 2; 0.3 -0.7 4];
%! report (try_bad ("bp_activation", {z, "relu"}, 1, bad_elements (z, "z"), 1));

%!test
%! ## name: unknown names and values that are no name at all.
%! report (try_bad ("bp_activation", {[1 2; 3 4], "relu"}, 2, ...
%!                  bad_name ("name", "unknown_activation"), [1 2]));

%!test
%! ## A name with an embedded NUL is no known name, even when the part
%! ## before the NUL is one (C string functions stop at the NUL).
%! U = {"unknown_activation"};  N = {"name"};
%! bad = {["relu" char(0) "x"],  "'relu', a NUL and 'x'",  U, N
%!        ["tanh" char(0)],      "'tanh' and a NUL",       U, N};
%! report (try_bad ("bp_activation", {[1 2; 3 4], "relu"}, 2, bad, [1 2]));

%!test
%! ## Loss names are not activation names.
%! bad = {"quadratic", "the loss name 'quadratic'", {"unknown_activation"}, {"name"}
%!        "cross-entropy", "the loss name 'cross-entropy'", {"unknown_activation"}, {"name"}};
%! report (try_bad ("bp_activation", {[1 2; 3 4], "relu"}, 2, bad, 1));

%!test
%! ## A bad z and a bad name together: an error either way.
%! z = [1 NaN];
%! report ({check_error("bp_activation", {z, "swish"}, 1, {}, {"z", "name"}, ...
%!                      "a NaN z and an unknown name")});

%!test
%! ## Memory that runs out inside the gateway (the results a and da_dz of
%! ## an 880 MB z under a 2 GB address-space limit) must still give
%! ## backprop:bp_activation:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_activation", ...
%!                        "z = zeros (10000, 11000); [a, d] = bp_activation (z, 'relu')", ...
%!                        2e6, "a 10000-by-11000 z, 2 GB limit")});

%!test
%! ## Wrong numbers of input and output arguments.
%! z = [1 2; 3 4];
%! report ({
%!   check_nargin("bp_activation", {}, 1, "no arguments")
%!   check_nargin("bp_activation", {z}, 1, "z only")
%!   check_nargin("bp_activation", {z, "relu", "relu"}, 1, "three arguments")
%!   check_nargin("bp_activation", {z, "relu", "name", "relu"}, 1, "four arguments")
%!   check_nargout("bp_activation", {z, "relu"}, 3, "three outputs")
%!   check_nargout("bp_activation", {z, "relu"}, 5, "five outputs")
%! }');
