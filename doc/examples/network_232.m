## network_232.m: the numbers and figure of doc/network-232.md.
## The 2-3-2 sigmoid network with the L2-norm loss, in the row-vector
## notation of the article (x w + b, h u + b) and in the package's columns.

[x, t] = bp_dataset ("article-232");          # x = [0.05; 0.10], t = [0.01; 0.99]
net = bp_init ([2 3 2], "loss", "quadratic");
net.W{1} = [0.15 0.20; 0.25 0.30; 0.35 0.40];  # w' (w is 2-by-3)
net.b{1} = [0.35; 0.35; 0.35];
net.W{2} = [0.40 0.45 0.50; 0.55 0.60 0.65];   # u' (u is 3-by-2)
net.b{2} = [0.60; 0.60];

## The article's row vectors.
xr = x';  tr = t';
w = net.W{1}';  u = net.W{2}';
sigma = @(v) 1 ./ (1 + exp (-v));
h = sigma (xr * w + net.b{1}');
yr = sigma (h * u + net.b{2}');
L = sum ((yr - tr) .^ 2) / 2;
delta = (yr - tr) .* yr .* (1 - yr);          # output layer
dL_du = h' * delta;
delta_h = (delta * u') .* h .* (1 - h);       # hidden layer
dL_dw = xr' * delta_h;

printf ("h = %s\n", mat2str (h, 6));
printf ("y = %s,  L = %.6f\n\n", mat2str (yr, 6), L);
printf ("output delta = (y - t) y (1 - y)       = %s\n", mat2str (delta, 6));
printf ("hidden delta = (delta u') h (1 - h)    = %s\n\n", mat2str (delta_h, 6));
printf ("dL/du = h' delta =\n");  disp (dL_du);
printf ("dL/dw = x' delta_h =\n");  disp (dL_dw);

## The package, columns and W on the left: the same numbers transposed.
[dW, db, d, C] = bp_gradient (net, x, t);
same = @(p, q) max (abs (p(:) - q(:))) < 1e-15;   # a few roundings apart
printf ("bp_gradient: C = %.6f\n", C);
printf ("dW{2}' equals dL/du: %d,  dW{1}' equals dL/dw: %d\n",
        same (dW{2}', dL_du), same (dW{1}', dL_dw));
printf ("delta{2}' equals delta: %d,  delta{1}' equals delta_h: %d\n\n",
        same (d{2}', delta), same (d{1}', delta_h));

## One update u <- u - eta dL/du.
eta = 0.5;
new = bp_sgd_step (net, dW, db, eta);
printf ("u after one step with eta = %.1f:\n", eta);  disp (new.W{2}');

bp_plot_network (net, "x", x, "file", fullfile (figdir, "network_232.png"));
bp_plot_network (net, "gradient", dW, "file",
                 fullfile (figdir, "network_232_gradient.png"));
