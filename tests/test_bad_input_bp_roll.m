## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_roll (theta, net): every bad value of theta (of
## the wrong class, shape or length, or not finite anywhere) and every
## way of breaking the network struct must raise
## backprop:bp_roll:<reason> with a message "bp_roll: ..." naming the
## argument or field, leave the caller's variables as they were, and
## never crash Octave (doc/design-decisions.md, doc/robustness.md).  A
## theta of the wrong length must be told the length it should have.
## The helpers (try_bad, report, the bad_* catalogues) are function
## files in tests/lib.

%!shared net, theta
%! net = bp_init ([2 3 2], "seed", 1);
%! theta = (1:17)' / 10;

%!test
%! ## The valid call is valid.
%! r = bp_roll (theta, net);
%! assert (bp_unroll (r), theta);

%!test
%! ## theta: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_roll", {theta, net}, 1, bad_matrix (theta, "theta"), 1));

%!test
%! ## theta of the wrong length or shape: the message states the length
%! ## net needs (17 values).
%! bad = [bad_theta_lengths(theta)
%!        {zeros(0, 1), "zeros(0,1)", {"wrong_size"}, {"17 values"}}
%!        {reshape(theta(1:16), 4, 4), "4-by-4", {"wrong_size"}, {"17 values"}}];
%! report (try_bad ("bp_roll", {theta, net}, 1, bad, 1));

%!test
%! ## A NaN, Inf or -Inf at every position of theta is found, and the
%! ## message says which parameter of net it would have been.
%! bad = bad_elements (theta, "theta");
%! report (try_bad ("bp_roll", {theta, net}, 1, bad, 1));
%! try
%!   t = theta;  t(12) = NaN;
%!   bp_roll (t, net);
%! catch err
%!   assert (err.message, "bp_roll: theta must be finite, but theta(12,1) is NaN (it would be net.W{2}(1,2))");
%! end_try_catch

%!test
%! ## net: broken in every way bad_nets knows (checked before theta,
%! ## whose length it gives).
%! report (try_bad ("bp_roll", {theta, net}, 2, bad_nets (net), 1));

%!test
%! ## net: the same for a deeper network, and embedded NULs.
%! n4 = deeper_net ();
%! report ([try_bad("bp_roll", {bp_unroll(n4), n4}, 2, bad_nets (n4), 1), ...
%!          try_bad("bp_roll", {theta, net}, 2, nul_nets (net), 1)]);

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_roll", {}, 1, "no arguments")
%!   check_nargin("bp_roll", {theta}, 1, "theta only")
%!   check_nargin("bp_roll", {theta, net, net}, 1, "three arguments")
%!   check_nargout("bp_roll", {theta, net}, 2, "two outputs")
%! }');
