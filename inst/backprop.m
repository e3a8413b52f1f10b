## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {} backprop
## @deftypefnx {} {@var{text} =} backprop
## backprop: learning, teaching and experimenting with backpropagation in
## fully-connected feed-forward networks.  @code{help backprop} (or
## @code{backprop} alone) shows this overview; @code{help @var{name}} the
## help of each function, @code{demo @var{name}} its demos.
##
## The variables are the symbols of the classic derivations:
## @code{net.W@{l@}(j,k)} is w_jk^(l), the weight from node k of layer
## l-1 to node j of layer l; z^(l), a^(l), delta^(l) = dC_0/dz^(l), the
## loss C_0 of one sample and its mean C; eta the learning rate.  Samples
## are columns.  @file{doc/notation.md} maps every symbol of the four
## articles the package follows to its place here.
##
## @strong{Networks}
## @table @code
## @item bp_init
## a network: layer sizes, activations, loss, weights (@code{"seed"}).
## @item bp_forward
## the forward pass: every layer's z and a.
## @item bp_predict
## outputs and classes (0/1 at 0.5 for one output, else the largest).
## @end table
##
## @strong{Losses and activations}
## @table @code
## @item bp_loss
## sse, quadratic (also @qcode{"l2-norm"}), mse, cross-entropy,
## log-likelihood.
## @item bp_activation
## sigmoid (also @qcode{"logistic"}), tanh, relu, leaky-relu, linear,
## softmax.
## @end table
##
## @strong{Gradients and training}
## @table @code
## @item bp_gradient
## backpropagation: dC/dW, dC/db and the errors delta of every layer.
## @item bp_sgd_step
## one step w <- w - eta dC/dw.
## @item bp_train
## whole training runs in C: SGD, momentum, Nesterov, RMSprop, Adam, CG,
## BFGS; schedules, early stopping; the history @code{hist} (loss,
## accuracy, grad_rms per layer).
## @end table
##
## @strong{The network as one vector}
## @table @code
## @item bp_unroll
## every weight and bias as one column theta, and where each array is.
## @item bp_roll
## a column back into the network, exactly.
## @item bp_cost
## the loss and its gradient as a column, for fminunc, fminsearch or a
## conjugate-gradient routine.
## @end table
##
## @strong{Teaching}
## @table @code
## @item bp_chain
## the chain-rule factors of dC_0/dw_jk^(l), printed as the equation with
## numbers (@code{bp_chain_factors} is the value it returns).
## @item bp_gradcheck
## backpropagation against central differences or the complex step.
## @end table
##
## @strong{Data}
## @table @code
## @item bp_dataset
## XOR, spirals, moons, circles, the 2-3-2 article's sample.
## @item bp_load_idx
## MNIST-format (IDX) files, gzip or not.
## @end table
##
## @strong{Pictures}
## @table @code
## @item bp_plot_network
## the network with its weights or gradients, in the articles' names.
## @item bp_plot_history
## learning curves of one or several runs, and each layer's speed of
## learning (grad_rms).
## @item bp_plot_boundary
## the decision regions of a classifier of the plane.
## @item bp_plot_weights
## each unit's incoming weights as an image.
## @item bp_confusion
## the confusion matrix, recall, precision and accuracy.
## @item bp_plot_confusion
## the confusion matrix as a chart.
## @end table
##
## @strong{Slides}
## @table @code
## @item bp_figure
## a figure for several plots (a slide), with or without a display.
## @item bp_print
## a figure to PNG, SVG or PDF, without a display or Ghostscript.
## @end table
##
## Every plot takes an axes handle first (@code{bp_plot_history (hax,
## @dots{})}) to go into one panel of a figure, @qcode{"fontsize"}, and
## @qcode{"file"} (PNG, SVG or PDF).  Without a display a plot draws with
## gnuplot; given no file and no output it writes a temporary PNG and
## prints its name.  To print a figure of your own headless use
## @code{bp_print (h, "slide.png")}, or @code{print} with
## @code{-dpngcairo}, @code{-dsvg} or @code{-dpdfcairo}, which need no
## Ghostscript.
##
## Every bad input is an error with an identifier
## @code{backprop:@var{function}:@var{reason}} and a message naming the
## argument.  The worked pages (@file{doc/*.md}) reproduce each article
## with numbers; @file{doc/teaching.md} is a lesson plan with slides.
## @end deftypefn

function varargout = backprop (varargin)
  if (nargin > 0)
    error ("backprop:backprop:nargin", ...
           "backprop: takes no arguments, got %d; it shows the overview (help backprop)", ...
           nargin);
  elseif (nargout > 1)
    error ("backprop:backprop:nargout", ...
           "backprop: at most 1 output argument (the overview as text), got %d", ...
           nargout);
  endif
  text = help ("backprop");
  if (nargout == 1)
    varargout{1} = text;
  else
    printf ("%s", text);
  endif
endfunction

%!test
%! ## The overview names every function the package's INDEX lists.
%! text = help ("backprop");
%! ## Installed, INDEX is in packinfo; in a checkout, beside inst.
%! here = fileparts (which ("backprop"));
%! index = fullfile (here, "packinfo", "INDEX");
%! if (! isfile (index))
%!   index = fullfile (here, "..", "INDEX");
%! endif
%! index = fileread (index);
%! names = regexp (index, '(?m)^\s+(\S+)\s*$', "tokens");
%! names = cellfun (@(c) c{1}, names, "uniformoutput", false);
%! assert (numel (names) > 20);
%! for i = 1:numel (names)
%!   if (! strcmp (names{i}, "backprop"))
%!     assert (! isempty (regexp (text, ['\<' names{i} '\>'], "once")), ...
%!             "help backprop does not name %s", names{i});
%!   endif
%! endfor

%!test
%! ## Called alone, it prints the overview, or returns it.
%! out = evalc ("backprop");
%! assert (backprop (), help ("backprop"));
%! assert (! isempty (strfind (out, "bp_plot_confusion")));
%! assert (! isempty (strfind (out, "-dpngcairo")));

%!error <takes no arguments> backprop (1)
%!error id=backprop:backprop:nargout [x, y] = backprop ()
