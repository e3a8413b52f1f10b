## Integration test: the chain rule for one hidden-layer weight, as the
## first backpropagation article derives it (deeplizard-style notation).
##
## For l = L-1, j = 2, k = 2 and C_0 = sum_j (a_j^(L) - y_j)^2 (loss "sse"):
##
##   dC_0/dw_22^(L-1) = dC_0/da_2^(L-1) * g'(z_2^(L-1)) * a_2^(L-2)
##
## where node 2 of layer L-1 feeds every node j of layer L, so its first
## factor is a sum over those nodes:
##
##   dC_0/da_2^(L-1) = sum_j 2 (a_j^(L) - y_j) * g'(z_j^(L)) * w_j2^(L).
##
## The factors are computed by hand from bp_forward's a and z and the
## product is compared with bp_gradient's dW{L-1}(2,2).  Sizes [3 4 3 2]:
## L = 3, layer L-1 = 2 and layer L-2 = 1 are both hidden.
##
## Tolerances: the hand-written sum and product and the package's matrix
## products differ only in the order of a few dozen roundings, a few eps
## relative to the size of the terms; 1e-13 relative to that size leaves a
## wide margin while any formula error is of order one.

%!shared net, L, x, y, X, Y
%! net = bp_init ([3 4 3 2], "loss", "sse", "seed", 21);
%! L = numel (net.W);
%! net.b = {[0.2; -0.1; 0.05; 0.3], [-0.25; 0.15; 0.1], [0.1; -0.2]};
%! x = [-0.4; 0.7; 0.2];
%! y = [1; 0];
%! X = [-0.4  0.3  0.9 -0.6;
%!       0.7 -0.2  0.1  0.5;
%!       0.2  0.8 -0.7 -0.3];
%! Y = [1 0 0.5 0.2;
%!      0 1 0.4 0.7];

%!test
%! ## One sample, l = L-1, j = 2, k = 2.
%! [~, a, z] = bp_forward (net, x);
%! sig = @(t) 1 ./ (1 + exp (-t));
%! gprime = @(t) sig (t) .* (1 - sig (t));
%! ## first factor: the sum over the nodes j of layer L
%! dC0_da2 = 0;
%! for j = 1:rows (net.W{L})
%!   dC0_da2 += 2 * (a{L}(j) - y(j)) * gprime (z{L}(j)) * net.W{L}(j,2);
%! endfor
%! da_dz = gprime (z{L-1}(2));
%! dz_dw = a{L-2}(2);
%! dC0_dw = dC0_da2 * da_dz * dz_dw;
%! dW = bp_gradient (net, x, y);
%! assert (dW{L-1}(2,2), dC0_dw, 1e-13 * abs (dC0_dw));

%!test
%! ## N samples: the mean of the single-sample products.
%! [~, a, z] = bp_forward (net, X);
%! sig = @(t) 1 ./ (1 + exp (-t));
%! gprime = @(t) sig (t) .* (1 - sig (t));
%! N = columns (X);
%! terms = zeros (1, N);
%! for n = 1:N
%!   dC0_da2 = 0;
%!   for j = 1:rows (net.W{L})
%!     dC0_da2 += 2 * (a{L}(j,n) - Y(j,n)) * gprime (z{L}(j,n)) * net.W{L}(j,2);
%!   endfor
%!   terms(n) = dC0_da2 * gprime (z{L-1}(2,n)) * a{L-2}(2,n);
%! endfor
%! dW = bp_gradient (net, X, Y);
%! assert (dW{L-1}(2,2), mean (terms), 1e-13 * mean (abs (terms)));

%!test
%! ## The first factor is really a sum: leaving out any one node j of
%! ## layer L gives a different number from the package's entry.
%! [~, a, z] = bp_forward (net, x);
%! sig = @(t) 1 ./ (1 + exp (-t));
%! gprime = @(t) sig (t) .* (1 - sig (t));
%! parts = 2 * (a{L} - y) .* gprime (z{L}) .* net.W{L}(:,2);
%! dW = bp_gradient (net, x, y);
%! rest = gprime (z{L-1}(2)) * a{L-2}(2);
%! assert (dW{L-1}(2,2), sum (parts) * rest, 1e-13 * sum (abs (parts)) * abs (rest));
%! for j = 1:numel (parts)
%!   assert (abs (dW{L-1}(2,2) - (sum (parts) - parts(j)) * rest) > 1e-6);
%! endfor

%!test
%! ## Every weight w_jk^(L-1), with other activations in layers L-1 and L
%! ## (g' from the plain-Octave oracle), still by the article's formula.
%! combos = {{"sigmoid", "tanh", "sigmoid"}, {"tanh", "leaky-relu", "tanh"}, ...
%!           {"relu", "sigmoid", "linear"}};
%! for c = 1:numel (combos)
%!   n2 = net;
%!   n2.g = combos{c};
%!   [~, a, z] = bp_forward (n2, x);
%!   [~, gL] = ref_activation (z{L}, n2.g{L});
%!   [~, gH] = ref_activation (z{L-1}, n2.g{L-1});
%!   dW = bp_gradient (n2, x, y);
%!   for j = 1:rows (n2.W{L-1})
%!     for k = 1:columns (n2.W{L-1})
%!       dC0_da = 0;
%!       scale = 0;
%!       for i = 1:rows (n2.W{L})        # the nodes of layer L
%!         t = 2 * (a{L}(i) - y(i)) * gL(i) * n2.W{L}(i,j);
%!         dC0_da += t;
%!         scale += abs (t);
%!       endfor
%!       p = dC0_da * gH(j) * a{L-2}(k);
%!       assert (dW{L-1}(j,k), p, 1e-13 * scale * abs (gH(j) * a{L-2}(k)));
%!     endfor
%!   endfor
%! endfor

%!test
%! ## With only one hidden layer (sizes [2 3 2]) layer L-2 is the input,
%! ## so the last factor a_2^(L-2) is the input x_2.
%! n1 = bp_init ([2 3 2], "loss", "sse", "seed", 4);
%! n1.b = {[0.1; -0.3; 0.2], [0.05; -0.05]};
%! x1 = [0.6; -0.9];
%! y1 = [0.3; 0.8];
%! [~, a, z] = bp_forward (n1, x1);
%! sig = @(t) 1 ./ (1 + exp (-t));
%! gprime = @(t) sig (t) .* (1 - sig (t));
%! parts = 2 * (a{2} - y1) .* gprime (z{2}) .* n1.W{2}(:,2);
%! p = sum (parts) * gprime (z{1}(2)) * x1(2);
%! dW = bp_gradient (n1, x1, y1);
%! assert (dW{1}(2,2), p, 1e-13 * abs (p));
