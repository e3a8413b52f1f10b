## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{net} =} bp_train (@var{net}, @var{X}, @var{Y})
## @deftypefnx {} {[@var{net}, @var{hist}, @var{state}] =} bp_train (@var{net}, @var{X}, @var{Y}, @var{name}, @var{value}, @dots{})
## @deftypefnx {} {[@dots{}] =} bp_train (@var{net}, @var{X}, @var{Y}, @var{opts}, @var{name}, @var{value}, @dots{})
## Train a network, the whole run in C.
##
## @var{X} is n0-by-N and @var{Y} nL-by-N, one sample a column.  Options
## come as name/value pairs, as one struct of them (@var{opts}, as
## @code{optimset} makes), or a struct followed by pairs (the pairs win).
## An option given as [] takes its default, as in an @code{optimset}
## struct.
##
## Each epoch splits the N columns into mini-batches of @qcode{"batch"}
## columns (the last one smaller when @qcode{"batch"} does not divide N).
## For each batch of m columns the gradient g = dC/dw of the batch's mean
## loss C is computed as @code{bp_gradient} does (with the L2 term
## (lambda/m) w on the weights), and the optimizer updates every weight
## and bias w; with eta the learning rate and t the number of updates so
## far:
##
## @table @asis
## @item @qcode{"sgd"} (the default)
## w <- w - eta g; with @qcode{"momentum"} mu > 0 (or optimizer
## @qcode{"momentum"}): v <- mu v - eta g, w <- w + v.
## @item @qcode{"nesterov"}
## v <- mu v - eta g, w <- w + mu v - eta g (needs @qcode{"momentum"} > 0).
## @item @qcode{"rmsprop"}
## s <- rho s + (1 - rho) g.^2, w <- w - eta g ./ (sqrt (s) + epsilon).
## @item @qcode{"adam"}
## m <- beta1 m + (1 - beta1) g, v <- beta2 v + (1 - beta2) g.^2,
## w <- w - eta mh ./ (sqrt (vh) + epsilon) with mh = m / (1 - beta1^t),
## vh = v / (1 - beta2^t) (Kingma and Ba's Algorithm 1).
## @item @qcode{"cg"}, @qcode{"bfgs"}
## full-batch minimisers of GSL (Polak-Ribiere conjugate gradient, and
## vector_bfgs2): each iteration is a line search along a direction made
## from the gradients of the mean loss over all N samples.  GSL's
## conjugate gradient keeps a first trial step that lowers the loss
## without a line search or a new direction, so that many of its
## iterations are plain steps along an old direction: prefer
## @qcode{"bfgs"} (see doc/optimizers.md).
## @end table
##
## For a constant eta these are the updates of PyTorch's
## @code{torch.optim.SGD} (with and without @code{nesterov}),
## @code{RMSprop} and @code{Adam}, written with the velocity v of the
## articles (v = -eta times PyTorch's buffer).
##
## Options (defaults in brackets):
##
## @table @asis
## @item @qcode{"optimizer"}
## as above [@qcode{"sgd"}].
## @item @qcode{"epochs"}
## passes over the data [10].
## @item @qcode{"batch"}
## mini-batch size m [10]; N or more means full-batch descent.
## @item @qcode{"eta"}
## learning rate [0.5].
## @item @qcode{"momentum"}, @qcode{"rho"}, @qcode{"beta1"}, @qcode{"beta2"}, @qcode{"epsilon"}
## mu [0]; rho [0.99]; beta1 [0.9], beta2 [0.999]; epsilon [1e-8].
## @item @qcode{"lambda"}
## L2 weight decay as in @code{bp_gradient} [0].
## @item @qcode{"schedule"}
## the learning rate of epoch e: @qcode{"constant"} [default];
## @code{@{"step", every, factor@}}: eta factor^floor((e-1)/every);
## @code{@{"exponential", gamma@}}: eta gamma^(e-1);
## @code{@{"plateau", patience, factor, min_eta@}}: the rate is multiplied
## by factor after patience epochs without improvement of the validation
## loss (the training loss without validation data), and training stops
## when it would fall below min_eta.
## @item @qcode{"patience"}
## early stopping: stop after this many epochs without an improvement of
## at least @qcode{"min_delta"} [0] in the validation loss (the training
## loss without validation data), and return the weights of the best
## epoch, @code{hist.best_epoch} [0: no early stopping].
## @item @qcode{"shuffle"}
## visit the samples in a new random order each epoch [true].  With
## false, batch k is columns (k-1)*batch+1 .. k*batch in order, so a run
## matches a hand-written loop of @code{bp_gradient} and @code{bp_sgd_step}
## step for step.
## @item @qcode{"seed"}
## whole number from 0 to 2^32-1 seeding the shuffle, for a reproducible
## run that leaves Octave's random state alone.  Without it the shuffle is
## seeded with one draw from @code{rand}, so @code{rand ("seed", @dots{})}
## style reproducibility works.
## @item @qcode{"validation"}
## @{@var{Xv}, @var{Yv}@}: data evaluated after every epoch.
## @item @qcode{"state"}
## the third output of an earlier call: go on from there (see below).
## @item @qcode{"callback"}
## a function handle called after every epoch as
## @code{stop = callback (epoch, net, hist)} with the epoch (as in
## @code{hist.epoch}), the network reached and the history so far; a true
## return stops training.  An error in it stops training
## and reaches the caller with its own message; the network passed in is
## unchanged.
## @item @qcode{"max_iter"}, @qcode{"tol"}, @qcode{"step"}, @qcode{"line_tol"}
## for @qcode{"cg"} and @qcode{"bfgs"}: iterations [100]; stop when the
## gradient's norm is below tol [1e-6]; the first trial step [0.01] and
## the line search's tolerance [0.1] (GSL's @code{step_size} and
## @code{tol}).
## @item @qcode{"verbose"}
## show progress (epoch, loss, accuracy, samples/s, time left): on a
## terminal one line redrawn at most four times a second, in a log one line
## at the end of an epoch at most once a second [when Octave's output is a
## terminal or the GUI].
## @end table
##
## @var{hist} has a row of one value per epoch (per iteration for
## @qcode{"cg"} and @qcode{"bfgs"}) in each of: @code{epoch} (counted over
## every call that continued a state), @code{loss} (the mean of the epoch's
## mini-batch losses, with the L2 term, as computed during the epoch),
## @code{accuracy} (when the targets are classes: 0/1 with one output,
## read with the threshold 0.5, or one-hot with several), @code{val_loss}
## and @code{val_accuracy} (with validation data, after the epoch; the
## loss without the L2 term, so it compares across lambda),
## @code{seconds}, @code{eta} (the rate used), @code{evaluations} (the
## gradients of the loss over all the training samples computed so far
## in this call: an epoch of mini-batches counts one, a full-batch
## iteration as many as its line search needed, so optimizers compare by
## their work), and @code{grad_rms}, one
## column per layer: the root mean square of the entries of dC/dW^(l) on
## the epoch's last mini-batch (how fast each layer learns; for
## @qcode{"cg"} and @qcode{"bfgs"}, at the iteration's point).
## @code{hist.best_epoch} is the epoch whose weights are returned under
## early stopping (0 without), and @code{hist.stopped} why training
## ended: @qcode{"epochs"}, @qcode{"patience"}, @qcode{"callback"},
## @qcode{"min_eta"}, or for cg and bfgs @qcode{"gradient"} (its norm
## fell below @qcode{"tol"}) or @qcode{"no_progress"} (the line search
## could not lower the loss any more, even from the steepest descent: the
## network reached is returned).
##
## @var{state} holds what the next call needs to go on exactly where this
## one ended: the optimizer's moments (velocities, or Adam's m and v, as
## columns in the order of @code{bp_unroll}), the number of updates, the
## shuffle generator, the schedule's rate and counters and the early
## stopping record.  E calls of one epoch, each given the previous
## state, give bit for bit the network of one call of E epochs (also
## after @code{save} and @code{load}).  The options must be given again;
## the optimizer must be the same.  @qcode{"cg"} and @qcode{"bfgs"} keep
## their search directions inside GSL and start afresh on each call.
##
## Ctrl-C stops training within a few hundredths of a second and returns to
## the prompt; nothing is assigned and the network passed in is never
## modified.  If the loss or the weights become NaN or Inf, training stops
## with an error naming the epoch.  A full-batch minimiser whose line
## search cannot lower the loss of the starting network at all stops
## with the error @code{backprop:bp_train:no_progress}.
##
## @example
## [X, Y] = bp_dataset ("xor");
## net = bp_init ([2 4 1], "seed", 1);
## [net, hist] = bp_train (net, X, Y, "epochs", 2000, "batch", 4, "eta", 2);
## net = bp_train (net, X, Y, "optimizer", "adam", "eta", 0.01, "epochs", 500);
## @end example
##
## @seealso{bp_gradient, bp_sgd_step, bp_predict, bp_unroll}
## @end deftypefn

function [net, hist, state, varargout] = bp_train (net, X, Y, varargin)
  fn = "bp_train";
  if (nargin < 3 || nargout > 3)
    bp_count_error (fn, nargin, nargout, 3, "(net, X, Y, name, value, ...)");
  endif
  opts = drop_unset (bp_collect_options (fn, varargin, 3));
  [opts, verbose] = take (opts, "verbose");
  [opts, callback] = take (opts, "callback");
  verbose = check_verbose (fn, verbose);
  if (! (isa (callback, "double") && isempty (callback)) ...
      && ! is_function_handle (callback))
    error ("backprop:bp_train:wrong_type", ...
           "bp_train: callback must be a function handle, got %s", ...
           bp_describe (callback));
  endif
  [Xv, Yv] = validation_data (opts);

  [id, tty, wants_seed] = __bp_train__ (fn, "start", net, X, Y, opts);
  unwind_protect
    if (wants_seed)
      ## Seeded from Octave's generator, so rand ("state", s) or
      ## rand ("seed", s) makes the run reproducible.
      __bp_train__ (fn, "seed", id, floor (rand () * 2^32));
    endif
    prog = progress_start (verbose, tty, columns (X));
    by_epoch = ! isempty (callback);
    done = false;
    while (! done)
      ## A slice of training in C, then back here, where Ctrl-C is Octave's
      ## own to handle (the cleanup below then frees the run).
      [done, p] = __bp_train__ (fn, "run", id, X, Y, Xv, Yv, SLICE, by_epoch);
      prog = progress_show (prog, p, done);
      ## After every epoch, the last one too (whose answer no longer
      ## matters).
      if (by_epoch && p(8))
        h = __bp_train__ (fn, "history", id);
        if (callback (h.epoch(end), __bp_train__ (fn, "net", id, net), h) ...
            && ! done)
          __bp_train__ (fn, "stop", id);
          done = true;
        endif
      endif
    endwhile
    if (nargout > 2)
      [net, hist, state] = __bp_train__ (fn, "finish", id, net);
    else
      [net, hist] = __bp_train__ (fn, "finish", id, net);
    endif
  unwind_protect_cleanup
    __bp_train__ (fn, "free", id);
  end_unwind_protect
endfunction

## Seconds of training between two returns to the interpreter: short
## enough for Ctrl-C to feel immediate, long enough for the return (tens
## of microseconds) not to show.
function s = SLICE ()
  s = 0.02;
endfunction

## An option given as [] means "the default", as in an optimset struct.
function opts = drop_unset (opts)
  f = fieldnames (opts);
  for i = 1:numel (f)
    v = opts.(f{i});
    if (isa (v, "double") && isequal (size (v), [0 0]))
      opts = rmfield (opts, f{i});
    endif
  endfor
endfunction

## Remove option NAME (any case) from OPTS, returning its value or [].
function [opts, v] = take (opts, name)
  v = [];
  f = fieldnames (opts);
  k = find (strcmpi (name, f), 1);
  if (! isempty (k))
    v = opts.(f{k});
    opts = rmfield (opts, f{k});
  endif
endfunction

## -1 means "when stdout is a terminal"; the GUI always shows.
function v = check_verbose (fn, v)
  if (isa (v, "double") && isempty (v))
    v = ifelse_gui ();
  else
    v = bp_check_scalar (fn, "verbose", v, 0, 1, true);
  endif
endfunction

function v = ifelse_gui ()
  if (isguirunning ())
    v = 1;
  else
    v = -1;
  endif
endfunction

## The validation arrays to hand to every slice ([] without); the gateway
## checks them when the run starts.
function [Xv, Yv] = validation_data (opts)
  Xv = Yv = [];
  f = fieldnames (opts);
  k = find (strcmpi ("validation", f), 1);
  if (! isempty (k))
    v = opts.(f{k});
    if (iscell (v) && numel (v) == 2)
      [Xv, Yv] = deal (v{:});
    endif
  endif
endfunction

## Progress display.  On a terminal one line is redrawn in place at most
## four times a second; in a log (stdout not a terminal) a line is written
## at the end of an epoch, at most one a second, so logs stay readable.
## The last epoch always gets its line.
function prog = progress_start (verbose, tty, N)
  prog = struct ("on", verbose > 0 || (verbose < 0 && tty), "tty", tty, ...
                 "N", N, "t0", tic (), "last", -Inf);
endfunction

## p is a slice's progress: [epoch epochs batch batches samples loss
## accuracy epoch_done].
function prog = progress_show (prog, p, done)
  if (! prog.on)
    return;
  endif
  t = toc (prog.t0);
  final = done && p(8);
  due = (prog.tty && t - prog.last >= 0.25) ...
        || (! prog.tty && p(8) && t - prog.last >= 1);
  if (! (due || final))
    return;
  endif
  prog.last = t;
  acc = "";
  if (p(7) >= 0)
    acc = sprintf ("  accuracy %5.1f%%", 100 * p(7));
  endif
  rate = p(5) / max (t, eps);
  left = max (prog.N * p(2) - p(5), 0) / max (rate, eps);
  if (prog.tty)
    printf ("\repoch %d/%d  loss %.6g%s  %.0f samples/s  %.0f s left   ", ...
            p(1), p(2), p(6), acc, rate, left);
    if (final)
      printf ("\n");
    endif
  else
    printf ("epoch %d/%d  loss %.6g%s  %.0f samples/s  %.0f s left\n", ...
            p(1), p(2), p(6), acc, rate, left);
  endif
  fflush (stdout);
endfunction

%!shared X, Y
%! X = [0 0 1 1; 0 1 0 1];
%! Y = [0 1 1 0];

%!test
%! ## Without shuffling, a run is a loop of bp_gradient + bp_sgd_step.
%! net0 = bp_init ([2 3 1], "seed", 1);
%! [net, hist] = bp_train (net0, X, Y, "epochs", 3, "batch", 3, "eta", 0.7, ...
%!                         "shuffle", false, "verbose", false);
%! ref = net0;  losses = [];
%! for e = 1:3
%!   Cs = [];
%!   for cols = {1:3, 4}
%!     [dW, db, ~, C] = bp_gradient (ref, X(:,cols{1}), Y(:,cols{1}));
%!     ref = bp_sgd_step (ref, dW, db, 0.7);
%!     Cs(end+1) = C;
%!   endfor
%!   losses(e) = mean (Cs);
%! endfor
%! assert (net.W, ref.W, 1e-12);
%! assert (net.b, ref.b, 1e-12);
%! assert (hist.loss, losses, 1e-12);
%! assert (hist.epoch, 1:3);
%! assert (hist.stopped, "epochs");

%!test
%! ## XOR is learned, and one output gives classes 0 and 1.
%! net = bp_init ([2 4 1], "seed", 3);
%! [net, h] = bp_train (net, X, Y, "epochs", 3000, "batch", 4, "eta", 2, ...
%!                      "verbose", false, "seed", 1);
%! [~, class] = bp_predict (net, X);
%! assert (class, Y);
%! assert (h.accuracy(end), 1);

%!test
%! ## A seed makes a shuffled run reproducible and leaves rand alone.
%! net0 = bp_init ([2 3 1], "seed", 1);
%! s = rand ("state");
%! a = bp_train (net0, X, Y, "epochs", 5, "batch", 1, "seed", 4, "verbose", 0);
%! b = bp_train (net0, X, Y, "epochs", 5, "batch", 1, "seed", 4, "verbose", 0);
%! c = bp_train (net0, X, Y, "epochs", 5, "batch", 1, "seed", 5, "verbose", 0);
%! assert (rand ("state"), s);
%! assert (a, b);
%! assert (! isequal (a.W, c.W));

%!test
%! ## One-hot targets add accuracy; validation adds val_loss, val_accuracy.
%! Y2 = [Y; 1 - Y];
%! net = bp_init ([2 3 2], "seed", 2);
%! [net, h] = bp_train (net, X, Y2, "epochs", 4, "validation", {X, Y2}, ...
%!                      "verbose", false, "seed", 1);
%! assert (fieldnames (h), {"epoch"; "loss"; "accuracy"; "val_loss"; ...
%!                          "val_accuracy"; "seconds"; "eta"; "evaluations"; ...
%!                          "grad_rms"; "best_epoch"; "stopped"});
%! assert (h.evaluations, 1:4);
%! [~, ~, ~, C] = bp_gradient (net, X, Y2);
%! assert (h.val_loss(end), C, 1e-12);
%! [~, k] = bp_predict (net, X);
%! assert (h.val_accuracy(end), mean (k == [2 1 1 2]));

%!test
%! ## Options as a struct, and a struct followed by pairs (the pairs win).
%! net0 = bp_init ([2 3 1], "seed", 1);
%! s = struct ("epochs", 3, "eta", 0.1, "shuffle", false, "verbose", false);
%! a = bp_train (net0, X, Y, s);
%! b = bp_train (net0, X, Y, "epochs", 3, "eta", 0.1, "shuffle", false, "verbose", false);
%! c = bp_train (net0, X, Y, s, "ETA", 0.3);
%! d = bp_train (net0, X, Y, "epochs", 3, "eta", 0.3, "shuffle", false, "verbose", false);
%! assert (a, b);
%! assert (c, d);

%!error <epochs must be a whole number> bp_train (bp_init ([2 1]), X, Y, "epochs", 0)
%!error <batch must be a whole number> bp_train (bp_init ([2 1]), X, Y, "batch", 2.5)
%!error <momentum must be a number in \[0, 1\]> bp_train (bp_init ([2 1]), X, Y, "momentum", 2)
%!error <validation must be a cell> bp_train (bp_init ([2 1]), X, Y, "validation", X)
%!error <Y must be a real double matrix with 1 rows> bp_train (bp_init ([2 1]), X, [Y; Y])
%!error <diverged in epoch 1> bp_train (bp_init ([2 1], "seed", 1, "activation", "linear", "loss", "sse"), X, Y, "eta", 1e308, "verbose", false)
%!error <optimizer must be one of 'sgd', 'nesterov'> bp_train (bp_init ([2 1]), X, Y, "optimizer", "adagrad")
%!error <schedule 'step' takes \{"step", every, factor\}> bp_train (bp_init ([2 1]), X, Y, "schedule", {"step", 2})
%!error <callback must be a function handle> bp_train (bp_init ([2 1]), X, Y, "callback", 1)
%!error id=backprop:bp_train:nargin bp_train (bp_init ([2 1]), X)

%!demo
%! ## Adam against plain SGD on the two spirals, same network, same epochs.
%! [X, Y] = bp_dataset ("spirals", "n", 200, "seed", 1);
%! net0 = bp_init ([2 20 20 2], "activation", {"tanh", "tanh", "softmax"}, ...
%!                 "loss", "log-likelihood", "seed", 1);
%! [~, hs] = bp_train (net0, X, Y, "epochs", 200, "batch", 20, "eta", 0.05, "seed", 1, "verbose", false);
%! [~, ha] = bp_train (net0, X, Y, "epochs", 200, "batch", 20, "eta", 0.01, ...
%!                     "optimizer", "adam", "seed", 1, "verbose", false);
%! printf ("after 200 epochs: sgd loss %.4f (accuracy %.0f%%), adam loss %.4f (accuracy %.0f%%)\n", ...
%!         hs.loss(end), 100 * hs.accuracy(end), ha.loss(end), 100 * ha.accuracy(end));
