## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Integration test of bp_gradcheck: backprop (bp_gradient) against
## numerical derivatives of the mean loss, for every activation with every
## loss it is meant for, with both methods; and the verdict must fail when
## the gradient checked is wrong.
##
##   output pairs      every output activation with sse, quadratic and mse,
##                     sigmoid + cross-entropy, softmax + log-likelihood (20)
##   hidden layers     each of the 6 activations in the first hidden layer,
##                     the next one in the list in the second: 120 networks
##                     of sizes [3 4 3 2] with non-zero biases, 3 samples
##
## Expected accuracy (the reasons for the defaults documented in
## bp_gradcheck):
## * Complex step: no subtraction of nearly equal numbers, so numeric and
##   backprop agree to rounding, about 1e-15 relative on entries of normal
##   size and 1e-12 on the few entries that are small differences of
##   larger terms (the floor 1e-3 max(1, |C|) of the relative error brings
##   these to 5e-14, the worst over these networks when this test was
##   written).  We require 1e-12: 100 times below the default tolerance
##   1e-10 and 20 times above the worst case seen.
## * Central differences: the absolute error is about eps^(2/3) |C|, near
##   1e-10 for losses of order one, which makes relative errors of up to
##   about 1e-7 on the entries near the floor (2e-8 was the worst seen
##   here).  We require the default verdict (tolerance 1e-6) and 5e-7.
## * relu and leaky-relu have a kink at z = 0 which a central difference
##   must not straddle: as in test_activation_loss_pairs.m, each seed is
##   moved on until every z of such a layer satisfies |z| > 1e-4, far
##   beyond the step h = eps^(1/3) max(1, |w|), about 6e-6 here.  (The
##   complex step has no such problem; a test below puts z exactly on the
##   kink.)  The search also skips networks whose gradient in some layer
##   is (nearly) zero, where agreement would prove little.
## * A wrong gradient is off by far more than any tolerance: a single
##   entry scaled by 1.001 gives a relative error of 5e-4.

%!shared cases, X
%! acts = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"};
%! pairs = {};
%! for q = {"sse", "quadratic", "mse"}
%!   for out = acts
%!     pairs(end+1,:) = {out{1}, q{1}};
%!   endfor
%! endfor
%! pairs(end+1,:) = {"sigmoid", "cross-entropy"};
%! pairs(end+1,:) = {"softmax", "log-likelihood"};
%! X = [ 0.9 -0.4  0.3;
%!       0.1  0.8 -0.7;
%!      -0.6  0.2  1.1];
%! Y01 = [0.1 0.9 0.3;
%!        0.8 0.2 0.5];
%! Ydist = [1 0 0.4;
%!          0 1 0.6];
%! cases = struct ("net", {}, "y", {}, "label", {});
%! for ih = 1:numel (acts)
%!   for ip = 1:rows (pairs)
%!     g = {acts{ih}, acts{mod(ih, numel (acts)) + 1}, pairs{ip,1}};
%!     loss = pairs{ip,2};
%!     if (strcmp (loss, "log-likelihood"))
%!       Y = Ydist;
%!     else
%!       Y = Y01;
%!     endif
%!     seed = 1000 * ih + 10 * ip;
%!     first_seed = seed;
%!     do
%!       assert (seed < first_seed + 10, "no usable seed for %s", strjoin (g, "/"));
%!       net = bp_init ([3 4 3 2], "activation", g, "loss", loss, "seed", seed);
%!       for l = 1:3
%!         net.b{l} = 0.3 * sin (seed + 7 * l + (1:rows (net.b{l}))');
%!       endfor
%!       [~, ~, z] = ref_forward (net, X);
%!       rW = ref_gradient (net, X, Y);
%!       usable = differences_can_check (g, z, rW);
%!       seed += 1;
%!     until (usable)
%!     label = sprintf ("%s/%s/%s + %s", g{:}, loss);
%!     cases(end+1) = struct ("net", net, "y", Y, "label", label);
%!   endfor
%! endfor

%!test
%! assert (numel (cases), 120);

%!test
%! ## Complex step: every network passes, near machine precision.
%! worst = 0;
%! for c = 1:numel (cases)
%!   r = bp_gradcheck (cases(c).net, X, cases(c).y, "method", "complex");
%!   assert (r.passed, "%s: complex step failed (%g)", cases(c).label, r.max_rel_error);
%!   assert (r.max_rel_error < 1e-12, "%s: %g", cases(c).label, r.max_rel_error);
%!   assert (r.method, "complex");
%!   assert (r.tolerance, 1e-10);
%!   worst = max (worst, r.max_rel_error);
%! endfor
%! assert (worst > 0);        # a real comparison, not zeros against zeros

%!test
%! ## Central differences: every network passes with the default verdict.
%! for c = 1:numel (cases)
%!   r = bp_gradcheck (cases(c).net, X, cases(c).y);
%!   assert (r.passed, "%s: central differences failed (%g)", cases(c).label, r.max_rel_error);
%!   assert (r.max_rel_error < 5e-7, "%s: %g", cases(c).label, r.max_rel_error);
%!   assert (r.method, "central");
%!   assert (r.tolerance, 1e-6);
%! endfor

%!test
%! ## The numeric gradient itself: complex step against the central
%! ## differences of the plain-Octave oracle ref_numeric_gradient, whose
%! ## error is about 1e-10 (step 1e-6).
%! for c = 1:10:numel (cases)
%!   r = bp_gradcheck (cases(c).net, X, cases(c).y, "method", "complex");
%!   [rW, rb] = ref_numeric_gradient (cases(c).net, X, cases(c).y);
%!   for l = 1:3
%!     assert (r.numeric_dW{l}, rW{l}, 1e-8);
%!     assert (r.numeric_db{l}, rb{l}, 1e-8);
%!   endfor
%! endfor

%!test
%! ## per_layer is 1-by-L and max_rel_error its maximum, for L = 1, 2, 4;
%! ## the fields are all there, shaped like net.W and net.b.
%! for sizes = {[3 2], [2 3 1], [2 3 4 3 2]}
%!   net = bp_init (sizes{1}, "seed", 3);
%!   L = numel (net.W);
%!   x = cos ((1:sizes{1}(1))' * [1 2]);
%!   y = 0.5 * ones (sizes{1}(end), 2);
%!   for method = {"central", "complex"}
%!     r = bp_gradcheck (net, x, y, "method", method{1});
%!     assert (size (r.per_layer), [1 L]);
%!     assert (r.max_rel_error, max (r.per_layer));
%!     assert (r.passed);
%!     for f = {"dW", "numeric_dW", "rel_dW"}
%!       assert (cellfun (@size, r.(f{1}), "uniformoutput", false), ...
%!               cellfun (@size, net.W, "uniformoutput", false));
%!     endfor
%!     for f = {"db", "numeric_db", "rel_db"}
%!       assert (cellfun (@size, r.(f{1}), "uniformoutput", false), ...
%!               cellfun (@size, net.b, "uniformoutput", false));
%!     endfor
%!     for l = 1:L
%!       assert (r.per_layer(l), max ([r.rel_dW{l}(:); r.rel_db{l}(:)]));
%!     endfor
%!   endfor
%! endfor

%!test
%! ## A deliberately wrong gradient fails, with both methods, and the
%! ## report points at the right layer and entry; the exact one passes.
%! net = cases(1).net;  y = cases(1).y;
%! [dW, db] = bp_gradient (net, X, y);
%! for method = {"central", "complex"}
%!   r = bp_gradcheck (net, X, y, "method", method{1}, "gradient", {dW, db});
%!   assert (r.passed);
%!   bad = dW;
%!   bad{2}(3,1) *= 1.001;
%!   r = bp_gradcheck (net, X, y, "method", method{1}, "gradient", {bad, db});
%!   assert (! r.passed);
%!   assert (r.per_layer(2) > 1e-4);
%!   assert (r.per_layer([1 3]) <= r.tolerance);
%!   assert (r.worst.l, 2);
%!   assert (r.worst.name, "w_31^(2)");
%!   assert (r.worst.backprop, bad{2}(3,1));
%!   badb = db;
%!   badb{1}(2) += 1e-3;
%!   r = bp_gradcheck (net, X, y, "method", method{1}, "gradient", {dW, badb});
%!   assert (! r.passed);
%!   assert (r.worst.name, "b_2^(1)");
%! endfor

%!test
%! ## A typical student mistake: the output error without g'(z^(L)),
%! ## delta^(L) = a - y for a sigmoid output with the quadratic loss.
%! net = bp_init ([3 4 2], "seed", 6);
%! y = [0.2 0.7 0.4; 0.9 0.1 0.5];
%! [aL, a] = bp_forward (net, X);
%! m = columns (X);
%! d2 = aL - y;                                    # missing .* aL .* (1 - aL)
%! d1 = (net.W{2}' * d2) .* a{1} .* (1 - a{1});
%! mine = {{d1 * X' / m, d2 * a{1}' / m}, {mean(d1, 2), mean(d2, 2)}};
%! r = bp_gradcheck (net, X, y, "gradient", mine);
%! assert (! r.passed);
%! assert (all (r.per_layer > 0.1));
%! ## and the same code with the factor put back passes
%! d2 = (aL - y) .* aL .* (1 - aL);
%! d1 = (net.W{2}' * d2) .* a{1} .* (1 - a{1});
%! mine = {{d1 * X' / m, d2 * a{1}' / m}, {mean(d1, 2), mean(d2, 2)}};
%! assert (bp_gradcheck (net, X, y, "gradient", mine).passed);

%!test
%! ## NaN or Inf in a gradient given to check fail the check (relative
%! ## error 1) rather than being skipped by max().
%! net = cases(2).net;  y = cases(2).y;
%! [dW, db] = bp_gradient (net, X, y);
%! dW{3}(1,1) = NaN;
%! db{1}(1) = Inf;
%! r = bp_gradcheck (net, X, y, "method", "complex", "gradient", {dW, db});
%! assert (! r.passed);
%! assert (r.per_layer([1 3]), [1 1]);
%! assert (r.per_layer(2) < 1e-12);

%!test
%! ## lambda: the weight-decay term is part of the loss checked.
%! net = cases(40).net;  y = cases(40).y;
%! for method = {"central", "complex"}
%!   r = bp_gradcheck (net, X, y, "lambda", 0.7, "method", method{1});
%!   assert (r.passed);
%!   assert (r.lambda, 0.7);
%!   [dW, db] = bp_gradient (net, X, y, "lambda", 0.7);
%!   assert (r.dW, dW);
%!   ## a gradient without the decay term fails the check with lambda
%!   [dW0, db0] = bp_gradient (net, X, y);
%!   r = bp_gradcheck (net, X, y, "lambda", 0.7, "method", method{1}, ...
%!                     "gradient", {dW0, db0});
%!   assert (! r.passed);
%!   ## the bias gradients are the same: only the weights are decayed
%!   assert (max (cellfun (@(e) max (e(:)), r.rel_db)) < 1e-6);
%! endfor

%!test
%! ## relu on its kink: an input column of zeros with zero biases puts
%! ## z^(1) exactly at 0.  Backprop and the complex step take the left
%! ## slope there and agree; central differences straddle the kink and
%! ## (honestly) disagree.
%! net = bp_init ([2 3 2], "activation", {"relu", "sigmoid"}, "seed", 3);
%! x = [0 0.5 1; 0 1 -1];
%! y = [1 0 1; 0 1 1];
%! r = bp_gradcheck (net, x, y, "method", "complex");
%! assert (r.passed);
%! r = bp_gradcheck (net, x, y);
%! assert (! r.passed);
%! assert (r.per_layer(2) < 1e-6);
%! out = evalc ("bp_gradcheck (net, x, y);");
%! assert (! isempty (strfind (out, "kink")));

%!test
%! ## Saturated outputs: the log losses are evaluated from z, so both
%! ## methods stay finite and agree where a rounds to exactly 0 or 1.
%! net = bp_init ([2 3 2], "activation", {"tanh", "sigmoid"}, ...
%!                "loss", "cross-entropy", "seed", 5);
%! net.b{2} = [40; -40];
%! y = [1 0 1; 0 0 1];
%! assert (any (bp_forward (net, X(1:2,:))(:) == 1));
%! for method = {"central", "complex"}
%!   assert (bp_gradcheck (net, X(1:2,:), y, "method", method{1}).passed);
%! endfor
%! net = bp_init ([2 3 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 5);
%! net.b{2} = [40; -40; 0];
%! y = [1 0 0.5; 0 1 0; 0 0 0.5];
%! for method = {"central", "complex"}
%!   assert (bp_gradcheck (net, X(1:2,:), y, "method", method{1}).passed);
%! endfor

%!test
%! ## The tolerance decides the verdict; the report says what happened.
%! net = cases(7).net;  y = cases(7).y;
%! r = bp_gradcheck (net, X, y, "tolerance", 1e-30);
%! assert (! r.passed);
%! assert (r.tolerance, 1e-30);
%! r2 = bp_gradcheck (net, X, y, "tolerance", 1);
%! assert (r2.passed);
%! assert (r2.max_rel_error, r.max_rel_error);
%! out = evalc ("bp_gradcheck (net, X, y)");
%! assert (! isempty (strfind (out, "PASSED")));
%! assert (! isempty (regexp (out, '(?m)^\s+3\s+6\s+2\s')));   # layer 3: 6 weights, 2 biases
%! out = evalc ("bp_gradcheck (net, X, y, 'tolerance', 1e-30)");
%! assert (! isempty (strfind (out, "FAILED")));
%! out = evalc ("r = bp_gradcheck (net, X, y);");
%! assert (isempty (out));
%! out = evalc ("r = bp_gradcheck (net, X, y, 'verbose', true);");
%! assert (! isempty (strfind (out, "PASSED")));

%!test
%! ## The network and data are not changed, nor is the random state.
%! net = cases(3).net;  y = cases(3).y;
%! keep = {net, X, y};
%! s = rand ("state");
%! r = bp_gradcheck (net, X, y, "method", "complex");
%! assert ({net, X, y}, keep);
%! assert (rand ("state"), s);

%!error <method must be "central" or "complex", got 'forward'> bp_gradcheck (cases(1).net, X, cases(1).y, "method", "forward")
%!error <method must be "central" or "complex", got a 1-by-1 double> bp_gradcheck (cases(1).net, X, cases(1).y, "method", 1)
%!error <tolerance must be a number .= 0> bp_gradcheck (cases(1).net, X, cases(1).y, "tolerance", -1)
%!error <lambda must be a number .= 0> bp_gradcheck (cases(1).net, X, cases(1).y, "lambda", -1)
%!error <verbose must be a whole number in \[0, 1\]> bp_gradcheck (cases(1).net, X, cases(1).y, "verbose", 2)
%!error <gradient must be a cell \{dW, db\}> bp_gradcheck (cases(1).net, X, cases(1).y, "gradient", 1)
%!error <gradient must be a cell \{dW, db\} of two cells with 3 elements> bp_gradcheck (cases(1).net, X, cases(1).y, "gradient", {{1, 2}, {1, 2}})
%!error <gradient dW\{2\} must be a real double 3-by-4 matrix \(the shape of net.W\{2\}\), got a 4-by-3 double> bp_gradcheck (cases(1).net, X, cases(1).y, "gradient", {{ones(4,3), ones(4,3), ones(2,3)}, {ones(4,1), ones(3,1), ones(2,1)}})
%!error <unknown option 'eta'> bp_gradcheck (cases(1).net, X, cases(1).y, "eta", 1)
%!error <y must be a real double matrix with 2 rows> bp_gradcheck (cases(1).net, X, ones (3, 3))
%!error id=backprop:bp_gradcheck:unknown_method bp_gradcheck (cases(1).net, X, cases(1).y, "method", "forward")
%!error id=backprop:bp_gradcheck:nargin bp_gradcheck (cases(1).net, X)
%!error id=backprop:bp_gradcheck:nargout [a, b] = bp_gradcheck (cases(1).net, X, cases(1).y)
