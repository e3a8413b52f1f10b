## chain_rule.m: the numbers of doc/chain-rule.md.
## A [3 4 3 2] sigmoid network with C_0 = sum_j (a_j^(L) - y_j)^2: the
## chain rule for an output-layer weight and a hidden-layer weight, and
## the average over N samples.  Run by `make doc` (figdir is set there).

seed = 42;
net = bp_init ([3 4 3 2], "loss", "sse", "seed", seed);
x = [0.3; -0.6; 0.9];
y = [1; 0];
L = numel (net.W);

## The inputs, so that every number below can be recomputed by hand.
show = @(M) printf ("%s", sprintf ([repmat("  %9.6f", 1, columns (M)) "\n"], M'));
printf ("The network: sizes %s (L = %d), sigmoid layers, loss \"sse\",\n", ...
        mat2str (net.sizes), L);
printf ("weights from bp_init (..., \"seed\", %d), biases 0:\n", seed);
for l = 1:L
  printf ("w_jk^(%d) = net.W{%d} (row j, column k) =\n", l, l);
  show (net.W{l});
endfor
printf ("x = a^(0) = %s',  y = %s'\n\n", mat2str (x'), mat2str (y'));

printf ("Output layer, l = L = %d, j = 1, k = 2\n\n", L);
t = bp_chain (net, x, y, L, 1, 2)

printf ("Hidden layer, l = L-1 = %d, j = 2, k = 2\n\n", L - 1);
t = bp_chain (net, x, y, L - 1, 2, 2)

## The same entry from backpropagation of the whole sample.
dW = bp_gradient (net, x, y);
printf ("bp_gradient: dW{%d}(1,2) = %.6f, dW{%d}(2,2) = %.6f\n\n", L, ...
        dW{L}(1,2), L - 1, dW{L-1}(2,2));

## N samples: the gradient of the mean loss is the mean of the per-sample
## products.
X = [0.3 0.1 -0.8 0.5; -0.6 0.7 0.2 -0.4; 0.9 -0.2 0.6 0.3];
Y = [1 0 1 0; 0 1 0 1];
N = columns (X);
printf ("N = %d samples, one a column:\nX =\n", N);
show (X);
printf ("Y =\n");
show (Y);
per_sample = zeros (1, N);
for n = 1:N
  t = bp_chain (net, X(:,n), Y(:,n), L, 1, 2);
  per_sample(n) = t.dC_dw;
endfor
dW = bp_gradient (net, X, Y);
printf ("per-sample dC_0/dw_12^(%d):%s\n", L, sprintf (" %.6f", per_sample));
printf ("their mean                 = %.6f\n", mean (per_sample));
printf ("bp_gradient on all %d       = %.6f\n", N, dW{L}(1,2));

## One step of gradient descent on that weight.
eta = 0.5;
printf ("\nnew w_12^(%d) = %.6f - %.1f * %.6f = %.6f\n", L, net.W{L}(1,2), eta, ...
        dW{L}(1,2), net.W{L}(1,2) - eta * dW{L}(1,2));
