## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## What bp_train does beyond the arithmetic of one step (help bp_train,
## doc/design-decisions.md "Training"): reproducibility with and
## without "seed", the shuffle, learning XOR and two spirals, the fields of
## hist, the validation numbers, the caller's network left alone, the
## progress line, and the error for a run that diverges.

%!function c = deep_copy (v)
%!  ## A copy of V sharing no array data with it ("c = v" would share it,
%!  ## so a gateway writing into its input would change both).
%!  if (iscell (v))
%!    c = cellfun (@deep_copy, v, "uniformoutput", false);
%!  elseif (isstruct (v))
%!    c = v;
%!    f = fieldnames (v);
%!    for i = 1:numel (v)
%!      for k = 1:numel (f)
%!        c(i).(f{k}) = deep_copy (v(i).(f{k}));
%!      endfor
%!    endfor
%!  elseif ((isnumeric (v) || islogical (v) || ischar (v)) && ! isempty (v))
%!    c = v;
%!    c(1) = c(1);   # writing an element makes the data c's own
%!  else
%!    c = v;
%!  endif

%!function [X, Y] = spirals (n)
%!  ## Two interleaved spirals of N points each, two turns around the
%!  ## origin; class 1 is the spiral, class 2 the same spiral turned by
%!  ## 180 degrees.  Y is one-hot, 2-by-2N.
%!  t = linspace (0, 1, n);
%!  r = 0.1 + 0.9 * t;
%!  th = 4 * pi * t;
%!  X = [r .* cos(th), -r .* cos(th); r .* sin(th), -r .* sin(th)];
%!  Y = [repmat([1; 0], 1, n), repmat([0; 1], 1, n)];

%!function k = class_of (Y)
%!  ## The class of each one-hot column of Y.
%!  [~, k] = max (Y, [], 1);

%!function expect_fields (hist, names, epochs, what)
%!  ## hist has exactly the fields NAMES (in any order) and those every
%!  ## history has; each per-epoch field a 1-by-EPOCHS row of real doubles,
%!  ## grad_rms EPOCHS-by-L, best_epoch a scalar and stopped a name.
%!  assert (isstruct (hist) && isscalar (hist), "%s: hist is no scalar struct", what);
%!  names = [names(:); {"epoch"; "eta"; "evaluations"; "grad_rms"; "best_epoch"; "stopped"}];
%!  got = sort (fieldnames (hist));
%!  assert (isequal (got, sort (names(:))), "%s: hist has fields {%s}, expected {%s}", ...
%!          what, strjoin (got', ", "), strjoin (sort (names(:))', ", "));
%!  assert (rows (hist.grad_rms) == epochs, "%s: hist.grad_rms has %d rows", what, ...
%!          rows (hist.grad_rms));
%!  assert (isscalar (hist.best_epoch) && ischar (hist.stopped), "%s: best_epoch, stopped", what);
%!  for f = setdiff (got', {"grad_rms", "best_epoch", "stopped"})
%!    v = hist.(f{1});
%!    assert (isa (v, "double") && isreal (v) && isequal (size (v), [1 epochs]), ...
%!            "%s: hist.%s is %s, expected a 1-by-%d double row", what, f{1}, ...
%!            mat2str (size (v)), epochs);
%!  endfor

%!shared X, Y, Y2
%! ## XOR, with one sigmoid output (Y) and as one-hot classes (Y2).
%! X = [0 0 1 1; 0 1 0 1];
%! Y = [0 1 1 0];
%! Y2 = [1 0 0 1; 0 1 1 0];

## ---------------------------------------------------------------------
## Reproducibility and the shuffle

%!test
%! ## The same seed gives the same run, another seed another one, and
%! ## neither touches the states of rand and randn.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! s = rand ("state");  sn = randn ("state");
%! [a, ha] = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "seed", 4, "verbose", false);
%! [b, hb] = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "seed", 4, "verbose", false);
%! [c, hc] = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "seed", 5, "verbose", false);
%! assert (isequal (rand ("state"), s), "a seeded run changed rand's state");
%! assert (isequal (randn ("state"), sn), "a seeded run changed randn's state");
%! assert (isequal (a, b));
%! assert (isequal (ha.loss, hb.loss) && isequal (ha.accuracy, hb.accuracy));
%! assert (! isequal (a.W, c.W), "seeds 4 and 5 gave the same weights");
%! assert (! isequal (ha.loss, hc.loss), "seeds 4 and 5 gave the same losses");

%!test
%! ## Seeds 0 and 2^32-2 are valid and give runs of their own (seed 0
%! ## is not a "default seed" standing in for another).
%! net0 = bp_init ([2 3 2], "seed", 1);
%! runs = {};
%! for seed = [0 1 2^32-2]
%!   runs{end+1} = bp_train (net0, X, Y2, "epochs", 4, "batch", 1, "seed", seed, ...
%!                           "verbose", false);
%! endfor
%! assert (! isequal (runs{1}.W, runs{2}.W), "seeds 0 and 1 gave the same run");
%! assert (! isequal (runs{1}.W, runs{3}.W), "seeds 0 and 2^32-2 gave the same run");
%! assert (! isequal (runs{2}.W, runs{3}.W), "seeds 1 and 2^32-2 gave the same run");

%!test
%! ## Without a seed the shuffle is seeded from rand: resetting rand's state
%! ## repeats the run, not resetting it gives another run.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! keep = rand ("state");
%! unwind_protect
%!   rand ("state", 42);
%!   [a, ha] = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "verbose", false);
%!   rand ("state", 42);
%!   [b, hb] = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "verbose", false);
%!   c = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "verbose", false);
%!   assert (isequal (a, b) && isequal (ha.loss, hb.loss), ...
%!           "rand ('state', 42) before each run did not repeat it");
%!   assert (! isequal (a.W, c.W), "two runs in a row without a seed were the same");
%!   ## It is one draw from rand ("seeded with one draw from rand").
%!   rand ("state", 42);
%!   bp_train (net0, X, Y2, "epochs", 2, "verbose", false);
%!   after_run = rand ();
%!   rand ("state", 42);
%!   rand ();
%!   assert (rand (), after_run);
%! unwind_protect_cleanup
%!   rand ("state", keep);
%! end_unwind_protect

%!test
%! ## The same with rand ("seed", ...), Octave's old generator.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! keep = rand ("state");
%! unwind_protect
%!   rand ("seed", 7);
%!   a = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "verbose", false);
%!   rand ("seed", 7);
%!   b = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "verbose", false);
%!   c = bp_train (net0, X, Y2, "epochs", 5, "batch", 1, "verbose", false);
%!   assert (isequal (a, b), "rand ('seed', 7) before each run did not repeat it");
%!   assert (! isequal (a.W, c.W), "two runs in a row without a seed were the same");
%! unwind_protect_cleanup
%!   rand ("state", keep);                   # back to the default generator
%! end_unwind_protect

%!test
%! ## With "shuffle", false no random number is drawn at all.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! s = rand ("state");  sn = randn ("state");
%! bp_train (net0, X, Y2, "epochs", 3, "batch", 1, "shuffle", false, "verbose", false);
%! assert (isequal (rand ("state"), s), "an unshuffled run changed rand's state");
%! assert (isequal (randn ("state"), sn), "an unshuffled run changed randn's state");

%!test
%! ## Full-batch descent does not depend on the order of the samples (the
%! ## mean over a batch is the same in any order; only the rounding of the
%! ## sum may differ, hence 1e-12): shuffled equals unshuffled.
%! t = 1:9;
%! Xf = [sin(t); cos(2 * t); 0.3 * t - 1];
%! Yf = double (mod (t, 3) + 1 == (1:3)');
%! net0 = bp_init ([3 6 3], "activation", {"tanh", "softmax"}, ...
%!                 "loss", "log-likelihood", "seed", 2);
%! for batch = [9 100]
%!   [a, ha] = bp_train (net0, Xf, Yf, "epochs", 20, "batch", batch, "eta", 0.5, ...
%!                       "momentum", 0.5, "lambda", 0.01, "seed", 3, "verbose", false);
%!   [b, hb] = bp_train (net0, Xf, Yf, "epochs", 20, "batch", batch, "eta", 0.5, ...
%!                       "momentum", 0.5, "lambda", 0.01, "shuffle", false, ...
%!                       "verbose", false);
%!   assert (a.W, b.W, 1e-12);
%!   assert (a.b, b.b, 1e-12);
%!   assert (ha.loss, hb.loss, 1e-12);
%!   assert (ha.accuracy, hb.accuracy);
%! endfor

%!test
%! ## Shuffling changes the order of mini-batches: a shuffled batch-1 run
%! ## differs from the unshuffled one.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! a = bp_train (net0, X, Y2, "epochs", 3, "batch", 1, "seed", 1, "verbose", false);
%! b = bp_train (net0, X, Y2, "epochs", 3, "batch", 1, "shuffle", false, "verbose", false);
%! assert (! isequal (a.W, b.W));

%!test
%! ## Each epoch visits every sample exactly once, in a new order.  With
%! ## eta = 0 the network stays put, so hist.loss(e) is the mean of the
%! ## batch losses of one network: with batches of 1 the mean over all
%! ## samples whatever the order; with batches of 5 out of 12 (5, 5, 2)
%! ## it depends on which two samples form the last batch, so it changes
%! ## from epoch to epoch when the order does (and not without shuffling).
%! t = 1:12;
%! Xs = [sin(t); cos(1.7 * t)];
%! Ys = 0.5 + 0.45 * sin(3 * t);
%! net0 = bp_init ([2 4 1], "seed", 5);
%! [~, ~, ~, Call] = bp_gradient (net0, Xs, Ys);
%! [net, h1] = bp_train (net0, Xs, Ys, "epochs", 6, "batch", 1, "eta", 0, ...
%!                       "seed", 2, "verbose", false);
%! assert (isequal (net, net0));
%! assert (h1.loss, repmat (Call, 1, 6), 1e-14);
%! [~, h5] = bp_train (net0, Xs, Ys, "epochs", 6, "batch", 5, "eta", 0, ...
%!                     "seed", 2, "verbose", false);
%! assert (numel (unique (h5.loss)) > 1, "every epoch used the same order");
%! [~, h0] = bp_train (net0, Xs, Ys, "epochs", 6, "batch", 5, "eta", 0, ...
%!                     "shuffle", false, "verbose", false);
%! assert (all (h0.loss == h0.loss(1)));

## ---------------------------------------------------------------------
## Learning

%!test
%! ## XOR is learned: every output rounds to its target.
%! net = bp_init ([2 4 1], "seed", 3);
%! [net, h] = bp_train (net, X, Y, "epochs", 3000, "batch", 4, "eta", 2, ...
%!                      "seed", 1, "verbose", false);
%! assert (round (bp_predict (net, X)), Y);
%! assert (h.loss(end) < h.loss(1) / 10);

%!test
%! ## XOR as two one-hot classes with a softmax output.
%! net = bp_init ([2 6 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 4);
%! [net, h] = bp_train (net, X, Y2, "epochs", 1000, "batch", 2, "eta", 0.5, ...
%!                      "seed", 1, "verbose", false);
%! [~, k] = bp_predict (net, X);
%! assert (k, class_of (Y2));
%! assert (h.accuracy(end), 1);

%!test
%! ## Two interleaved spirals (100 points each, two turns): a 2-30-30-2
%! ## tanh network with a softmax output and log-likelihood, mini-batches
%! ## of 20 with momentum, classifies every training point right (this
%! ## setting succeeded for each of 12 initial seeds tried; about 2 s).
%! [Xs, Ys] = spirals (100);
%! net = bp_init ([2 30 30 2], "activation", {"tanh", "tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 2);
%! [net, h] = bp_train (net, Xs, Ys, "epochs", 3000, "batch", 20, "eta", 0.03, ...
%!                      "momentum", 0.9, "seed", 2, "verbose", false);
%! [~, k] = bp_predict (net, Xs);
%! assert (mean (k == class_of (Ys)), 1);
%! assert (h.accuracy(end), 1);

## ---------------------------------------------------------------------
## hist

%!test
%! ## The fields: loss and seconds always, accuracy only when the targets
%! ## are classes (every column one-hot, or 0/1 with one output), val_loss
%! ## (and val_accuracy with classes) only with validation data; each a
%! ## 1-by-epochs row.
%! base = {"loss", "seconds"};
%! n2 = bp_init ([2 3 2], "seed", 2);
%! [~, h] = bp_train (n2, X, Y2, "epochs", 3, "verbose", false);
%! expect_fields (h, [base {"accuracy"}], 3, "one-hot Y");
%! [~, h] = bp_train (n2, X, Y2, "epochs", 4, "validation", {X, Y2}, "verbose", false);
%! expect_fields (h, [base {"accuracy", "val_loss", "val_accuracy"}], 4, ...
%!                "one-hot Y, validation");
%! n1 = bp_init ([2 3 1], "seed", 2);
%! [~, h] = bp_train (n1, X, Y, "epochs", 2, "verbose", false);
%! expect_fields (h, [base {"accuracy"}], 2, "one output, 0/1 targets");
%! [~, h] = bp_train (n1, X, Y, "epochs", 5, "validation", {X, Y}, "verbose", false);
%! expect_fields (h, [base {"accuracy", "val_loss", "val_accuracy"}], 5, ...
%!                "one output, validation");
%! [~, h] = bp_train (n1, X, [0.2 0.9 1 0], "epochs", 2, "verbose", false);
%! expect_fields (h, base, 2, "one output, targets that are not 0/1");
%! ## Targets that are not one-hot in a single column.
%! for c = {[0.5 0 0 1; 0.5 1 1 0],  "a column 0.5, 0.5"
%!          [1 0 0 1; 0 1 1 1],      "a column with two ones"
%!          [1 0 0 0; 0 1 1 0],      "a column of zeros"
%!          [1 0 0 1; 0 1 0.9 0],    "a column 0, 0.9"}'
%!   [~, h] = bp_train (n2, X, c{1}, "epochs", 2, "verbose", false);
%!   expect_fields (h, base, 2, c{2});
%!   [~, h] = bp_train (n2, X, c{1}, "epochs", 2, "validation", {X, c{1}}, ...
%!                      "verbose", false);
%!   expect_fields (h, [base {"val_loss"}], 2, [c{2} ", validation"]);
%! endfor
%! ## An empty validation cell means no validation data.
%! [~, h] = bp_train (n2, X, Y2, "epochs", 2, "validation", {}, "verbose", false);
%! expect_fields (h, [base {"accuracy"}], 2, "validation {}");

%!test
%! ## seconds: positive wall-clock times, together no more than the call.
%! [Xs, Ys] = spirals (50);
%! net = bp_init ([2 20 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! t0 = tic ();
%! [~, h] = bp_train (net, Xs, Ys, "epochs", 20, "batch", 5, "seed", 1, ...
%!                    "verbose", false);
%! total = toc (t0);
%! assert (all (h.seconds > 0));
%! assert (sum (h.seconds) <= total);

%!test
%! ## accuracy is a fraction in [0, 1], a multiple of 1/N.
%! [Xs, Ys] = spirals (15);
%! net = bp_init ([2 5 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! [~, h] = bp_train (net, Xs, Ys, "epochs", 10, "batch", 4, "seed", 1, ...
%!                    "validation", {Xs(:,1:7), Ys(:,1:7)}, "verbose", false);
%! assert (all (h.accuracy >= 0 & h.accuracy <= 1));
%! assert (h.accuracy * 30, round (h.accuracy * 30), 1e-12);
%! assert (h.val_accuracy * 7, round (h.val_accuracy * 7), 1e-12);

%!test
%! ## val_loss(e) is bp_gradient's C (no weight decay, even when training
%! ## with lambda > 0) on the validation data for the network after epoch
%! ## e, and val_accuracy(e) the fraction of validation columns bp_predict
%! ## classifies right.  The network after e epochs is a run of e epochs
%! ## with the same seed.
%! [Xs, Ys] = spirals (20);
%! Xv = Xs(:, 1:3:end) + 0.05;
%! Yv = Ys(:, 1:3:end);
%! net0 = bp_init ([2 8 2], "activation", {"tanh", "softmax"}, ...
%!                 "loss", "log-likelihood", "seed", 3);
%! opts = {"batch", 6, "eta", 0.3, "momentum", 0.5, "lambda", 0.5, "seed", 9, ...
%!         "validation", {Xv, Yv}, "verbose", false};
%! [~, h] = bp_train (net0, Xs, Ys, "epochs", 4, opts{:});
%! for e = 1:4
%!   [net, he] = bp_train (net0, Xs, Ys, "epochs", e, opts{:});
%!   assert (he.loss, h.loss(1:e), 1e-12);
%!   [~, ~, ~, C] = bp_gradient (net, Xv, Yv);
%!   assert (h.val_loss(e), C, 1e-12);
%!   [~, k] = bp_predict (net, Xv);
%!   assert (h.val_accuracy(e), mean (k == class_of (Yv)), 1e-15);
%! endfor

%!test
%! ## The same for a sigmoid network with cross-entropy and targets that
%! ## are not one-hot (val_loss only), and validation data of one column.
%! net0 = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 4);
%! Yc = [0.2 0.9 0.6 0; 1 0.3 0.5 0.1];
%! [net, h] = bp_train (net0, X, Yc, "epochs", 3, "batch", 3, "lambda", 0.2, ...
%!                      "shuffle", false, "validation", {[0.5; 0.5], [0.7; 0.1]}, ...
%!                      "verbose", false);
%! [~, ~, ~, C] = bp_gradient (net, [0.5; 0.5], [0.7; 0.1]);
%! assert (h.val_loss(end), C, 1e-12);

## ---------------------------------------------------------------------
## Arguments and options

%!test
%! ## The caller's network, data and validation data are left alone, and
%! ## the trained network keeps the caller's extra fields.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! net0.note = "mine";
%! keep = deep_copy ({net0, X, Y2});
%! [net, h] = bp_train (net0, X, Y2, "epochs", 5, "batch", 2, "momentum", 0.9, ...
%!                      "lambda", 0.1, "validation", {X, Y2}, "verbose", false);
%! assert (isequal ({net0, X, Y2}, keep), "bp_train changed its arguments");
%! assert (! isequal (net.W, net0.W));
%! assert (net.note, "mine");
%! assert (rmfield (net, {"W", "b"}), rmfield (net0, {"W", "b"}));

%!test
%! ## Option names are matched without regard to case, logical and 0/1
%! ## flags are the same, and an option given twice takes the last value.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! [a, ha] = bp_train (net0, X, Y2, "epochs", 3, "batch", 2, "seed", 6, ...
%!                     "shuffle", true, "verbose", false);
%! [b, hb] = bp_train (net0, X, Y2, "EPOCHS", 3, "Batch", 2, "sEEd", 6, ...
%!                     "Shuffle", 1, "VERBOSE", 0);
%! assert (isequal (a, b) && isequal (ha.loss, hb.loss));
%! [c, hc] = bp_train (net0, X, Y2, "epochs", 7, "batch", 2, "seed", 6, ...
%!                     "epochs", 3, "verbose", false);
%! assert (isequal (a, c) && isequal (ha.loss, hc.loss));

%!test
%! ## Defaults: 10 epochs, batches of 10, eta 0.5, no momentum or decay.
%! t = 1:25;
%! Xd = [sin(t); cos(t)];
%! Yd = 0.5 + 0.4 * sin(2 * t);
%! net0 = bp_init ([2 3 1], "seed", 2);
%! [a, ha] = bp_train (net0, Xd, Yd, "shuffle", false, "verbose", false);
%! [b, hb] = bp_train (net0, Xd, Yd, "epochs", 10, "batch", 10, "eta", 0.5, ...
%!                     "momentum", 0, "lambda", 0, "shuffle", false, ...
%!                     "verbose", false);
%! assert (isequal (a, b) && isequal (ha.loss, hb.loss));
%! assert (numel (ha.loss), 10);

## ---------------------------------------------------------------------
## Progress output

%!test
%! ## verbose false prints nothing; verbose true prints a progress line
%! ## with the epoch, the loss and (one-hot targets) the accuracy.
%! net0 = bp_init ([2 3 2], "seed", 1);
%! for v = {false, 0}
%!   out = evalc ("bp_train (net0, X, Y2, 'epochs', 3, 'verbose', v{1});");
%!   assert (out, "");
%!   out = evalc ("[n, h] = bp_train (net0, X, Y2, 'epochs', 3, 'verbose', v{1}, 'validation', {X, Y2});");
%!   assert (out, "");
%! endfor
%! for v = {true, 1}
%!   out = evalc ("bp_train (net0, X, Y2, 'epochs', 3, 'verbose', v{1});");
%!   assert (! isempty (strfind (out, "epoch")), "no 'epoch' in: %s", out);
%!   assert (! isempty (strfind (out, "loss")), "no 'loss' in: %s", out);
%!   assert (! isempty (strfind (out, "accuracy")), "no 'accuracy' in: %s", out);
%!   assert (! isempty (strfind (out, "3/3")), "the last epoch 3/3 is not shown: %s", out);
%! endfor

## ---------------------------------------------------------------------
## Divergence

%!test
%! ## A huge eta makes the loss overflow in the first epoch.
%! net0 = bp_init ([2 1], "activation", "linear", "loss", "sse", "seed", 1);
%! keep = deep_copy (net0);
%! try
%!   bp_train (net0, X, Y, "eta", 1e308, "verbose", false);
%!   error ("no error was raised");
%! catch err
%!   assert (err.identifier, "backprop:bp_train:diverged");
%!   assert (strncmp (err.message, "bp_train: ", 10), err.message);
%!   assert (! isempty (regexp (err.message, 'epoch 1\>', "once")), err.message);
%! end_try_catch
%! assert (isequal (net0, keep));

%!test
%! ## A later epoch: a 1-1 linear network with w = b = 0.5, x = 1, y = 0
%! ## and the sse loss grows by a factor |1 - 4 eta| every step; with
%! ## eta = 2.5e9, three samples and batches of 1, the loss first becomes
%! ## Inf in the middle of an epoch.  The hand loop finds that epoch, the
%! ## error must name it.
%! net0 = bp_init ([1 1], "activation", "linear", "loss", "sse");
%! net0.W{1} = 0.5;
%! net0.b{1} = 0.5;
%! eta = 2.5e9;
%! ref = net0;
%! step = 0;
%! do
%!   step++;
%!   [dW, db, ~, C] = bp_gradient (ref, 1, 0);
%!   ref = bp_sgd_step (ref, dW, db, eta);
%! until (! isfinite (C) || ! isfinite (ref.W{1}) || step > 1000)
%! epoch = ceil (step / 3);
%! ## The case is only unambiguous away from an epoch's first batch.
%! assert (mod (step, 3) != 1 && isfinite (ref.W{1}), "test setup: step %d", step);
%! try
%!   bp_train (net0, [1 1 1], [0 0 0], "epochs", 100, "batch", 1, "eta", eta, ...
%!             "shuffle", false, "verbose", false);
%!   error ("no error was raised");
%! catch err
%!   assert (err.identifier, "backprop:bp_train:diverged");
%!   assert (! isempty (regexp (err.message, ['epoch ' num2str(epoch) '\>'], "once")), ...
%!           "expected epoch %d in: %s", epoch, err.message);
%! end_try_catch
%! ## Octave goes on working, and a sensible eta trains the same network.
%! net = bp_train (net0, [1 1 1], [0 0 0], "epochs", 5, "eta", 0.1, "verbose", false);
%! assert (abs (net.W{1} + net.b{1}) < 1);
