## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## bp_predict (its help): Y = bp_predict (net, X) is the output
## activation a^(L) of bp_forward for every column of X, and
## [Y, class] = bp_predict (net, X) adds the 1-by-N row of the index of
## each column's largest output, the first one on ties.

%!function [nets, xs] = cases ()
%!  ## Networks covering every activation and loss, with inputs for them.
%!  nets = {bp_init([2 3 2], "seed", 1)
%!          bp_init([3 4 3], "activation", {"tanh", "softmax"}, ...
%!                  "loss", "log-likelihood", "seed", 2)
%!          bp_init([2 5 4 1], "activation", {"relu", "leaky-relu", "linear"}, ...
%!                  "loss", "mse", "init", "he", "seed", 3)
%!          bp_init([4 3 2], "activation", "sigmoid", "loss", "cross-entropy", ...
%!                  "init", "xavier", "seed", 4)
%!          bp_init([2 6 5 4], "activation", {"sigmoid", "tanh", "linear"}, ...
%!                  "loss", "sse", "init", "uniform", "seed", 5)
%!          bp_init([1 1], "activation", "linear", "loss", "sse", "seed", 6)};
%!  xs = {[0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6]
%!        [1 -2 0.5; 0 3 -1; 2 2 2]
%!        [-1 0 1 2 3; 4 -5 0 0.5 1]
%!        [0.1 0.2; 0.3 0.4; 0.5 0.6; 0.7 0.8]
%!        [-3 -1 0 1 3 5; 2 0 0 -2 1 1]
%!        [-1 0 1]};

%!function k = argmax_first (Y)
%!  ## The class of each column, by a plain loop: with one output 1 where
%!  ## it is at least 0.5 and 0 below, else the first index of the
%!  ## column's largest value.
%!  k = zeros (1, columns (Y));
%!  for c = 1:columns (Y)
%!    if (rows (Y) == 1)
%!      k(c) = Y(c) >= 0.5;
%!    else
%!      k(c) = find (Y(:,c) == max (Y(:,c)), 1);
%!    endif
%!  endfor

%!test
%! ## Y equals bp_forward's aL exactly, with one output and with two.
%! [nets, xs] = cases ();
%! for i = 1:numel (nets)
%!   aL = bp_forward (nets{i}, xs{i});
%!   assert (isequal (bp_predict (nets{i}, xs{i}), aL), "network %d", i);
%!   [Y, class] = bp_predict (nets{i}, xs{i});
%!   assert (isequal (Y, aL), "network %d, two outputs", i);
%!   assert (class, argmax_first (aL));
%! endfor

%!test
%! ## Shapes: Y is nL-by-N and class 1-by-N, for one sample and for many.
%! [nets] = cases ();
%! for i = 1:numel (nets)
%!   n0 = nets{i}.sizes(1);
%!   nL = nets{i}.sizes(end);
%!   for N = [1 2 7 1000]
%!     x = sin ((1:n0)' * (1:N) * 0.37) * 2;
%!     [Y, class] = bp_predict (nets{i}, x);
%!     assert (size (Y), [nL N]);
%!     assert (size (class), [1 N]);
%!     assert (class, argmax_first (Y));
%!     assert (all (class >= (nL > 1) & class <= max (nL, 1)));
%!   endfor
%! endfor

%!test
%! ## One sample at a time gives the columns of the whole batch.
%! [nets, xs] = cases ();
%! for i = 1:numel (nets)
%!   [Y, class] = bp_predict (nets{i}, xs{i});
%!   for c = 1:columns (xs{i})
%!     [y1, k1] = bp_predict (nets{i}, xs{i}(:,c));
%!     assert (y1, Y(:,c), 1e-14);
%!     assert (k1, class(c));
%!   endfor
%! endfor

%!test
%! ## A network with one output: every class is 1.
%! net = bp_init ([2 3 1], "seed", 1);
%! [~, class] = bp_predict (net, [0 1 2 -1; 3 -2 0 0]);
%! assert (class, [1 1 1 1]);

%!test
%! ## Ties go to the first index.  All-zero weights and biases make every
%! ## output the same: class 1 everywhere, for a linear and a softmax output.
%! for g = {"linear", "softmax"}
%!   net = bp_init ([3 4], "activation", g{1}, "init", "zeros");
%!   [Y, class] = bp_predict (net, [1 -2 0.5; 0 3 -1; 2 2 2]);
%!   assert (all (Y(:) == Y(1)), "%s: the outputs are not all equal", g{1});
%!   assert (class, [1 1 1]);
%! endfor

%!test
%! ## Hand-set weights of a 1-4 network, a = W*x + b with W = [0; 1; 1; -1]
%! ## and b = [1; 0; 0; 2]:
%! ##   x = 1:  [1; 1; 1; 1]    four-way tie     -> class 1
%! ##   x = 2:  [1; 2; 2; 0]    tie of 2 and 3   -> class 2
%! ##   x = 3:  [1; 3; 3; -1]   tie of 2 and 3   -> class 2
%! ##   x = 0:  [1; 0; 0; 2]    no tie           -> class 4
%! ##   x = -1: [1; -1; -1; 3]  no tie           -> class 4
%! ##   x = 0.5: [1; .5; .5; 1.5]                -> class 4
%! ##   x = -3: [1; -3; -3; 5]                   -> class 4
%! ## The softmax of equal inputs is equal, so it ties the same way.
%! x = [1 2 3 0 -1 0.5 -3];
%! expected = [1 2 2 4 4 4 4];
%! for g = {"linear", "softmax"}
%!   net = bp_init ([1 4], "activation", g{1}, "init", "zeros");
%!   net.W{1} = [0; 1; 1; -1];
%!   net.b{1} = [1; 0; 0; 2];
%!   [Y, class] = bp_predict (net, x);
%!   assert (class, expected);
%!   if (strcmp (g{1}, "linear"))
%!     assert (Y, net.W{1} * x + net.b{1});
%!   endif
%! endfor

%!test
%! ## A tie between the last two outputs of a softmax layer after a hidden
%! ## layer: hand-set so that outputs 2 and 3 have the same z.
%! net = bp_init ([2 2 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "init", "zeros");
%! net.W{1} = [1 0; 0 1];
%! net.W{2} = [-1 0; 0.5 0.5; 0.5 0.5];
%! [Y, class] = bp_predict (net, [0.3 -0.3 0.2; 0.3 -0.3 -0.2]);
%! assert (Y(2,:), Y(3,:));
%! ## Column 1: z = [-t; t; t] with t = tanh(0.3) > 0: tie of 2 and 3.
%! ## Column 2: z = [t; -t; -t]: class 1.  Column 3: z = [-u; 0; 0] with
%! ## u = tanh(0.2) > 0: tie of 2 and 3.
%! assert (class, [2 1 2]);

%!test
%! ## A trained network: class is the argmax of the outputs, and the
%! ## network's extra fields do not matter.
%! X = [0 0 1 1; 0 1 0 1];
%! Y2 = [1 0 0 1; 0 1 1 0];
%! net = bp_init ([2 6 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 4);
%! net.note = "extra";
%! net = bp_train (net, X, Y2, "epochs", 200, "batch", 4, "eta", 1, ...
%!                 "seed", 1, "verbose", false);
%! [Y, class] = bp_predict (net, X);
%! assert (Y, bp_forward (net, X));
%! assert (class, argmax_first (Y));

%!test
%! ## A call with no output sets ans to Y, as for any Octave function.
%! [nets, xs] = cases ();
%! bp_predict (nets{2}, xs{2});
%! assert (ans, bp_forward (nets{2}, xs{2}));
