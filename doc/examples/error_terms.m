## error_terms.m: the numbers and figure of doc/error-terms.md.
## The error delta_j = dC/dnet_j of output and hidden neurons, written
## neuron by neuron as in the article, the update -eta delta_j o_i, and what
## the learning rate does to training.

net = bp_init ([2 2 2], "loss", "quadratic", "seed", 3);
x = [0.6; 0.2];
t = [1; 0];
[o, a, net_in] = bp_forward (net, x);   # a{l} = o, z{l} = net
o1 = a{1};  o2 = a{2};

## Output neurons: delta_j = (o_j - t_j) o_j (1 - o_j).
for j = 1:2
  printf ("output neuron %d: delta = (%.6f - %g) * %.6f * (1 - %.6f) = %.6f\n",
          j, o2(j), t(j), o2(j), o2(j), (o2(j) - t(j)) * o2(j) * (1 - o2(j)));
endfor
d2 = (o2 - t) .* o2 .* (1 - o2);

## Hidden neurons: delta_j = (sum_l delta_l w_lj) o_j (1 - o_j), the sum
## over the neurons l that neuron j feeds.
for j = 1:2
  s = sum (d2 .* net.W{2}(:,j));
  printf ("hidden neuron %d: delta = (%.6f) * %.6f * (1 - %.6f) = %.6f\n",
          j, s, o1(j), o1(j), s * o1(j) * (1 - o1(j)));
endfor

[dW, db, delta] = bp_gradient (net, x, t);
printf ("bp_gradient's delta{2} = %s, delta{1} = %s\n\n",
        mat2str (delta{2}', 6), mat2str (delta{1}', 6));

## The update of the weight from hidden neuron i to output neuron j.
eta = 0.5;  i = 1;  j = 2;
change = -eta * d2(j) * o1(i);
printf ("Delta w = -eta delta_%d o_%d = -%.1f * %.6f * %.6f = %.6f\n", j, i,
        eta, d2(j), o1(i), change);
new = bp_sgd_step (net, dW, db, eta);
printf ("bp_sgd_step changes W{2}(%d,%d) by %.6f\n\n", j, i,
        new.W{2}(j,i) - net.W{2}(j,i));

## The learning rate: the same network and data, four values of eta.
[X, Y] = bp_dataset ("moons", "n", 100, "seed", 1);
start = bp_init ([2 8 2], "activation", {"tanh", "softmax"},
                 "loss", "log-likelihood", "seed", 2);
etas = [0.01 0.1 1 50];
final = zeros (size (etas));
hists = cell (size (etas));
for e = 1:numel (etas)
  [~, hists{e}] = bp_train (start, X, Y, "epochs", 100, "batch", 10,
                            "eta", etas(e), "seed", 1, "verbose", false);
  final(e) = hists{e}.loss(end);
  printf ("eta = %-5g loss after 1 epoch %.4f, after 100 epochs %.4f\n",
          etas(e), hists{e}.loss(1), final(e));
endfor

## One figure with the four loss curves.
h = figure ("visible", "off", "position", [0 0 640 400]);
if (isempty (getenv ("DISPLAY")))
  graphics_toolkit (h, "gnuplot");
endif
semilogy (cell2mat (cellfun (@(s) s.loss', hists, "uniformoutput", false)),
          "linewidth", 2);
legend (arrayfun (@(e) sprintf ("eta = %g", e), etas, "uniformoutput", false),
        "location", "southwest");
xlabel ("epoch");  ylabel ("mean loss C");
title ("The learning rate: two moons, [2 8 2] network");
print (h, fullfile (figdir, "learning_rate.png"), "-dpngcairo", "-r90");
close (h);
