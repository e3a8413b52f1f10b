## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_sgd_step (net, dW, db, eta): every bad value of
## each argument (and every way of breaking the network struct or the
## gradient cells) must raise backprop:bp_sgd_step:<reason> with a message
## "bp_sgd_step: ..." naming the argument or element, leave the caller's
## variables as they were (the network above all), and never crash Octave
## (doc/design-decisions.md, doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_sgd_step (net, dW, db, 0.5), net
## 2-3-2 and dW, db its gradient for a batch of 4.

%!shared net, dW, db
%! net = bp_init ([2 3 2], "seed", 1);
%! [dW, db] = bp_gradient (net, [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6], ...
%!                         [1 0 1 0; 0 1 0 1]);

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_sgd_step", {net, dW, db, 0.5}, 1, bad_nets (net), 1));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = deeper_net ();
%! [g, h] = bp_gradient (n4, ones (3, 2), [1 0; 0 1]);
%! report (try_bad ("bp_sgd_step", {n4, g, h, 0.5}, 1, bad_nets (n4), 1));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_sgd_step", {net, dW, db, 0.5}, 1, nul_nets (net), 1));

%!test
%! ## dW and db: not a cell with one element per layer.
%! S = {"wrong_size", "wrong_type"};
%! p = {};
%! for c = {dW, "dW", 2; db, "db", 3}'
%!   [v, name, pos] = c{:};
%!   N = {name};
%!   bad = {v{1},            "its first element (no cell)",  S, N
%!          v(1),            "a cell too few",               S, N
%!          [v v(1)],        "a cell too many",              S, N
%!          [v; v],          "a 2-by-2 cell",                S, N
%!          {},              "{}",                           S, N
%!          cell(1, 0),      "cell(1,0)",                    S, N
%!          [],              "[]",                           S, N
%!          0.5,             "a number",                     S, N
%!          "dW",            "a string",                     S, N
%!          struct("v", {v}), "a struct holding the cell",   S, N
%!          @sin,            "a function handle",            S, N};
%!   p = [p, try_bad("bp_sgd_step", {net, dW, db, 0.5}, pos, bad, 1)];
%! endfor
%! report (p);

%!test
%! ## Every element of dW and db: wrong shapes, types and values.
%! S = {"wrong_size"};  T = {"wrong_size", "wrong_type"};  F = {"not_finite"};
%! p = {};
%! for c = {dW, "dW", 2; db, "db", 3}'
%!   [v, name, pos] = c{:};
%!   for l = 1:numel (v)
%!     N = sprintf ("%s{%d}", name, l);
%!     layer = bad_layer (v{l}, S, T, F);
%!     bad = cell (0, 4);
%!     for i = 1:rows (layer)
%!       broken = v;
%!       broken{l} = layer{i,1};
%!       bad = add_bad (bad, broken, [N " = " layer{i,2}], layer{i,3}, {N});
%!     endfor
%!     p = [p, try_bad("bp_sgd_step", {net, dW, db, 0.5}, pos, bad, 1)];
%!   endfor
%! endfor
%! report (p);

%!test
%! ## dW and db swapped, and a gradient of another network.
%! other = bp_init ([2 4 2], "seed", 3);
%! [g, h] = bp_gradient (other, [1; 2], [0; 1]);
%! S = {"wrong_size"};
%! report ({
%!   check_error("bp_sgd_step", {net, db, dW, 0.5}, 1, S, {"dW{1}"}, "dW and db swapped")
%!   check_error("bp_sgd_step", {net, g, db, 0.5}, 1, S, {"dW{1}"}, "dW of a 2-4-2 net")
%!   check_error("bp_sgd_step", {net, dW, h, 0.5}, 1, S, {"db{1}"}, "db of a 2-4-2 net")
%!   check_error("bp_sgd_step", {net, net.b, net.W, 0.5}, 1, S, {"dW{1}"}, "net.b and net.W as dW and db")
%! }');

%!test
%! ## eta: negative, non-finite, not a real double scalar.
%! report (try_bad ("bp_sgd_step", {net, dW, db, 0.5}, 4, bad_scalar ("eta"), 1));

%!test
%! ## Memory that runs out inside the gateway (the copy of a 960 MB W{1}
%! ## for the new network, under a 2 GB address-space limit) must still
%! ## give backprop:bp_sgd_step:out_of_memory, and Octave must survive.
%! report ({check_limited("bp_sgd_step", ...
%!                        "n = bp_init ([12000 10000], 'init', 'zeros'); m = bp_sgd_step (n, n.W, n.b, 0.5)", ...
%!                        2e6, "a 12000-10000 net, 2 GB limit")});

%!test
%! ## Wrong numbers of input and output arguments.
%! report ({
%!   check_nargin("bp_sgd_step", {}, 1, "no arguments")
%!   check_nargin("bp_sgd_step", {net}, 1, "net only")
%!   check_nargin("bp_sgd_step", {net, dW}, 1, "net and dW only")
%!   check_nargin("bp_sgd_step", {net, dW, db}, 1, "no eta")
%!   check_nargin("bp_sgd_step", {net, dW, db, 0.5, 0.9}, 1, "five arguments")
%!   check_nargin("bp_sgd_step", {net, dW, db, "eta", 0.5}, 1, "eta as a name/value option")
%!   check_nargout("bp_sgd_step", {net, dW, db, 0.5}, 2, "two outputs")
%! }');
