## error_terms.m: the numbers and figure of doc/error-terms.md.
## The error delta_j = dC/dnet_j of output and hidden neurons in the
## article's letters (net_j, o_j, t_j; w_ij the weight from neuron i to
## neuron j), the update -eta delta_j o_i, and what the learning rate does
## on the article's own network: logistic neurons, quadratic cost.

seed = 3;
net = bp_init ([2 2 2], "activation", "logistic", "loss", "quadratic", "seed", seed);
x = [0.6; 0.2];
t = [1; 0];
[~, o, net_in] = bp_forward (net, x);   # o{l} = a^(l), net_in{l} = z^(l)
oh = o{1};  oo = o{2};

## The inputs.  The package keeps the weight from neuron i to neuron j
## at W{l}(j,i): the article's w_ij is its transpose.
printf ("A 2-2-2 network of logistic neurons, cost C = 1/2 sum_j (o_j - t_j)^2,\n");
printf ("weights from bp_init (..., \"seed\", %d), biases 0:\n", seed);
printf ("  w_ij, input neuron i to hidden neuron j:  w_11 = %.6f  w_12 = %.6f  w_21 = %.6f  w_22 = %.6f\n", ...
        net.W{1}(1,1), net.W{1}(2,1), net.W{1}(1,2), net.W{1}(2,2));
printf ("  w_jl, hidden neuron j to output neuron l: w_11 = %.6f  w_12 = %.6f  w_21 = %.6f  w_22 = %.6f\n", ...
        net.W{2}(1,1), net.W{2}(2,1), net.W{2}(1,2), net.W{2}(2,2));
printf ("inputs o_1 = x_1 = %g, o_2 = x_2 = %g; targets t_1 = %g, t_2 = %g\n\n", ...
        x(1), x(2), t(1), t(2));

## Output neurons: delta_j = (o_j - t_j) o_j (1 - o_j).
d2 = (oo - t) .* oo .* (1 - oo);
for j = 1:2
  printf ("output neuron j = %d: net_j = %.6f, o_j = %.6f\n", j, net_in{2}(j), oo(j));
  printf ("  delta_j = (o_j - t_j) o_j (1 - o_j) = (%.6f - %g) * %.6f * (1 - %.6f) = %.6f\n", ...
          oo(j), t(j), oo(j), oo(j), d2(j));
endfor

## Hidden neurons: delta_j = (sum_l delta_l w_jl) o_j (1 - o_j), over the
## set L of neurons l that neuron j sends its output to (both outputs).
for j = 1:2
  w_jl = net.W{2}(:,j);                 # w_j1, w_j2
  s = sum (d2 .* w_jl);
  printf ("hidden neuron j = %d: net_j = %.6f, o_j = %.6f, L = {output neurons 1, 2}\n", ...
          j, net_in{1}(j), oh(j));
  printf ("  sum_l delta_l w_jl = %.6f * %.6f + %.6f * %.6f = %.6f\n", ...
          d2(1), w_jl(1), d2(2), w_jl(2), s);
  printf ("  delta_j = %.6f * %.6f * (1 - %.6f) = %.6f\n", s, oh(j), oh(j), ...
          s * oh(j) * (1 - oh(j)));
endfor

[dW, db, delta] = bp_gradient (net, x, t);
printf ("bp_gradient's delta{2} = %s, delta{1} = %s\n\n", ...
        mat2str (delta{2}', 6), mat2str (delta{1}', 6));

## The update of the weight w_ij from hidden neuron i to output neuron j.
eta = 0.5;  i = 1;  j = 2;
change = -eta * d2(j) * oh(i);
printf ("Delta w_%d%d = -eta delta_%d o_%d = -%.1f * %.6f * %.6f = %.6f\n", ...
        i, j, j, i, eta, d2(j), oh(i), change);
new = bp_sgd_step (net, dW, db, eta);
printf ("bp_sgd_step changes W{2}(%d,%d) (that weight) by %.6f\n\n", j, i, ...
        new.W{2}(j,i) - net.W{2}(j,i));

## The learning rate, on the article's network (logistic neurons,
## quadratic cost) and, for comparison, on the same network with the
## cross-entropy cost (the outputs still logistic) and with a softmax
## output and the log-likelihood: two moons, a hidden layer of 8, weights
## from seed 2, batches of 10, 100 epochs.
[X, Y] = bp_dataset ("moons", "n", 100, "seed", 1);
pairs = {"logistic", "quadratic"; "logistic", "cross-entropy";
         {"logistic", "softmax"}, "log-likelihood"};
etas = [0.05 0.5 5 50 200];
runs = cell (3, numel (etas));
printf ("two moons (bp_dataset seed 1, %d points), [2 8 2] networks with a logistic\n", ...
        columns (X));
printf ("hidden layer (seed 2), batches of 10, shuffled with seed 1; the cost after\n");
printf ("epoch 1 and after epoch 100:\n");
printf ("   eta   %-22s %-22s %s\n", "quadratic (article)", "cross-entropy", ...
        "softmax + log-lik.");
for e = 1:numel (etas)
  line = sprintf ("%6g", etas(e));
  for c = 1:3
    start = bp_init ([2 8 2], "activation", pairs{c,1}, "loss", pairs{c,2}, ...
                     "seed", 2);
    [trained, runs{c,e}] = bp_train (start, X, Y, "epochs", 100, "batch", 10, ...
                                     "eta", etas(e), "seed", 1, "verbose", false);
    line = [line, sprintf("   %7.4f -> %-9.4f", runs{c,e}.loss([1 end]))];
    if (c == 1 && etas(e) == 200)
      stalled = bp_forward (trained, X);
    endif
  endfor
  printf ("%s\n", line);
endfor
printf ("quadratic, eta = 200: %.0f%% of the outputs are within 1e-6 of 0 or 1\n\n", ...
        100 * mean (min (stalled(:), 1 - stalled(:)) < 1e-6));

## One slide: the same three rates for each cost.
[h, ax] = bp_figure ("size", [1280 720], "panels", [1 2]);
shown = [2 3 4];                        # eta = 0.5, 5, 50
titles = {"logistic + quadratic (the article)", "logistic + cross-entropy"};
for c = 1:2
  bp_plot_history (ax(c), runs(c, shown), "yscale", "log", "title", titles{c}, ...
                   "fontsize", 14);
endfor
bp_print (h, fullfile (figdir, "learning_rate.png"));
close (h);
