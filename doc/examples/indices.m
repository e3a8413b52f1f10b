## indices.m: the numbers and figure of doc/indices.md.
## Layers l, nodes j of layer l, nodes k of layer l-1, and where each
## symbol is found in a network value.

seed = 7;
net = bp_init ([3 4 3 2], "seed", seed);
L = numel (net.W);
x = [0.5; -0.2; 0.8];
printf ("inputs: bp_init ([3 4 3 2], \"seed\", %d) (sigmoid layers, biases 0), x = %s'\n\n", ...
        seed, mat2str (x'));
printf ("net.sizes = %s: L = %d weight layers, layer 0 is the input\n", ...
        mat2str (net.sizes), L);
for l = 1:L
  printf ("layer %d: n_%d = %d nodes (j), fed by n_%d = %d nodes (k) -> W{%d} is %d-by-%d\n", ...
          l, l, net.sizes(l+1), l-1, net.sizes(l), l, rows (net.W{l}), ...
          columns (net.W{l}));
endfor

l = 2;  j = 3;  k = 1;
printf ("\nw_%d%d^(%d), from node %d of layer %d to node %d of layer %d: net.W{%d}(%d,%d) = %.6f\n", ...
        j, k, l, k, l-1, j, l, l, j, k, net.W{l}(j,k));
printf ("w_%d^(%d), every weight into node %d of layer %d: net.W{%d}(%d,:) = %s\n", ...
        j, l, j, l, l, j, mat2str (net.W{l}(j,:), 6));

## z_j^(l) as a loop over k (the sum of the articles) and as one product.
[~, a, z] = bp_forward (net, x);
printf ("\nwith a^(%d) = %s' (the layer before, from x):\n", l - 1, mat2str (a{l-1}', 6));
s = net.b{l}(j);
for kk = 1:net.sizes(l)
  s += net.W{l}(j,kk) * a{l-1}(kk);
endfor
printf ("\nz_%d^(%d) = b_%d^(%d) + sum_k w_%dk^(%d) a_k^(%d) = %.6f (loop)\n", ...
        j, l, j, l, j, l, l-1, s);
printf ("z{%d}(%d) from bp_forward                   = %.6f\n", l, j, z{l}(j));
printf ("a_%d^(%d) = g^(%d)(z_%d^(%d)) = %s(%.6f) = %.6f\n", j, l, l, j, l, ...
        net.g{l}, z{l}(j), a{l}(j));

bp_plot_network (net, "x", x, "size", [1280 720], ...
                 "file", fullfile (figdir, "indices.png"));
