## teaching.m: the slides of doc/teaching.md that need no data set: the
## decision boundary forming epoch by epoch, and the speed at which each
## layer of a deep logistic network learns.  (The 2-3-2 network and the
## learning rates are the slides of network_232.m and error_terms.m.)

## Slide: the boundary forming.  One run, stopped after 1, 10, 30 and 100
## epochs: each stage goes on from the state the last one returned, so
## the four panels are one training run.
[X, Y, labels] = bp_dataset ("moons", "n", 100, "seed", 1);
net = bp_init ([2 8 2], "activation", "logistic", "loss", "quadratic", "seed", 2);
opts = {"batch", 10, "eta", 5, "seed", 1, "verbose", false};
printf ("two moons (bp_dataset seed 1, %d points), [2 8 2] logistic + quadratic (seed 2),\n", ...
        columns (X));
printf ("batches of 10, eta = 5, shuffled with seed 1\n");
stops = [1 10 30 100];
[h, ax] = bp_figure ("size", [1280 420], "panels", [1 4]);
state = [];
done = 0;
for i = 1:numel (stops)
  if (isempty (state))
    [net, hist, state] = bp_train (net, X, Y, "epochs", stops(i), opts{:});
  else
    [net, hist, state] = bp_train (net, X, Y, "epochs", stops(i) - done, ...
                                   "state", state, opts{:});
  endif
  done = stops(i);
  [~, class] = bp_predict (net, X);
  right = sum (class == labels);
  printf ("after epoch %3d: %3d of %d right, loss %.4f\n", done, right, ...
          columns (X), hist.loss(end));
  bp_plot_boundary (ax(i), net, X, labels, "legend", false, "fontsize", 14, ...
                    "resolution", 150, ...
                    "title", sprintf ("epoch %d: %d%% right", done, ...
                                      round (100 * right / columns (X))));
endfor
bp_print (h, fullfile (figdir, "boundary_epochs.png"));
close (h);

## Slide: the speed of learning.  Four hidden logistic layers: while the
## loss sits on its plateau, the gradient of the first layer's weights is
## hundreds of times smaller than the last one's (hist.grad_rms); the
## network learns once the first layers catch up.
deep = bp_init ([2 8 8 8 8 2], "activation", "logistic", "loss", "quadratic", "seed", 1);
[~, hist] = bp_train (deep, X, Y, "epochs", 100, "batch", 10, "eta", 1, ...
                      "seed", 1, "verbose", false);
printf ("\n[2 8 8 8 8 2] logistic + quadratic (seed 1), batches of 10, eta = 1, 100 epochs:\n");
printf ("epoch   loss    right   RMS of dC/dW^(l), l = 1 .. 5               layer 5 / layer 1\n");
for e = [1 10 20 30 40 50 100]
  g = hist.grad_rms(e, :);
  printf ("%5d  %.4f  %5.1f%%  %s  %8.1f\n", e, hist.loss(e), ...
          100 * hist.accuracy(e), sprintf (" %.1e", g), g(end) / g(1));
endfor
bp_plot_history (hist, "show", {"loss", "grad_rms"}, "size", [1280 720], ...
                 "yscale", "log", ...
                 "title", "the speed of learning: [2 8 8 8 8 2], logistic + quadratic", ...
                 "file", fullfile (figdir, "speed_of_learning.png"));
