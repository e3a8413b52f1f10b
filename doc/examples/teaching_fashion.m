## teaching_fashion.m: the Fashion-MNIST slides of doc/teaching.md: what
## the first layer of a [784 30 10] network looks for, and where the
## network errs.
##
## The data are the IDX files of Debian's dataset-fashion-mnist (`make
## doc` and `make test` install it when they can), or of the folder named
## by FASHION_MNIST_DIR.  Without them the slides are made from generated
## 28x28 images of bars (ten classes: five rows, five columns), and the
## first line printed says so; the page's numbers are those of the real
## data, and doc_sync does not compare them with a run on generated data.

folder = getenv ("FASHION_MNIST_DIR");
if (isempty (folder))
  folder = "/usr/share/datasets/fashion-mnist";
endif
files = fullfile (folder, {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", ...
                           "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"});
if (all (cellfun (@isfile, files)))
  X = bp_load_idx (files{1});            # 784-by-60000, pixels row by row
  y = bp_load_idx (files{2});
  Xt = bp_load_idx (files{3});
  yt = bp_load_idx (files{4});
  names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", ...
           "Shirt", "Sneaker", "Bag", "Ankle boot"};
  printf ("Fashion-MNIST: %d training and %d test images of 28x28 pixels\n", ...
          columns (X), columns (Xt));
else
  printf ("(fallback) Fashion-MNIST is not in %s: generated images of bars instead\n", ...
          folder);
  ## Bars 3 pixels thick in one of five rows (labels 0-4) or five columns
  ## (5-9), with a noise that is a fixed function of the pixel (no random
  ## generator is touched).
  proto = zeros (784, 10);
  for k = 0:9
    im = zeros (28);
    band = 3 + 5 * mod (k, 5) + (0:2);
    if (k < 5)
      im(band, 4:25) = 1;
    else
      im(4:25, band) = 1;
    endif
    proto(:, k + 1) = reshape (im', [], 1);
  endfor
  noise = @(n, s) 0.4 * (mod (sin ((1:784)' * 12.9898 + (1:n) * 78.233 + s) * 43758.5453, 1) - 0.5);
  y = mod (0:5999, 10);
  yt = mod (0:999, 10);
  X = min (max (proto(:, y + 1) + noise (6000, 1), 0), 1);
  Xt = min (max (proto(:, yt + 1) + noise (1000, 2), 0), 1);
  names = [arrayfun(@(r) sprintf ("row %d", r), 1:5, "uniformoutput", false), ...
           arrayfun(@(c) sprintf ("column %d", c), 1:5, "uniformoutput", false)];
endif

## One-hot targets; class k + 1 for label k, as bp_predict numbers them.
Y = double ((0:9)' == y(:)');
net = bp_init ([784 30 10], "activation", {"logistic", "softmax"}, ...
               "loss", "log-likelihood", "seed", 1);
opts = {"epochs", 3, "batch", 100, "eta", 0.2, "momentum", 0.9, "seed", 1};
printf ("[784 30 10], logistic hidden layer, softmax output, log-likelihood (seed 1)\n");
printf ("bp_train: %s\n", strjoin (cellfun (@num2str, opts, "uniformoutput", false), " "));
net = bp_train (net, X, Y, opts{:}, "verbose", false);

printf ("\nthe test images:\n");
bp_confusion (net, Xt, yt(:)' + 1, "names", names)

bp_plot_weights (net, 1, [28 28], "size", [1280 720], ...
                 "file", fullfile (figdir, "fashion_weights.png"));
bp_plot_confusion (net, Xt, yt(:)' + 1, "names", names, "size", [1280 720], ...
                   "file", fullfile (figdir, "fashion_confusion.png"));
