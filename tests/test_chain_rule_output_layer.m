## Integration test: the chain rule for one output-layer weight, as the
## first backpropagation article derives it (deeplizard-style notation).
##
## For a single sample the loss is C_0 = sum_j (a_j^(L) - y_j)^2 (loss
## "sse"), and for the weight w_12^(L) (l = L, j = 1, k = 2)
##
##   dC_0/dw_12^(L) = dC_0/da_1^(L) * da_1^(L)/dz_1^(L) * dz_1^(L)/dw_12^(L)
##                  = 2 (a_1^(L) - y_1) * g'(z_1^(L)) * a_2^(L-1).
##
## For N samples the derivative of the mean loss is the average of the N
## single-sample products.  Each factor is computed here by hand from the
## a and z that bp_forward returns, and the product is compared with the
## entry dW{L}(1,2) of bp_gradient.  The network has sizes [3 4 3 2], so
## L = 3 and layer L-1 = 2 is a hidden layer.
##
## Tolerances: the hand-made product and the package's delta * a' differ
## only in the order of a handful of roundings, i.e. by a few units of
## eps relative to the size of the terms; 1e-13 relative leaves a margin
## of several hundred while any mistake in a factor (a missing 2, a wrong
## index, g instead of g') changes the result at order one.

%!shared net, L, x, y, X, Y
%! net = bp_init ([3 4 3 2], "loss", "sse", "seed", 11);
%! L = numel (net.W);
%! ## Non-zero biases so that z and W * a differ.
%! net.b = {[0.1; -0.2; 0.3; -0.1], [0.05; -0.15; 0.25], [-0.3; 0.2]};
%! x = [0.5; -0.3; 0.8];
%! y = [0.2; 0.9];
%! X = [0.5 -0.1  0.9  0.3 -0.7;
%!      -0.3 0.6  0.2 -0.8  0.4;
%!      0.8  0.1 -0.5  0.7  0.2];
%! Y = [0.2 0.7 0.1 0.9 0.4;
%!      0.9 0.3 0.6 0.0 1.0];

%!test
%! ## bp_forward's z and a are what the three factors are read from; first
%! ## make sure they are the article's z_j^(l) = sum_k w_jk^(l) a_k^(l-1) + b_j^(l)
%! ## and a_j^(l) = g(z_j^(l)) for the two entries the chain rule uses.
%! [~, a, z] = bp_forward (net, x);
%! zL1 = 0;
%! for k = 1:columns (net.W{L})
%!   zL1 += net.W{L}(1,k) * a{L-1}(k);
%! endfor
%! zL1 += net.b{L}(1);
%! assert (z{L}(1), zL1, 1e-13 * abs (zL1));
%! assert (a{L}(1), 1 / (1 + exp (-zL1)), 1e-13);

%!test
%! ## One sample: the product of the three factors is bp_gradient's entry.
%! [~, a, z] = bp_forward (net, x);
%! dC0_da = 2 * (a{L}(1) - y(1));         # d/da_1 of sum_j (a_j - y_j)^2
%! s = 1 / (1 + exp (-z{L}(1)));
%! da_dz = s * (1 - s);                    # sigmoid'(z_1^(L))
%! dz_dw = a{L-1}(2);                      # only the k = 2 term has w_12
%! dC0_dw = dC0_da * da_dz * dz_dw;
%! dW = bp_gradient (net, x, y);
%! assert (dW{L}(1,2), dC0_dw, 1e-13 * abs (dC0_dw));

%!test
%! ## N samples: the derivative of the mean loss is the mean of the N
%! ## single-sample chain-rule products.
%! [~, a, z] = bp_forward (net, X);
%! N = columns (X);
%! terms = zeros (1, N);
%! for n = 1:N
%!   s = 1 / (1 + exp (-z{L}(1,n)));
%!   terms(n) = 2 * (a{L}(1,n) - Y(1,n)) * s * (1 - s) * a{L-1}(2,n);
%! endfor
%! dW = bp_gradient (net, X, Y);
%! ## relative to the size of the terms, since they may partly cancel
%! assert (dW{L}(1,2), sum (terms) / N, 1e-13 * mean (abs (terms)));
%! ## and it is not the sum (the articles average over the samples)
%! assert (abs (dW{L}(1,2) - sum (terms)) > 1e-3 * mean (abs (terms)));

%!test
%! ## The same three factors for other output activations g^(L): only
%! ## da/dz = g'(z_1^(L)) changes (g' from the plain-Octave oracle).
%! for g = {"tanh", "leaky-relu", "linear"}
%!   n2 = net;
%!   n2.g{L} = g{1};
%!   [~, a, z] = bp_forward (n2, X);
%!   [~, gp] = ref_activation (z{L}(1,:), g{1});
%!   terms = 2 * (a{L}(1,:) - Y(1,:)) .* gp .* a{L-1}(2,:);
%!   dW = bp_gradient (n2, X, Y);
%!   assert (dW{L}(1,2), mean (terms), 1e-13 * mean (abs (terms)));
%! endfor

%!test
%! ## Every output-layer weight w_jk^(L) by the same three factors.
%! [~, a, z] = bp_forward (net, x);
%! dW = bp_gradient (net, x, y);
%! for j = 1:rows (net.W{L})
%!   for k = 1:columns (net.W{L})
%!     s = 1 / (1 + exp (-z{L}(j)));
%!     p = 2 * (a{L}(j) - y(j)) * s * (1 - s) * a{L-1}(k);
%!     assert (dW{L}(j,k), p, 1e-13 * abs (p));
%!   endfor
%! endfor
