## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_unroll (net): every way of breaking the network
## struct must raise backprop:bp_unroll:<reason> with a message
## "bp_unroll: ..." naming the field, leave the caller's variables as
## they were, and never crash Octave (doc/design-decisions.md,
## doc/robustness.md).  The helpers (try_bad, report, the bad_*
## catalogues) are function files in tests/lib.

%!shared net
%! net = bp_init ([2 3 2], "seed", 1);

%!test
%! ## The valid call is valid, with one and two outputs.
%! theta = bp_unroll (net);
%! [t2, layout] = bp_unroll (net);
%! assert (isequal (theta, t2) && numel (layout) == 4);

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_unroll", {net}, 1, bad_nets (net), [1 2]));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = deeper_net ();
%! report (try_bad ("bp_unroll", {n4}, 1, bad_nets (n4), 2));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_unroll", {net}, 1, nul_nets (net), [1 2]));

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_unroll", {}, 1, "no arguments")
%!   check_nargin("bp_unroll", {net, net}, 1, "two networks")
%!   check_nargin("bp_unroll", {net, "lambda", 1}, 1, "an option")
%!   check_nargout("bp_unroll", {net}, 3, "three outputs")
%! }');
