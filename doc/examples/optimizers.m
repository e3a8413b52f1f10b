## optimizers.m: the numbers and figure of doc/optimizers.md.
## The network as one parameter vector: the cost-and-gradient exercise
## done with bp_unroll, bp_cost and bp_roll (checked by bp_gradcheck,
## trained by fminunc and by bp_train's "cg"), then SGD, momentum, Adam
## and conjugate gradient on the same network and data.

## Three interleaved spirals, 100 points each; a 2-25-3 network, tanh
## hidden units and sigmoid outputs with the cross-entropy loss of each
## output plus the weight decay (lambda/(2m)) sum w^2: the exercise's
## cost function.
[X, Y] = bp_dataset ("spirals", "classes", 3, "n", 300, "seed", 1);
net = bp_init ([2 25 3], "activation", {"tanh", "sigmoid"}, ...
               "loss", "cross-entropy", "seed", 1);
lambda = 0.1;
[~, labels] = max (Y);

## The network as one column, and where each array lives in it.
[theta0, layout] = bp_unroll (net);
printf ("theta has %d parameters:\n", numel (theta0));
for s = layout'
  printf ("  %-5s theta(%3d:%3d)  %2d-by-%d\n", s.name, s.first, s.last, s.size);
endfor

## The cost and its gradient at the start, and the gradient checked
## against numerical derivatives (on 20 of the samples) by bp_gradcheck,
## which takes it back in the network's shape from bp_roll.
[J, grad] = bp_cost (theta0, net, X, Y, "lambda", lambda);
printf ("\nJ(theta0) = %.6f, |grad| = %.6f\n", J, norm (grad));
few = 1:15:300;
[~, g] = bp_cost (theta0, net, X(:,few), Y(:,few), "lambda", lambda);
G = bp_roll (g, net);
r = bp_gradcheck (net, X(:,few), Y(:,few), "lambda", lambda, ...
                  "gradient", {G.W, G.b});
printf ("bp_gradcheck of bp_cost's gradient: %s (largest relative error below 1e-8: %s)\n", ...
        {"FAILED", "passed"}{r.passed + 1}, ...
        {"no", "yes"}{(r.max_rel_error < 1e-8) + 1});

## Trained by Octave's fminunc (a dense quasi-Newton method: fine for 153
## parameters) and by bp_train's full-batch conjugate gradient, 100
## iterations each.
cost = @(t) bp_cost (t, net, X, Y, "lambda", lambda);
[theta, J1, ~, out] = fminunc (cost, theta0, ...
                               optimset ("GradObj", "on", "MaxIter", 100));
[~, k] = bp_predict (bp_roll (theta, net), X);
printf ("\nfminunc, %d iterations, %d evaluations: J = %.4f, training accuracy %.1f%% *\n", ...
        out.iterations, out.funcCount, J1, 100 * mean (k == labels));
[trained, h] = bp_train (net, X, Y, "optimizer", "cg", "max_iter", 100, ...
                         "lambda", lambda, "verbose", false);
[~, k] = bp_predict (trained, X);
printf ("bp_train \"cg\", %d iterations: J = %.4f, training accuracy %.1f%% *\n", ...
        numel (h.loss), h.loss(end), 100 * mean (k == labels));

## The same network and data without weight decay, five optimisers: SGD
## (mini-batches of 10, eta 0.2), momentum (eta 0.02, mu 0.9: in the long
## run the same step, eta/(1 - mu) = 0.2), Adam (eta 0.01), all for 300
## epochs of 30 updates, and the full-batch conjugate gradient and BFGS
## for 300 iterations.
runs = {
  "SGD",           {"epochs", 300, "batch", 10, "eta", 0.2, "seed", 1}
  "momentum 0.9",  {"epochs", 300, "batch", 10, "eta", 0.02, "momentum", 0.9, "seed", 1}
  "Adam",          {"epochs", 300, "batch", 10, "eta", 0.01, "optimizer", "adam", "seed", 1}
  "CG",            {"optimizer", "cg", "max_iter", 300}
  "BFGS",          {"optimizer", "bfgs", "max_iter", 300}
};
## The full-batch runs follow their line searches' comparisons of nearly
## equal losses, so rounding differences between BLAS kernels (another
## CPU, another library) change their results after a few hundred
## iterations: their lines end with " *", which doc_sync compares to 25%.
full_batch = {"CG", "BFGS"};
printf ("\n%-14s %10s %10s %9s\n", "optimizer", "loss", "accuracy", "steps");
hists = cell (rows (runs), 1);
for i = 1:rows (runs)
  [~, hists{i}] = bp_train (net, X, Y, runs{i,2}{:}, "verbose", false);
  hh = hists{i};
  fb = any (strcmp (runs{i,1}, full_batch));
  printf ("%-14s %10.4f %9.1f%% %9d %s\n", runs{i,1}, hh.loss(end), ...
          100 * hh.accuracy(end), numel (hh.loss), ...
          {"epochs", "iterations *"}{fb + 1});
endfor
printf ("* after many full-batch iterations the last digits depend on the BLAS\n");

## One figure: the loss per epoch (per iteration for CG and BFGS), drawn
## by bp_plot_history, and against the seconds spent (measured: they
## change from run to run), drawn with Octave's semilogy in the same
## colours.
[h, ax] = bp_figure ("size", [1280 720], "panels", [1 2]);
bp_plot_history (ax(1), hists, "names", runs(:,1), "yscale", "log", ...
                 "title", "Per epoch or iteration", "fontsize", 14);
xlabel (ax(1), "epoch (CG, BFGS: iteration)");
colors = get (findobj (ax(1), "type", "line"), "color");
colors = flipud (vertcat (colors{:}));         # findobj lists the last first
for i = 1:rows (runs)
  semilogy (ax(2), cumsum (hists{i}.seconds), hists{i}.loss, ...
            "linewidth", 2.5, "color", colors(i,:));
  hold (ax(2), "on");
endfor
hold (ax(2), "off");
set (ax, "ylim", [0.1 3]);
xlabel (ax(2), "seconds (measured in this run)");
ylabel (ax(2), get (get (ax(1), "ylabel"), "string"));
title (ax(2), "Against time");
set (ax(2), "fontsize", 14, "fontname", get (ax(1), "fontname"));
set (get (ax(2), "title"), "fontweight", "bold", ...
     "fontsize", get (get (ax(1), "title"), "fontsize"));
bp_print (h, fullfile (figdir, "optimizers.png"));
close (h);
