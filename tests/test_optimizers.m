## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Every optimiser of bp_train against a plain-Octave implementation of
## its update, step by step.
##
## The reference takes the gradient of each step from bp_gradient (tested
## on its own against plain-Octave backprop and finite differences), so
## that what is compared is the update rule alone, and writes each rule in
## PyTorch's form (torch.optim.SGD with and without nesterov, RMSprop),
## with a buffer b of summed gradients, where the package keeps the
## velocity v = -eta b of the articles: the same update for a constant
## rate, reached by different roundings, which is what makes the
## comparison independent; Adam as Kingma and Ba's Algorithm 1.
##
## Runs: full batch and no shuffle, so that epoch e is update t = e on all
## the samples; 50 steps on [3 5 4 2] networks that together use every
## activation, with L2 weight decay (added to the weights' gradient, as in
## bp_gradient).
##
## Tolerance 1e-12.  Both sides round differently at each step (about
## 1e-16 relative); the steps are small (eta 0.05, |w| < 3) and the
## networks are not chaotic over 50 steps, so the differences stay within
## a few hundred roundings, far below 1e-12.  A wrong formula (a missing
## bias correction, the wrong moment) differs by 1e-3 or more.

%!function nets = networks ()
%!  ## [3 5 4 2] networks using every activation between them, each with a
%!  ## loss its output accepts.
%!  nets = {
%!    bp_init([3 5 4 2], "activation", {"tanh", "relu", "softmax"}, "loss", "log-likelihood", "seed", 1)
%!    bp_init([3 5 4 2], "activation", {"sigmoid", "leaky-relu", "sigmoid"}, "loss", "cross-entropy", "seed", 2)
%!    bp_init([3 5 4 2], "activation", {"relu", "tanh", "linear"}, "loss", "sse", "seed", 3)
%!    bp_init([3 5 4 2], "activation", {"leaky-relu", "sigmoid", "tanh"}, "loss", "mse", "seed", 4)
%!  };

%!function [X, Y] = data (net)
%!  ## 12 samples; targets one-hot (a valid probability for every loss).
%!  X = sin ((1:3)' * (1:12) * 0.7) * 1.5;
%!  Y = [mod(1:12, 2); 1 - mod(1:12, 2)];

%!function [W, b] = reference (net, X, Y, rule, eta, lambda, steps, p)
%!  ## STEPS updates by RULE in PyTorch's form, the gradient from
%!  ## bp_gradient (with lambda).  p holds the rule's constants.
%!  L = numel (net.W);
%!  s1 = cellfun (@(w) zeros (size (w)), [net.W, net.b], "uniformoutput", false);
%!  s2 = s1;
%!  for t = 1:steps
%!    [dW, db] = bp_gradient (net, X, Y, "lambda", lambda);
%!    g = [dW, db];
%!    w = [net.W, net.b];
%!    for k = 1:numel (w)
%!      switch (rule)
%!        case "sgd"
%!          w{k} = w{k} - eta * g{k};
%!        case "momentum"
%!          s1{k} = p.mu * s1{k} + g{k};
%!          w{k} = w{k} - eta * s1{k};
%!        case "nesterov"
%!          s1{k} = p.mu * s1{k} + g{k};
%!          w{k} = w{k} - eta * (g{k} + p.mu * s1{k});
%!        case "rmsprop"
%!          s1{k} = p.rho * s1{k} + (1 - p.rho) * g{k} .^ 2;
%!          w{k} = w{k} - eta * g{k} ./ (sqrt (s1{k}) + p.epsilon);
%!        case "adam"
%!          ## Kingma and Ba's Algorithm 1 (PyTorch divides sqrt (v) and
%!          ## eta by the corrections instead: the same numbers, rounded
%!          ## differently, and Adam's division by sqrt (v) magnifies a
%!          ## rounding of a tiny gradient to 2e-12 over 50 steps).
%!          s1{k} = p.beta1 * s1{k} + (1 - p.beta1) * g{k};
%!          s2{k} = p.beta2 * s2{k} + (1 - p.beta2) * g{k} .^ 2;
%!          mhat = s1{k} / (1 - p.beta1 ^ t);
%!          vhat = s2{k} / (1 - p.beta2 ^ t);
%!          w{k} = w{k} - eta * mhat ./ (sqrt (vhat) + p.epsilon);
%!      endswitch
%!    endfor
%!    net.W = w(1:L);
%!    net.b = w(L+1:end);
%!  endfor
%!  W = net.W;
%!  b = net.b;

%!function check_rule (rule, options, p)
%!  nets = networks ();
%!  for i = 1:numel (nets)
%!    net = nets{i};
%!    [X, Y] = data (net);
%!    got = bp_train (net, X, Y, "epochs", 50, "batch", 12, "eta", 0.05, ...
%!                    "lambda", 0.01, "shuffle", false, "verbose", false, ...
%!                    options{:});
%!    [W, b] = reference (net, X, Y, rule, 0.05, 0.01, 50, p);
%!    for l = 1:3
%!      assert (got.W{l}, W{l}, 1e-12);
%!      assert (got.b{l}, b{l}, 1e-12);
%!    endfor
%!    ## The rule did move the network.
%!    assert (norm (got.W{1} - net.W{1}, "fro") > 1e-3);
%!  endfor

%!test
%! check_rule ("sgd", {}, struct ());

%!test
%! check_rule ("momentum", {"momentum", 0.9}, struct ("mu", 0.9));

%!test
%! ## "momentum" is sgd with its momentum option.
%! check_rule ("momentum", {"optimizer", "momentum", "momentum", 0.5}, struct ("mu", 0.5));

%!test
%! check_rule ("nesterov", {"optimizer", "nesterov", "momentum", 0.9}, ...
%!             struct ("mu", 0.9));

%!test
%! ## RMSprop with its default rho 0.99 and epsilon 1e-8, then others.
%! check_rule ("rmsprop", {"optimizer", "rmsprop"}, ...
%!             struct ("rho", 0.99, "epsilon", 1e-8));
%! check_rule ("rmsprop", {"optimizer", "rmsprop", "rho", 0.9, "epsilon", 1e-6}, ...
%!             struct ("rho", 0.9, "epsilon", 1e-6));

%!test
%! ## Adam with its defaults 0.9, 0.999, 1e-8, then others.
%! check_rule ("adam", {"optimizer", "adam"}, ...
%!             struct ("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8));
%! check_rule ("adam", {"optimizer", "adam", "beta1", 0.5, "beta2", 0.9, "epsilon", 1e-4}, ...
%!             struct ("beta1", 0.5, "beta2", 0.9, "epsilon", 1e-4));

%!test
%! ## Adam's first step, a closed form: the bias corrections make m^ = g
%! ## and v^ = g^2, so every parameter moves by -eta g / (|g| + epsilon),
%! ## about eta against the sign of its gradient.
%! net = networks (){1};
%! [X, Y] = data (net);
%! [dW, db] = bp_gradient (net, X, Y);
%! got = bp_train (net, X, Y, "epochs", 1, "batch", 12, "eta", 0.01, ...
%!                 "shuffle", false, "verbose", false, "optimizer", "adam");
%! assert (got.W{2} - net.W{2}, -0.01 * dW{2} ./ (abs (dW{2}) + 1e-8), 1e-15);
%! assert (got.b{1} - net.b{1}, -0.01 * db{1} ./ (abs (db{1}) + 1e-8), 1e-15);

%!test
%! ## The full-batch minimisers lower the loss of a network from its start
%! ## and record one history row per iteration.
%! for opt = {"cg", "bfgs"}
%!   net = networks (){1};
%!   [X, Y] = data (net);
%!   [~, ~, ~, C0] = bp_gradient (net, X, Y);
%!   [got, h] = bp_train (net, X, Y, "optimizer", opt{1}, "max_iter", 30, ...
%!                        "verbose", false);
%!   [~, ~, ~, C] = bp_gradient (got, X, Y);
%!   assert (C < 0.9 * C0, "%s: loss %g from %g", opt{1}, C, C0);
%!   assert (h.loss(end), C, 1e-12);
%!   assert (numel (h.loss) <= 30 && any (strcmp (h.stopped, {"epochs", "gradient"})));
%!   assert (all (diff (h.loss) <= 1e-12), "%s: a line search raised the loss", opt{1});
%!   ## Each iteration computes at least one gradient of the whole loss.
%!   assert (all (diff ([0 h.evaluations]) >= 1), "%s: evaluations %s", opt{1}, ...
%!           mat2str (h.evaluations));
%! endfor

%!error <option "momentum" does not apply to the optimizer 'adam'> bp_train (bp_init ([2 1]), [0 1; 1 0], [0 1], "optimizer", "adam", "momentum", 0.9)
%!error <'nesterov' needs a momentum above 0> bp_train (bp_init ([2 1]), [0 1; 1 0], [0 1], "optimizer", "nesterov")
%!error <counts iterations: give "max_iter"> bp_train (bp_init ([2 1]), [0 1; 1 0], [0 1], "optimizer", "cg", "epochs", 3)
%!error <"schedule" does not apply to the optimizer 'bfgs'> bp_train (bp_init ([2 1]), [0 1; 1 0], [0 1], "optimizer", "bfgs", "schedule", {"exponential", 0.9})
%!error id=backprop:bp_train:unknown_optimizer bp_train (bp_init ([2 1]), [0 1; 1 0], [0 1], "optimizer", "adagrad")
