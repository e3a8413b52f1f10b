## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{net} =} bp_train (@var{net}, @var{X}, @var{Y})
## @deftypefnx {} {[@var{net}, @var{hist}] =} bp_train (@var{net}, @var{X}, @var{Y}, @var{name}, @var{value}, @dots{})
## Train a network by mini-batch stochastic gradient descent, the whole run
## in C.
##
## @var{X} is n0-by-N and @var{Y} nL-by-N, one sample a column.  Each epoch
## splits the N columns into mini-batches of @qcode{"batch"} columns (the
## last one smaller when @qcode{"batch"} does not divide N) and, for each
## batch of m columns, takes the step of @code{bp_gradient} and
## @code{bp_sgd_step}:
##
## @example
## w_jk^(l) <- w_jk^(l) - eta dC/dw_jk^(l)     (C the batch's mean loss)
## @end example
##
## Options:
##
## @table @asis
## @item @qcode{"epochs"}
## passes over the data (default 10).
## @item @qcode{"batch"}
## mini-batch size m (default 10; N or more means full-batch descent).
## @item @qcode{"eta"}
## learning rate (default 0.5).
## @item @qcode{"momentum"}
## mu in [0, 1] (default 0): v <- mu v - eta grad, w <- w + v.
## @item @qcode{"lambda"}
## L2 weight decay as in @code{bp_gradient} (default 0).
## @item @qcode{"shuffle"}
## visit the samples in a new random order each epoch (default true).  With
## false, batch k is columns (k-1)*batch+1 .. k*batch in order, so a run
## matches a hand-written loop of @code{bp_gradient} and @code{bp_sgd_step}
## step for step.
## @item @qcode{"seed"}
## whole number from 0 to 2^32-1 seeding the shuffle, for a reproducible
## run that leaves Octave's random state alone.  Without it the shuffle is seeded from
## @code{rand}, so @code{rand ("seed", @dots{})} style reproducibility works.
## @item @qcode{"validation"}
## @{@var{Xv}, @var{Yv}@}: data evaluated after every epoch.
## @item @qcode{"verbose"}
## show progress (epoch, loss, accuracy, samples/s, time left): on a
## terminal one line redrawn at most four times a second, in a log one line
## at the end of an epoch at most once a second (default: when Octave's
## output is a terminal or the GUI).
## @end table
##
## @var{hist} holds one value per epoch: @code{loss} (the mean of the epoch's
## mini-batch losses, as they were computed during the epoch: no extra
## pass), @code{accuracy} (when every column of @var{Y} is one-hot: the
## fraction of samples whose largest output is the target's class, also
## counted during the epoch), @code{val_loss} and @code{val_accuracy} (with
## validation data: the loss without weight decay and the accuracy after
## the epoch), and @code{seconds} (wall-clock time of each epoch).
##
## Ctrl-C stops training at the end of the current mini-batch and returns
## to the prompt; the network passed in is never modified.  If the loss or
## the weights become NaN or Inf, training stops with an error naming the
## epoch.
##
## @example
## [X, Y] = bp_dataset ("xor");
## net = bp_init ([2 4 1], "seed", 1);
## [net, hist] = bp_train (net, X, Y, "epochs", 2000, "batch", 4, "eta", 2);
## @end example
##
## @seealso{bp_gradient, bp_sgd_step, bp_predict}
## @end deftypefn

function [net, hist, varargout] = bp_train (net, X, Y, varargin)
  fn = "bp_train";
  if (nargin < 3 || nargout > 2)
    bp_count_error (fn, nargin, nargout, 2, "(net, X, Y, name, value, ...)");
  endif
  defaults = struct ("epochs", 10, "batch", 10, "eta", 0.5, "momentum", 0,
                     "lambda", 0, "shuffle", true, "seed", [],
                     "validation", {{}}, "verbose", []);
  o = bp_parse_options (fn, defaults, varargin, 3);

  opts.epochs = bp_check_scalar (fn, "epochs", o.epochs, 1, 1e9, true);
  opts.batch = bp_check_scalar (fn, "batch", o.batch, 1, flintmax, true);
  opts.eta = bp_check_scalar (fn, "eta", o.eta, 0, realmax, false);
  opts.momentum = bp_check_scalar (fn, "momentum", o.momentum, 0, 1, false);
  opts.lambda = bp_check_scalar (fn, "lambda", o.lambda, 0, realmax, false);
  opts.shuffle = bp_check_scalar (fn, "shuffle", o.shuffle, 0, 1, true);
  if (! (isa (o.seed, "double") && isempty (o.seed)))
    opts.seed = bp_check_scalar (fn, "seed", o.seed, 0, 2^32 - 1, true);
  elseif (opts.shuffle)
    opts.seed = floor (rand () * 2^32);
  else
    opts.seed = 0;
  endif
  if (isa (o.verbose, "double") && isempty (o.verbose))
    opts.verbose = verbose_default ();
  else
    opts.verbose = bp_check_scalar (fn, "verbose", o.verbose, 0, 1, true);
  endif
  v = o.validation;
  if ((iscell (v) || isa (v, "double")) && isempty (v))
    opts.has_validation = 0;
    opts.Xv = [];
    opts.Yv = [];
  elseif (iscell (v) && numel (v) == 2)
    ## The gateway checks shapes and values; here only what it cannot be
    ## handed at all (objects such as containers.Map).
    for i = 1:2
      if (! isa (v{i}, "double"))
        error ("backprop:bp_train:wrong_type",
               "bp_train: validation{%d} must be a real double matrix, got %s",
               i, bp_describe (v{i}));
      endif
    endfor
    opts.has_validation = 1;
    opts.Xv = v{1};
    opts.Yv = v{2};
  else
    error ("backprop:bp_train:wrong_type",
           "bp_train: validation must be a cell {Xv, Yv}, got %s",
           bp_describe (v));
  endif

  [net, hist] = __bp_train__ (fn, net, X, Y, opts);
endfunction

## -1 lets the gateway decide (a terminal on stdout); the GUI always shows.
function v = verbose_default ()
  if (isguirunning ())
    v = 1;
  else
    v = -1;
  endif
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
%! assert (fieldnames (hist), {"loss"; "seconds"});

%!test
%! ## XOR is learned.
%! net = bp_init ([2 4 1], "seed", 3);
%! net = bp_train (net, X, Y, "epochs", 3000, "batch", 4, "eta", 2, ...
%!                 "verbose", false, "seed", 1);
%! assert (round (bp_predict (net, X)), Y);

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
%! assert (fieldnames (h), {"loss"; "accuracy"; "val_loss"; "val_accuracy"; "seconds"});
%! [~, ~, ~, C] = bp_gradient (net, X, Y2);
%! assert (h.val_loss(end), C, 1e-12);
%! [~, k] = bp_predict (net, X);
%! assert (h.val_accuracy(end), mean (k == [2 1 1 2]));

%!error <epochs must be a whole number> bp_train (bp_init ([2 1]), X, Y, "epochs", 0)
%!error <batch must be a whole number> bp_train (bp_init ([2 1]), X, Y, "batch", 2.5)
%!error <momentum must be a number in \[0, 1\]> bp_train (bp_init ([2 1]), X, Y, "momentum", 2)
%!error <validation must be a cell> bp_train (bp_init ([2 1]), X, Y, "validation", X)
%!error <Y must be a real double matrix with 1 rows> bp_train (bp_init ([2 1]), X, [Y; Y])
%!error <diverged in epoch 1> bp_train (bp_init ([2 1], "seed", 1, "activation", "linear", "loss", "sse"), X, Y, "eta", 1e308, "verbose", false)
%!error id=backprop:bp_train:nargin bp_train (bp_init ([2 1]), X)

%!demo
%! ## XOR with a 2-4-1 sigmoid network, 2000 full-batch steps.
%! X = [0 0 1 1; 0 1 0 1];  Y = [0 1 1 0];
%! net = bp_init ([2 4 1], "seed", 3);
%! [net, hist] = bp_train (net, X, Y, "epochs", 2000, "batch", 4, "eta", 2, "seed", 1);
%! printf ("loss: %.4f after 1 epoch, %.6f after 2000\n", hist.loss([1 end]));
%! disp (bp_predict (net, X));
