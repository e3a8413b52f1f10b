## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## fashion_mnist: a 784-100-10 network learns Fashion-MNIST.
##
##   fashion_mnist ()              the real data set (or the fallback below)
##   fashion_mnist ("synthetic")   force the fallback
##
## Run by `make demo` after chain_rule_showcase, with the package loaded.
## It reads the four IDX files of Debian's dataset-fashion-mnist (or of the
## folder named by the environment variable FASHION_MNIST_DIR) with
## bp_load_idx, trains on the first 55000 training images, holds the last
## 5000 out as the validation set bp_train evaluates after every epoch,
## and reports the accuracy on the 10000 test images, the training
## throughput and a loss-curve PNG in target/demo/.
##
## Where the data set is not installed (no network, no apt) the demo says
## so and trains instead on two interleaved spirals it generates itself,
## with the same steps and the same report.  Setting the environment
## variable BP_DEMO_SYNTHETIC=1 forces that path, so it can be tested on a
## machine that has the data.
##
## A function rather than a script, so that it leaves the caller's
## variables alone.

function fashion_mnist (mode)
  if (nargin < 1)
    mode = "";
  endif
  if (! (ischar (mode) && any (strcmp (mode, {"", "synthetic"}))))
    error ("fashion_mnist: the only argument is \"synthetic\"");
  endif
  forced = strcmp (mode, "synthetic") || strcmp (getenv ("BP_DEMO_SYNTHETIC"), "1");

  printf ("\n=== Fashion-MNIST: real images through a 784-100-10 network ===\n");
  data = [];
  if (forced)
    printf ("Fallback forced (\"synthetic\" argument or BP_DEMO_SYNTHETIC=1).\n");
  else
    data = load_fashion_mnist ();
  endif
  if (isempty (data))
    printf ("Training on two interleaved spirals generated here instead.\n");
    data = spirals_data ();
  endif

  [net, hist] = train (data);
  report (data, net, hist);
  plot_losses (data, hist);
endfunction

## ---- the data

## The data set as a struct (see spirals_data for its fields), or [] with a
## message saying why when it cannot be found or read.
function data = load_fashion_mnist ()
  data = [];
  dir = find_files ();
  if (isempty (dir))
    printf ("Fashion-MNIST was not found: none of these folders holds its four IDX files: %s\n", ...
            strjoin (candidate_dirs (), ", "));
    printf ("(`make demo` tries `tools/install-deps dataset-fashion-mnist`, which needs apt and network;\n");
    printf (" or set FASHION_MNIST_DIR to a folder holding train-images-idx3-ubyte[.gz] and the others).\n");
    return;
  endif
  printf ("Reading the IDX files in %s ... ", dir);
  tic;
  try
    X = bp_load_idx (idx_file (dir, "train-images-idx3-ubyte"));
    y = bp_load_idx (idx_file (dir, "train-labels-idx1-ubyte"));
    Xt = bp_load_idx (idx_file (dir, "t10k-images-idx3-ubyte"));
    yt = bp_load_idx (idx_file (dir, "t10k-labels-idx1-ubyte"));
  catch err
    printf ("failed:\n  %s\n", err.message);
    return;
  end_try_catch
  printf ("%.1f s\n", toc);
  printf ("  %d training and %d test images of %d pixels, one image per column\n", ...
          columns (X), columns (Xt), rows (X));

  ## The last 5000 training images are the validation set, as is usual for
  ## MNIST-style data: the test set stays unseen until the end.
  nv = 5000;
  tr = 1:columns (X) - nv;
  va = columns (X) - nv + 1:columns (X);
  data.name = "Fashion-MNIST";
  data.classes = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", ...
                  "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
  data.X = X(:,tr);
  data.Y = one_hot (y(tr), 10);
  data.Xv = X(:,va);
  data.Yv = one_hot (y(va), 10);
  data.Xt = Xt;
  data.labels_t = yt + 1;        # classes 1..10, as bp_predict returns them
  data.sizes = [784 100 10];
  data.hidden = "sigmoid";
  ## Batches of 100 keep the matrix products large (fast in BLAS);
  ## momentum makes up for the fewer steps.  Early stopping watches the
  ## validation loss: training ends 5 epochs after its best epoch, whose
  ## weights are returned (at most 40 epochs; about 20 are run).
  data.train = {"epochs", 40, "batch", 100, "eta", 0.1, "momentum", 0.9, ...
                "patience", 5};
  data.target = 0.87;
endfunction

function dirs = candidate_dirs ()
  dirs = {"/usr/share/datasets/fashion-mnist"};
  env = getenv ("FASHION_MNIST_DIR");
  if (! isempty (env))
    dirs = [{env}, dirs];
  endif
endfunction

## The first candidate folder holding all four files, or "".
function dir = find_files ()
  names = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", ...
           "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};
  for d = candidate_dirs ()
    dir = d{1};
    if (all (cellfun (@(n) ! isempty (idx_file (dir, n)), names)))
      return;
    endif
  endfor
  dir = "";
endfunction

## NAME in DIR, compressed or not (bp_load_idx reads both), or "".
function f = idx_file (dir, name)
  for ext = {".gz", ""}
    f = fullfile (dir, [name ext{1}]);
    if (isfile (f))
      return;
    endif
  endfor
  f = "";
endfunction

function Y = one_hot (labels, K)
  Y = double ((0:K-1)' == labels);
endfunction

## Two interleaved spiral arms in the plane, 1.5 turns each: 4000 training
## points (the last 500 for validation) and 1000 test points.  A straight
## line separates nothing here; a hidden layer of 64 tanh nodes learns it
## in a few seconds.  Octave's random state is restored afterwards.
function data = spirals_data ()
  state = {rand("state"), randn("state")};
  unwind_protect
    rand ("state", 1);
    randn ("state", 1);
    [X, y] = spirals (4000);
    [Xt, yt] = spirals (1000);
  unwind_protect_cleanup
    rand ("state", state{1});
    randn ("state", state{2});
  end_unwind_protect
  printf ("  %d training and %d test points in 2-D, two classes\n", ...
          columns (X), columns (Xt));
  tr = 1:3500;
  va = 3501:4000;
  data.name = "two spirals";
  data.classes = {"arm 1", "arm 2"};
  data.X = X(:,tr);
  data.Y = one_hot (y(tr), 2);
  data.Xv = X(:,va);
  data.Yv = one_hot (y(va), 2);
  data.Xt = Xt;
  data.labels_t = yt + 1;
  data.sizes = [2 64 2];
  data.hidden = "tanh";
  data.train = {"epochs", 150, "batch", 20, "eta", 0.1, "momentum", 0.9, ...
                "patience", 10};
  data.target = 0.95;
endfunction

## N points, half on each arm, in random order; labels 0 and 1.  sqrt makes
## the points evenly spread over the area rather than crowded at the centre.
function [X, labels] = spirals (n)
  turns = 1.5;
  noise = 0.03;
  labels = double (rand (1, n) < 0.5);
  r = sqrt (rand (1, n));
  theta = 2 * pi * turns * r + pi * labels;
  X = [r .* cos(theta); r .* sin(theta)] + noise * randn (2, n);
endfunction

## ---- training and the report

function [net, hist] = train (data)
  net = bp_init (data.sizes, "activation", {data.hidden, "softmax"}, ...
                 "loss", "log-likelihood", "seed", 1);
  printf ("\nNetwork %s: %s hidden layer, softmax output, log-likelihood loss\n", ...
          strjoin (arrayfun (@num2str, data.sizes, "uniformoutput", false), "-"), ...
          data.hidden);
  printf ("bp_train on %d samples (validation: %d), %s\n", ...
          columns (data.X), columns (data.Xv), ...
          strjoin (cellfun (@num2str, data.train, "uniformoutput", false), " "));
  [net, hist] = bp_train (net, data.X, data.Y, data.train{:}, "seed", 1, ...
                          "validation", {data.Xv, data.Yv}, "verbose", true);
endfunction

function report (data, net, hist)
  [~, class] = bp_predict (net, data.Xt);
  correct = class == data.labels_t;
  acc = mean (correct);
  seconds = sum (hist.seconds);
  epochs = numel (hist.loss);
  rate = epochs * columns (data.X) / seconds;

  printf ("\nMeasured on %s:\n", data.name);
  printf ("  epoch     loss      accuracy   val_loss  val_accuracy\n");
  for e = unique ([1, ceil(epochs / 2), epochs])
    printf ("  %5d     %.5f   %5.1f%%     %.5f   %5.1f%%\n", e, hist.loss(e), ...
            100 * hist.accuracy(e), hist.val_loss(e), 100 * hist.val_accuracy(e));
  endfor
  printf ("  training time      %.1f s for %d epochs of %d samples\n", ...
          seconds, epochs, columns (data.X));
  printf ("  stopped            %s: the weights of epoch %d (lowest validation loss) are kept\n", ...
          hist.stopped, hist.best_epoch);
  printf ("  throughput         %.0f samples/s (mini-batch SGD, forward + backward + update)\n", ...
          rate);
  printf ("  test accuracy      %.2f%% (%d of %d test samples; target %.0f%%)\n", ...
          100 * acc, sum (correct), numel (correct), 100 * data.target);
  if (acc < data.target)
    printf ("  NOTE: below the %.0f%% this demo is tuned to reach\n", 100 * data.target);
  endif
  printf ("  per class:");
  for c = 1:numel (data.classes)
    if (mod (c - 1, 5) == 0)
      printf ("\n   ");
    endif
    printf (" %s %.0f%%", data.classes{c}, 100 * mean (correct(data.labels_t == c)));
  endfor
  printf ("\n");
endfunction

## ---- the loss curve

## target/demo/<name>_loss.png next to the demo folder, written without a
## display.  A failed plot is reported but does not undo the measurements.
function plot_losses (data, hist)
  root = fileparts (fileparts (mfilename ("fullpath")));
  outdir = fullfile (root, "target", "demo");
  file = fullfile (outdir, "fashion_mnist_loss.png");
  title_text = sprintf ("%s, %s network", data.name, ...
                        strjoin (arrayfun (@num2str, data.sizes, "uniformoutput", false), "-"));
  ## A PNG needs no Ghostscript; print warns about its absence anyway.
  warning ("off", "print:nogs", "local");
  try
    if (! isfolder (outdir))
      mkdir (outdir);
    endif
    if (exist ("bp_plot_history"))
      bp_plot_history (hist, "file", file, "visible", false, "title", title_text);
    else
      plain_plot (hist, file, title_text);
    endif
    printf ("  loss curve         %s\n", file);
  catch err
    printf ("  loss curve         not written: %s\n", err.message);
  end_try_catch
endfunction

## The loss curves with plain Octave graphics, for when bp_plot_history is
## not there.  Without a display only gnuplot can draw, into an invisible
## figure; its toolkit is set on the figure, not as the session default.
function plain_plot (hist, file, title_text)
  headless = isempty (getenv ("DISPLAY")) && ! isguirunning ();
  ## gnuplot's advice to use qt cannot be followed without a display.
  warning ("off", "Octave:gnuplot-graphics", "local");
  h = figure ("visible", "off");
  unwind_protect
    if (headless)
      graphics_toolkit (h, "gnuplot");
    endif
    ax = axes ("parent", h);
    E = numel (hist.loss);
    marker = marker_style (E);
    plot (ax, 1:E, hist.loss, ["-" marker], 1:E, hist.val_loss, ["--" marker]);
    xlim (ax, [1 max(E, 2)]);
    legend (ax, {"training (mean of mini-batch losses)", "validation"});
    xlabel (ax, "epoch");
    ylabel (ax, "loss C (log-likelihood)");
    title (ax, title_text);
    grid (ax, "on");
    if (headless)
      print (h, file, "-dpngcairo");
    else
      print (h, file, "-dpng");
    endif
  unwind_protect_cleanup
    close (h);
  end_unwind_protect
endfunction

## Markers only while the epochs can be told apart.
function m = marker_style (E)
  m = "";
  if (E <= 30)
    m = "o";
  endif
endfunction
