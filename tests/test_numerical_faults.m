## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Numerical faults in whole runs: what tests/test_saturation.m (single
## calls of bp_activation, bp_loss, bp_forward and bp_gradient at
## saturation) and the divergence tests of tests/test_train_behaviour.m
## and inst/bp_train.m (a huge eta in epoch 1 and in a later epoch) leave
## open:
##
##  * bp_train through saturated sigmoids (|z| >= 1e3): a quadratic loss
##    whose gradient is exactly 0 there leaves the network exactly as it
##    was, with a finite loss; cross-entropy on a wrongly saturated output
##    costs exactly 1000 and trains on with finite steps.
##  * softmax inputs near 1e3 (a common offset of 1e3 in the output
##    biases) in bp_forward, bp_gradient and bp_train: softmax and the
##    log-likelihood do not change when every input of a column moves by
##    the same amount, so the results equal those of the same network
##    without the offset.
##  * log-likelihood at a true class of probability exactly 0 in bp_train.
##  * divergence through every path of the update (plain, momentum, weight
##    decay, weights that overflow while the loss stays finite): the error
##    backprop:bp_train:diverged names the epoch, *no output is assigned*
##    (variables the caller had keep their values) and the network passed
##    in is unchanged.
##  * a tiny eta (1e-300): training runs, nothing becomes NaN, the weights
##    move by at most about 1e-300.
##  * bp_sgd_step whose step overflows: no crash and no silent NaN: an
##    error, or a network that the next call refuses as invalid.

## ---------------------------------------------------------------------
## Helpers

%!function check_diverged (f, epoch, what)
%!  ## [net2, h] = F () must raise backprop:bp_train:diverged naming EPOCH,
%!  ## and leave net2 and h as they were.
%!  net2 = "untouched";
%!  h = "untouched";
%!  try
%!    [net2, h] = f ();
%!    error ("test:no_error", "%s: no error was raised", what);
%!  catch err
%!    assert (err.identifier, "backprop:bp_train:diverged", ...
%!            sprintf ("%s: [%s] %s", what, err.identifier, err.message));
%!    assert (! isempty (regexp (err.message, ['epoch ' num2str(epoch) '\>'], "once")), ...
%!            "%s: expected epoch %d in: %s", what, epoch, err.message);
%!  end_try_catch
%!  assert (isequal (net2, "untouched") && isequal (h, "untouched"), ...
%!          "%s: an output was assigned", what);

%!function d = max_change (a, b)
%!  ## Largest absolute difference between the weights and biases of two
%!  ## networks of the same shape.
%!  d = max ([cellfun(@(p, q) max (abs (p(:) - q(:))), a.W, b.W), ...
%!            cellfun(@(p, q) max (abs (p(:) - q(:))), a.b, b.b)]);

## ---------------------------------------------------------------------
## Saturated sigmoids in training

%!test
%! ## A 2-3-1 sigmoid network whose hidden and output units all have
%! ## |z| >= 2e3 (checked below), so every a is exactly 0 or 1 (e^-2000
%! ## underflows) and every g'(z) = a (1 - a) is exactly 0.  With the
%! ## quadratic loss the output error is (a - y) g'(z) = 0 and every
%! ## gradient is exactly 0, whether the targets match the outputs or not:
%! ## training (momentum included) leaves the network exactly as it was,
%! ## and each sample costs 1/2 (a - y)^2, 0 where it matches and 1/2
%! ## where it does not.
%! net = bp_init ([2 3 1], "loss", "quadratic", "seed", 1);
%! net.W{1} = 1e4 * [1 1; -1 -1; 1 -0.5];
%! net.b{1} = [0; 0; 0];
%! net.W{2} = 1e3 * [2 -3 1];
%! net.b{2} = 0;
%! x = [1 2 -1; 1 0.5 -3];
%! [aL, a, z] = bp_forward (net, x);
%! assert (all (abs ([z{1}(:); z{2}(:)]) >= 2e3));
%! assert (all (aL == 0 | aL == 1) && all (a{1}(:) == 0 | a{1}(:) == 1));
%! y = aL;  y(2) = 1 - y(2);             # columns 1, 3 match, column 2 does not
%! [net2, h] = bp_train (net, x, y, "epochs", 3, "batch", 1, "eta", 5, ...
%!                       "momentum", 0.5, "shuffle", false, "verbose", false);
%! assert (isequal (net2.W, net.W) && isequal (net2.b, net.b));
%! assert (h.loss, [1 1 1] * (0 + 0.5 + 0) / 3);

%!test
%! ## Cross-entropy on an output saturated the wrong way: z = -1000,
%! ## y = 1.  a = e^-1000 rounds to 0, so -ln a computed from a would be
%! ## Inf; from z the cost is log(1 + e^z) - y z = 0 + 1000 exactly, and
%! ## the output error a - y = -1 gives a finite step that raises z.
%! net = bp_init ([1 1], "loss", "cross-entropy");
%! net.W{1} = -1000;
%! net.b{1} = 0;
%! [net2, h] = bp_train (net, 1, 1, "epochs", 1, "batch", 1, "eta", 0.5, ...
%!                       "shuffle", false, "verbose", false);
%! assert (h.loss, 1000);
%! ## One step: w <- w - eta (a - y) x = -1000 + 0.5, b <- 0 + 0.5.
%! assert (net2.W{1}, -999.5);
%! assert (net2.b{1}, 0.5);
%! ## Many epochs of it stay finite and bring the output up.
%! [net3, h3] = bp_train (net, 1, 1, "epochs", 200, "batch", 1, "eta", 5, ...
%!                        "shuffle", false, "verbose", false);
%! assert (all (isfinite (h3.loss)) && all (diff (h3.loss) <= 0));
%! assert (bp_forward (net3, 1) > 0.5);

## ---------------------------------------------------------------------
## Softmax inputs near 1e3

%!shared soft, shifted, xs, ys
%! ## A 3-4-3 network with a softmax output and the same network with
%! ## 1e3 added to every output bias: every output z is then about 1e3,
%! ## where e^z overflows.  softmax(z + c) = softmax(z), so both networks
%! ## have the same outputs, loss and weight gradients, and db is the same
%! ## too (dC/db = a - y).  Adding 1e3 rounds z by up to eps * 1e3 = 2.3e-13,
%! ## which moves a by about as much: tolerances 1e-12 (outputs,
%! ## gradients, losses of size ~1).
%! soft = bp_init ([3 4 3], "activation", {"tanh", "softmax"}, ...
%!                 "loss", "log-likelihood", "seed", 7);
%! shifted = soft;
%! shifted.b{2} = soft.b{2} + 1e3;
%! xs = [0.5 -1 0.2 0.9 -0.4; 1 0.3 -0.7 0.1 0.6; -0.2 0.8 0.4 -1 0.5];
%! ys = [1 0 0 1 0; 0 1 0 0 0; 0 0 1 0 1];

%!test
%! ## bp_forward: finite, columns summing to 1, equal to the unshifted.
%! [aL, ~, z] = bp_forward (shifted, xs);
%! assert (all (z{2}(:) > 990));
%! assert (all (isfinite (aL(:))));
%! assert (sum (aL, 1), ones (1, 5), 1e-15);
%! assert (aL, bp_forward (soft, xs), 1e-12);

%!test
%! ## bp_gradient with the log-likelihood (fused a - y) and with sse (the
%! ## full softmax Jacobian): the same loss and gradients as unshifted.
%! for loss = {"log-likelihood", "sse"}
%!   s1 = soft;     s1.loss = loss{1};
%!   s2 = shifted;  s2.loss = loss{1};
%!   [dW1, db1, ~, C1] = bp_gradient (s1, xs, ys);
%!   [dW2, db2, ~, C2] = bp_gradient (s2, xs, ys);
%!   assert (isfinite (C2));
%!   assert (C2, C1, 1e-12);
%!   for l = 1:2
%!     assert (dW2{l}, dW1{l}, 1e-12);
%!     assert (db2{l}, db1{l}, 1e-12);
%!   endfor
%! endfor

%!test
%! ## bp_train: 30 epochs from either network walk the same path (the
%! ## gradients are the same at every step); the offset stays in the
%! ## output biases.  Rounding differences of ~1e-13 a step grow over 30
%! ## epochs of 3 steps to ~1e-11 at most: tolerance 1e-10.
%! opts = {"epochs", 30, "batch", 2, "eta", 0.5, "shuffle", false, "verbose", false};
%! [n1, h1] = bp_train (soft, xs, ys, opts{:});
%! [n2, h2] = bp_train (shifted, xs, ys, opts{:});
%! assert (all (isfinite (h2.loss)));
%! assert (h2.loss, h1.loss, 1e-10);
%! assert (n2.W{1}, n1.W{1}, 1e-10);
%! assert (n2.W{2}, n1.W{2}, 1e-10);
%! assert (n2.b{1}, n1.b{1}, 1e-10);
%! assert (n2.b{2} - 1e3, n1.b{2}, 1e-10);

%!test
%! ## The true class with probability exactly 0: z = (0, -1000, 0) for
%! ## true class 2 gives a_2 = e^-1000 / 2 = 0, where -ln a_2 is Inf; from
%! ## z, C = logsumexp(z) - z_2 = ln 2 + 1000 (1000.693..., to one ulp),
%! ## and the step a - y = (1/2, -1, 1/2) is finite.
%! net = bp_init ([1 3], "activation", "softmax", "loss", "log-likelihood");
%! net.W{1} = [0; -1000; 0];
%! net.b{1} = [0; 0; 0];
%! [aL] = bp_forward (net, 1);
%! assert (aL(2), 0);
%! [net2, h] = bp_train (net, 1, [0; 1; 0], "epochs", 1, "batch", 1, ...
%!                       "eta", 1, "shuffle", false, "verbose", false);
%! assert (h.loss, 1000 + log (2), 2 * eps (1000));
%! assert (net2.W{1}, [-0.5; -999; -0.5]);
%! assert (net2.b{1}, [-0.5; 1; -0.5]);

## ---------------------------------------------------------------------
## Divergence: the error names the epoch, and nothing is assigned

%!test
%! X = [0 0 1 1; 0 1 0 1];
%! Y = [0 1 1 0];
%! lin = bp_init ([2 3 1], "activation", {"tanh", "linear"}, "loss", "sse", ...
%!                "seed", 2);
%! q = {"shuffle", false, "verbose", false};
%! ## A copy of the network whose arrays are its own (+= 0 on one element
%! ## unshares them), so a gateway writing into lin's arrays in place
%! ## would show in the comparison at the end.
%! keep = lin;
%! for l = 1:2
%!   keep.W{l}(1) += 0;
%!   keep.b{l}(1) += 0;
%! endfor
%! ## A huge eta, plain and with momentum (the step then goes through the
%! ## velocities): the first steps reach 1e300 and the loss overflows in
%! ## epoch 1.
%! check_diverged (@() bp_train (lin, X, Y, "eta", 1e300, q{:}), 1, "eta 1e300");
%! check_diverged (@() bp_train (lin, X, Y, "eta", 1e300, "momentum", 0.9, q{:}), ...
%!                 1, "eta 1e300 with momentum");
%! ## Weight decay whose factor 1 - eta lambda / m = 1 - 1e300 makes every
%! ## weight about -1e300 times itself each step: the L2 term of the loss
%! ## overflows in epoch 1.
%! check_diverged (@() bp_train (lin, X, Y, "eta", 1, "lambda", 1e300, q{:}), ...
%!                 1, "lambda 1e300");
%! assert (isequal (lin, keep), "a diverging run changed the network passed in");

%!test
%! ## Weights that overflow while the loss stays finite.  A 2-1 sigmoid
%! ## network with cross-entropy, w = (1.5e308, -1.5e308), b = 0, one
%! ## sample x = (1, 1), y = 1: z = 0 exactly, a = 1/2, C = ln 2 (finite),
%! ## a - y = -1/2.  With eta = 1e308 the step adds 0.5e308 to each
%! ## weight: w_1 = 2e308 overflows to Inf, w_2 = -1e308.  The loss seen
%! ## in that epoch was finite; the weights after it are not: epoch 1.
%! net = bp_init ([2 1], "loss", "cross-entropy");
%! net.W{1} = [1.5e308 -1.5e308];
%! net.b{1} = 0;
%! check_diverged (@() bp_train (net, [1; 1], 1, "epochs", 1, "batch", 1, ...
%!                               "eta", 1e308, "verbose", false), ...
%!                 1, "overflowing weights, finite loss, 1 epoch");
%! ## With more epochs to go the run stops after the first one too: the
%! ## weights are checked after every epoch, not only at the end.
%! check_diverged (@() bp_train (net, [1; 1], 1, "epochs", 5, "batch", 1, ...
%!                               "eta", 1e308, "verbose", false), ...
%!                 1, "overflowing weights, finite loss, 5 epochs");

## ---------------------------------------------------------------------
## A tiny eta

%!test
%! ## eta = 1e-300: each step changes a weight by eta |dC/dw| <= ~1e-300,
%! ## far below half an ulp of weights of size 1e-3 .. 1 (~1e-19 at
%! ## least), so the weights do not change at all; the biases start at 0
%! ## and become numbers of order 1e-300 at most (with momentum 0.9 the
%! ## velocity can reach ten steps, and 40 steps are taken: |b| < 1e-296;
%! ## normal doubles, realmin being 2.2e-308).  Nothing is NaN, and every epoch sees the same network:
%! ## the same loss, to the last bit.
%! [X, Y] = deal ([0 0 1 1; 0 1 0 1], [1 0 0 1; 0 1 1 0]);
%! net = bp_init ([2 4 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 3);
%! for mom = [0 0.9]
%!   [n2, h] = bp_train (net, X, Y, "epochs", 20, "batch", 2, "eta", 1e-300, ...
%!                       "momentum", mom, "shuffle", false, "verbose", false);
%!   assert (all (isfinite (h.loss)));
%!   assert (all (h.loss == h.loss(1)));
%!   assert (isequal (n2.W, net.W));
%!   assert (max_change (n2, net) <= 1e-296);
%!   assert (all (cellfun (@(b) all (isfinite (b(:))), n2.b)));
%! endfor

## ---------------------------------------------------------------------
## bp_sgd_step whose step overflows

%!test
%! ## w - eta dW = 1 - 10 * 1e308 overflows.  bp_sgd_step computes what it
%! ## is asked to; whatever it returns must not pass for a network: either
%! ## it raises a backprop: error, or the next call refuses the result as
%! ## an invalid network naming the weights.
%! net = bp_init ([2 1], "activation", "linear", "loss", "sse");
%! net.W{1} = [1 1];
%! try
%!   n2 = bp_sgd_step (net, {[1e308 1e308]}, {1}, 10);
%! catch err
%!   assert (strncmp (err.identifier, "backprop:bp_sgd_step:", 21), err.identifier);
%!   return;
%! end_try_catch
%! assert (! any (isnan (n2.W{1}(:))), "an overflowing step made NaN weights");
%! try
%!   bp_forward (n2, [1; 1]);
%!   error ("test:no_error", "bp_forward accepted the overflowed network");
%! catch err
%!   assert (err.identifier, "backprop:bp_forward:invalid_net");
%!   assert (! isempty (strfind (err.message, "net.W{1}")), err.message);
%! end_try_catch
