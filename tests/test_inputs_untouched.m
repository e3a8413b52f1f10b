## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Valid calls of every public function leave every input exactly as it
## was.  The MEX gateways view Octave's arrays in place (README.md: "gateways that never
## copy or modify your arrays"), so a gateway that wrote into an input would change the caller's
## variable, and every other variable sharing its data, behind Octave's
## back.  Each input is compared after the call with a deep copy taken
## before it (a plain "keep = x" would share the data and change with it);
## deep_copy is a function file in tests/lib, which run_tests.m puts on
## the path.

%!function out = call_untouched (fn, args, nout, what)
%!  ## [out{1:nout}] = FN (ARGS{:}), then assert that each argument still
%!  ## equals the deep copy taken before the call.  WHAT names the case.
%!  keep = deep_copy (args);
%!  out = cell (1, nout);
%!  if (nout == 0)
%!    feval (fn, args{:});
%!  else
%!    [out{:}] = feval (fn, args{:});
%!  endif
%!  for i = 1:numel (args)
%!    assert (isequal (args{i}, keep{i}), ...
%!            "%s (%s, nargout %d) changed its argument %d", fn, what, nout, i);
%!  endfor

%!function [nets, xs, ys] = valid_cases ()
%!  ## Networks covering every activation and loss, with inputs and targets
%!  ## that suit them.
%!  nets = {bp_init([2 3 2], "seed", 1)
%!          bp_init([3 4 3], "activation", {"tanh", "softmax"}, ...
%!                  "loss", "log-likelihood", "seed", 2)
%!          bp_init([2 5 4 1], "activation", {"relu", "leaky-relu", "linear"}, ...
%!                  "loss", "mse", "init", "he", "seed", 3)
%!          bp_init([4 3 2], "activation", "sigmoid", "loss", "cross-entropy", ...
%!                  "init", "xavier", "seed", 4)
%!          bp_init([1 1], "activation", "linear", "loss", "sse", "seed", 5)};
%!  ## A user's own field is allowed and must survive too.
%!  nets{1}.note = "the 2-3-2 network";
%!  xs = {[0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6]
%!        [1 -2 0.5; 0 3 -1; 2 2 2]
%!        [-1 0 1 2 3; 4 -5 0 0.5 1]
%!        [0.1 0.2; 0.3 0.4; 0.5 0.6; 0.7 0.8]
%!        [-1 0 1]};
%!  ys = {[1 0 1 0; 0 1 0 1]
%!        [1 0 0; 0 1 0; 0 0 1]
%!        [0.5 -1 2 0 1]
%!        [1 0; 0 1]
%!        [2 0 -2]};

%!test
%! ## bp_init: the sizes and option values.
%! sizes = [3 4 2];
%! act = {"tanh", "softmax"};
%! loss = "log-likelihood";
%! seed = 7;
%! for nout = 0:1
%!   args = {sizes, "activation", act, "loss", loss, "seed", seed, ...
%!           "init", "uniform", "epsilon", 0.3};
%!   call_untouched ("bp_init", args, nout, "all options");
%! endfor

%!test
%! ## bp_activation: every activation, one and two outputs.
%! z = [-800 -3 -0.5 0; 0.5 2 40 800];
%! for name = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"}
%!   for nout = 0:2
%!     call_untouched ("bp_activation", {z, name{1}}, nout, name{1});
%!   endfor
%! endfor

%!test
%! ## bp_loss: every loss, one and two outputs, also with aL and y the
%! ## same variable.
%! aL = [0.2 0.7 0 1; 0.9 0.4 1 0];
%! y = [0 1 0 1; 1 0 1 0];
%! for name = {"sse", "quadratic", "mse", "cross-entropy", "log-likelihood"}
%!   for nout = 0:2
%!     call_untouched ("bp_loss", {aL, y, name{1}}, nout, name{1});
%!     call_untouched ("bp_loss", {aL, aL, name{1}}, nout, [name{1} ", y = aL"]);
%!   endfor
%! endfor

%!test
%! ## bp_forward: every network, one and three outputs.
%! [nets, xs] = valid_cases ();
%! for i = 1:numel (nets)
%!   for nout = [0 1 3]
%!     call_untouched ("bp_forward", {nets{i}, xs{i}}, nout, ...
%!                     sprintf ("network %d", i));
%!   endfor
%! endfor

%!test
%! ## bp_gradient: every network, with and without weight decay.
%! [nets, xs, ys] = valid_cases ();
%! for i = 1:numel (nets)
%!   for nout = [0 1 4]
%!     call_untouched ("bp_gradient", {nets{i}, xs{i}, ys{i}}, nout, ...
%!                     sprintf ("network %d", i));
%!     call_untouched ("bp_gradient", {nets{i}, xs{i}, ys{i}, "lambda", 0.3}, ...
%!                     nout, sprintf ("network %d, lambda 0.3", i));
%!   endfor
%! endfor

%!test
%! ## bp_sgd_step: the network, the gradient and eta are left alone while
%! ## the new network is returned; the new network differs, and changing it
%! ## afterwards does not reach the old one.
%! [nets, xs, ys] = valid_cases ();
%! for i = 1:numel (nets)
%!   net = nets{i};
%!   keep = deep_copy (net);
%!   [dW, db] = bp_gradient (net, xs{i}, ys{i});
%!   out = call_untouched ("bp_sgd_step", {net, dW, db, 0.5}, 1, ...
%!                         sprintf ("network %d", i));
%!   new = out{1};
%!   assert (isequal (net, keep), "network %d changed", i);
%!   assert (! isequal (new.W, net.W), "network %d: the step changed nothing", i);
%!   assert (rmfield (new, {"W", "b"}), rmfield (net, {"W", "b"}));
%!   new.W{1}(1) += 1;
%!   new.b{end}(end) += 1;
%!   assert (isequal (net, keep), "network %d changed with the new one", i);
%!   call_untouched ("bp_sgd_step", {net, dW, db, 0.5}, 0, ...
%!                   sprintf ("network %d", i));
%! endfor

%!test
%! ## bp_sgd_step assigned back to the same variable: a second variable
%! ## sharing the old network's data keeps the old values.
%! [nets, xs, ys] = valid_cases ();
%! net = nets{1};
%! old = net;                   # shares every array with net
%! keep = deep_copy (net);
%! for step = 1:3
%!   [dW, db] = bp_gradient (net, xs{1}, ys{1});
%!   net = bp_sgd_step (net, dW, db, 0.5);
%! endfor
%! assert (isequal (old, keep));
%! assert (! isequal (net.W, old.W));

%!test
%! ## bp_sgd_step with arguments that share data: the network's own W and
%! ## b as the gradient (W - eta*W), and the same cell as dW twice over.
%! [nets] = valid_cases ();
%! net = nets{1};
%! keep = deep_copy (net);
%! out = call_untouched ("bp_sgd_step", {net, net.W, net.b, 0.25}, 1, ...
%!                       "dW = net.W, db = net.b");
%! assert (isequal (net, keep));
%! for l = 1:2
%!   assert (out{1}.W{l}, 0.75 * keep.W{l}, 1e-15);
%!   assert (out{1}.b{l}, 0.75 * keep.b{l}, 1e-15);
%! endfor

%!test
%! ## Inputs that are slices of larger arrays, or stored as ranges: the
%! ## arrays they came from are left alone as well.
%! [nets, xs, ys] = valid_cases ();
%! net = nets{1};
%! X = [xs{1}, -xs{1}, 2 * xs{1}];
%! Y = [ys{1}, ys{1}, ys{1}];
%! keepX = deep_copy (X);
%! keepY = deep_copy (Y);
%! x = X(:, 3:6);               # a contiguous block of columns
%! y = Y(:, 3:6);
%! call_untouched ("bp_forward", {net, x}, 3, "a slice of X");
%! call_untouched ("bp_gradient", {net, x, y}, 4, "slices of X and Y");
%! call_untouched ("bp_activation", {X(:, 2:5), "softmax"}, 2, "a slice of X");
%! call_untouched ("bp_loss", {Y(:, 1:4), Y(:, 5:8), "mse"}, 2, "slices of Y");
%! assert (isequal (X, keepX) && isequal (Y, keepY));
%! ## A range, a diagonal matrix and a permutation matrix as inputs.
%! r = -2:0.5:2;
%! call_untouched ("bp_activation", {r, "relu"}, 2, "a range");
%! call_untouched ("bp_forward", {nets{5}, r}, 3, "a range");
%! call_untouched ("bp_loss", {eye(3), eye(3), "sse"}, 2, "diagonal matrices");
%! [~, ~, P] = lu ([1 2 3; 4 5 6; 7 8 10]);
%! call_untouched ("bp_activation", {P, "tanh"}, 2, "a permutation matrix");

%!test
%! ## Repeated calls give the same results: nothing an earlier call did
%! ## to its inputs shows in a later one.
%! [nets, xs, ys] = valid_cases ();
%! for i = 1:numel (nets)
%!   [dW1, db1, d1, C1] = bp_gradient (nets{i}, xs{i}, ys{i});
%!   [aL, a, z] = bp_forward (nets{i}, xs{i});
%!   [dW2, db2, d2, C2] = bp_gradient (nets{i}, xs{i}, ys{i});
%!   assert (isequal ({dW1, db1, d1, C1}, {dW2, db2, d2, C2}), ...
%!           "network %d: bp_gradient gave a different result the second time", i);
%! endfor

%!test
%! ## bp_predict (when present): the network and X.
%! if (exist ("bp_predict"))
%!   [nets, xs] = valid_cases ();
%!   for i = 1:numel (nets)
%!     for nout = 0:2
%!       call_untouched ("bp_predict", {nets{i}, xs{i}}, nout, ...
%!                       sprintf ("network %d", i));
%!     endfor
%!   endfor
%! endif

%!test
%! ## bp_train (when present): the network, X, Y and the validation data
%! ## (here the very arrays X and Y) are left alone while a trained network
%! ## is returned, with and without momentum and weight decay.
%! if (exist ("bp_train"))
%!   [nets, xs, ys] = valid_cases ();
%!   for i = 1:numel (nets)
%!     x = xs{i};  y = ys{i};
%!     opts = {"epochs", 3, "batch", 2, "eta", 0.1, "momentum", 0.5, ...
%!             "lambda", 0.01, "seed", 1, "verbose", false, ...
%!             "validation", {x, y}};
%!     out = call_untouched ("bp_train", [{nets{i}, x, y}, opts], 2, ...
%!                           sprintf ("network %d", i));
%!     assert (! isequal (out{1}.W, nets{i}.W), ...
%!             "network %d: training changed nothing", i);
%!     call_untouched ("bp_train", {nets{i}, x, y, "epochs", 2, "shuffle", false, ...
%!                                  "verbose", false}, 1, sprintf ("network %d", i));
%!   endfor
%! endif

%!test
%! ## bp_unroll, bp_roll, bp_cost: the gateway of bp_cost views theta as
%! ## the network in place and writes the gradient into a new column, so
%! ## theta (and every variable sharing its data) must come out as it
%! ## went in; likewise the network, X and Y.  A theta shared with another
%! ## variable is the case that would show a write.
%! [nets, xs, ys] = valid_cases ();
%! for i = 1:numel (nets)
%!   what = sprintf ("network %d", i);
%!   call_untouched ("bp_unroll", {nets{i}}, 2, what);
%!   theta = bp_unroll (nets{i}) + 0.25;
%!   shared = theta;
%!   keep = deep_copy (theta);
%!   out = call_untouched ("bp_roll", {theta, nets{i}}, 1, what);
%!   assert (bp_unroll (out{1}), keep);
%!   for nout = [0 1 2]
%!     call_untouched ("bp_cost", {theta, nets{i}, xs{i}, ys{i}}, nout, what);
%!     call_untouched ("bp_cost", {theta, nets{i}, xs{i}, ys{i}, "lambda", 0.3}, ...
%!                     nout, [what ", lambda 0.3"]);
%!   endfor
%!   assert (isequal (shared, keep), "%s: a variable sharing theta changed", what);
%! endfor
