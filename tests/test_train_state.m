## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## bp_train as experimenters drive it: resumable state, schedules, early
## stopping, callbacks.  Exact equalities here are exact by design: a
## resumed run repeats the same operations on the same numbers in the same
## order, so any difference at all is a bug.

%!shared X, Y, Xv, Yv, net0
%! ## Two spirals, 120 training and 60 validation samples, one-hot.
%! [X, Y] = bp_dataset ("spirals", "n", 60, "seed", 1);
%! [Xv, Yv] = bp_dataset ("spirals", "n", 30, "seed", 2);
%! net0 = bp_init ([2 8 2], "activation", {"tanh", "softmax"}, ...
%!                 "loss", "log-likelihood", "seed", 3);

%!function [net, hists] = in_steps (net, X, Y, E, args)
%!  ## E calls of one epoch, each given the state the previous one returned.
%!  s = [];
%!  hists = {};
%!  for e = 1:E
%!    [net, h, s] = bp_train (net, X, Y, "epochs", 1, "state", s, args{:});
%!    hists{end+1} = h;
%!  endfor

%!test
%! ## E calls of one epoch give bit for bit one call of E epochs, for every
%! ## optimiser and schedule, with shuffling.
%! runs = {
%!   {"optimizer", "sgd"}
%!   {"optimizer", "sgd", "momentum", 0.9}
%!   {"optimizer", "nesterov", "momentum", 0.8}
%!   {"optimizer", "rmsprop", "eta", 0.01}
%!   {"optimizer", "adam", "eta", 0.01}
%!   {"optimizer", "adam", "eta", 0.02, "schedule", {"step", 2, 0.5}}
%!   {"optimizer", "sgd", "momentum", 0.5, "schedule", {"exponential", 0.7}}
%!   {"optimizer", "rmsprop", "eta", 0.01, "schedule", {"plateau", 1, 0.5, 1e-6}, "validation", {Xv, Yv}}
%!   {"optimizer", "adam", "eta", 0.05, "patience", 2, "validation", {Xv, Yv}}
%! };
%! for i = 1:numel (runs)
%!   args = [runs{i}, {"batch", 16, "seed", 7, "verbose", false}];
%!   if (! any (strcmp (args, "eta")))
%!     args = [args, {"eta", 0.1}];
%!   endif
%!   [a, ha] = bp_train (net0, X, Y, "epochs", 6, args{:});
%!   [b, hb] = in_steps (net0, X, Y, 6, args);
%!   if (ha.best_epoch == 0 || ha.best_epoch == 6)
%!     assert (isequal (a.W, b.W) && isequal (a.b, b.b), "run %d: the networks differ", i);
%!   endif
%!   loss = cellfun (@(h) h.loss, hb);
%!   eta = cellfun (@(h) h.eta, hb);
%!   epochs = cellfun (@(h) h.epoch, hb);
%!   assert (isequal (ha.loss, loss), "run %d: the losses differ", i);
%!   assert (isequal (ha.eta, eta), "run %d: the rates differ", i);
%!   assert (isequal (epochs, 1:6), "run %d: epochs counted %s", i, mat2str (epochs));
%! endfor

%!test
%! ## With early stopping, the calls return the best epoch's network but go
%! ## on from the last epoch's (kept in the state): the same path.
%! args = {"optimizer", "adam", "eta", 0.05, "patience", 50, "validation", {Xv, Yv}, ...
%!         "batch", 16, "seed", 7, "verbose", false};
%! [a, ha] = bp_train (net0, X, Y, "epochs", 8, args{:});
%! [b, hb] = in_steps (net0, X, Y, 8, args);
%! assert (isequal (ha.val_loss, cellfun (@(h) h.val_loss, hb)));
%! assert (hb{end}.best_epoch, ha.best_epoch);
%! assert (isequal (a.W, b.W) && isequal (a.b, b.b));

%!test
%! ## The state saved with save and loaded with load resumes exactly, in
%! ## every format.
%! args = {"optimizer", "adam", "eta", 0.01, "batch", 16, "seed", 3, "verbose", false};
%! [a, ~] = bp_train (net0, X, Y, "epochs", 4, args{:});
%! [n2, ~, s] = bp_train (net0, X, Y, "epochs", 2, args{:});
%! for fmt = {"-text", "-binary", "-v7"}
%!   f = [tempname() ".state"];
%!   unwind_protect
%!     save (fmt{1}, f, "n2", "s");
%!     loaded = load (f);
%!   unwind_protect_cleanup
%!     unlink (f);
%!   end_unwind_protect
%!   b = bp_train (loaded.n2, X, Y, "epochs", 2, "state", loaded.s, args{:});
%!   assert (isequal (a.W, b.W) && isequal (a.b, b.b), "format %s", fmt{1});
%! endfor

%!function tf = throws (f, id, pattern)
%!  tf = false;
%!  try
%!    f ();
%!  catch err
%!    tf = strcmp (err.identifier, id) && ! isempty (regexp (err.message, pattern, "once"));
%!    if (! tf)
%!      printf ("got [%s] %s\n", err.identifier, err.message);
%!    endif
%!  end_try_catch

%!test
%! ## The state belongs to its network and optimiser.
%! [~, ~, s] = bp_train (net0, X, Y, "epochs", 1, "optimizer", "adam", "verbose", false);
%! other = bp_init ([2 9 2], "activation", {"tanh", "softmax"}, "loss", "log-likelihood");
%! fail = @(varargin) bp_train (varargin{:}, "epochs", 1, "verbose", false);
%! assert (throws (@() fail (net0, X, Y, "state", s), "backprop:bp_train:invalid_state", ...
%!                 "optimizer is 'adam', but this run uses 'sgd'"));
%! assert (throws (@() fail (other, X, Y, "state", s, "optimizer", "adam"), ...
%!                 "backprop:bp_train:invalid_state", "state.sizes must be net.sizes"));
%! bad = s;  bad.moments{1}(3) = NaN;
%! assert (throws (@() fail (net0, X, Y, "state", bad, "optimizer", "adam"), ...
%!                 "backprop:bp_train:invalid_state", "state.moments\\{1\\} must be finite"));
%! bad = rmfield (s, "rng");
%! assert (throws (@() fail (net0, X, Y, "state", bad, "optimizer", "adam"), ...
%!                 "backprop:bp_train:invalid_state", "no field 'rng'"));
%! assert (throws (@() fail (net0, X, Y, "state", 5), "backprop:bp_train:invalid_state", ...
%!                 "state must be the struct"));

%!function stop = keep_net (e, net)
%!  global seen
%!  seen{e} = net;
%!  stop = false;

%!test
%! ## Early stopping returns exactly the weights after hist.best_epoch (as
%! ## the callback saw them after each epoch) and stops after "patience"
%! ## epochs without an improvement of the validation loss.
%! global seen
%! seen = {};
%! cb = @(e, net, h) keep_net (e, net);
%! [net, h] = bp_train (net0, X, Y, "epochs", 300, "batch", 8, "eta", 0.5, ...
%!                      "momentum", 0.9, "patience", 5, "validation", {Xv, Yv}, ...
%!                      "seed", 1, "verbose", false, "callback", cb);
%! E = numel (h.loss);
%! assert (h.stopped, "patience");
%! [~, best] = min (h.val_loss);
%! assert (h.best_epoch, best);
%! assert (E, best + 5);
%! assert (numel (seen), E);
%! assert (isequal (net.W, seen{best}.W) && isequal (net.b, seen{best}.b));
%! clear -global seen

%!test
%! ## min_delta: an improvement smaller than it does not count.
%! [~, h] = bp_train (net0, X, Y, "epochs", 200, "eta", 0.01, "patience", 3, ...
%!                    "min_delta", 1e9, "seed", 1, "verbose", false);
%! assert (h.stopped, "patience");
%! assert (numel (h.loss), 4);
%! assert (h.best_epoch, 1);

%!test
%! ## A callback that returns true stops training, recorded in hist.stopped;
%! ## it sees the epoch, the network and the history so far.
%! cb = @(e, net, h) e == 3 && numel (h.loss) == 3 && isequal (net.sizes, [2 8 2]);
%! [~, h] = bp_train (net0, X, Y, "epochs", 10, "callback", cb, "verbose", false);
%! assert (h.stopped, "callback");
%! assert (numel (h.loss), 3);

%!test
%! ## An error in the callback reaches the caller with its own message; the
%! ## network passed in is unchanged and the gateway holds no run.
%! keep = net0;
%! try
%!   bp_train (net0, X, Y, "epochs", 10, "verbose", false, ...
%!             "callback", @(e, net, h) error ("my:own", "stop at %d", e));
%!   error ("no error");
%! catch err
%!   assert (err.identifier, "my:own");
%!   assert (err.message, "stop at 1");
%! end_try_catch
%! assert (isequal (net0, keep));
%! assert (__bp_train__ ("bp_train", "count"), 0);

%!test
%! ## Schedules: hist.eta follows each formula.
%! q = {"batch", 40, "verbose", false, "seed", 1, "eta", 0.4};
%! [~, h] = bp_train (net0, X, Y, "epochs", 7, "schedule", {"step", 3, 0.5}, q{:});
%! assert (h.eta, 0.4 * 0.5 .^ floor ((0:6) / 3), 1e-15);
%! [~, h] = bp_train (net0, X, Y, "epochs", 5, "schedule", {"exponential", 0.9}, q{:});
%! assert (h.eta, 0.4 * 0.9 .^ (0:4), 1e-15);
%! [~, h] = bp_train (net0, X, Y, "epochs", 5, "schedule", "constant", q{:});
%! assert (h.eta, repmat (0.4, 1, 5));

%!test
%! ## Plateau: eta is halved after "patience" epochs without improvement of
%! ## the watched loss, and training stops when it would fall below min_eta.
%! ## A rate of 0 improves nothing (without shuffling, every epoch's loss is
%! ## the same number): every epoch is a plateau after the first.
%! [~, h] = bp_train (net0, X, Y, "epochs", 100, "eta", 0, "shuffle", false, ...
%!                    "schedule", {"plateau", 2, 0.5, 0.01}, "verbose", false);
%! ## eta 0 never improves: the rate stays 0 (0 * 0.5 = 0 >= 0.01 fails at
%! ## the first cut), so training stops after 1 + 2 epochs.
%! assert (h.stopped, "min_eta");
%! assert (numel (h.loss), 3);
%! [~, h] = bp_train (net0, X, Y, "epochs", 100, "eta", 1e-12, "seed", 1, ...
%!                    "schedule", {"plateau", 1, 0.5, 1e-14}, "min_delta", 1, ...
%!                    "verbose", false);
%! ## With min_delta 1 nothing counts as improvement: halved after every
%! ## epoch from the second on, until 1e-12 / 2^k < 1e-14: k = 6 cuts.
%! assert (h.eta(1:3), [1e-12 1e-12 5e-13], 1e-27);
%! assert (h.stopped, "min_eta");
%! assert (h.eta(end), 1e-12 / 2^6, 1e-27);

%!test
%! ## grad_rms: with one batch per epoch and plain sgd, the root mean square
%! ## of dC/dW^(l) at the weights the epoch started from.
%! [net, h] = bp_train (net0, X, Y, "epochs", 1, "batch", 120, "shuffle", false, ...
%!                      "eta", 0.3, "verbose", false);
%! dW = bp_gradient (net0, X, Y);
%! assert (h.grad_rms, cellfun (@(g) sqrt (mean (g(:) .^ 2)), dW), 1e-14);
%! [~, h] = bp_train (net0, X, Y, "epochs", 4, "verbose", false);
%! assert (size (h.grad_rms), [4 2]);
%! assert (all (h.grad_rms(:) > 0));

%!test
%! ## Accuracy for 0/1 targets with one output, at the threshold 0.5.
%! n1 = bp_init ([2 6 1], "activation", {"tanh", "sigmoid"}, "loss", "cross-entropy", "seed", 4);
%! y1 = Y(1,:);
%! [net, h] = bp_train (n1, X, y1, "epochs", 3, "batch", 120, "shuffle", false, ...
%!                      "validation", {Xv, Yv(1,:)}, "verbose", false);
%! [~, k] = bp_predict (net, Xv);
%! assert (h.val_accuracy(end), mean (k == Yv(1,:)), 1e-15);
%! ## With one batch per epoch, the training accuracy is that of the
%! ## weights the epoch started from.
%! [~, h] = bp_train (n1, X, y1, "epochs", 1, "batch", 120, "shuffle", false, "verbose", false);
%! [~, k] = bp_predict (n1, X);
%! assert (h.accuracy, mean (k == y1), 1e-15);
