## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_predict (net, X): every bad value of each argument
## (and every way of breaking the network struct) must raise
## backprop:bp_predict:<reason> with a message "bp_predict: ..." naming the
## argument or field, leave the caller's variables as they were, and never
## crash Octave (doc/design-decisions.md, doc/robustness.md).

## The helpers these tests share with the other bad-input files (try_bad,
## report, check_error, the bad_* catalogues, ...) are function files in
## tests/lib, which run_tests.m puts on the path.

## ---------------------------------------------------------------------
## The tests.  The valid call is [Y, class] = bp_predict (net, X), net
## 2-3-2, X 2-by-4.

%!shared net, x
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];

%!test
%! ## The valid call is valid, with no, one and two outputs.
%! bp_predict (net, x);
%! Y = bp_predict (net, x);
%! [Y, class] = bp_predict (net, x);

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_predict", {net, x}, 1, bad_nets (net), [1 2]));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = deeper_net ();
%! report (try_bad ("bp_predict", {n4, ones(3, 2)}, 1, bad_nets (n4), 2));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_predict", {net, x}, 1, nul_nets (net), [0 1 2]));

%!test
%! ## X: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_predict", {net, x}, 2, bad_matrix (x, "X"), [0 1 2]));

%!test
%! ## X with other than n0 = 2 rows.
%! S = {"wrong_size"};  N = {"X"};
%! bad = [bad_row_counts(x, "X")
%!        {1,          "a scalar",  S, N
%!         ones(3, 1), "3-by-1",    S, N}];
%! report (try_bad ("bp_predict", {net, x}, 2, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of X is found.
%! report (try_bad ("bp_predict", {net, x}, 2, bad_elements (x, "X"), 2));

%!test
%! ## Wrong numbers of input and output arguments: bp_predict takes no
%! ## options.
%! report ({
%!   check_nargin("bp_predict", {}, 1, "no arguments")
%!   check_nargin("bp_predict", {net}, 1, "net only")
%!   check_nargin("bp_predict", {net}, 0, "net only, no output")
%!   check_nargin("bp_predict", {net, x, x}, 1, "three arguments")
%!   check_nargin("bp_predict", {net, x, "verbose", false}, 2, "an option")
%!   check_nargout("bp_predict", {net, x}, 3, "three outputs")
%!   check_error("bp_predict", {x, net}, 1, {}, {"net"}, "x and net swapped")
%! }');

%!test
%! ## A result too large for memory: a 1-2-1e6 network on 1e6 samples
%! ## returns 1e6-by-1e6 doubles (8 TB) from 16 MB of arguments.  An
%! ## error, not an abort.
%! big = bp_init ([1 2 1e6], "init", "zeros");
%! xb = zeros (1, 1e6);
%! report (check_out_of_memory ("bp_predict", {big, xb}, [1 2], ...
%!                              "a 1-2-1e6 net and 1e6 samples"));

%!function out = limited_output (code, kbytes)
%!  ## What a child Octave prints running CODE under ulimit -v KBYTES.
%!  dirs = unique ({fileparts(which ("bp_predict")), fileparts(which ("__bp_names__"))});
%!  setup = sprintf ("addpath ('%s'); ", dirs{:});
%!  octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%!  [~, out] = system (sprintf ("ulimit -v %d; '%s' --norc --no-history --quiet --eval \"%s\" 2>&1", ...
%!                              kbytes, octave, [setup code]));

%!test
%! ## Under an address-space limit too small for the hidden layer of all
%! ## the columns at once (20000-by-20000 doubles: 3.2 GB, under 2 GB),
%! ## bp_predict takes the columns in chunks and gives the outputs of the
%! ## unlimited call here.  (The old forward pass refused this.)
%! if (! isunix ())
%!   printf ("  skipped: no ulimit to cap a child Octave with\n");
%!   return;
%! endif
%! code = ["n = bp_init ([1 20000 1], 'seed', 4); x = linspace (-3, 3, 20000); " ...
%!         "[Y, k] = bp_predict (n, x); printf ('SUM=%.17g %.17g %d\\n', sum (Y), Y(end), sum (k));"];
%! out = limited_output (code, 2e6);
%! v = sscanf (regexp (out, 'SUM=[^\n]*', "match", "once")(5:end), "%f");
%! n = bp_init ([1 20000 1], "seed", 4);  x = linspace (-3, 3, 20000);
%! [Y, k] = bp_predict (n, x);
%! assert (numel (v), 3, out);
%! ## Chunks change the order of no sum (each output is one column's dot
%! ## products), but the products may take another BLAS path: rounding.
%! assert (v(1), sum (Y), 1e-12 * abs (sum (Y)));
%! assert (v(2), Y(end), 1e-14);
%! assert (v(3), sum (k));

