## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Integration test of bp_chain: for one sample, the chain-rule factors of
## dC_0/dw_jk^(l) multiply to bp_gradient's dW{l}(j,k), for every layer l
## and every index pair (j, k), on random networks with many activation /
## loss pairs; the terms of the hidden-layer sum add up to dC_0/da_j^(l);
## every factor is the quantity its name says (checked against
## bp_forward, bp_activation, bp_loss and the plain-Octave oracle
## ref_gradient in tests/ref).
##
## Networks: sizes [3 4 3 2], [2 5 1], [4 3 3 3 2] (four weight layers, so
## the sum's dC_0/da_i^(l+1) is itself a sum) and [1 1], drawn by bp_init
## with a seed and given non-zero biases, with one fixed sample each.
##
## Tolerances.  bp_chain multiplies its factors in Octave; bp_gradient
## forms W' * delta and delta * a' with BLAS.  The two differ only in the
## order of a handful of roundings, so a few eps relative to the size of
## the terms involved: |dC_da da_dz dz_dw| in the output layer, and
## sum_i |terms_i| * |da_dz| * |dz_dw| in a hidden layer, where the sum may
## cancel.  1e-12 times that scale leaves a margin of over a thousand,
## while a wrong factor changes the product at order one.

%!function net = random_net (sizes, g, loss, seed)
%!  ## bp_init's network with small non-zero biases (bp_init starts them at 0).
%!  net = bp_init (sizes, "activation", g, "loss", loss, "seed", seed);
%!  for l = 1:numel (net.b)
%!    net.b{l} = 0.1 * sin ((1:rows (net.b{l}))' + seed + l);
%!  endfor

%!function [x, y] = one_sample (net, seed)
%!  ## A fixed input, and a target the loss accepts: one-hot for the log
%!  ## losses (whose targets must lie in [0, 1]), anything for the others.
%!  n0 = net.sizes(1);
%!  nL = net.sizes(end);
%!  x = cos ((1:n0)' * (seed + 0.7));
%!  if (any (strcmp (net.loss, {"cross-entropy", "log-likelihood"})))
%!    y = zeros (nL, 1);
%!    y(1 + mod (seed, nL)) = 1;
%!  else
%!    y = sin ((1:nL)' * (seed + 0.3));
%!  endif

%!function scale = product_scale (t)
%!  ## The size of the numbers whose rounding the product carries.
%!  if (t.via_delta)
%!    scale = abs (t.delta * t.dz_dw);
%!  elseif (t.l == t.L)
%!    scale = abs (t.dC_da * t.da_dz * t.dz_dw);
%!  else
%!    scale = sum (abs (t.terms)) * abs (t.da_dz) * abs (t.dz_dw);
%!  endif
%!  scale = max (scale, realmin);

%!function problems = check_every_weight (net, x, y)
%!  ## Every l, j, k of NET: the product against bp_gradient and against the
%!  ## oracle, and each factor against its definition.  Returns one line per
%!  ## failure, so a failing network reports all its bad weights at once.
%!  problems = {};
%!  L = numel (net.W);
%!  [dW, ~, delta] = bp_gradient (net, x, y);
%!  rW = ref_gradient (net, x, y);
%!  [aL, a, z] = bp_forward (net, x);
%!  [~, dC_daL] = bp_loss (aL, y, net.loss);
%!  for l = 1:L
%!    [~, gp] = bp_activation (z{l}, net.g{l});
%!    if (l == 1)
%!      below = x;
%!    else
%!      below = a{l-1};
%!    endif
%!    for j = 1:rows (net.W{l})
%!      for k = 1:columns (net.W{l})
%!        t = bp_chain (net, x, y, l, j, k);
%!        tag = sprintf ("%s, %s: w_%d%d^(%d)", strjoin (net.g, "/"), net.loss, j, k, l);
%!        tol = 1e-12 * product_scale (t);
%!        if (abs (t.dC_dw - dW{l}(j,k)) > tol)
%!          problems{end+1} = sprintf ("%s: product %.17g, bp_gradient %.17g", tag, t.dC_dw, dW{l}(j,k));
%!        endif
%!        if (abs (t.dC_dw - rW{l}(j,k)) > tol + 1e-12 * max (abs (rW{l}(:))))
%!          problems{end+1} = sprintf ("%s: product %.17g, oracle %.17g", tag, t.dC_dw, rW{l}(j,k));
%!        endif
%!        if (! isequal ([t.l t.j t.k t.L], [l j k L]) || t.dz_dw != below(k) ...
%!            || t.a != a{l}(j) || t.z != z{l}(j) || t.delta != delta{l}(j) ...
%!            || ! strcmp (t.g, net.g{l}) || ! strcmp (t.loss, net.loss))
%!          problems{end+1} = sprintf ("%s: indices, a, z, delta or dz_dw wrong", tag);
%!        endif
%!        softmax = strcmp (net.g{l}, "softmax");
%!        if (softmax != (t.via_delta && isnan (t.da_dz)))
%!          problems{end+1} = sprintf ("%s: softmax layer not reported through delta", tag);
%!        elseif (! t.via_delta)
%!          if (t.da_dz != gp(j))
%!            problems{end+1} = sprintf ("%s: da_dz %.17g, g'(z) %.17g", tag, t.da_dz, gp(j));
%!          endif
%!          if (t.dC_dw != t.dC_da * t.da_dz * t.dz_dw)
%!            problems{end+1} = sprintf ("%s: dC_dw is not the product of the factors", tag);
%!          endif
%!        endif
%!        if (l == L)
%!          if (t.dC_da != dC_daL(j) || t.y != y(j) || ! isempty (t.terms))
%!            problems{end+1} = sprintf ("%s: output-layer dC_da, y or terms wrong", tag);
%!          endif
%!        else
%!          problems = [problems, check_sum(t, net, delta, l, j, tag)];
%!        endif
%!      endfor
%!    endfor
%!  endfor

%!function problems = check_sum (t, net, delta, l, j, tag)
%!  ## The hidden-layer sum over the nodes i of layer l+1.
%!  problems = {};
%!  if (! isequal (t.next_w, net.W{l+1}(:,j)) || ! isequal (t.next_delta, delta{l+1}) ...
%!      || ! isequal (t.terms, t.next_delta .* t.next_w) || ! strcmp (t.next_g, net.g{l+1}))
%!    problems{end+1} = sprintf ("%s: next_w, next_delta, next_g or terms wrong", tag);
%!  endif
%!  if (t.dC_da != sum (t.terms))
%!    problems{end+1} = sprintf ("%s: dC_da %.17g is not sum (terms) %.17g", tag, t.dC_da, sum (t.terms));
%!  endif
%!  ## W' * delta is the matrix form of the same sum.
%!  v = net.W{l+1}' * delta{l+1};
%!  if (abs (t.dC_da - v(j)) > 1e-13 * sum (abs (t.terms)))
%!    problems{end+1} = sprintf ("%s: dC_da %.17g, (W' delta)_j %.17g", tag, t.dC_da, v(j));
%!  endif
%!  ## Each term's first two factors multiply to delta_i^(l+1), where they exist.
%!  both = isfinite (t.next_dC_da) & isfinite (t.next_da_dz);
%!  p = t.next_dC_da(both) .* t.next_da_dz(both);
%!  if (any (abs (p - t.next_delta(both)) > 1e-13 * max (abs (t.next_dC_da(both) .* t.next_da_dz(both)), realmin)))
%!    problems{end+1} = sprintf ("%s: next_dC_da .* next_da_dz differ from next_delta", tag);
%!  endif
%!  if (strcmp (t.next_g, "softmax") && ! all (isnan (t.next_da_dz)))
%!    problems{end+1} = sprintf ("%s: softmax next layer has a da_dz", tag);
%!  endif

%!test
%! ## Every weight of 4 network shapes x 10 activation/loss combinations.
%! combos = {
%!   {"sigmoid", "sigmoid"},       "sse"
%!   {"sigmoid", "sigmoid"},       "quadratic"
%!   {"tanh", "sigmoid"},          "cross-entropy"
%!   {"relu", "linear"},           "mse"
%!   {"leaky-relu", "softmax"},    "log-likelihood"
%!   {"softmax", "tanh"},          "sse"
%!   {"linear", "softmax"},        "quadratic"
%!   {"tanh", "relu"},             "quadratic"
%!   {"sigmoid", "leaky-relu"},    "mse"
%!   {"softmax", "softmax"},       "log-likelihood"
%! };
%! shapes = {[3 4 3 2], [2 5 1], [4 3 3 3 2], [1 1]};
%! problems = {};
%! count = 0;
%! for s = 1:numel (shapes)
%!   sizes = shapes{s};
%!   L = numel (sizes) - 1;
%!   for c = 1:rows (combos)
%!     hidden = combos{c,1}{1};
%!     out = combos{c,1}{2};
%!     if (sizes(end) == 1 && strcmp (out, "softmax"))
%!       continue;      # a one-node softmax is constant 1: nothing to learn
%!     endif
%!     g = [repmat({hidden}, 1, L - 1), {out}];
%!     seed = 10 * s + c;
%!     net = random_net (sizes, g, combos{c,2}, seed);
%!     [x, y] = one_sample (net, seed);
%!     problems = [problems, check_every_weight(net, x, y)];
%!     count += sum (cellfun (@numel, net.W));
%!   endfor
%! endfor
%! assert (count > 500);
%! if (! isempty (problems))
%!   error ("%d problems, first ones:\n%s", numel (problems), ...
%!          strjoin (problems(1:min (10, end)), "\n"));
%! endif

%!test
%! ## The chain-rule article's two cases, factor by factor, with
%! ## C_0 = sum_j (a_j^(L) - y_j)^2 and sigmoid layers.
%! net = random_net ([3 4 3 2], {"sigmoid", "sigmoid", "sigmoid"}, "sse", 5);
%! x = [-0.4; 0.7; 0.2];
%! y = [1; 0];
%! L = 3;
%! [aL, a, z] = bp_forward (net, x);
%! sp = @(v) (1 ./ (1 + exp (-v))) .* (1 - 1 ./ (1 + exp (-v)));
%! t = bp_chain (net, x, y, L, 1, 2);
%! assert (t.dC_da, 2 * (aL(1) - y(1)), 1e-15);
%! assert (t.da_dz, sp (z{L}(1)), 1e-15);
%! assert (t.dz_dw, a{L-1}(2));
%! t = bp_chain (net, x, y, L-1, 2, 2);
%! terms = 2 * (aL - y) .* sp (z{L}) .* net.W{L}(:,2);
%! assert (t.terms, terms, 1e-15);
%! assert (t.next_dC_da, 2 * (aL - y), 1e-15);
%! assert (t.next_da_dz, sp (z{L}), 1e-15);
%! assert (t.dC_da, sum (terms), 1e-15);
%! assert (t.da_dz, sp (z{L-1}(2)), 1e-15);
%! assert (t.dz_dw, a{L-2}(2));
%! dW = bp_gradient (net, x, y);
%! assert (t.dC_dw, dW{L-1}(2,2), 1e-15);

%!test
%! ## Sigmoid + cross-entropy: the first two factors multiply to the fused
%! ## error a - y; at an output of exactly 1 (or 0) they cannot, and delta
%! ## = a - y is reported in their place, in the layer and in the sum of the
%! ## layer below.
%! net = random_net ([2 3 2], {"tanh", "sigmoid"}, "cross-entropy", 3);
%! x = [0.5; -0.2];
%! y = [0; 1];
%! t = bp_chain (net, x, y, 2, 2, 1);
%! assert (t.dC_da * t.da_dz, t.a - y(2), 1e-15);
%! net.W{2}(1,:) = 0;  net.b{2}(1) = 60;        # z_1^(2) = 60: a_1^(2) rounds to 1
%! [aL, a] = bp_forward (net, x);
%! assert (aL(1), 1);
%! t = bp_chain (net, x, y, 2, 1, 3);
%! assert (t.via_delta && isnan (t.da_dz));
%! assert (t.delta, 1 - y(1));
%! assert (t.dC_dw, (1 - y(1)) * a{1}(3));
%! dW = bp_gradient (net, x, y);
%! assert (t.dC_dw, dW{2}(1,3), 1e-15);
%! assert (! isempty (strfind (t.note, "exactly 1")));
%! h = bp_chain (net, x, y, 1, 3, 2);
%! assert (isnan (h.next_da_dz(1)) && isfinite (h.next_da_dz(2)));
%! assert (h.dC_dw, dW{1}(3,2), 1e-15);
%! out = evalc ("disp (h)");
%! assert (! isempty (strfind (out, "delta_j^(2) * w_j3^(2)")));

%!test
%! ## A sigmoid output with the cross-entropy loss, swept through the
%! ## whole range of z = w x (x = 1, b = 0): moderate values, outputs that
%! ## round to 1 (z above 37) and to exactly 1 (z = 720), and outputs that
%! ## are subnormal (z between -745 and -708.4) or exactly 0 (z = -800),
%! ## with targets 0, 1e-10, 0.3 and 1.  bp_chain's dC_dw must equal
%! ## bp_gradient's in every case.  Where the factors are shown it is
%! ## their product, which agrees with the fused error a - y within the
%! ## rounding bound of bp_chain's help (here n = 1: 8 eps (m |da_dz| +
%! ## |delta|), m = y/a + (1-y)/(1-a)); where they cannot be multiplied
%! ## accurately it is delta itself, exactly.  At z = -720 and y = 1,
%! ## dC_da = -1/a overflowed and dC_dw was Inf where bp_gradient gives -1.
%! zs = [-800, -745, -740, -730, -720, -715, -710, -708.5, -708, -700, ...
%!       -40, -5, -0.3, 0, 2, 30, 37, 38, 40, 720];
%! problems = {};
%! for y = [0, 1e-10, 0.3, 1]
%!   for zv = zs
%!     net = bp_init ([1 1], "loss", "cross-entropy");
%!     net.W{1} = zv;
%!     t = bp_chain (net, 1, y, 1, 1, 1);
%!     dW = bp_gradient (net, 1, y);
%!     a = t.a;
%!     m = 0;                          # the parts of the derivative (0 ln 0 = 0)
%!     if (y != 0)
%!       m += abs (y / a);
%!     endif
%!     if (y != 1)
%!       m += abs ((1 - y) / (1 - a));
%!     endif
%!     if (t.via_delta)
%!       ok = t.dC_dw == dW{1} && isnan (t.da_dz);
%!     else
%!       bound = 8 * (eps * (m * abs (t.da_dz) + abs (t.delta)) + 2^-1074);
%!       ok = isfinite (t.dC_dw) && abs (t.dC_dw - dW{1}) <= bound + eps * abs (dW{1});
%!     endif
%!     if (! ok || ! isfinite (t.dC_dw))
%!       problems{end+1} = sprintf ("z = %g, y = %g: bp_chain %.17g (via delta %d), bp_gradient %.17g", ...
%!                                  zv, y, t.dC_dw, t.via_delta, dW{1});
%!     endif
%!   endfor
%! endfor
%! if (! isempty (problems))
%!   error ("%d problems:\n%s", numel (problems), strjoin (problems, "\n"));
%! endif
%! ## The case of the report, and how it is explained.
%! net = bp_init ([1 1], "loss", "cross-entropy");
%! net.W{1} = -720;
%! t = bp_chain (net, 1, 1, 1, 1, 1);
%! assert (t.via_delta);
%! assert (t.dC_dw, t.a - 1);
%! assert (! isempty (strfind (t.note, "is subnormal")));
%! assert (! isempty (strfind (t.note, "fused error")));
%! out = evalc ("disp (t)");
%! assert (! isempty (strfind (out, "= (-1) * (1)\n")));

%!test
%! ## The same output one layer up: the hidden layer's sum is written with
%! ## delta_j^(2) where the output's factors cannot be multiplied, and
%! ## the hidden weight's derivative still matches bp_gradient.
%! net = bp_init ([1 1 1], "loss", "cross-entropy");
%! net.W = {0.5, -1500};                 # z^(2) = -1500 a^(1), a^(1) = 0.62
%! net.b = {0, 210};                     # z^(2) near -720: a^(2) subnormal
%! [aL, a, z] = bp_forward (net, 1);
%! assert (aL > 0 && aL < realmin);
%! t = bp_chain (net, 1, 1, 1, 1, 1);
%! dW = bp_gradient (net, 1, 1);
%! assert (isnan (t.next_da_dz));
%! assert (t.dC_dw, dW{1}, 8 * eps * abs (dW{1}));
%! out = evalc ("disp (t)");
%! assert (! isempty (strfind (out, "delta_j^(2) * w_j1^(2)")));
%! assert (! isempty (strfind (out, "do not multiply to delta_j^(2)")));

%!test
%! ## The printout: the article's equation with the numbers of the
%! ## properties in it, for the output and a hidden layer, and a softmax
%! ## layer's explanation.
%! net = bp_init ([3 4 3 2], "loss", "sse", "seed", 42);
%! x = [0.3; -0.6; 0.9];
%! y = [1; 0];
%! t = bp_chain (net, x, y, 3, 1, 2);
%! out = evalc ("t");
%! assert (! isempty (strfind (out, ["dC_0/dw_12^(3) = dC_0/da_1^(3) * " ...
%!                                   "da_1^(3)/dz_1^(3) * dz_1^(3)/dw_12^(3)"])));
%! assert (! isempty (strfind (out, sprintf ("= (%.6f) * (%.6f) * (%.6f)", ...
%!                                           t.dC_da, t.da_dz, t.dz_dw))));
%! assert (! isempty (strfind (out, sprintf ("= %.6f", t.dC_dw))));
%! assert (! isempty (strfind (out, "2 (a_1^(3) - y_1)")));
%! h = bp_chain (net, x, y, 2, 2, 2);
%! out = evalc ("disp (h)");
%! assert (! isempty (strfind (out, "dC_0/da_2^(2) = sum_j dC_0/da_j^(3) * da_j^(3)/dz_j^(3) * w_j2^(3)")));
%! for i = 1:2
%!   assert (! isempty (strfind (out, sprintf ("(%.6f)", h.terms(i)))));
%! endfor
%! s = bp_init ([2 3 2], "activation", {"softmax", "sigmoid"}, "seed", 1);
%! out = evalc ("bp_chain (s, [1; 2], [0; 1], 1, 2, 1)");
%! assert (! isempty (strfind (out, "dC_0/dw_21^(1) = dC_0/dz_2^(1) * dz_2^(1)/dw_21^(1)")));
%! assert (! isempty (strfind (out, "Layer 1 is softmax")));

%!test
%! ## Two-digit indices keep w_jk readable, and long sums wrap.
%! net = random_net ([12 11 14 2], {"tanh", "sigmoid", "sigmoid"}, "quadratic", 8);
%! [x, y] = one_sample (net, 8);
%! t = bp_chain (net, x, y, 2, 11, 3);
%! out = evalc ("disp (t)");
%! assert (! isempty (strfind (out, "dC_0/dw_11,3^(2)")));
%! t = bp_chain (net, x, y, 1, 11, 12);
%! out = evalc ("disp (t)");
%! assert (! isempty (strfind (out, "w_j,11^(2)")));
%! lines = strsplit (out, "\n");
%! sum_lines = lines(! cellfun (@isempty, strfind (lines, " +")));
%! assert (numel (sum_lines) > 4);                  # 14 terms: wrapped
%! assert (max (cellfun (@numel, sum_lines)) <= 80);
%! dW = bp_gradient (net, x, y);
%! assert (t.dC_dw, dW{1}(11,12), 1e-12 * sum (abs (t.terms)));

%!test
%! ## The result is read-only and converts to a plain struct.
%! net = bp_init ([2 2 1], "seed", 1);
%! t = bp_chain (net, [1; 0], 1, 1, 2, 1);
%! assert (class (t), "bp_chain_factors");
%! fail ("t.dC_da = 1", "private");
%! s = struct (t);
%! assert (isstruct (s));
%! assert (s.dC_dw, t.dC_dw);
%! assert (s.terms, t.terms);
