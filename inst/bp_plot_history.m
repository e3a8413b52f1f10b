## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_history (@var{hist})
## @deftypefnx {} {@var{h} =} bp_plot_history (@var{hist}, @var{name}, @var{value}, @dots{})
## Plot the learning curves of a training run: the loss C per epoch, and
## the accuracy when there is one.
##
## @var{hist} is the second output of @code{[net, hist] = bp_train (@dots{})}:
## a struct whose field @code{loss} holds one value per epoch (the mean
## loss C of the epoch's mini-batches).  The optional fields
## @code{accuracy}, @code{val_loss} and @code{val_accuracy} are drawn when
## present: the loss in the upper panel, the accuracy in a lower one, the
## training curves solid and the validation curves dashed.  Other fields
## (such as @code{seconds}) are ignored.  A plain vector of losses is also
## accepted, e.g. the values of C collected in your own loop of
## @code{bp_gradient} and @code{bp_sgd_step}.  Every value must be 0 or
## between 1e-150 and 1e150 in magnitude: Octave's graphics cannot set up
## axes for values near the ends of the double range (such as
## @code{realmax} or @code{realmin}).
##
## Options:
##
## @table @asis
## @item @qcode{"log"}
## true for a logarithmic loss axis, false for a linear one (default: true
## when every loss is positive and they span more than a factor of 50).
## A logarithmic axis needs every loss (and validation loss) above 0.
## @item @qcode{"title"}
## a title for the figure (default: none).
## @item @qcode{"file"}
## write the figure to this PNG file (@qcode{".png"} is added to a name
## without an extension).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels (default [800 500], or
## [800 650] with an accuracy panel).
## @end table
##
## Every call draws in a new figure and returns its handle @var{h}.
## Without a display (an empty DISPLAY variable and no GUI) the figure is
## invisible and drawn with the gnuplot toolkit, whatever toolkit is the
## default; an invisible figure never becomes the current figure.  When the
## figure is invisible and @qcode{"file"} is given, the figure is closed
## once the PNG is written and @var{h} is empty.  An invisible figure made
## without @qcode{"file"} stays open, so that you can @code{print (h, @dots{})}
## it yourself and then @code{close (h)}.
##
## @example
## [X, Y] = bp_dataset ("moons", "seed", 1);
## [net, hist] = bp_train (bp_init ([2 6 2], "seed", 1), X, Y, ...
##                         "epochs", 100, "seed", 1);
## bp_plot_history (hist, "file", "moons-loss.png");
## @end example
##
## @seealso{bp_train, bp_plot_boundary, bp_plot_network}
## @end deftypefn

function [h, varargout] = bp_plot_history (hist, varargin)
  fn = "bp_plot_history";
  if (nargin < 1 || nargout > 1)
    bp_count_error (fn, nargin, nargout, 1, "(hist, name, value, ...)");
  endif
  curves = check_history (fn, hist);
  defaults = struct ("log", [], "title", "", "file", "", "visible", [],
                     "size", []);
  o = bp_parse_options (fn, defaults, varargin, 1);
  has_acc = isfield (curves, "accuracy") || isfield (curves, "val_accuracy");
  o = bp_check_figure_options (fn, o, [800, 500 + 150 * has_acc]);
  if (bp_is_unset (o.log))
    loss = [curves.loss(:); get_field(curves, "val_loss")(:)];
    o.log = all (loss > 0) && max (loss) > 50 * min (loss);
  else
    o.log = bp_check_scalar (fn, "log", o.log, 0, 1, true);
    if (o.log)
      check_log_axis (curves);
    endif
  endif
  if (! (ischar (o.title) && (isrow (o.title) || isempty (o.title))))
    error ("backprop:bp_plot_history:wrong_type",
           "bp_plot_history: title must be a string, got %s",
           bp_describe (o.title));
  endif

  fig = bp_draw_in_figure (fn, o, @(f) draw_history (f, curves, o, has_acc));
  if (nargout > 0)
    h = fig;
  endif
endfunction

## The curves to draw, as row vectors of one length; raises the
## backprop:bp_plot_history errors for anything else.
function curves = check_history (fn, hist)
  if (isnumeric (hist))
    hist = struct ("loss", hist);
  elseif (! (isstruct (hist) && isscalar (hist)))
    error ("backprop:bp_plot_history:wrong_type",
           "bp_plot_history: hist must be the struct returned by bp_train (or a vector of losses), got %s",
           bp_describe (hist));
  elseif (! isfield (hist, "loss"))
    error ("backprop:bp_plot_history:missing_field",
           "bp_plot_history: hist must have a field 'loss' (one value per epoch), got fields: %s",
           strjoin (fieldnames (hist)', ", "));
  endif
  curves = struct ();
  E = [];
  for f = {"loss", "accuracy", "val_loss", "val_accuracy"}
    name = f{1};
    if (! isfield (hist, name))
      continue;
    endif
    v = hist.(name);
    if (! (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v)
           && numel (v) >= 1))
      error ("backprop:bp_plot_history:wrong_type",
             "bp_plot_history: hist.%s must be a real double vector (one value per epoch), got %s",
             name, bp_describe (v));
    elseif (isempty (E))
      E = numel (v);
    elseif (numel (v) != E)
      error ("backprop:bp_plot_history:wrong_size",
             "bp_plot_history: hist.%s must have one value per epoch (%d, like hist.loss), got %d",
             name, E, numel (v));
    endif
    if (any (isnan (v)))
      error ("backprop:bp_plot_history:not_finite",
             "bp_plot_history: hist.%s must not contain NaN", name);
    endif
    bp_check_drawable (fn, ["hist." name], v, true);
    curves.(name) = v(:)';
  endfor
endfunction

## A logarithmic axis shows positive values only: Octave draws nothing
## for a curve of zeros (an empty plot, without a word) and puts negative
## values on a mirrored axis whose labels lack their signs.
function check_log_axis (curves)
  for f = {"loss", "val_loss"}
    if (isfield (curves, f{1}))
      bad = find (curves.(f{1}) <= 0, 1);
      if (! isempty (bad))
        error ("backprop:bp_plot_history:out_of_range",
               "bp_plot_history: log must be false when a loss is not positive: a logarithmic axis shows only values above 0, but hist.%s(%d) is %g",
               f{1}, bad, curves.(f{1})(bad));
      endif
    endif
  endfor
endfunction

function v = get_field (s, name)
  v = [];
  if (isfield (s, name))
    v = s.(name);
  endif
endfunction

function draw_history (fig, c, o, has_acc)
  train = [0 0.447 0.698];   # blue
  valid = [0.835 0.369 0];   # vermillion
  E = numel (c.loss);
  epochs = 1:E;
  ## Markers only while they can be told apart.
  marker = "none";
  if (E <= 30)
    marker = "o";
  endif
  style = {"linewidth", 2, "marker", marker, "markersize", 4};

  if (has_acc)
    ax = subplot (2, 1, 1, "parent", fig);
  else
    ax = axes ("parent", fig);
  endif
  names = {};
  hold (ax, "on");
  plot (ax, epochs, c.loss, "color", train, style{:});
  names{end+1} = "training";
  if (isfield (c, "val_loss"))
    plot (ax, epochs, c.val_loss, "--", "color", valid, style{:});
    names{end+1} = "validation";
  endif
  hold (ax, "off");
  if (o.log)
    set (ax, "yscale", "log");
  endif
  finish_axes (ax, E);
  ylabel (ax, "loss C");
  if (! has_acc)
    xlabel (ax, "epoch");
  endif
  if (numel (names) > 1)
    legend (ax, names, "location", "northeast");
  endif
  title (ax, o.title);

  if (has_acc)
    ax = subplot (2, 1, 2, "parent", fig);
    names = {};
    hold (ax, "on");
    if (isfield (c, "accuracy"))
      plot (ax, epochs, 100 * c.accuracy, "color", train, style{:});
      names{end+1} = "training";
    endif
    if (isfield (c, "val_accuracy"))
      plot (ax, epochs, 100 * c.val_accuracy, "--", "color", valid, style{:});
      names{end+1} = "validation";
    endif
    hold (ax, "off");
    finish_axes (ax, E);
    ylim (ax, [0 100]);
    ylabel (ax, "accuracy (%)");
    xlabel (ax, "epoch");
    if (numel (names) > 1)
      legend (ax, names, "location", "southeast");
    endif
  endif
endfunction

## Epochs on the x axis: whole numbers, the first epoch at the left edge.
function finish_axes (ax, E)
  grid (ax, "on");
  box (ax, "on");
  if (E > 1)
    xlim (ax, [1 E]);
  else
    xlim (ax, [0.5 1.5]);
    set (ax, "xtick", 1);
  endif
endfunction

%!function assert_png (file)
%!  ## A real PNG: present, more than a few bytes, and the PNG signature.
%!  assert (isfile (file));
%!  d = dir (file);
%!  assert (d.bytes > 1000);
%!  fid = fopen (file, "r");
%!  magic = fread (fid, 8, "uint8")';
%!  fclose (fid);
%!  assert (magic, [137 80 78 71 13 10 26 10]);

%!shared hist
%! hist = struct ("loss", 0.5 * exp (-(0:59) / 12) + 0.01, ...
%!                "accuracy", min (1, 0.5 + (0:59) / 80), ...
%!                "val_loss", 0.5 * exp (-(0:59) / 14) + 0.03, ...
%!                "val_accuracy", min (0.95, 0.5 + (0:59) / 90), ...
%!                "seconds", 0.01 * ones (1, 60));

%!test
%! ## Writing a PNG never warns that Ghostscript is missing (PNGs do not
%! ## need it), and leaves that warning's state as it was.  print warns
%! ## only once a session, so this is the first test here that prints.
%! f = [tempname() ".png"];
%! state = warning ("query", "print:nogs");
%! [msg, id] = lastwarn ();
%! unwind_protect
%!   warning ("on", "print:nogs");
%!   lastwarn ("");
%!   bp_plot_history ([1 0.5], "file", f, "visible", false);
%!   [~, got] = lastwarn ();
%!   assert (got, "");
%!   assert (warning ("query", "print:nogs").state, "on");
%! unwind_protect_cleanup
%!   warning (state.state, "print:nogs");
%!   lastwarn (msg, id);
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## Only a file: the PNG is written and no figure is left open.
%! f = [tempname() ".png"];
%! before = get (0, "children");
%! unwind_protect
%!   h = bp_plot_history (hist, "file", f, "visible", false);
%!   assert (isempty (h));
%!   assert (get (0, "children"), before);
%!   assert_png (f);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## Loss alone, a plain vector, a name without ".png".
%! f = tempname ();
%! unwind_protect
%!   bp_plot_history ([0.9 0.5 0.3 0.2], "file", f, "visible", false);
%!   assert_png ([f ".png"]);
%! unwind_protect_cleanup
%!   unlink ([f ".png"]);
%! end_unwind_protect

%!test
%! ## An invisible figure without a file stays open for print, and does not
%! ## become the current figure.
%! before = get (0, "currentfigure");
%! h = bp_plot_history (hist, "visible", false, "log", true);
%! unwind_protect
%!   assert (isfigure (h));
%!   assert (get (h, "visible"), "off");
%!   assert (get (0, "currentfigure"), before);
%!   ax = findobj (h, "type", "axes", "-not", "tag", "legend");
%!   assert (numel (ax), 2);
%!   assert (any (strcmp (get (ax, "yscale"), "log")));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## A single epoch is still drawn.
%! h = bp_plot_history (struct ("loss", 0.3, "seconds", 1), "visible", false);
%! unwind_protect
%!   line = findobj (h, "type", "line");
%!   assert (get (line, "ydata"), 0.3);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!error <hist must be the struct returned by bp_train> bp_plot_history ("loss")
%!error <hist must have a field 'loss'> bp_plot_history (struct ("seconds", 1))
%!error <hist.loss must be a real double vector> bp_plot_history (struct ("loss", {{1, 2}}))
%!error <hist.val_loss must have one value per epoch \(3, like hist.loss\), got 2> bp_plot_history (struct ("loss", [3 2 1], "val_loss", [1 2]))
%!error <hist.loss must not contain NaN> bp_plot_history ([1 NaN 0.5])
%!error <hist.loss must be a real double vector> bp_plot_history (zeros (1, 0))

%!test
%! ## The ends of the range that can be drawn, and zeros, are drawn.
%! for v = {[1e150 -1e150], [1e-150 1], 1e-150, [0 0]}
%!   h = bp_plot_history (v{1}, "visible", false);
%!   close (h);
%! endfor

## Values Octave's graphics cannot set up axes for are refused up front.
%!error <hist.loss must be 0 or between 1e-150 and 1e150 in magnitude to be drawn, got 2.22507e-308> bp_plot_history (realmin)
%!error id=backprop:bp_plot_history:out_of_range bp_plot_history (realmax)
%!error id=backprop:bp_plot_history:out_of_range bp_plot_history (-realmax)
%!error <hist.loss must be 0 or between .* got 1e\+308> bp_plot_history (struct ("loss", 1e308 * [1 -1]))
%!error <hist.loss must be 0 or between .* got Inf> bp_plot_history ([1 Inf])
%!error <hist.val_accuracy must be 0 or between .* got 1e-200> bp_plot_history (struct ("loss", [1 2], "val_accuracy", [0.5 1e-200]))
%!error <size must be \[width height\]> bp_plot_history ([1 0.5], "size", sparse ([500 400]))
%!error <file must be a file name, got a string with char \(0\) at position 2> bp_plot_history ([1 0.5], "file", ["a" char(0) "b.png"])
%!error <hist.accuracy must be a real double vector> bp_plot_history (struct ("loss", [1 2], "accuracy", single ([1 2])))
%!error <file must name a PNG file> bp_plot_history ([1 0.5], "file", "curve.pdf")
%!error <file must be in an existing folder> bp_plot_history ([1 0.5], "file", "/no/such/folder/c.png")
%!error <file must be a file name> bp_plot_history ([1 0.5], "file", 3)
%!error <size must be \[width height\]> bp_plot_history ([1 0.5], "size", [10 10])
%!error <log must be a whole number> bp_plot_history ([1 0.5], "log", 3)
%!error <log must be false when a loss is not positive: .* hist.loss\(1\) is 0> bp_plot_history ([0 0 0], "log", true)
%!error <hist.loss\(2\) is -0.5> bp_plot_history ([1 -0.5], "log", true)
%!error <hist.val_loss\(2\) is 0> bp_plot_history (struct ("loss", [1 2], "val_loss", [1 0]), "log", 1)
%!error <title must be a string> bp_plot_history ([1 0.5], "title", 3)
%!error <unknown option 'color'> bp_plot_history ([1 0.5], "color", "r")
%!error id=backprop:bp_plot_history:nargin bp_plot_history ()
%!error id=backprop:bp_plot_history:nargout [a, b] = bp_plot_history ([1 0.5])

%!demo
%! ## Learning curves of a small network on the two moons, with a
%! ## validation set drawn with another seed.
%! [X, Y] = bp_dataset ("moons", "n", 100, "seed", 1);
%! [Xv, Yv] = bp_dataset ("moons", "n", 50, "seed", 2);
%! net = bp_init ([2 8 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! [net, hist] = bp_train (net, X, Y, "epochs", 80, "eta", 0.3, ...
%!                         "validation", {Xv, Yv}, "seed", 1, "verbose", false);
%! bp_plot_history (hist, "title", "two moons, 2-8-2 network");
