## Integration test: the error term delta of each neuron, as defined in the
## article that writes delta_j = dC/dnet_j, with net_j the weighted input
## of neuron j and o_j its (logistic) output.
##
##   output neuron j:  delta_j = (o_j - t_j) o_j (1 - o_j)     (quadratic C)
##   hidden neuron j:  delta_j = (sum_{l in next layer} delta_l w_jl) o_j (1 - o_j)
##   update:           Delta w_ij = -eta delta_j o_i
##
## In that article w_ij is the weight from neuron i to neuron j, i.e. the
## package's net.W{l}(j,i).  Everything below is written neuron by neuron
## with explicit loops, and compared with bp_gradient's delta output, its
## dW, and bp_sgd_step.  The network is [3 4 3 2] with logistic units and
## the quadratic loss, so there are two hidden layers.
##
## Tolerances: loops and BLAS products differ by a few roundings on sums
## of at most four terms of size below one: 1e-14 absolute (a margin of
## about 50 over eps) unless stated otherwise.

%!shared net, L, X, T, o, dl
%! net = bp_init ([3 4 3 2], "loss", "quadratic", "seed", 5);
%! net.b = {[0.1; 0.2; -0.1; 0.05], [-0.2; 0.1; 0.3], [0.15; -0.05]};
%! L = numel (net.W);
%! ## Three samples, one a column; the first is used alone below.
%! X = [0.3 -0.2 0.8; -0.6 0.5 0.1; 0.9 0.4 -0.7];
%! T = [0.05 0.7 0.4; 0.95 0.2 0.6];
%! m = columns (X);
%! ## Forward, one neuron at a time: o{c}{l+1}(j) is the output o_j of
%! ## neuron j of layer l for sample c (o{c}{1} is the input itself), with
%! ## net_j = sum_i w_ij o_i + bias_j.
%! o = cell (1, m);
%! for c = 1:m
%!   o{c} = cell (1, L + 1);
%!   o{c}{1} = X(:,c);
%!   for l = 1:L
%!     o{c}{l+1} = zeros (rows (net.W{l}), 1);
%!     for j = 1:rows (net.W{l})
%!       net_j = net.b{l}(j);
%!       for i = 1:columns (net.W{l})
%!         net_j += net.W{l}(j,i) * o{c}{l}(i);
%!       endfor
%!       o{c}{l+1}(j) = 1 / (1 + exp (-net_j));
%!     endfor
%!   endfor
%! endfor
%! ## The article's error terms, dl{c}{l}(j) = delta_j of layer l, sample c.
%! dl = cell (1, m);
%! for c = 1:m
%!   dl{c} = cell (1, L);
%!   ## output neurons
%!   oL = o{c}{L+1};
%!   dl{c}{L} = zeros (size (oL));
%!   for j = 1:numel (oL)
%!     dl{c}{L}(j) = (oL(j) - T(j,c)) * oL(j) * (1 - oL(j));
%!   endfor
%!   ## hidden neurons, from the layer after them
%!   for l = L-1:-1:1
%!     oj = o{c}{l+1};
%!     dl{c}{l} = zeros (size (oj));
%!     for j = 1:numel (oj)
%!       s = 0;
%!       for k = 1:rows (net.W{l+1})     # the neurons fed by neuron j
%!         s += dl{c}{l+1}(k) * net.W{l+1}(k,j);   # delta_k w_jk
%!       endfor
%!       dl{c}{l}(j) = s * oj(j) * (1 - oj(j));
%!     endfor
%!   endfor
%! endfor

%!test
%! ## The neuron-by-neuron forward pass agrees with bp_forward.
%! [~, a] = bp_forward (net, X);
%! for c = 1:columns (X)
%!   for l = 1:L
%!     assert (a{l}(:,c), o{c}{l+1}, 1e-14);
%!   endfor
%! endfor

%!test
%! ## Output and hidden deltas of one sample against bp_gradient's delta.
%! [~, ~, delta] = bp_gradient (net, X(:,1), T(:,1));
%! for l = 1:L
%!   assert (delta{l}, dl{1}{l}, 1e-14);
%! endfor

%!test
%! ## For several samples delta is per sample (one column each), not averaged.
%! [~, ~, delta] = bp_gradient (net, X, T);
%! for c = 1:columns (X)
%!   for l = 1:L
%!     assert (delta{l}(:,c), dl{c}{l}, 1e-14);
%!   endfor
%! endfor

%!test
%! ## delta_j really is dC/dnet_j: nudge the weighted input of one neuron by
%! ## +-h, push the change forward through the later layers, and take the
%! ## central difference of C_0.  h = 1e-6 gives truncation O(h^2) and
%! ## rounding O(eps/h), both about 1e-10, so 1e-8 is a safe tolerance.
%! h = 1e-6;
%! x1 = X(:,1);  t1 = T(:,1);
%! [~, ~, delta] = bp_gradient (net, x1, t1);
%! [~, a, z] = bp_forward (net, x1);
%! for l = 1:L
%!   for j = 1:rows (net.W{l})
%!     Cpm = zeros (1, 2);
%!     for s = 1:2
%!       zl = z{l};
%!       zl(j) += (3 - 2*s) * h;       # +h, then -h
%!       out = 1 ./ (1 + exp (-zl));
%!       for q = l+1:L
%!         out = 1 ./ (1 + exp (-(net.W{q} * out + net.b{q})));
%!       endfor
%!       Cpm(s) = 0.5 * sum ((out - t1) .^ 2);
%!     endfor
%!     assert (delta{l}(j), (Cpm(1) - Cpm(2)) / (2*h), 1e-8);
%!   endfor
%! endfor

%!test
%! ## The gradient of a weight is delta of the neuron it feeds times the
%! ## output of the neuron it comes from: dC/dw_ij = delta_j o_i (one sample).
%! dW = bp_gradient (net, X(:,1), T(:,1));
%! for l = 1:L
%!   for j = 1:rows (net.W{l})
%!     for i = 1:columns (net.W{l})
%!       assert (dW{l}(j,i), dl{1}{l}(j) * o{1}{l}(i), 1e-14);
%!     endfor
%!   endfor
%! endfor

%!test
%! ## The update Delta w_ij = -eta delta_j o_i (one sample); the bias is a
%! ## weight from a neuron whose output is always 1: Delta b_j = -eta delta_j.
%! eta = 0.8;
%! [dW, db] = bp_gradient (net, X(:,1), T(:,1));
%! new = bp_sgd_step (net, dW, db, eta);
%! for l = 1:L
%!   for j = 1:rows (net.W{l})
%!     for i = 1:columns (net.W{l})
%!       Dw = -eta * dl{1}{l}(j) * o{1}{l}(i);
%!       assert (new.W{l}(j,i), net.W{l}(j,i) + Dw, 1e-14);
%!     endfor
%!     assert (new.b{l}(j), net.b{l}(j) - eta * dl{1}{l}(j), 1e-14);
%!   endfor
%! endfor

%!test
%! ## With m samples the update uses the mean over the samples of
%! ## delta_j o_i (the cost is the average of the per-sample costs).
%! eta = 0.8;
%! m = columns (X);
%! [dW, db] = bp_gradient (net, X, T);
%! new = bp_sgd_step (net, dW, db, eta);
%! for l = 1:L
%!   for j = 1:rows (net.W{l})
%!     for i = 1:columns (net.W{l})
%!       g = 0;
%!       for c = 1:m
%!         g += dl{c}{l}(j) * o{c}{l}(i);
%!       endfor
%!       assert (dW{l}(j,i), g / m, 1e-14);
%!       assert (new.W{l}(j,i), net.W{l}(j,i) - eta * g / m, 1e-14);
%!     endfor
%!   endfor
%! endfor
