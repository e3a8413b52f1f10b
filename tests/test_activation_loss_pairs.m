## Integration test: every activation with every loss it is meant for,
## against the plain-Octave oracles in tests/ref and against central finite
## differences.
##
##   losses sse, quadratic, mse   with every output activation, softmax too
##   loss cross-entropy           with a sigmoid output layer
##   loss log-likelihood          with a softmax output layer
##   hidden layers                of every activation, softmax included
##
## Each of these 20 (output activation, loss) pairs is combined with each
## of the 6 hidden activations (first hidden layer; the second hidden layer
## takes the next activation in the list), giving 120 networks of sizes
## [3 5 4 3] drawn by bp_init with a seed, with non-zero biases.
##
## Tolerances.
## * Package against oracle (forward, gradient, loss): both evaluate the
##   same formulas in double precision, only in a different order (BLAS
##   matrix products and, for the output layer, fused errors such as a - y,
##   against per-sample loops through the full Jacobian).  Each entry is a
##   sum of at most a few dozen products, carried through three layers with
##   weights of order one, so the two differ by some 10 eps = 1e-15
##   relative to the layer's largest entry.  1e-12 relative to that largest
##   entry leaves a margin of about 1000 for unlucky cancellations, and is
##   still far below the size of any real mistake (a missing factor or a
##   wrong index changes entries at order one).  The comparison is
##   relative to the largest entry of the layer and not entry by entry,
##   because single entries can be the small difference of larger terms.
## * Package against central differences with h = 1e-6: the truncation
##   error is h^2/6 times a third derivative, about 1e-13, and the rounding
##   error is about eps |C| / h, about 1e-10 for losses of order one.  The
##   tolerance 1e-7 * max(1, |g|) (absolute for small g, relative for large)
##   is 1000 times that, yet any error in backpropagation that is not
##   itself below 1e-7 is caught.
## * relu and leaky-relu have a kink at z = 0, where the difference
##   quotient straddles two slopes (and where package and oracle could round
##   a tiny z to opposite sides).  Each network's seed is therefore moved
##   on until every weighted input of a relu or leaky-relu layer satisfies
##   |z| > 1e-4 on the test inputs; a step h = 1e-6 in one weight moves z by
##   at most about 1e-5 here, so no difference quotient crosses a kink.  The
##   search is deterministic, so the same networks are tested every run.
##   The same search also skips a seed for which some layer's gradient is
##   (nearly) zero, e.g. a relu layer that is off for every sample, since
##   comparisons of zeros with zeros would prove little.

%!shared cases, acts, X
%! acts = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"};
%! pairs = {};
%! for q = {"sse", "quadratic", "mse"}
%!   for out = acts
%!     pairs(end+1,:) = {out{1}, q{1}};
%!   endfor
%! endfor
%! pairs(end+1,:) = {"sigmoid", "cross-entropy"};
%! pairs(end+1,:) = {"softmax", "log-likelihood"};
%! X = [ 0.9 -0.4  0.3 -1.2;
%!       0.1  0.8 -0.7  0.5;
%!      -0.6  0.2  1.1  0.4];
%! ## targets in [0, 1]; for log-likelihood each column is a distribution
%! Y01 = [0.1 0.9 0.3 0.6;
%!        0.8 0.2 0.5 0.0;
%!        0.4 1.0 0.7 0.2];
%! Ydist = [1 0 0 0.2;
%!          0 1 0 0.5;
%!          0 0 1 0.3];
%! cases = struct ("net", {}, "y", {}, "label", {});
%! for ih = 1:numel (acts)
%!   for ip = 1:rows (pairs)
%!     g = {acts{ih}, acts{mod(ih, numel (acts)) + 1}, pairs{ip,1}};
%!     loss = pairs{ip,2};
%!     seed = 1000 * ih + 10 * ip;
%!     first_seed = seed;
%!     do
%!       assert (seed < first_seed + 10, "no usable seed for %s", strjoin (g, "/"));
%!       net = bp_init ([3 5 4 3], "activation", g, "loss", loss, "seed", seed);
%!       for l = 1:3
%!         net.b{l} = 0.3 * sin (seed + 7 * l + (1:rows (net.b{l}))');
%!       endfor
%!       [~, ~, z] = ref_forward (net, X);
%!       if (strcmp (loss, "log-likelihood"))
%!         Y = Ydist;
%!       else
%!         Y = Y01;
%!       endif
%!       rW = ref_gradient (net, X, Y);
%!       usable = differences_can_check (g, z, rW);
%!       seed += 1;
%!     until (usable)
%!     label = sprintf ("%s/%s/%s + %s", g{:}, loss);
%!     ## (a struct array, so that a failing test prints it in one line)
%!     cases(end+1) = struct ("net", net, "y", Y, "label", label);
%!   endfor
%! endfor

%!test
%! ## The list covers 120 networks: 6 hidden x (18 quadratic-family + 2).
%! assert (numel (cases), 120);

%!test
%! ## bp_activation against ref_activation for every activation, on a
%! ## matrix that includes the kink z = 0 (where the documented convention
%! ## is the left-hand slope: 0 for relu, 0.01 for leaky-relu).  Values of
%! ## a and g' are at most of order 6 here; the two implementations differ
%! ## by a few roundings, so 1e-14 * max(1, |value|) is ample.
%! Z = [-6 -2.5 -1 -0.3 0;
%!      0  0.2  0.7  1.5 6;
%!      -0.01 0.01 3 -4 2;
%!      1e-8 -1e-8 0.5 -0.5 0];
%! for name = acts
%!   [a, d] = bp_activation (Z, name{1});
%!   [ra, rd] = ref_activation (Z, name{1});
%!   assert (size (a), size (Z));
%!   assert (size (d), size (Z));
%!   ea = max (abs (a(:) - ra(:)) ./ max (1, abs (ra(:))));
%!   ed = max (abs (d(:) - rd(:)) ./ max (1, abs (rd(:))));
%!   assert (ea <= 1e-14, "%s: a differs from the oracle by %g", name{1}, ea);
%!   assert (ed <= 1e-14, "%s: g' differs from the oracle by %g", name{1}, ed);
%! endfor

%!test
%! ## bp_loss against ref_loss for every loss: C (mean over columns) and
%! ## the per-sample derivative dC_0/da.  Outputs in (0, 1) so that every
%! ## loss is defined; 1e-13 relative covers the few roundings of a sum of
%! ## three terms and a log.
%! aL = [0.15 0.62 0.33 0.91;
%!       0.70 0.05 0.48 0.27;
%!       0.44 0.81 0.12 0.58];
%! Y = [0 1 0.3 1;
%!      1 0 0.5 0;
%!      0 0 0.2 0.6];
%! for name = {"sse", "quadratic", "mse", "cross-entropy", "log-likelihood"}
%!   [C, g] = bp_loss (aL, Y, name{1});
%!   [rC, rg] = ref_loss (aL, Y, name{1});
%!   assert (size (g), size (aL));
%!   assert (abs (C - rC) <= 1e-13 * abs (rC), "%s: C = %.17g, oracle %.17g", name{1}, C, rC);
%!   eg = max (abs (g(:) - rg(:))) / max (abs (rg(:)));
%!   assert (eg <= 1e-13, "%s: dC_0/da differs from the oracle by %g", name{1}, eg);
%! endfor

%!test
%! ## bp_forward against ref_forward: z and a of every layer.
%! for c = 1:numel (cases)
%!   net = cases(c).net;
%!   [aL, a, z] = bp_forward (net, X);
%!   [raL, ra, rz] = ref_forward (net, X);
%!   assert (aL, a{3});
%!   for l = 1:3
%!     ez = max (abs (z{l}(:) - rz{l}(:))) / (max (abs (rz{l}(:))) + realmin);
%!     ea = max (abs (a{l}(:) - ra{l}(:))) / (max (abs (ra{l}(:))) + realmin);
%!     assert (ez <= 1e-12, "%s layer %d: z relative error %g", cases(c).label, l, ez);
%!     assert (ea <= 1e-12, "%s layer %d: a relative error %g", cases(c).label, l, ea);
%!   endfor
%! endfor

%!test
%! ## bp_gradient against ref_gradient (per-sample backprop through the full
%! ## Jacobians, no fused shortcuts): dW, db, delta and C.
%! for c = 1:numel (cases)
%!   net = cases(c).net;
%!   y = cases(c).y;
%!   [dW, db, delta, C] = bp_gradient (net, X, y);
%!   [rW, rb, rd, rC] = ref_gradient (net, X, y);
%!   assert (abs (C - rC) <= 1e-12 * abs (rC), "%s: C = %.17g, oracle %.17g", cases(c).label, C, rC);
%!   for l = 1:3
%!     s = max (abs (rW{l}(:))) + realmin;
%!     e = max (abs (dW{l}(:) - rW{l}(:))) / s;
%!     assert (e <= 1e-12, "%s: dW{%d} relative error %g", cases(c).label, l, e);
%!     s = max (abs (rb{l}(:))) + realmin;
%!     e = max (abs (db{l}(:) - rb{l}(:))) / s;
%!     assert (e <= 1e-12, "%s: db{%d} relative error %g", cases(c).label, l, e);
%!     s = max (abs (rd{l}(:))) + realmin;
%!     e = max (abs (delta{l}(:) - rd{l}(:))) / s;
%!     assert (e <= 1e-12, "%s: delta{%d} relative error %g", cases(c).label, l, e);
%!   endfor
%! endfor

%!test
%! ## bp_gradient against central differences of the mean loss (computed by
%! ## the oracles ref_forward and ref_loss, no backpropagation involved).
%! for c = 1:numel (cases)
%!   net = cases(c).net;
%!   y = cases(c).y;
%!   [dW, db] = bp_gradient (net, X, y);
%!   [nW, nb] = ref_numeric_gradient (net, X, y, 1e-6);
%!   for l = 1:3
%!     e = max (abs (dW{l}(:) - nW{l}(:)) ./ max (1, abs (nW{l}(:))));
%!     assert (e <= 1e-7, "%s: dW{%d} differs from central differences by %g", cases(c).label, l, e);
%!     e = max (abs (db{l}(:) - nb{l}(:)) ./ max (1, abs (nb{l}(:))));
%!     assert (e <= 1e-7, "%s: db{%d} differs from central differences by %g", cases(c).label, l, e);
%!   endfor
%! endfor

%!test
%! ## The gradients are not trivially zero (otherwise the comparisons above
%! ## would prove little): in every network every layer has a gradient entry
%! ## above 1e-4 (the seed search above made sure of it for the oracle).
%! for c = 1:numel (cases)
%!   dW = bp_gradient (cases(c).net, X, cases(c).y);
%!   for l = 1:3
%!     assert (max (abs (dW{l}(:))) > 1e-4, "%s: dW{%d} vanishes", cases(c).label, l);
%!   endfor
%! endfor

%!test
%! ## Weight decay: option "lambda" against the oracle and against central
%! ## differences of C + lambda/(2m) sum W.^2, on every 7th network.
%! for lambda = [0.05 0.7]
%!   for c = 1:7:numel (cases)
%!     net = cases(c).net;
%!     y = cases(c).y;
%!     [dW, db, ~, C] = bp_gradient (net, X, y, "lambda", lambda);
%!     [rW, rb, ~, rC] = ref_gradient (net, X, y, lambda);
%!     [nW, nb] = ref_numeric_gradient (net, X, y, 1e-6, lambda);
%!     assert (abs (C - rC) <= 1e-12 * abs (rC), "%s lambda %g: C = %.17g, oracle %.17g", cases(c).label, lambda, C, rC);
%!     for l = 1:3
%!       e = max (abs (dW{l}(:) - rW{l}(:))) / (max (abs (rW{l}(:))) + realmin);
%!       assert (e <= 1e-12, "%s lambda %g: dW{%d} relative error %g", cases(c).label, lambda, l, e);
%!       e = max (abs (db{l}(:) - rb{l}(:))) / (max (abs (rb{l}(:))) + realmin);
%!       assert (e <= 1e-12, "%s lambda %g: db{%d} relative error %g", cases(c).label, lambda, l, e);
%!       e = max (abs (dW{l}(:) - nW{l}(:)) ./ max (1, abs (nW{l}(:))));
%!       assert (e <= 1e-7, "%s lambda %g: dW{%d} vs central differences %g", cases(c).label, lambda, l, e);
%!     endfor
%!   endfor
%! endfor

%!test
%! ## Log-likelihood with targets that are not a distribution (a column
%! ## summing to 2, one summing to 0.5): the loss -sum y ln a is still
%! ## defined, and its gradient through the softmax is a * sum(y) - y, not
%! ## a - y.  The package must give the true gradient of the loss it reports.
%! Yodd = [1 0 0.5 0.2;
%!         1 1 0   0.1;
%!         0 0 0   0.2];
%! for c = 1:numel (cases)
%!   net = cases(c).net;
%!   if (! strcmp (net.loss, "log-likelihood"))
%!     continue;
%!   endif
%!   dW = bp_gradient (net, X, Yodd);
%!   rW = ref_gradient (net, X, Yodd);
%!   nW = ref_numeric_gradient (net, X, Yodd, 1e-6);
%!   for l = 1:3
%!     e = max (abs (dW{l}(:) - rW{l}(:))) / (max (abs (rW{l}(:))) + realmin);
%!     assert (e <= 1e-12, "%s: dW{%d} relative error %g", cases(c).label, l, e);
%!     e = max (abs (dW{l}(:) - nW{l}(:)) ./ max (1, abs (nW{l}(:))));
%!     assert (e <= 1e-7, "%s: dW{%d} vs central differences %g", cases(c).label, l, e);
%!   endfor
%! endfor
