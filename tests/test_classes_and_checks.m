## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Two defects of the second hostile-input round that the core's rules
## fixed (doc/robustness.md):
##
## * what a class is: a single output with 0/1 targets is a binary
##   classifier read at 0.5 (bp_accuracy.c), so all-ones targets are no
##   longer "one-hot" targets that every output hits;
## * a network is checked by a check: the plot functions ask the gateway
##   (__bp_check__), which allocates nothing whose size comes from the
##   network, instead of running a forward pass on zeros (net.sizes(1), 1).

%!test
%! ## All-ones targets, outputs of about 1e-28: accuracy 0, not 100%.
%! net = bp_init ([2 1], "seed", 1);
%! net.W{1} = [-30 -30];  net.b{1} = -4;
%! X = [1 0.5 0.8; 0.9 1 0.7];
%! Y = ones (1, 3);
%! assert (max (bp_predict (net, X)) < 1e-20);
%! [~, h] = bp_train (net, X, Y, "epochs", 1, "eta", 0, "verbose", false);
%! assert (h.accuracy, 0);
%! [~, k] = bp_predict (net, X);
%! assert (k, [0 0 0]);
%! ## ... and all-zeros targets are all hit.
%! [~, h] = bp_train (net, X, zeros (1, 3), "epochs", 1, "eta", 0, "verbose", false);
%! assert (h.accuracy, 1);

%!test
%! ## A network whose first width is 1e8 but whose weights do not fit it:
%! ## under a 1 GB address-space limit the plots report invalid_net; they
%! ## used to ask Octave for zeros (1e8, 1) first (800 MB) and fail with
%! ## Octave:bad-alloc.
%! if (! isunix ())
%!   printf ("  skipped: no ulimit to cap a child Octave with\n");
%!   return;
%! endif
%! code = {
%!   "net = bp_init ([2 3 2], 'seed', 1);  net.sizes(1) = 1e8;"
%!   "f = {@() bp_plot_network (net, 'file', [tempname() '.png']), ..."
%!   "     @() bp_plot_boundary (net, [0 1; 1 0], [1 2], 'file', [tempname() '.png'])};"
%!   "for i = 1:2"
%!   "  try"
%!   "    f{i} ();"
%!   "    printf ('RESULT %d none\\n', i);"
%!   "  catch err"
%!   "    printf ('RESULT %d %s\\n', i, err.identifier);"
%!   "  end_try_catch"
%!   "endfor"
%! };
%! [status, out] = run_octave_child (code, 120, 1e6);
%! ids = regexp (out, 'RESULT (\d) (\S+)', "tokens");
%! assert (numel (ids), 2, out);
%! assert (ids{1}{2}, "backprop:bp_plot_network:invalid_net", out);
%! assert (ids{2}{2}, "backprop:bp_plot_boundary:invalid_net", out);
