## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## bp_train with "shuffle", false against a hand-written loop (help
## bp_train): batch k of every epoch is columns (k-1)*batch+1 .. k*batch
## (the last one smaller when batch does not divide N), and each batch takes
## the step of bp_gradient + bp_sgd_step.  With "momentum" mu the loop
## does v = mu*v - eta*dW; W = W + v (the same for the biases, v starting
## at 0); with "lambda" it asks bp_gradient for the weight-decay gradient.
## hist.loss(e) must be the mean of the loop's batch losses C in epoch e,
## and hist.accuracy(e) (one-hot targets) the fraction of samples whose
## largest output, computed before their batch's step, is the target's
## class.
##
## Tolerance 1e-12 (absolute): the C core does the same arithmetic as the
## loop but not in the same order -- it folds the gradient into one matrix
## product, W <- (1 - eta*lambda/m)*W - (eta/m)*a'*delta, where the loop
## forms dW = a'*delta/m + (lambda/m)*W and then W - eta*dW, and BLAS may
## sum the products in another order.  Each step therefore differs by a few
## units in the last place of numbers of order 1 (about 1e-16); the runs
## below take at most a few dozen steps with small learning rates, where
## such differences are not amplified beyond ~1e-14.  A wrong batch, a
## missing step, a wrong momentum or decay formula changes the weights by
## far more than 1e-12.

%!function [net, loss, acc] = loop_train (net, X, Y, epochs, batch, eta, mu, lambda)
%!  ## The reference: EPOCHS passes over the columns of X and Y in order,
%!  ## in batches of BATCH columns, with learning rate ETA, momentum MU and
%!  ## weight decay LAMBDA.  LOSS(e) is the mean of epoch e's batch losses,
%!  ## ACC(e) the fraction of samples classified right before their step.
%!  N = columns (X);
%!  L = numel (net.W);
%!  nb = ceil (N / batch);                  # batches per epoch
%!  vW = cellfun (@(w) zeros (size (w)), net.W, "uniformoutput", false);
%!  vb = cellfun (@(b) zeros (size (b)), net.b, "uniformoutput", false);
%!  loss = acc = zeros (1, epochs);
%!  for e = 1:epochs
%!    C = zeros (1, nb);
%!    right = 0;
%!    for k = 1:nb
%!      cols = (k-1)*batch+1 : min (k*batch, N);
%!      [~, guess] = max (bp_forward (net, X(:,cols)), [], 1);
%!      [~, truth] = max (Y(:,cols), [], 1);
%!      right += sum (guess == truth);
%!      [dW, db, ~, C(k)] = bp_gradient (net, X(:,cols), Y(:,cols), ...
%!                                       "lambda", lambda);
%!      if (mu == 0)
%!        net = bp_sgd_step (net, dW, db, eta);
%!      else
%!        for l = 1:L
%!          vW{l} = mu * vW{l} - eta * dW{l};
%!          vb{l} = mu * vb{l} - eta * db{l};
%!          net.W{l} = net.W{l} + vW{l};
%!          net.b{l} = net.b{l} + vb{l};
%!        endfor
%!      endif
%!    endfor
%!    loss(e) = mean (C);
%!    acc(e) = right / N;
%!  endfor

%!function compare (net0, X, Y, epochs, batch, eta, mu, lambda, what)
%!  ## Train NET0 with bp_train and with loop_train and compare weights,
%!  ## biases, hist.loss and (one-hot Y) hist.accuracy.
%!  [net, hist] = bp_train (net0, X, Y, "epochs", epochs, "batch", batch, ...
%!                          "eta", eta, "momentum", mu, "lambda", lambda, ...
%!                          "shuffle", false, "verbose", false);
%!  [ref, loss, acc] = loop_train (net0, X, Y, epochs, batch, eta, mu, lambda);
%!  where = sprintf ("%s, batch %g, %d epoch(s), eta %g, mu %g, lambda %g", ...
%!                   what, batch, epochs, eta, mu, lambda);
%!  for l = 1:numel (net.W)
%!    err = max (abs (net.W{l}(:) - ref.W{l}(:)));
%!    assert (err <= 1e-12, "%s: W{%d} differs by %g", where, l, err);
%!    err = max (abs (net.b{l}(:) - ref.b{l}(:)));
%!    assert (err <= 1e-12, "%s: b{%d} differs by %g", where, l, err);
%!  endfor
%!  ## The run really moved the network (otherwise the test proves little).
%!  assert (! isequal (net.W, net0.W), "%s: the weights did not change", where);
%!  assert (isequal (size (hist.loss), [1 epochs]), ...
%!          "%s: hist.loss is %s, expected 1-by-%d", where, ...
%!          mat2str (size (hist.loss)), epochs);
%!  err = max (abs (hist.loss - loss) ./ max (1, abs (loss)));
%!  assert (err <= 1e-12, "%s: hist.loss differs from the loop by %g", where, err);
%!  onehot = all (Y(:) == 0 | Y(:) == 1) && all (sum (Y, 1) == 1);
%!  assert (isfield (hist, "accuracy") == onehot, ...
%!          "%s: hist.accuracy present: %d, one-hot targets: %d", where, ...
%!          isfield (hist, "accuracy"), onehot);
%!  if (onehot)
%!    assert (hist.accuracy, acc, 1e-15);
%!  endif
%!  ## Nothing but what is trained changes in the network.
%!  assert (rmfield (net, {"W", "b"}), rmfield (net0, {"W", "b"}));

%!function [nets, Xs, Ys, names] = cases ()
%!  ## Networks covering the activations and losses, one with three weight
%!  ## layers, each with 12 samples that suit its loss.
%!  N = 12;
%!  t = 1:N;
%!  nets = {bp_init([2 3 1], "seed", 1)
%!          bp_init([3 4 2], "loss", "cross-entropy", "seed", 2)
%!          bp_init([3 5 3], "activation", {"tanh", "softmax"}, ...
%!                  "loss", "log-likelihood", "seed", 3)
%!          bp_init([2 4 3 2], "activation", {"relu", "leaky-relu", "linear"}, ...
%!                  "loss", "mse", "init", "he", "seed", 4)
%!          bp_init([2 3 2], "activation", {"tanh", "sigmoid"}, "loss", "sse", ...
%!                  "init", "xavier", "seed", 5)};
%!  names = {"2-3-1 sigmoid, quadratic"
%!           "3-4-2 sigmoid, cross-entropy (targets in [0, 1])"
%!           "3-5-3 tanh + softmax, log-likelihood (one-hot)"
%!           "2-4-3-2 relu + leaky-relu + linear, mse"
%!           "2-3-2 tanh + sigmoid, sse"};
%!  X2 = [sin(0.7 * t); cos(1.3 * t)];
%!  X3 = [sin(0.7 * t); cos(1.3 * t); 0.5 * sin(2.1 * t + 1)];
%!  Xs = {X2, X3, X3, X2, X2};
%!  cls = mod (t, 3) + 1;                   # classes 1..3, one-hot below
%!  Ys = {0.5 + 0.4 * sin(t)                           # in (0, 1)
%!        [mod(t, 2); 0.5 + 0.5 * cos(t)]              # 0/1 and fractions
%!        double(cls == (1:3)')                        # one-hot, 3 classes
%!        [sin(t); 2 * cos(0.5 * t)]                   # any real values
%!        double(mod (t, 2) == [0; 1])};               # one-hot, 2 classes

%!test
%! ## Plain SGD, every network, batch 1, a divisor of N = 12 (4), a
%! ## non-divisor (5: batches of 5, 5, 2), N itself and more than N.
%! [nets, Xs, Ys, names] = cases ();
%! for i = 1:numel (nets)
%!   for batch = [1 4 5 12 1e9]
%!     compare (nets{i}, Xs{i}, Ys{i}, 3, batch, 0.3, 0, 0, names{i});
%!   endfor
%! endfor

%!test
%! ## One epoch, and more epochs with a smaller batch that does not divide N.
%! [nets, Xs, Ys, names] = cases ();
%! for i = 1:numel (nets)
%!   compare (nets{i}, Xs{i}, Ys{i}, 1, 7, 0.5, 0, 0, names{i});
%!   compare (nets{i}, Xs{i}, Ys{i}, 6, 7, 0.2, 0, 0, names{i});
%! endfor

%!test
%! ## Weight decay: the loop uses bp_gradient (..., "lambda", lambda), whose
%! ## C and dW hold the decay term for the batch's own size m.
%! [nets, Xs, Ys, names] = cases ();
%! for i = 1:numel (nets)
%!   for batch = [1 5 12]
%!     compare (nets{i}, Xs{i}, Ys{i}, 3, batch, 0.3, 0, 0.2, names{i});
%!   endfor
%! endfor

%!test
%! ## Momentum against v = mu*v - eta*dW; W = W + v (biases alike).
%! [nets, Xs, Ys, names] = cases ();
%! for i = 1:numel (nets)
%!   for batch = [1 5 12]
%!     compare (nets{i}, Xs{i}, Ys{i}, 3, batch, 0.2, 0.9, 0, names{i});
%!   endfor
%!   compare (nets{i}, Xs{i}, Ys{i}, 2, 4, 0.05, 1, 0, names{i});   # mu = 1
%! endfor

%!test
%! ## Momentum and weight decay together.
%! [nets, Xs, Ys, names] = cases ();
%! for i = 1:numel (nets)
%!   for batch = [1 5 12]
%!     compare (nets{i}, Xs{i}, Ys{i}, 3, batch, 0.2, 0.5, 0.3, names{i});
%!   endfor
%! endfor

%!test
%! ## eta = 0: nothing moves, and hist.loss is the mean of the batch losses
%! ## of the starting network (with the decay term when lambda > 0).
%! [nets, Xs, Ys] = cases ();
%! net0 = nets{3};  X = Xs{3};  Y = Ys{3};
%! [net, hist] = bp_train (net0, X, Y, "epochs", 2, "batch", 5, "eta", 0, ...
%!                         "lambda", 0.4, "shuffle", false, "verbose", false);
%! assert (isequal (net, net0));
%! C = [];
%! for cols = {1:5, 6:10, 11:12}
%!   [~, ~, ~, C(end+1)] = bp_gradient (net0, X(:,cols{1}), Y(:,cols{1}), ...
%!                                      "lambda", 0.4);
%! endfor
%! assert (hist.loss, [mean(C) mean(C)], 1e-14);

%!test
%! ## A single sample (N = 1), and a network with one weight layer.
%! net0 = bp_init ([3 2], "activation", "softmax", "loss", "log-likelihood", ...
%!                 "seed", 6);
%! compare (net0, [0.3; -0.2; 0.9], [0; 1], 4, 1, 0.5, 0, 0, "3-2 softmax, N = 1");
%! compare (net0, [0.3; -0.2; 0.9], [0; 1], 4, 3, 0.5, 0.7, 0.1, "3-2 softmax, N = 1");
