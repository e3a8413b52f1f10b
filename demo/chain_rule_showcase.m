## chain_rule_showcase: the articles' derivations, reproduced with numbers.
##
## Run by `make demo` (after the package is installed and loaded).
## 1. The 2-3-2 sigmoid network with the L2-norm loss: every chain-rule
##    factor of one output weight and one hidden weight, with its symbol.
## 2. A deeper network [3 4 3 2] with C_0 = sum_j (a_j^(L) - y_j)^2: the
##    output-layer weight (l = L, j = 1, k = 2) and the hidden-layer weight
##    (l = L-1, j = 2, k = 2) whose dC_0/da sums over the nodes of layer L,
##    shown by bp_chain.
## Each product is compared with bp_gradient's entry and with a central
## finite difference of the loss.
## 3. A few dozen SGD steps on XOR, the loss printed as it falls.

1;

function C = loss_of (net, x, y)
  [~, ~, ~, C] = bp_gradient (net, x, y);
endfunction

## Central difference of C with respect to net.W{l}(j,k).
function d = finite_difference (net, x, y, l, j, k)
  h = 1e-6;
  up = net;    up.W{l}(j,k) += h;
  down = net;  down.W{l}(j,k) -= h;
  d = (loss_of (up, x, y) - loss_of (down, x, y)) / (2 * h);
endfunction

function row (symbol, value, note)
  if (nargin < 3)
    note = "";
  endif
  printf ("  %-34s = %+.10f  %s\n", symbol, value, note);
endfunction

function compare (product, net, x, y, l, j, k)
  dW = bp_gradient (net, x, y);
  fd = finite_difference (net, x, y, l, j, k);
  row ("product of the factors", product);
  row (sprintf ("bp_gradient dW{%d}(%d,%d)", l, j, k), dW{l}(j,k), ...
       sprintf ("(differs by %.1e)", abs (dW{l}(j,k) - product)));
  row ("central finite difference", fd, ...
       sprintf ("(differs by %.1e)", abs (fd - product)));
endfunction

printf ("\n=== 1. The 2-3-2 sigmoid network, L = 1/2 sum_j (y_j - t_j)^2 ===\n");
printf ("Row-vector notation of the article: h = sigma(x w + b1), y = sigma(h u + b2),\n");
printf ("with w = W{1}' (2-by-3) and u = W{2}' (3-by-2).\n\n");
net = bp_init ([2 3 2], "loss", "quadratic");
net.W{1} = [0.15 0.20; 0.25 0.30; 0.35 0.40];   # w' : w_ik from input i to hidden k
net.b{1} = [0.35; 0.35; 0.35];
net.W{2} = [0.40 0.45 0.50; 0.55 0.60 0.65];    # u' : u_ij from hidden i to output j
net.b{2} = [0.60; 0.60];
x = [0.05; 0.10];
t = [0.01; 0.99];
[y, a, z] = bp_forward (net, x);
h = a{1};
printf ("x = [%g %g], t = [%g %g]\n", x, t);
printf ("h = sigma(a^(1)) = [%s], y = sigma(a^(2)) = [%s]\n\n", ...
        sprintf (" %.6f", h), sprintf (" %.6f", y));

i = 2;  j = 1;
printf ("Output weight u_%d%d (hidden %d -> output %d), dL/du_ij = dL/dy_j * dy_j/da_j * da_j/du_ij:\n", i, j, i, j);
dL_dy = y(j) - t(j);
dy_da = y(j) * (1 - y(j));
da_du = h(i);
row (sprintf ("dL/dy_%d = y_%d - t_%d", j, j, j), dL_dy);
row (sprintf ("dy_%d/da_%d = y_%d (1 - y_%d)", j, j, j, j), dy_da);
row (sprintf ("da_%d/du_%d%d = h_%d", j, i, j, i), da_du);
compare (dL_dy * dy_da * da_du, net, x, t, 2, j, i);

i = 1;  j = 2;
printf ("\nHidden weight w_%d%d (input %d -> hidden %d): dL/dh_j sums over both outputs k:\n", i, j, i, j);
delta = (y - t) .* y .* (1 - y);
u = net.W{2}';
for k = 1:2
  row (sprintf ("delta_%d * u_%d%d", k, j, k), delta(k) * u(j,k));
endfor
dL_dh = sum (delta' .* u(j,:));
dh_da = h(j) * (1 - h(j));
da_dw = x(i);
row (sprintf ("dL/dh_%d = sum_k delta_k u_%dk", j, j), dL_dh);
row (sprintf ("dh_%d/da_%d = h_%d (1 - h_%d)", j, j, j, j), dh_da);
row (sprintf ("da_%d/dw_%d%d = x_%d", j, i, j, i), da_dw);
compare (dL_dh * dh_da * da_dw, net, x, t, 1, j, i);

printf ("\n=== 2. A deeper network [3 4 3 2], C_0 = sum_j (a_j^(L) - y_j)^2 ===\n");
deep = bp_init ([3 4 3 2], "loss", "sse", "seed", 42);
x = [0.3; -0.6; 0.9];
y = [1; 0];
L = 3;
## bp_chain gives the factors with their symbols (its display is the
## article's equation); the product is checked as for the 2-3-2 network.
cases = [L 1 2; L-1 2 2];
for c = 1:rows (cases)
  l = cases(c,1);  j = cases(c,2);  k = cases(c,3);
  printf ("\n%s layer, l = %d, j = %d, k = %d:\n\n", ...
          merge (l == L, "Output", "Hidden"), l, j, k);
  t = bp_chain (deep, x, y, l, j, k);
  disp (t);
  printf ("\n");
  compare (t.dC_dw, deep, x, y, l, j, k);
endfor

printf ("\n=== 3. XOR: new weight = old weight - eta * gradient ===\n");
X = [0 0 1 1; 0 1 0 1];
Y = [0 1 1 0];
## tanh hidden layer, sigmoid output with cross-entropy (fused delta a - y)
net = bp_init ([2 4 1], "activation", {"tanh", "sigmoid"}, ...
               "loss", "cross-entropy", "seed", 2);
eta = 2;
for step = 1:40
  [dW, db, ~, C] = bp_gradient (net, X, Y);
  if (step == 1 || mod (step, 5) == 0)
    printf ("  step %2d  C = %.6f\n", step, C);
  endif
  net = bp_sgd_step (net, dW, db, eta);
endfor
printf ("  outputs after 40 steps: %s (targets %s)\n", ...
        mat2str (bp_predict (net, X), 3), mat2str (Y));
printf ("  (bp_train runs thousands of such steps in C; see `demo bp_train`.)\n");
