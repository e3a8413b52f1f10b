## network_232.m: the numbers and figures of doc/network-232.md.
## The 2-3-2 sigmoid network with the L2-norm loss, in the article's
## row vectors and letters (inputs x_i, hidden h_j, outputs y_k, targets
## t_k; w_ij from x_i to h_j, u_jk from h_j to y_k) and in the package's
## columns.

[x, t] = bp_dataset ("article-232");          # x = [0.05; 0.10], t = [0.01; 0.99]
net = bp_init ([2 3 2], "activation", "sigmoid", "loss", "l2-norm");
w = [0.15 0.25 0.35; 0.20 0.30 0.40];         # w(i,j): x_i to h_j (hand-picked)
u = [0.40 0.55; 0.45 0.60; 0.50 0.65];        # u(j,k): h_j to y_k (hand-picked)
b1 = [0.35 0.35 0.35];
b2 = [0.60 0.60];
net.W = {w', u'};                              # the package's W{l}(to, from)
net.b = {b1', b2'};

show = @(M) printf ("%s", sprintf ([repmat("  %10.6f", 1, columns (M)) "\n"], M'));
printf ("The inputs (no seed: every number is chosen by hand):\n");
printf ("x = %s,  t = %s\n", mat2str (x', 6), mat2str (t', 6));
printf ("w (row i, column j) =\n");  show (w);
printf ("u (row j, column k) =\n");  show (u);
printf ("b(1) = %s,  b(2) = %s\n\n", mat2str (b1), mat2str (b2));

## The article's row vectors: a(1) = x w + b(1), h = sigma(a(1)), ...
xr = x';  tr = t';
sigma = @(v) 1 ./ (1 + exp (-v));
h = sigma (xr * w + b1);
y = sigma (h * u + b2);
L = sum ((y - tr) .^ 2) / 2;
delta = (y - tr) .* y .* (1 - y);             # one per output k
dL_du = h' * delta;                           # (j,k): delta_k h_j
delta_h = (delta * u') .* h .* (1 - h);       # one per hidden j
dL_dw = xr' * delta_h;                        # (i,j): delta_h_j x_i

printf ("h = sigma(x w + b(1)) = %s\n", mat2str (h, 6));
printf ("y = sigma(h u + b(2)) = %s,  L = 1/2 sum_k (y_k - t_k)^2 = %.6f\n\n", ...
        mat2str (y, 6), L);
printf ("output layer: delta_k = (y_k - t_k) y_k (1 - y_k) = %s\n", ...
        mat2str (delta, 6));
printf ("dL/du_11 = delta_1 h_1 = %.6f * %.6f = %.6f\n", delta(1), h(1), ...
        dL_du(1,1));
printf ("dL/du (row j, column k) = h' delta =\n");  show (dL_du);

## The article's weight w_11, term by term over the outputs k it reaches.
printf ("\nhidden layer, the article's w_11:\n");
printf ("dL/dw_11 = sum_k (y_k - t_k) y_k (1 - y_k) u_1k * h_1 (1 - h_1) * x_1\n");
printf ("         = (%.6f * %.2f + %.6f * %.2f) * %.6f * %.6f * %.2f = %.6e\n", ...
        delta(1), u(1,1), delta(2), u(1,2), h(1), 1 - h(1), x(1), dL_dw(1,1));
printf ("dL/dw (row i, column j) = x' delta_h, delta_h_j = (sum_k delta_k u_jk) h_j (1 - h_j):\n");
printf ("%s", sprintf ("  %12.6e  %12.6e  %12.6e\n", dL_dw'));

## The package, columns and W on the left: the same numbers transposed.
[dW, db, d, C] = bp_gradient (net, x, t);
same = @(p, q) max (abs (p(:) - q(:))) < 1e-15;   # a few roundings apart
printf ("\nbp_gradient: C = %.6f\n", C);
printf ("dW{2}' equals dL/du: %d,  dW{1}' equals dL/dw: %d\n", ...
        same (dW{2}', dL_du), same (dW{1}', dL_dw));
printf ("delta{2}' equals delta: %d,  delta{1}' equals delta_h: %d\n\n", ...
        same (d{2}', delta), same (d{1}', delta_h));

## One update u <- u - eta dL/du.
eta = 0.5;
new = bp_sgd_step (net, dW, db, eta);
printf ("u after one step with eta = %.1f:\n", eta);  show (new.W{2}');

names = struct ("nodes", {{"x", "h", "y"}}, "weights", {{"w", "u"}});
bp_plot_network (net, "x", x, "labels", names, "size", [1280 720], ...
                 "file", fullfile (figdir, "network_232.png"));
bp_plot_network (net, "gradient", dW, "labels", names, "size", [1280 720], ...
                 "file", fullfile (figdir, "network_232_gradient.png"));
