## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## The network as one parameter vector (bp_unroll, bp_roll, bp_cost) and
## the full-batch minimisers of bp_train ("cg", "bfgs"):
##
## * bp_cost agrees with bp_gradient to 1e-15 and with central
##   differences of its own loss to 1e-8, for every loss and every
##   activation (cross-entropy with a sigmoid output, log-likelihood with
##   a softmax one, the quadratic losses with every output), with and
##   without lambda; its loss is also the plain-Octave reference's;
## * bp_unroll and bp_roll round-trip exactly;
## * Octave's fminunc and fminsearch, and a conjugate-gradient routine
##   written here in the style of the well-known exercise, train networks
##   through bp_cost;
## * "cg" and "bfgs" reach a lower training loss than 100 epochs of
##   full-batch SGD on the spirals, in as many gradient evaluations
##   (hist.evaluations);
## * on a [784 30 10] network and 10000 images, "cg" and "bfgs" stay in
##   O(number of parameters) memory.

%!function nets = every_pairing ()
%!  ## [3 5 k] networks: every activation in the hidden layer, with every
%!  ## output activation each loss accepts (the log losses need their own
%!  ## output), k = 2 outputs (1 for a softmax output would be constant).
%!  acts = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"};
%!  X = samples ();
%!  nets = {};
%!  seed = 0;
%!  for h = acts
%!    for loss = {"sse", "quadratic", "mse", "cross-entropy", "log-likelihood"}
%!      switch (loss{1})
%!        case "cross-entropy"
%!          outs = {"sigmoid"};
%!        case "log-likelihood"
%!          outs = {"softmax"};
%!        otherwise
%!          outs = acts;
%!      endswitch
%!      for o = outs
%!        ## Biases away from zero, so that every parameter matters.  A
%!        ## central difference must not straddle the kink of relu or
%!        ## leaky-relu at 0: a network with a z of such a layer within
%!        ## 1e-3 of 0 on these samples is drawn again with another seed.
%!        do
%!          seed += 1;
%!          net = bp_init ([3 5 2], "activation", {h{1}, o{1}}, ...
%!                         "loss", loss{1}, "seed", seed);
%!          net.b = {0.1 * sin((1:5)' + seed), 0.1 * cos([1; 2] + seed)};
%!        until (all (abs (kinked_inputs (net, X)) > 1e-3))
%!        nets{end+1} = net;
%!      endfor
%!    endfor
%!  endfor

%!function [X, Y] = samples ()
%!  ## 6 samples; targets in [0, 1] with columns summing to 1 (valid for
%!  ## every loss).
%!  X = [0.9 -0.4 0.3 -1.1 0.5 0.2; 0.2 0.8 -0.7 0.4 -0.3 1.0; -0.5 0.6 0.1 0.3 0.9 -0.8];
%!  Y = [0.9 0.2 0 1 0.3 0.6; 0.1 0.8 1 0 0.7 0.4];

%!function z = kinked_inputs (net, X)
%!  ## Every z^(l) of the layers whose activation has a kink at 0 (relu,
%!  ## leaky-relu), as one row.
%!  [~, ~, z] = bp_forward (net, X);
%!  kinked = ismember (net.g, {"relu", "leaky-relu"});
%!  z = cell2mat (cellfun (@(v) v(:)', z(kinked), "uniformoutput", false));

%!test
%! ## bp_cost is bp_gradient (unrolled) to 1e-15, for every loss and
%! ## activation, with and without weight decay; its loss is the
%! ## plain-Octave reference's.
%! [X, Y] = samples ();
%! nets = every_pairing ();
%! assert (numel (nets), 6 * (3 * 6 + 2));
%! for i = 1:numel (nets)
%!   net = nets{i};
%!   theta = bp_unroll (net);
%!   for lambda = [0 0.7]
%!     [J, grad] = bp_cost (theta, net, X, Y, "lambda", lambda);
%!     [dW, db, ~, C] = bp_gradient (net, X, Y, "lambda", lambda);
%!     want = [dW{1}(:); db{1}; dW{2}(:); db{2}];
%!     what = sprintf ("%s/%s, %s, lambda %g", net.g{:}, net.loss, lambda);
%!     assert (abs (J - C) <= 1e-15 * max (1, abs (C)), what);
%!     assert (max (abs (grad - want)) <= 1e-15 * max (1, max (abs (want))), what);
%!     ref = ref_loss (ref_forward (net, X), Y, net.loss) ...
%!           + lambda / (2 * columns (X)) * (sumsq (net.W{1}(:)) + sumsq (net.W{2}(:)));
%!     assert (J, ref, 1e-13 * max (1, abs (ref)));
%!   endfor
%! endfor

%!test
%! ## bp_cost's gradient is the central difference of its loss to 1e-8,
%! ## entry by entry, for every loss and activation, with and without
%! ## weight decay.  The step h = eps^(1/3) max (1, |theta_i|) balances
%! ## truncation (h^2) against rounding (eps/h): the difference is then
%! ## accurate to about 1e-10.  relu and leaky-relu have a kink at 0,
%! ## which a difference must not straddle: no z of their layers is
%! ## within 1e-3 of 0 (every_pairing), far more than any step moves it.
%! [X, Y] = samples ();
%! nets = every_pairing ();
%! worst = 0;
%! for i = 1:numel (nets)
%!   net = nets{i};
%!   assert (all (abs (kinked_inputs (net, X)) > 1e-3));
%!   theta = bp_unroll (net);
%!   for lambda = [0 0.7]
%!     cost = @(t) bp_cost (t, net, X, Y, "lambda", lambda);
%!     [~, grad] = cost (theta);
%!     num = zeros (size (theta));
%!     for e = 1:numel (theta)
%!       h = eps ^ (1/3) * max (1, abs (theta(e)));
%!       tp = theta;  tp(e) += h;
%!       tm = theta;  tm(e) -= h;
%!       num(e) = (cost (tp) - cost (tm)) / ((tp(e) - tm(e)));
%!     endfor
%!     err = max (abs (grad - num));
%!     worst = max (worst, err);
%!     assert (err <= 1e-8, "%s/%s, %s, lambda %g: %g", net.g{:}, net.loss, ...
%!             lambda, err);
%!   endfor
%! endfor
%! ## As accurate as the step promises, everywhere.
%! assert (worst < 1e-9);

%!test
%! ## bp_unroll and bp_roll round-trip exactly, for networks of one to
%! ## five layers, with any values (tiny, huge, negative zero).
%! for sizes = {[1 1], [4 3], [2 3 2], [3 5 4 2], [6 1 7 2 3 4]}
%!   net = bp_init (sizes{1}, "seed", numel (sizes{1}));
%!   theta = bp_unroll (net);
%!   P = sum (sizes{1}(2:end) .* (sizes{1}(1:end-1) + 1));
%!   assert (size (theta), [P 1]);
%!   assert (isequal (bp_roll (theta, net), net));
%!   t = randn (P, 1) .* 10 .^ randi ([-300 300], P, 1);
%!   t(1) = -0;
%!   back = bp_unroll (bp_roll (t, net));
%!   assert (isequal (back, t));
%!   assert (signbit (back(1)));
%! endfor

%!test
%! ## Octave's fminunc, with the gradient from bp_cost, trains XOR on a
%! ## [2 4 1] cross-entropy network to a loss under 1e-3.
%! [X, Y] = bp_dataset ("xor");
%! net = bp_init ([2 4 1], "loss", "cross-entropy", "seed", 1);
%! theta0 = bp_unroll (net);
%! J0 = bp_cost (theta0, net, X, Y);
%! [theta, J] = fminunc (@(t) bp_cost (t, net, X, Y), theta0, ...
%!                       optimset ("GradObj", "on", "MaxIter", 100));
%! assert (J0 > 0.5);
%! assert (J < 1e-3, "fminunc ended at loss %g", J);
%! assert (J, bp_cost (theta, net, X, Y));
%! [~, class] = bp_predict (bp_roll (theta, net), X);
%! assert (class, Y);

%!test
%! ## fminsearch (no gradient) lowers the loss of a tiny [2 2 1] network.
%! [X, Y] = bp_dataset ("xor");
%! net = bp_init ([2 2 1], "activation", {"tanh", "sigmoid"}, ...
%!                "loss", "cross-entropy", "seed", 3);
%! theta0 = bp_unroll (net);
%! J0 = bp_cost (theta0, net, X, Y);
%! [theta, J] = fminsearch (@(t) bp_cost (t, net, X, Y), theta0, ...
%!                          optimset ("MaxFunEvals", 2000, "MaxIter", 2000));
%! assert (J < 0.75 * J0, "fminsearch: loss %g from %g", J, J0);

%!function [x, J_history, evals] = pr_cg (cost, x, options)
%!  ## Nonlinear conjugate gradient (Polak-Ribiere, restarted from the
%!  ## steepest descent when beta < 0 or the direction stops going
%!  ## downhill) with a backtracking line search (sufficient decrease,
%!  ## quadratic interpolation), called the way the exercise calls its
%!  ## minimiser: [x, J_history] = pr_cg (@cost, x0, optimset ("MaxIter", n)),
%!  ## cost returning [J, grad].  Written for this test; one line search
%!  ## per iteration, its first trial step guessed from the last one.
%!  iters = optimget (options, "MaxIter", 100);
%!  [J, g] = cost (x);
%!  evals = 1;
%!  d = -g;
%!  t = 1 / (1 + norm (g));
%!  J_history = zeros (iters, 1);
%!  for it = 1:iters
%!    slope = g' * d;
%!    if (slope >= 0)
%!      d = -g;
%!      slope = -g' * g;
%!    endif
%!    while (true)
%!      [J1, g1] = cost (x + t * d);
%!      evals += 1;
%!      if (J1 <= J + 1e-4 * t * slope || t < 1e-20)
%!        break;
%!      endif
%!      ## Minimum of the parabola through J, slope and J1, kept within
%!      ## [0.1 t, 0.5 t].
%!      t = min (max (-slope * t^2 / (2 * (J1 - J - slope * t)), 0.1 * t), 0.5 * t);
%!    endwhile
%!    x += t * d;
%!    beta = max (0, g1' * (g1 - g) / (g' * g));
%!    d_new = -g1 + beta * d;
%!    ## The next trial step: the one that would change J by as much as
%!    ## this one did along the new direction (the exercise's guess).
%!    t = min (t * slope / (g1' * d_new), 100 * t);
%!    if (! (t > 0))
%!      t = 1 / (1 + norm (g1));
%!    endif
%!    d = d_new;
%!    g = g1;
%!    J = J1;
%!    J_history(it) = J;
%!  endfor

%!test
%! ## A conjugate-gradient routine in the exercise's style works with
%! ## bp_cost as it is, weight decay included: XOR on [2 4 1].
%! [X, Y] = bp_dataset ("xor");
%! net = bp_init ([2 4 1], "activation", {"tanh", "sigmoid"}, ...
%!                "loss", "cross-entropy", "seed", 2);
%! cost = @(t) bp_cost (t, net, X, Y, "lambda", 1e-4);
%! theta0 = bp_unroll (net);
%! [theta, J_history] = pr_cg (cost, theta0, optimset ("MaxIter", 200));
%! assert (all (diff (J_history) <= 0));
%! assert (J_history(end) < 0.01, "pr_cg ended at %g", J_history(end));
%! assert (J_history(end), cost (theta));
%! [~, class] = bp_predict (bp_roll (theta, net), X);
%! assert (class, Y);

%!test
%! ## "cg" and "bfgs" against 100 epochs of full-batch SGD on the two
%! ## spirals ([2 20 20 2], tanh, softmax, log-likelihood), in the same
%! ## number of loss-and-gradient evaluations.
%! ##
%! ## How the evaluations are counted.  A full-batch SGD epoch is one
%! ## forward and one backward pass over all the samples: one gradient
%! ## evaluation.  GSL's minimisers evaluate as often as their line
%! ## searches need; bp_train counts the gradients they ask for
%! ## (hist.evaluations, cumulative, the one at the starting point
%! ## included; loss-only evaluations, a forward pass, are not counted).
%! ## The minimisers are compared after the last iteration whose
%! ## evaluations number at most 100.
%! ##
%! ## SGD: full batch, no shuffling, 100 epochs, at bp_train's default
%! ## rate (0.5) and at the best of the rates 0.1, 0.2, 0.5, 1 and 2; its
%! ## loss is that of the network it returns (after the 100th update).
%! ## Measured when this test was written: SGD 0.601 (eta 0.5), 0.512
%! ## (eta 1, the best); bfgs 0.407 after 22 iterations (99 evaluations);
%! ## cg 0.541 after 36 iterations (97 evaluations).  So bfgs beats SGD
%! ## at any of these rates, cg only SGD at its default rate: against the
%! ## best-tuned rate it is slightly worse (and no choice of its "step"
%! ## and "line_tol" beat it on every one of three starting networks).
%! [X, Y] = bp_dataset ("spirals", "seed", 1);
%! net = bp_init ([2 20 20 2], "activation", {"tanh", "tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! N = columns (X);
%! etas = [0.1 0.2 0.5 1 2];
%! sgd = Inf (size (etas));
%! for i = 1:numel (etas)
%!   try
%!     got = bp_train (net, X, Y, "epochs", 100, "batch", N, "eta", etas(i), ...
%!                     "shuffle", false, "verbose", false);
%!     sgd(i) = bp_cost (bp_unroll (got), net, X, Y);
%!   catch err
%!     assert (err.identifier, "backprop:bp_train:diverged");
%!   end_try_catch
%! endfor
%! sgd_default = sgd(etas == 0.5);
%! sgd_best = min (sgd);
%! for opt = {"cg", "bfgs"}
%!   [~, h] = bp_train (net, X, Y, "optimizer", opt{1}, "max_iter", 60, ...
%!                      "verbose", false);
%!   assert (all (diff ([0 h.evaluations]) >= 1), "%s: %s", opt{1}, ...
%!           mat2str (h.evaluations));
%!   k = find (h.evaluations <= 100, 1, "last");
%!   assert (h.loss(k) < sgd_default, ...
%!           "%s: loss %g after %d iterations (%d evaluations), SGD (eta 0.5) %g", ...
%!           opt{1}, h.loss(k), k, h.evaluations(k), sgd_default);
%!   if (strcmp (opt{1}, "bfgs"))
%!     assert (h.loss(k) < sgd_best, "bfgs: loss %g, SGD (best rate) %g", ...
%!             h.loss(k), sgd_best);
%!   endif
%! endfor

%!test
%! ## Memory: "cg" and "bfgs" on a [784 30 10] network (n = 23860
%! ## parameters) and 10000 images keep a handful of n-vectors, never an
%! ## n-by-n matrix (8 n^2 bytes = 4.55 GB, what fminunc's quasi-Newton
%! ## matrix would take).  The run is made in a child Octave whose
%! ## address space is capped below one such matrix (ulimit -v 3 GB), and
%! ## the child reports its resident memory before the runs (VmRSS of
%! ## /proc/self/status) and its peak after them (VmHWM): their
%! ## difference bounds what the runs added (it counts the peak of the
%! ## data's reading, too, should that have been higher).  It must stay
%! ## far below one n-by-n matrix, within a bound linear in n and in
%! ## the data.  The images are Fashion-MNIST's 10000 test images (Debian's
%! ## dataset-fashion-mnist) when installed, otherwise uniform noise of
%! ## that shape with random classes.  Measured when this test was
%! ## written: 2.5 MB.
%! if (! exist ("/proc/self/status", "file"))
%!   return;     # no /proc to read the peak from (not Linux)
%! endif
%! dir = "/usr/share/datasets/fashion-mnist";
%! code = {
%!   "function kb = status_kb (field)"
%!   "  kb = str2double (regexp (fileread ('/proc/self/status'), [field ':\\s*(\\d+)'], 'tokens', 'once'){1});"
%!   "endfunction"
%!   sprintf("f = '%s/t10k-images-idx3-ubyte.gz';", dir)
%!   "if (exist (f, 'file'))"
%!   "  X = bp_load_idx (f);"
%!   "  labels = double (bp_load_idx (strrep (f, 'images-idx3', 'labels-idx1'))) + 1;"
%!   "  printf ('DATA fashion-mnist\\n');"
%!   "else"
%!   "  rand ('state', 1);  X = rand (784, 10000);  labels = randi (10, 1, 10000);"
%!   "  printf ('DATA generated\\n');"
%!   "endif"
%!   "Y = full (sparse (labels, 1:10000, 1, 10, 10000));"
%!   "net = bp_init ([784 30 10], 'activation', {'sigmoid', 'softmax'}, 'loss', 'log-likelihood', 'seed', 1);"
%!   "## The gateways loaded and every array made before the first reading."
%!   "bp_train (net, X(:,1:10), Y(:,1:10), 'optimizer', 'cg', 'max_iter', 1, 'verbose', false);"
%!   "before = status_kb ('VmRSS');"
%!   "[~, hc] = bp_train (net, X, Y, 'optimizer', 'cg', 'max_iter', 5, 'verbose', false);"
%!   "[~, hb] = bp_train (net, X, Y, 'optimizer', 'bfgs', 'max_iter', 5, 'verbose', false);"
%!   "printf ('PEAK %d %d %d %d\\n', before, status_kb ('VmHWM'), numel (hc.loss), numel (hb.loss));"
%!   "printf ('LOSS %.6f %.6f %.6f\\n', hc.loss(1), hc.loss(end), hb.loss(end));"};
%! [status, out] = run_octave_child (code, 300, 3e6);
%! peak = str2double (regexp (out, 'PEAK (\d+) (\d+) (\d+) (\d+)', "tokens", "once"));
%! assert (status == 0 && numel (peak) == 4, "the child failed (status %d):\n%s", ...
%!         status, out);
%! n = 784 * 30 + 30 + 30 * 10 + 10;
%! growth = (peak(2) - peak(1)) * 1024;
%! assert (all (peak(3:4) >= 1));
%! ## O(n): 100 MB is some 500 vectors of n doubles and several copies of
%! ## the network's activations for all 10000 samples ((30 + 10) x 10000
%! ## doubles, 3.2 MB each); one n-by-n matrix is 4.55 GB.
%! assert (growth < 100e6, "peak memory grew by %.0f MB (%.2f n^2 doubles)", ...
%!         growth / 1e6, growth / (8 * n^2));
