## Integration test: the 2-3-2 sigmoid network with the L2-norm loss, in
## the ROW-VECTOR notation of the article that works it out by hand.
##
## There a sample is a row: x is 1-by-2, the hidden layer h is 1-by-3 and
## the output y is 1-by-2, with targets t.  The weights are w (2-by-3,
## input to hidden) and u (3-by-2, hidden to output):
##
##   h = sigma (x w + b1),   y = sigma (h u + b2),   L = 1/2 sum (y - t).^2
##
## The package stores samples as columns, so w = net.W{1}', u = net.W{2}',
## b1 = net.b{1}', b2 = net.b{2}', and its loss "quadratic" is L.  The
## article's results, written out below in plain Octave:
##
##   output:  delta = (y - t) .* y .* (1 - y),           dL/du = h' * delta
##   hidden:  delta_h = (delta * u') .* h .* (1 - h),    dL/dw = x' * delta_h
##
## and the update u <- u - eta dL/du, w <- w - eta dL/dw.  The package's
## gradients are the transposes: dW{2} = (dL/du)', dW{1} = (dL/dw)'.
##
## Tolerances: the same arithmetic done in a different order (row vs
## column layout, a BLAS product vs Octave's); the results are sums of at
## most three products of numbers below one, so they agree to a few eps.
## 1e-14 (absolute, for quantities of order 0.01..1) leaves a margin of
## about 50 and catches any wrong transpose or factor.

%!shared net, w, u, b1, b2, x, t, sigma
%! ## Hand-picked weights, assigned straight into the struct.
%! w  = [0.15 -0.25 0.35;
%!       0.20  0.30 -0.40];          # w(i,j): input i -> hidden j
%! u  = [0.40 -0.50;
%!       0.45  0.55;
%!      -0.60  0.65];                 # u(i,j): hidden i -> output j
%! b1 = [0.35 -0.10 0.20];
%! b2 = [0.60 -0.30];
%! x  = [0.05 0.10];
%! t  = [0.01 0.99];
%! net = bp_init ([2 3 2], "loss", "quadratic");
%! net.W = {w', u'};
%! net.b = {b1', b2'};
%! sigma = @(s) 1 ./ (1 + exp (-s));

%!test
%! ## Forward pass and loss, row-vector style.
%! h = sigma (x * w + b1);
%! y = sigma (h * u + b2);
%! Lval = 0.5 * sum ((y - t) .^ 2);
%! [yL, a, z] = bp_forward (net, x');
%! assert (z{1}', x * w + b1, 1e-14);
%! assert (a{1}', h, 1e-14);
%! assert (z{2}', h * u + b2, 1e-14);
%! assert (yL', y, 1e-14);
%! assert (bp_loss (yL, t', "quadratic"), Lval, 1e-14);
%! [~, ~, ~, C] = bp_gradient (net, x', t');
%! assert (C, Lval, 1e-14);

%!test
%! ## Output layer: dL/du = h' * delta with delta = (y - t) .* y .* (1 - y).
%! h = sigma (x * w + b1);
%! y = sigma (h * u + b2);
%! delta = (y - t) .* y .* (1 - y);
%! dL_du = h' * delta;                         # 3-by-2, like u
%! [dW, db, d] = bp_gradient (net, x', t');
%! assert (size (dW{2}), size (u'));
%! assert (dW{2}, dL_du', 1e-14);
%! assert (db{2}, delta', 1e-14);
%! assert (d{2}, delta', 1e-14);

%!test
%! ## The same, one weight u_ij at a time, as the article writes it:
%! ## dL/du_ij = (y_j - t_j) y_j (1 - y_j) h_i.
%! h = sigma (x * w + b1);
%! y = sigma (h * u + b2);
%! dW = bp_gradient (net, x', t');
%! for i = 1:3
%!   for j = 1:2
%!     g = (y(j) - t(j)) * y(j) * (1 - y(j)) * h(i);
%!     assert (dW{2}(j,i), g, 1e-14);
%!   endfor
%! endfor

%!test
%! ## Hidden layer: delta_h = (delta * u') .* h .* (1 - h), dL/dw = x' * delta_h.
%! h = sigma (x * w + b1);
%! y = sigma (h * u + b2);
%! delta = (y - t) .* y .* (1 - y);
%! delta_h = (delta * u') .* h .* (1 - h);     # 1-by-3
%! dL_dw = x' * delta_h;                       # 2-by-3, like w
%! [dW, db, d] = bp_gradient (net, x', t');
%! assert (size (dW{1}), size (w'));
%! assert (dW{1}, dL_dw', 1e-14);
%! assert (db{1}, delta_h', 1e-14);
%! assert (d{1}, delta_h', 1e-14);
%! ## the article's w_11 spelled out: sum over both outputs through u_1j
%! g11 = 0;
%! for j = 1:2
%!   g11 += (y(j) - t(j)) * y(j) * (1 - y(j)) * u(1,j);
%! endfor
%! g11 *= h(1) * (1 - h(1)) * x(1);
%! assert (dW{1}(1,1), g11, 1e-14);

%!test
%! ## Several samples as the rows of X (N-by-2): the package averages, so
%! ## dL/du = H' * Delta / N, dL/dw = X' * Delta_h / N.
%! X = [0.05 0.10; 0.90 -0.20; -0.50 0.70; 0.30 0.30];
%! T = [0.01 0.99; 0.80 0.10; 0.20 0.60; 0.50 0.50];
%! N = rows (X);
%! H = sigma (X * w + b1);
%! Y = sigma (H * u + b2);
%! Delta = (Y - T) .* Y .* (1 - Y);
%! Delta_h = (Delta * u') .* H .* (1 - H);
%! [dW, db, ~, C] = bp_gradient (net, X', T');
%! assert (dW{2}, (H' * Delta / N)', 1e-14);
%! assert (dW{1}, (X' * Delta_h / N)', 1e-14);
%! assert (db{2}, mean (Delta, 1)', 1e-14);
%! assert (db{1}, mean (Delta_h, 1)', 1e-14);
%! assert (C, mean (0.5 * sum ((Y - T) .^ 2, 2)), 1e-14);

%!test
%! ## One gradient-descent step: u - eta dL/du and w - eta dL/dw.
%! eta = 0.5;
%! h = sigma (x * w + b1);
%! y = sigma (h * u + b2);
%! delta = (y - t) .* y .* (1 - y);
%! delta_h = (delta * u') .* h .* (1 - h);
%! u_new = u - eta * (h' * delta);
%! w_new = w - eta * (x' * delta_h);
%! b2_new = b2 - eta * delta;
%! b1_new = b1 - eta * delta_h;
%! [dW, db] = bp_gradient (net, x', t');
%! stepped = bp_sgd_step (net, dW, db, eta);
%! assert (stepped.W{2}', u_new, 1e-14);
%! assert (stepped.W{1}', w_new, 1e-14);
%! assert (stepped.b{2}', b2_new, 1e-14);
%! assert (stepped.b{1}', b1_new, 1e-14);
%! ## the step goes downhill: the loss after it is smaller
%! y_new = sigma (sigma (x * w_new + b1_new) * u_new + b2_new);
%! assert (0.5 * sum ((y_new - t) .^ 2) < 0.5 * sum ((y - t) .^ 2));
