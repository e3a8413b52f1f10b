## run_bench: `make bench`.  Times bp_train against the pure-Octave
## reference (pure_train.m) on three workloads, alternating the two in one
## Octave process, and the per-step teaching loop (bp_gradient +
## bp_sgd_step from an .m loop) against the reference's step.  Prints
## medians, ratios, the dgemm rate of this machine, and checks that both
## sides end at the same loss.  Then the time of an iteration of the
## full-batch minimisers ("cg", "bfgs") and of one bp_cost call against
## one full-batch SGD epoch.  Speed is reported, never asserted.

1;

function t = median_time (f, reps)
  times = zeros (1, reps);
  for r = 1:reps
    tic;
    f ();
    times(r) = toc;
  endfor
  t = median (times);
endfunction

## Peak-style dgemm rate inside Octave: a large square product.
function gf = dgemm_rate (reps)
  n = 2000;
  A = rand (n);  B = rand (n);
  C = A * B;                                   # warm up threads and caches
  t = median_time (@() A * B, reps);
  gf = 2 * n^3 / t / 1e9;
endfunction

## W3's rate as a fraction of dgemm's, the two measured in turn so that a
## change in the machine's speed during the run hits both; the median of
## the per-pair fractions.
function [frac, gf_w3, gf_dgemm] = w3_fraction (reps)
  sizes = [784 512 512 10];
  [X, Y] = data (sizes, 9984);
  net = bp_init (sizes, "seed", 1);
  f = zeros (3, reps);
  for k = 1:reps
    f(2,k) = dgemm_rate (3);
    tic;
    bp_train (net, X, Y, "epochs", 1, "batch", 128, "eta", 0.5, ...
              "shuffle", false, "verbose", false);
    f(1,k) = epoch_flops (sizes, 9984) / toc / 1e9;
    f(3,k) = f(1,k) / f(2,k);
  endfor
  frac = median (f(3,:));
  gf_w3 = median (f(1,:));
  gf_dgemm = median (f(2,:));
endfunction

function [X, Y] = data (sizes, N)
  X = rand (sizes(1), N);
  labels = randi (sizes(end), 1, N);
  Y = zeros (sizes(end), N);
  Y(sub2ind (size (Y), labels, 1:N)) = 1;
endfunction

## Flops of one epoch: forward, dW, and delta for every layer but the first.
function f = epoch_flops (sizes, N)
  macs = 0;
  for l = 1:numel (sizes) - 1
    macs += (2 + (l > 1)) * sizes(l) * sizes(l+1);
  endfor
  f = 2 * macs * N;
endfunction

function r = workload (name, sizes, N, batch, epochs, eta, reps)
  [X, Y] = data (sizes, N);
  net = bp_init (sizes, "seed", 1);        # N(0,1)/sqrt(fan-in), biases 0
  run_bp = @() bp_train (net, X, Y, "epochs", epochs, "batch", batch, ...
                         "eta", eta, "shuffle", false, "verbose", false);
  run_pure = @() pure_train (net.W, net.b, X, Y, eta, batch, epochs);
  times = zeros (2, reps);
  for k = 1:reps                           # alternate, so drift hits both
    tic;  trained = run_bp ();  times(1,k) = toc;
    tic;  [W, b] = run_pure ();  times(2,k) = toc;
  endfor
  r.name = name;
  r.bp = median (times(1,:));
  r.pure = median (times(2,:));
  r.speedup = r.pure / r.bp;
  r.loss_bp = pure_loss (trained.W, trained.b, X, Y);
  r.loss_pure = pure_loss (W, b, X, Y);
  r.same_loss = abs (r.loss_bp - r.loss_pure) <= 1e-6 * abs (r.loss_pure);
  r.gflops = epoch_flops (sizes, N) * epochs / r.bp / 1e9;
  r.steps = epochs * ceil (N / batch);
endfunction

## Per-step teaching loop: bp_gradient + bp_sgd_step called from Octave,
## against the pure-Octave reference doing the same steps (pure_train on
## the same batches), the two alternating; medians of the time per step.
function [t, p] = teaching_step (sizes, N, batch, steps, eta, reps)
  [X, Y] = data (sizes, N);
  net = bp_init (sizes, "seed", 1);
  cols = 1:steps * batch;                     # the batches both sides take
  cols = mod (cols - 1, N) + 1;
  Xs = X(:,cols);  Ys = Y(:,cols);
  times = zeros (2, reps);
  for r = 1:reps
    n = net;
    tic;
    for s = 1:steps
      c = (s - 1) * batch + (1:batch);
      [dW, db] = bp_gradient (n, Xs(:,c), Ys(:,c));
      n = bp_sgd_step (n, dW, db, eta);
    endfor
    times(1,r) = toc / steps;
    tic;
    pure_train (net.W, net.b, Xs, Ys, eta, batch, 1);
    times(2,r) = toc / steps;
  endfor
  t = median (times(1,:));
  p = median (times(2,:));
endfunction

## W1 once more against the fastest pure-Octave form we know for it: two
## layers written out with plain variables (no cells, no loops over l).
## Reported next to the generic reference so the W1 ratio is not read as
## the cost of cell arrays alone.
function r = w1_unrolled (reps)
  [X, Y] = data ([2 3 2], 4);
  net = bp_init ([2 3 2], "seed", 1);
  eta = 0.5;  m = 4;  steps = 20000;
  times = zeros (2, reps);
  for k = 1:reps
    tic;
    trained = bp_train (net, X, Y, "epochs", steps, "batch", m, "eta", eta, ...
                        "shuffle", false, "verbose", false);
    times(1,k) = toc;
    W1 = net.W{1};  b1 = net.b{1};  W2 = net.W{2};  b2 = net.b{2};
    tic;
    for s = 1:steps
      a1 = 1 ./ (1 + exp (-(W1 * X + b1)));
      a2 = 1 ./ (1 + exp (-(W2 * a1 + b2)));
      d2 = (a2 - Y) .* a2 .* (1 - a2);
      d1 = (W2' * d2) .* a1 .* (1 - a1);
      W2 -= (eta / m) * (d2 * a1');  b2 -= (eta / m) * sum (d2, 2);
      W1 -= (eta / m) * (d1 * X');   b1 -= (eta / m) * sum (d1, 2);
    endfor
    times(2,k) = toc;
  endfor
  r.bp = median (times(1,:));
  r.pure = median (times(2,:));
  r.loss_bp = pure_loss (trained.W, trained.b, X, Y);
  r.loss_pure = pure_loss ({W1, W2}, {b1, b2}, X, Y);
endfunction

## The full-batch minimisers of bp_train ("cg", "bfgs") against one
## full-batch SGD epoch (one forward and one backward pass over every
## sample, and an update) on [784 30 10] with 10000 images: Fashion-MNIST's
## test images when Debian's dataset-fashion-mnist is installed, else
## uniform noise of that shape.  Also one bp_cost call (the loss and its
## gradient from Octave, as an optimiser such as fminunc asks for them).
## Each is timed in turn, REPS times, and the medians are compared.  An
## iteration of cg or bfgs is one line search: several evaluations of the
## loss (with or without its gradient), and a pass for the accuracy that
## bp_train records.
function r = full_batch (reps)
  f = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
  if (exist (f, "file"))
    X = bp_load_idx (f);
    labels = double (bp_load_idx (strrep (f, "images-idx3", "labels-idx1"))) + 1;
    r.data = "10000 Fashion-MNIST test images";
  else
    X = rand (784, 10000);
    labels = randi (10, 1, 10000);
    r.data = "10000 generated images (dataset-fashion-mnist is not installed)";
  endif
  N = columns (X);
  Y = full (sparse (labels, 1:N, 1, 10, N));
  net = bp_init ([784 30 10], "activation", {"sigmoid", "softmax"}, ...
                 "loss", "log-likelihood", "seed", 1);
  theta = bp_unroll (net);
  E = 5;                                 # epochs, iterations, calls per timing
  t = zeros (4, reps);
  for k = 1:reps
    tic;
    bp_train (net, X, Y, "epochs", E, "batch", N, "eta", 0.1, "shuffle", false, ...
              "verbose", false);
    t(1,k) = toc / E;
    tic;
    for i = 1:E
      [J, g] = bp_cost (theta, net, X, Y);
    endfor
    t(2,k) = toc / E;
    tic;
    [~, h] = bp_train (net, X, Y, "optimizer", "cg", "max_iter", E, "verbose", false);
    t(3,k) = toc / numel (h.loss);
    tic;
    [~, h] = bp_train (net, X, Y, "optimizer", "bfgs", "max_iter", E, "verbose", false);
    t(4,k) = toc / numel (h.loss);
  endfor
  r.t = median (t, 2);
  r.reps = reps;
endfunction

## W3 with bp_train's 20 ms slices (the interpreter runs between them,
## for Ctrl-C) against the same run in one slice (the gateway called
## directly, as bp_train.m does, with an hour to run); alternated, medians.
function [sliced, whole] = w3_slices (reps)
  sizes = [784 512 512 10];
  [X, Y] = data (sizes, 9984);
  net = bp_init (sizes, "seed", 1);
  opts = struct ("epochs", 1, "batch", 128, "eta", 0.5, "shuffle", false);
  t = zeros (2, reps);
  for k = 1:reps
    tic;
    a = bp_train (net, X, Y, opts, "verbose", false);
    t(1,k) = toc;
    tic;
    id = __bp_train__ ("bp_train", "start", net, X, Y, opts);
    __bp_train__ ("bp_train", "run", id, X, Y, [], [], 3600, false);
    b = __bp_train__ ("bp_train", "finish", id, net);
    t(2,k) = toc;
    assert (isequal (a, b), "slices changed the result");
  endfor
  sliced = median (t(1,:));
  whole = median (t(2,:));
endfunction

## One epoch of W3 with each optimiser, against plain SGD, alternated.
function r = w3_optimizers (reps)
  sizes = [784 512 512 10];
  [X, Y] = data (sizes, 9984);
  net = bp_init (sizes, "seed", 1);
  base = {"epochs", 1, "batch", 128, "shuffle", false, "verbose", false};
  runs = {{"eta", 0.5}, {"eta", 0.5, "momentum", 0.9}, ...
          {"eta", 0.01, "optimizer", "rmsprop"}, {"eta", 0.001, "optimizer", "adam"}};
  t = zeros (numel (runs), reps);
  for k = 1:reps
    for i = 1:numel (runs)
      tic;
      bp_train (net, X, Y, base{:}, runs{i}{:});
      t(i,k) = toc;
    endfor
  endfor
  ## Each optimiser against the SGD epoch of the same round, a second
  ## before or after it: the machine's speed drifts over tens of seconds
  ## (doc/benchmarks.md), which a ratio of separate medians would take in.
  r.t = median (t, 2)';
  r.ratio = median (t ./ t(1,:), 2)';
endfunction

function s = yes_no (b)
  if (b)
    s = "yes";
  else
    s = "NO";
  endif
endfunction

rand ("state", 42);
printf ("backprop benchmark (Octave %s, %d cores)\n", version (), nproc ());
gf = dgemm_rate (5);
printf ("dgemm inside Octave (2000x2000): %.1f GFLOP/s\n\n", gf);

work = {
  "W1 tiny [2 3 2], 4 samples, full batch, 20000 steps", [2 3 2], 4, 4, 20000, 0.5, 5
  "W2 [784 30 10], 10000 samples, batch 10, 1 epoch", [784 30 10], 10000, 10, 1, 0.5, 7
  "W3 [784 512 512 10], 9984 samples, batch 128, 1 epoch", [784 512 512 10], 9984, 128, 1, 0.5, 5
};
printf ("%-56s %10s %10s %8s  %s\n", "workload", "bp_train", "pure", "speedup", "same final loss");
results = {};
for i = 1:rows (work)
  r = workload (work{i,:});
  results{end+1} = r;
  printf ("%-56s %9.4fs %9.4fs %7.1fx  %s (%.9g vs %.9g)\n", r.name, r.bp, ...
          r.pure, r.speedup, yes_no (r.same_loss), r.loss_bp, r.loss_pure);
endfor
u = w1_unrolled (5);
printf ("%-56s %9.4fs %9.4fs %7.1fx  %s\n", ...
        "W1 against a hand-unrolled two-layer loop", u.bp, u.pure, ...
        u.pure / u.bp, ...
        yes_no (abs (u.loss_bp - u.loss_pure) <= 1e-6 * abs (u.loss_pure)));
[frac, gf_w3, gf_dgemm] = w3_fraction (7);
printf ("\nW3 bp_train: %.1f GFLOP/s = %.0f%% of the dgemm rate (%.1f GFLOP/s),\n", ...
        gf_w3, 100 * frac, gf_dgemm);
printf ("  medians of 7 pairs measured in turn\n");

[sliced, whole] = w3_slices (7);
printf ("\nW3 in 20 ms slices (Ctrl-C between them): %.4f s, in one slice %.4f s: %+.1f%%\n", ...
        sliced, whole, 100 * (sliced / whole - 1));
printf ("  medians of 7 pairs; the same network either way\n");
o = w3_optimizers (7);
t = o.t;  q = o.ratio;
printf ("\nW3, one epoch per optimiser (7 rounds; medians, and the median of each round's ratio to sgd):\n");
printf ("  sgd %.3f s, momentum %.3f s (x%.2f), rmsprop %.3f s (x%.2f), adam %.3f s (x%.2f of sgd)\n", ...
        t(1), t(2), q(2), t(3), q(3), t(4), q(4));

printf ("\nteaching loop (bp_gradient + bp_sgd_step per step) vs the pure-Octave step:\n");
[t1, p1] = teaching_step ([2 3 2], 4, 4, 2000, 0.5, 15);
printf ("  W1: %.1f us per step vs %.1f us (ratio %.2f)\n", 1e6 * t1, 1e6 * p1, t1 / p1);
[t2, p2] = teaching_step ([784 30 10], 10000, 10, 1000, 0.5, 11);
printf ("  W2: %.1f us per step vs %.1f us (ratio %.2f)\n", 1e6 * t2, 1e6 * p2, t2 / p2);

fb = full_batch (5);
printf ("\nfull-batch minimisers, [784 30 10] on %s (medians of %d):\n", ...
        fb.data, fb.reps);
what = {"one full-batch SGD epoch", "one bp_cost call (loss and gradient)", ...
        "one cg iteration", "one bfgs iteration"};
for i = 1:4
  printf ("  %-38s %8.1f ms  (%.2f epochs)\n", what{i}, 1e3 * fb.t(i), ...
          fb.t(i) / fb.t(1));
endfor
