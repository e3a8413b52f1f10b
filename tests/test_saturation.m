## Integration test: overflow-safe numerics at saturation.
##
## Written against closed forms that stay exact where the naive formulas
## overflow or divide 0 by 0:
##  * sigmoid(z) for |z| = 800: e^800 overflows, but the true values are
##    0 (below the smallest double) and 1, with derivative 0;
##  * softmax(z) = softmax(z - c) for any constant c, so inputs near 1e3
##    give the same result as the same inputs shifted to near 0;
##  * in the log losses a term whose weight y_j (or 1 - y_j) is 0 is 0 for
##    every output, so outputs of exactly 0 or 1 that match their targets
##    cost nothing;
##  * for a sigmoid output with cross-entropy, C_0 written in terms of z is
##    sum_j [log(1 + e^z_j) - y_j z_j], finite for every z, and the output
##    error is a - y; for a softmax output with log-likelihood and a one-hot
##    y, C_0 = logsumexp(z) - z_true and the error is again a - y.
##
## Tolerances are stated at each test; where the exact answer is 0, 1 or
## an integer-valued sum, equality is asked for.

%!test
%! ## sigmoid at +-800 (and at +-40, where 1 - a is still representable).
%! [a, d] = bp_activation ([-800 800; -40 40], "sigmoid");
%! assert (all (isfinite ([a(:); d(:)])));
%! assert (a(1,:), [0 1]);            # e^-800 is below realmin: exactly 0
%! assert (d(1,:), [0 0]);
%! ## e^-40 = 4.2e-18: a(-40) is that number to within a relative 1e-15,
%! ## and 1 - a(40) rounds to 0 in double (e^-40 < eps/2).
%! assert (a(2,1), exp (-40) / (1 + exp (-40)), 1e-15 * exp (-40));
%! assert (a(2,2), 1);
%! assert (d(2,1), exp (-40) / (1 + exp (-40))^2, 1e-15 * exp (-40));

%!test
%! ## sigmoid is not NaN anywhere on a wide range, and stays in [0, 1].
%! z = [-1e6 -1e3 -745 -710 -700 0 700 710 745 1e3 1e6];
%! [a, d] = bp_activation (z, "sigmoid");
%! assert (all (isfinite (a)) && all (isfinite (d)));
%! assert (all (a >= 0 & a <= 1) && all (d >= 0 & d <= 0.25));
%! assert (a(1:2), [0 0]);
%! assert (a(end-1:end), [1 1]);
%! assert (a(6), 0.5);

%!test
%! ## softmax of inputs near 1e3, per column: the same as the inputs
%! ## shifted by 1e3 (computed here with the naive formula, safe for small
%! ## z).  The shift itself rounds the inputs by at most eps*1e3 = 2e-13,
%! ## which moves a by at most about that much: tolerance 1e-12.
%! base = [0.1 -2.0; -0.3 0.5; 0.7 1.5];
%! z = 1e3 + base;
%! a = bp_activation (z, "softmax");
%! e = exp (base);
%! expect = e ./ sum (e, 1);
%! assert (all (isfinite (a(:))));
%! assert (a, expect, 1e-12);
%! assert (sum (a, 1), [1 1], 1e-15);
%! ## and a spread of 1e3 inside one column: the small entries underflow
%! ## to 0 (e^-1000), the large one is 1
%! a = bp_activation ([1000; 0; -1000], "softmax");
%! assert (a, [1; 0; 0]);
%! a = bp_activation ([-1000; -1000; -1000], "softmax");
%! assert (a, [1; 1; 1] / 3, 1e-15);

%!test
%! ## cross-entropy at outputs exactly 0 or 1 equal to their targets: every
%! ## term has weight 0 or log(1) = 0, so C = 0.  Next to an ordinary
%! ## column the saturated one adds nothing.  The derivative there is the
%! ## finite slope of the one term that is left: -ln(1 - a) has slope
%! ## 1/(1 - a) = 1 at a = 0 (y = 0); -ln(a) has slope -1/a = -1 at a = 1.
%! [C, g] = bp_loss ([0; 1; 0], [0; 1; 0], "cross-entropy");
%! assert (C, 0);
%! assert (g, [1; -1; 1]);
%! aL = [0 0.3; 1 0.6];
%! y = [0 1; 1 0];
%! [C, g] = bp_loss (aL, y, "cross-entropy");
%! expect = (0 - log (0.3) - log (1 - 0.6)) / 2;     # mean of 0 and column 2
%! assert (C, expect, 1e-15 * expect);
%! assert (g(:,2), [-1/0.3; 1/(1 - 0.6)], 1e-14);
%! assert (g(:,1), [1; -1]);

%!test
%! ## log-likelihood at outputs exactly 0 or 1: terms with y_j = 0 are 0 for
%! ## every a_j (their derivative too), so a one-hot target met exactly
%! ## gives C = 0 and a derivative -y_j / a_j = -1 at the true class.
%! [C, g] = bp_loss ([0; 1; 0], [0; 1; 0], "log-likelihood");
%! assert (C, 0);
%! assert (g, [0; -1; 0]);
%! aL = [0 0.2; 0 0.1; 1 0.7];
%! y = [0 0; 0 0; 1 1];
%! [C, g] = bp_loss (aL, y, "log-likelihood");
%! assert (C, -log (0.7) / 2, 1e-15);
%! assert (all (isfinite (g(:))));
%! assert (g, [0 0; 0 0; -1 -1/0.7], 1e-15);

%!test
%! ## A wrong saturated output costs what the mathematics says: infinity.
%! ## (y = 1 with a = 0: -ln 0.)  It must not be NaN.
%! C = bp_loss ([0; 0.5], [1; 0.5], "cross-entropy");
%! assert (C, Inf);
%! C = bp_loss ([0; 1], [1; 0], "log-likelihood");
%! assert (C, Inf);

%!shared net, x, y, sig
%! ## 2-3-2 sigmoid network whose output weights are about 1e3, so the
%! ## output sigmoids are saturated (checked in the first test below).
%! net = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 8);
%! net.W{1} = [0.5 -0.4; 0.3 0.8; -0.7 0.2];
%! net.b{1} = [0.1; -0.2; 0.05];
%! net.W{2} = 1e3 * [1.2 -0.9 0.8; -1.1 1.3 -0.6];
%! net.b{2} = [0; 0];
%! x = [0.9 -0.6 0.2; 0.4 0.7 -0.8];
%! ## Columns 1..3: targets matching, opposite, and soft.
%! sig = @(s) 1 ./ (1 + exp (-s));
%! zL = net.W{2} * sig (net.W{1} * x + net.b{1}) + net.b{2};
%! aL = double (zL > 0);               # the rounded outputs, 0 or 1
%! y = [aL(:,1), 1 - aL(:,2), [0.3; 0.6]];

%!test
%! ## The set-up really is saturated: |z^(L)| > 40 everywhere, so each
%! ## output is within e^-40 = 4e-18 of 0 or 1, and the outputs near 1 are
%! ## exactly 1 (1 - e^-40 rounds to 1), where ln(1 - a) and a(1 - a)
%! ## computed from a alone would give -Inf and 0.
%! [aL, ~, z] = bp_forward (net, x);
%! assert (all (abs (z{2}(:)) > 40));
%! assert (all (min (aL(:), 1 - aL(:)) <= exp (-40)));
%! assert (aL(z{2} > 0), ones (nnz (z{2} > 0), 1));
%! assert (any (z{2}(:) > 0) && any (z{2}(:) < 0));

%!test
%! ## Finite C equal to the closed form in z:
%! ## C_0 = sum_j [log(1 + e^z_j) - y_j z_j], with log(1 + e^z) evaluated
%! ## as max(z, 0) + log1p(e^-|z|) so that it cannot overflow.  Both sides
%! ## are sums of a few numbers of size <= 3e3; 1e-12 relative.
%! [~, ~, z] = bp_forward (net, x);
%! zL = z{2};
%! softplus = max (zL, 0) + log1p (exp (-abs (zL)));
%! C0 = sum (softplus - y .* zL, 1);
%! expect = mean (C0);
%! [dW, db, delta, C] = bp_gradient (net, x, y);
%! assert (isfinite (C));
%! assert (C, expect, 1e-12 * abs (expect));

%!test
%! ## The gradients are finite and use the fused output error a - y (the
%! ## product (a - y)/(a(1 - a)) * a(1 - a) would be 0/0 here).
%! [aL, a, z] = bp_forward (net, x);
%! [dW, db, delta, C] = bp_gradient (net, x, y);
%! for l = 1:2
%!   assert (all (isfinite (dW{l}(:))) && all (isfinite (db{l}(:))));
%!   assert (all (isfinite (delta{l}(:))));
%! endfor
%! d2 = aL - y;                       # a is 1 or within 4e-18 of 0
%! assert (delta{2}, d2, 1e-15);
%! m = columns (x);
%! assert (dW{2}, d2 * a{1}' / m, 1e-14);
%! assert (db{2}, mean (d2, 2), 1e-15);
%! ## The hidden layer is not saturated: its error goes back through the
%! ## 1e3 weights, delta^(1) = (W{2}' delta^(2)) .* a1 .* (1 - a1).
%! d1 = (net.W{2}' * d2) .* a{1} .* (1 - a{1});
%! assert (delta{1}, d1, 1e-12 * max (abs (d1(:))));
%! assert (dW{1}, d1 * x' / m, 1e-12 * max (abs (d1(:))));

%!test
%! ## Saturated hidden sigmoids: with weights ~1e4 in layer 1 every hidden
%! ## |z| is at least 2000, so a is exactly 0 or 1 (e^-2000 underflows),
%! ## g' = a(1 - a) is exactly 0 and the hidden gradients are exactly zero;
%! ## nothing becomes NaN.
%! n2 = net;
%! n2.W{1} = 1e4 * [1 -0.5; -1 0.3; 0.8 1];
%! n2.W{2} = [0.3 -0.2 0.5; 0.1 0.4 -0.3];
%! xs = [1 -1; 0.6 0.5];
%! [~, ~, z] = bp_forward (n2, xs);
%! assert (all (abs (z{1}(:)) >= 2000));
%! [dW, db, delta, C] = bp_gradient (n2, xs, [1 0; 0 1]);
%! assert (isfinite (C));
%! assert (delta{1}, zeros (3, 2));
%! assert (dW{1}, zeros (3, 2));
%! assert (db{1}, zeros (3, 1));
%! assert (all (isfinite (dW{2}(:))));

%!test
%! ## softmax output with log-likelihood, saturated (z^(L) differences near
%! ## 1e3): the true class may get probability exactly 0, yet
%! ## C_0 = logsumexp(z) - z_true stays finite and the error is a - y.
%! n3 = bp_init ([2 3 3], "activation", {"tanh", "softmax"}, ...
%!               "loss", "log-likelihood", "seed", 3);
%! n3.W{1} = [0.8 -0.5; 0.2 0.9; -0.6 0.4];
%! n3.b{1} = [0; 0.1; -0.1];
%! n3.W{2} = 1e3 * [1 -1 0.5; -1 1 0.2; 0.3 0.3 -1];
%! n3.b{2} = [0; 0; 0];
%! xs = [0.7 -0.9; 0.3 0.6];
%! ys = [0 1; 1 0; 0 0];
%! [aL, a, z] = bp_forward (n3, xs);
%! zL = z{2};
%! mx = max (zL, [], 1);
%! lse = mx + log (sum (exp (zL - mx), 1));
%! expect = mean (lse - sum (ys .* zL, 1));
%! [dW, db, delta, C] = bp_gradient (n3, xs, ys);
%! assert (isfinite (C));
%! assert (C, expect, 1e-12 * abs (expect));
%! assert (delta{2}, aL - ys, 1e-15);
%! assert (all (isfinite (dW{1}(:))) && all (isfinite (dW{2}(:))));
%! assert (dW{2}, (aL - ys) * a{1}' / 2, 1e-14);
