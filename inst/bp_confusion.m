## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{c} =} bp_confusion (@var{net}, @var{X}, @var{Y})
## @deftypefnx {} {@var{c} =} bp_confusion (@var{predicted}, @var{actual})
## @deftypefnx {} {@var{c} =} bp_confusion (@dots{}, @var{name}, @var{value}, @dots{})
## @deftypefnx {} {} bp_confusion (@dots{})
## Where a classifier errs: the confusion matrix, with each class's
## precision and recall and the overall accuracy.
##
## With a network, the classes predicted are those of
## @code{[~, class] = bp_predict (net, X)}: with one output, 1 where the
## output is at least 0.5 and 0 below; with several, the row of the
## largest output.  @var{Y} gives the true classes: targets as
## @code{bp_train} takes them (a 0/1 row for one output, one-hot columns
## for several), or a row of class numbers (0 and 1 for one output, 1 to
## nL for several).  Or give the classes themselves, @var{predicted} and
## @var{actual}, two vectors of whole numbers of the same length.
##
## @var{c} is a struct:
##
## @table @code
## @item counts
## K-by-K: @code{counts(i,j)} samples of true class i were predicted as
## class j (rows: the truth, columns: the prediction; the diagonal is
## right).
## @item recall
## 1-by-K: of the samples of class i, the fraction predicted as i
## (@code{counts(i,i) / sum (counts(i,:))}; NaN for a class with no
## sample).
## @item precision
## 1-by-K: of the samples predicted as class j, the fraction that are
## of class j (@code{counts(j,j) / sum (counts(:,j))}; NaN when nothing
## was predicted as j).
## @item accuracy
## the fraction of all samples predicted right, @code{trace (counts) / n}.
## @item n
## the number of samples.
## @item classes, names
## the class numbers of the rows and columns, and their names.
## @end table
##
## Called without an output, it prints the matrix as a table instead,
## with the recall of each class at the end of its row, the precision of
## each class under its column, and the accuracy.
##
## Options:
##
## @table @asis
## @item @qcode{"classes"}
## the class numbers, in order (default: the network's classes, or every
## class that occurs in @var{predicted} or @var{actual}).
## @item @qcode{"names"}
## a name for each class, a cell of strings (default: the numbers).
## @end table
##
## @example
## [X, Y] = bp_dataset ("spirals", "classes", 3, "seed", 1);
## net = bp_init ([2 16 3], "activation", @{"tanh", "softmax"@}, ...
##                "loss", "log-likelihood", "seed", 1);
## net = bp_train (net, X, Y, "epochs", 200, "eta", 0.1, "seed", 1);
## bp_confusion (net, X, Y)
## @end example
##
## @seealso{bp_plot_confusion, bp_predict, bp_train}
## @end deftypefn

function [c, varargout] = bp_confusion (varargin)
  fn = "bp_confusion";
  if (nargin < 2 || nargout > 1)
    bp_count_error (fn, nargin, nargout, 1, ...
                    "(net, X, Y, name, value, ...) or (predicted, actual, name, value, ...)");
  endif
  if (isstruct (varargin{1}))
    if (nargin < 3)
      bp_count_error (fn, nargin, nargout, 1, "(net, X, Y, name, value, ...)");
    endif
    [predicted, actual, classes] = from_network (fn, varargin{1:3});
    npos = 3;
  else
    [predicted, actual] = check_classes (fn, varargin{1:2});
    classes = [];
    npos = 2;
  endif
  o = bp_parse_options (fn, struct ("classes", [], "names", []), ...
                        varargin(npos+1:end), npos);
  classes = check_class_list (fn, o.classes, classes, predicted, actual);
  K = numel (classes);
  __bp_memory__ (fn, 8 * K * (K + 4), sprintf ("the %d-by-%d confusion matrix", K, K));
  names = bp_check_class_names (fn, o.names, classes);

  [~, p] = ismember (predicted, classes);
  [~, a] = ismember (actual, classes);
  counts = accumarray ([a(:), p(:)], 1, [K K]);
  n = numel (actual);
  result = struct ("counts", counts, ...
                   "recall", (diag (counts) ./ sum (counts, 2))', ...
                   "precision", diag (counts)' ./ sum (counts, 1), ...
                   "accuracy", trace (counts) / n, "n", n, ...
                   "classes", classes, "names", {names});
  if (nargout > 0)
    c = result;
  else
    print_table (result);
  endif
endfunction

## The classes the network predicts, the true ones from Y, and the
## network's classes: 0 and 1 for one output, 1 to nL for several.
function [predicted, actual, classes] = from_network (fn, net, X, Y)
  bp_check_net (fn, net);
  nL = net.sizes(end);
  [~, predicted] = __bp_predict__ (fn, net, X, 1, max (columns (X), 1));
  N = columns (X);
  if (nL == 1)
    classes = [0 1];
  else
    classes = 1:nL;
  endif
  if (! (isa (Y, "double") && isreal (Y) && ! issparse (Y) && ismatrix (Y) ...
         && columns (Y) == N && any (rows (Y) == [1 nL])))
    error ("backprop:bp_confusion:wrong_type", ...
           "bp_confusion: Y must be a real double matrix with %d columns (one per column of X): targets with %d rows, or a row of class numbers, got %s", ...
           N, nL, bp_describe (Y));
  endif
  if (rows (Y) == nL && nL > 1)
    ## One-hot columns: exactly one 1, the rest 0.
    bad = find (! (all (Y == 0 | Y == 1, 1) & sum (Y, 1) == 1), 1);
    if (! isempty (bad))
      error ("backprop:bp_confusion:out_of_range", ...
             "bp_confusion: Y(:,%d) must be one-hot (a single 1, the rest 0) to name a class", ...
             bad);
    endif
    [~, actual] = max (Y, [], 1);
  else
    actual = Y;
    bad = find (! ismember (actual, classes), 1);
    if (! isempty (bad))
      error ("backprop:bp_confusion:out_of_range", ...
             "bp_confusion: Y(%d) must be a class of the network (%s), got %g", ...
             bad, strjoin (arrayfun (@num2str, classes, "uniformoutput", false), " or "), ...
             actual(bad));
    endif
  endif
endfunction

function [predicted, actual] = check_classes (fn, predicted, actual)
  for v = {predicted, "predicted"; actual, "actual"}'
    x = v{1};
    if (! (isa (x, "double") && isreal (x) && ! issparse (x) && isvector (x)))
      error ("backprop:bp_confusion:wrong_type", ...
             "bp_confusion: %s must be a real double vector of class numbers (or give net, X, Y), got %s", ...
             v{2}, bp_describe (x));
    endif
    bad = find (! (isfinite (x) & x == fix (x)), 1);
    if (! isempty (bad))
      error ("backprop:bp_confusion:out_of_range", ...
             "bp_confusion: %s(%d) must be a class number (a whole number), got %g", ...
             v{2}, bad, x(bad));
    endif
  endfor
  if (numel (predicted) != numel (actual))
    error ("backprop:bp_confusion:wrong_size", ...
           "bp_confusion: predicted and actual must have one class per sample each, got %d and %d", ...
           numel (predicted), numel (actual));
  endif
  predicted = predicted(:)';
  actual = actual(:)';
endfunction

function classes = check_class_list (fn, given, default, predicted, actual)
  if (bp_is_unset (given))
    classes = default;
    if (isempty (classes))
      classes = unique ([predicted, actual]);
    endif
    return;
  endif
  if (! (isa (given, "double") && isreal (given) && ! issparse (given) ...
         && isvector (given) && all (isfinite (given)) ...
         && all (given == fix (given)) && numel (unique (given)) == numel (given)))
    error ("backprop:bp_confusion:wrong_type", ...
           "bp_confusion: classes must be a vector of distinct whole numbers, got %s", ...
           bp_describe (given));
  endif
  classes = given(:)';
  for v = {predicted, "predicted"; actual, "actual"}'
    bad = find (! ismember (v{1}, classes), 1);
    if (! isempty (bad))
      error ("backprop:bp_confusion:out_of_range", ...
             "bp_confusion: the %s class of sample %d is %g, which classes does not list", ...
             v{2}, bad, v{1}(bad));
    endif
  endfor
endfunction


## The table: one row per true class, one column per predicted class.
function print_table (c)
  K = numel (c.classes);
  label = cellfun (@(k, s) sprintf ("%d %s", k, s), num2cell (c.classes), ...
                   c.names, "uniformoutput", false);
  if (isequal (c.names, arrayfun (@(k) sprintf ("%d", k), c.classes, "uniformoutput", false)))
    label = c.names;
  endif
  lw = max ([cellfun(@numel, label), numel("precision")]) + 1;
  cw = max ([numel(sprintf ("%d", max (c.counts(:)))), ...
             arrayfun(@(k) numel (sprintf ("%d", k)), c.classes), 6]) + 1;
  printf ("confusion matrix of %d samples: %d right, accuracy %.2f%%\n", ...
          c.n, trace (c.counts), 100 * c.accuracy);
  printf ("(rows: the true class; columns: the class predicted)\n\n");
  printf ("%*s", lw, "");
  printf ("%s", sprintf (sprintf ("%%%dd", cw), c.classes));
  printf ("%*s\n", cw + 2, "recall");
  for i = 1:K
    printf ("%-*s", lw, label{i});
    printf ("%s", sprintf (sprintf ("%%%dd", cw), c.counts(i,:)));
    printf ("%s\n", percent (c.recall(i), cw + 2));
  endfor
  printf ("%-*s", lw, "precision");
  for j = 1:K
    printf ("%s", percent (c.precision(j), cw));
  endfor
  printf ("\n");
endfunction

function s = percent (v, w)
  if (isnan (v))
    s = sprintf ("%*s", w, "-");
  else
    s = sprintf ("%*.1f%%", w - 1, 100 * v);
  endif
endfunction

%!test
%! ## Counts against a plain loop, recall and precision from the counts.
%! p = [1 2 2 3 3 3 1 2];
%! a = [1 2 3 3 3 1 1 2];
%! c = bp_confusion (p, a);
%! want = zeros (3);
%! for s = 1:numel (p)
%!   want(a(s), p(s)) += 1;
%! endfor
%! assert (c.counts, want);
%! assert (c.recall, [2/3, 2/2, 2/3], eps);
%! assert (c.precision, [2/2, 2/3, 2/3], eps);
%! assert (c.accuracy, 6/8);
%! assert (c.n, 8);
%! assert (c.classes, 1:3);
%! assert (c.names, {"1", "2", "3"});

%!test
%! ## From a network: the classes are bp_predict's, Y as one-hot targets
%! ## or as class numbers gives the same matrix.
%! [X, Y, labels] = bp_dataset ("spirals", "classes", 3, "n", 30, "seed", 1);
%! net = bp_init ([2 5 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 2);
%! [~, k] = bp_predict (net, X);
%! c1 = bp_confusion (net, X, Y);
%! c2 = bp_confusion (net, X, labels);
%! c3 = bp_confusion (k, labels, "classes", 1:3);
%! assert (c1, c2);
%! assert (c1.counts, c3.counts);
%! assert (sum (c1.counts(:)), columns (X));
%! assert (c1.accuracy, mean (k == labels));

%!test
%! ## One output: classes 0 and 1 at the threshold 0.5.
%! net = bp_init ([1 1], "activation", "linear");
%! net.W = {1};
%! net.b = {0};
%! c = bp_confusion (net, [0.2 0.7 0.4 0.9], [0 0 1 1]);
%! assert (c.classes, [0 1]);
%! assert (c.counts, [1 1; 1 1]);

%!test
%! ## A class nobody predicts has precision NaN; listed classes absent
%! ## from the data have recall NaN; names label the printed table.
%! c = bp_confusion ([1 1 1], [1 2 2], "classes", [1 2 3], "names", {"cat", "dog", "emu"});
%! assert (c.precision(2), NaN);
%! assert (c.recall(3), NaN);
%! out = evalc ("bp_confusion ([1 1 1], [1 2 2], 'classes', [1 2 3], 'names', {'cat', 'dog', 'emu'})");
%! assert (! isempty (strfind (out, "accuracy 33.33%")));
%! assert (! isempty (regexp (out, '2 dog\s+2\s+0\s+0\s+0\.0%')));
%! assert (! isempty (regexp (out, 'precision\s+33\.3%\s+-\s+-')));

%!error <predicted must be a real double vector of class numbers> bp_confusion ("a", [1 2])
%!error <actual\(2\) must be a class number \(a whole number\), got 1.5> bp_confusion ([1 2], [1 1.5])
%!error <predicted and actual must have one class per sample each, got 2 and 3> bp_confusion ([1 2], [1 2 1])
%!error <Y must be a real double matrix with 3 columns> bp_confusion (bp_init ([2 3]), ones (2, 3), ones (2, 3))
%!error <Y\(:,2\) must be one-hot> bp_confusion (bp_init ([2 2]), ones (2, 3), [1 0 1; 0 0 0])
%!error <Y\(3\) must be a class of the network \(1 or 2\), got 3> bp_confusion (bp_init ([2 2]), ones (2, 3), [1 2 3])
%!error <X must be a real double matrix with 2 rows> bp_confusion (bp_init ([2 2]), ones (3, 3), [1 2 1])
%!error <classes must be a vector of distinct whole numbers> bp_confusion ([1 2], [1 2], "classes", [1 1])
%!error <the actual class of sample 2 is 2, which classes does not list> bp_confusion ([1 1], [1 2], "classes", 1)
%!error <names must be a cell of 2 strings, one per class> bp_confusion ([1 2], [1 2], "names", {"a"})
%!error <unknown option 'labels'> bp_confusion ([1 2], [1 2], "labels", 1)
%!error id=backprop:bp_confusion:out_of_memory bp_confusion ([1 2], [1 2], "classes", [1 2 3:1e6])
%!error id=backprop:bp_confusion:nargin bp_confusion ([1 2])
%!error id=backprop:bp_confusion:nargin bp_confusion (bp_init ([2 2]), ones (2, 3))
%!error id=backprop:bp_confusion:nargout [a, b] = bp_confusion ([1 2], [1 2])

%!demo
%! ## Three spiral arms: where a small network confuses them.
%! [X, Y] = bp_dataset ("spirals", "classes", 3, "seed", 1);
%! net = bp_init ([2 16 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! net = bp_train (net, X, Y, "epochs", 100, "eta", 0.1, "seed", 1, "verbose", false);
%! bp_confusion (net, X, Y)
