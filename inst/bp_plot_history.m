## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_history (@var{hist})
## @deftypefnx {} {@var{h} =} bp_plot_history (@var{hax}, @var{hist})
## @deftypefnx {} {@var{h} =} bp_plot_history (@dots{}, @var{name}, @var{value}, @dots{})
## Plot the learning curves of one or several training runs: the loss C
## per epoch, the accuracy when there is one, and on request how fast
## each layer learns.
##
## @var{hist} is the second output of @code{[net, hist] = bp_train (@dots{})}:
## a struct whose field @code{loss} holds one value per epoch (the mean
## loss C of the epoch's mini-batches).  The optional fields
## @code{accuracy}, @code{val_loss}, @code{val_accuracy} and
## @code{grad_rms} are drawn when present and asked for: the training
## curves solid, the validation curves dashed; @code{epoch}, when present,
## numbers the epochs (a run continued from a @code{state} goes on from
## where the last one ended).  Other fields (such as @code{seconds}) are
## ignored.  A plain vector of losses is also accepted, e.g. the values of
## C collected in your own loop of @code{bp_gradient} and
## @code{bp_sgd_step}.
##
## Several runs share one set of axes, so that they can be compared: give
## a cell of histories (structs or vectors), a struct array of
## histories, or a matrix of losses with one run per column.  Each run has
## its own colour; @qcode{"names"} labels them in the legend (default: the
## learning rate of each run, from @code{hist.eta}, when the runs differ
## in it, and @qcode{"run 1"}, @qcode{"run 2"}, @dots{} otherwise).
##
## Every value must be 0 or between 1e-150 and 1e150 in magnitude:
## Octave's graphics cannot set up axes for values near the ends of the
## double range (such as @code{realmax} or @code{realmin}).
##
## Options:
##
## @table @asis
## @item @qcode{"show"}
## the panels, top to bottom: @qcode{"loss"}, @qcode{"accuracy"} (in %),
## @qcode{"grad_rms"}, or a cell of them.  @qcode{"grad_rms"} draws
## @code{hist.grad_rms}: for each layer l, the root mean square of the
## entries of dC/dW^(l) on the epoch's last mini-batch (see
## @code{bp_train}), one curve per layer, on
## a logarithmic axis: the speed at which each layer learns, which in a
## deep sigmoid network is far smaller in the first layers than in the
## last (the vanishing gradient).  Default: the loss, and the accuracy
## below it when a run has one; with an axes handle @var{hax}, the loss
## only (a single panel is all @var{hax} can hold).
## @item @qcode{"names"}
## one name per run (a cell of strings), for the legend.
## @item @qcode{"yscale"}
## @qcode{"linear"} or @qcode{"log"}: the scale of the loss and grad_rms
## axes, the same for every run (default: @qcode{"log"} when every value
## is positive and they span more than a factor of 50).  A logarithmic
## axis needs every loss (and validation loss) above 0.
## @item @qcode{"log"}
## the older spelling of @qcode{"yscale"}: true for @qcode{"log"}, false
## for @qcode{"linear"}.
## @item @qcode{"title"}
## a title for the figure (default: none).
## Texts (the title, the names) are TeX, as in Octave's own plots:
## @code{a_1} has a subscript, @code{\_} is an underscore and @code{\eta}
## the Greek letter (in single quotes, where Octave keeps a backslash).
## @item @qcode{"fontsize"}
## the size in points of the text (default: 10 points on a figure of
## 800-by-500 pixels, larger on a larger figure, such as 14 points on one
## of 1280-by-720 for a slide); the title is 1.2 times larger.
## @item @qcode{"file"}
## write the figure to this file: PNG, SVG or PDF by its extension
## (@qcode{".png"} is added to a name without one).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels (default [800 500], and 150
## pixels more for each further panel).
## @end table
##
## Without @var{hax} every call draws in a new figure and returns its
## handle @var{h}.  An invisible figure never becomes the current figure;
## when @qcode{"file"} is given it is closed once the file is written and
## @var{h} is empty, and otherwise it stays open, so that you can
## @code{bp_print (h, @dots{})} it yourself and then @code{close (h)}.
## Without a display (an empty DISPLAY variable and no GUI) the figure is
## invisible and drawn with the gnuplot toolkit; when you then give no
## file and ask for no output, the figure is written to a temporary PNG
## file and its name printed.
##
## With an axes handle @var{hax} first, the curves go into those axes of
## your figure (a panel of @code{bp_figure}, say), as @code{plot (hax, @dots{})}
## does, and @var{h} is their figure.  Headless, print such a figure with
## @code{bp_print (h, "slide.png")} or @code{print (h, "slide.png",
## "-dpngcairo")}: the devices @code{-dpngcairo}, @code{-dsvg} and
## @code{-dpdfcairo} need no Ghostscript, @code{-dpng} and @code{-dpdf}
## of a gnuplot figure do.
##
## @example
## [X, Y] = bp_dataset ("moons", "seed", 1);
## net = bp_init ([2 6 2], "seed", 1);
## for eta = [0.02 0.5 20]
##   [~, h@{end+1@}] = bp_train (net, X, Y, "epochs", 100, "eta", eta, "seed", 1);
## endfor
## bp_plot_history (h, "yscale", "log", "file", "rates.png");
## @end example
##
## @seealso{bp_train, bp_plot_boundary, bp_plot_network, bp_print}
## @end deftypefn

function varargout = bp_plot_history (varargin)
  fn = "bp_plot_history";
  [hax, args] = bp_plot_args (fn, varargin, nargin, nargout, 1, ...
                              "([hax,] hist, name, value, ...)");
  npos = 1 + ! isempty (hax);
  runs = check_runs (fn, args{1});
  defaults = struct ("show", [], "names", [], "yscale", [], "log", [], ...
                     "title", "", "fontsize", [], "file", "", "visible", [], ...
                     "size", []);
  o = bp_parse_options (fn, defaults, args(2:end), npos);
  o.show = check_show (fn, o.show, runs, ! isempty (hax));
  o.names = check_names (fn, o.names, runs);
  o.log = check_scale (fn, o, runs);
  o = bp_check_figure_options (fn, o, [800, 350 + 150 * numel(o.show)], hax);
  o.fontsize = bp_font_size (o);

  varargout = bp_draw_in_figure (fn, o, @(f, ax) draw_history (f, ax, runs, o), ...
                                 nargout);
endfunction

## ---- the runs

## One struct per run with row vectors of equal length (loss and the
## optional curves), the epochs, and how the run is named in messages.
function runs = check_runs (fn, hist)
  if (isnumeric (hist) && ismatrix (hist) && ! isvector (hist) ...
      && ! isempty (hist))
    ## Checked whole: num2cell would make a complex column with no
    ## imaginary part real, and a sparse one full.
    if (! (isa (hist, "double") && isreal (hist) && ! issparse (hist)))
      error ("backprop:bp_plot_history:wrong_type", ...
             "bp_plot_history: hist must be a real double matrix of losses (a run per column), got %s", ...
             bp_describe (hist));
    endif
    hist = num2cell (hist, 1);
    label = @(r) sprintf ("hist(:,%d)", r);
  elseif (iscell (hist) && ! isempty (hist))
    label = @(r) sprintf ("hist{%d}", r);
  elseif (isstruct (hist) && numel (hist) > 1)
    hist = num2cell (hist);
    label = @(r) sprintf ("hist(%d)", r);
  else
    hist = {hist};
    label = @(r) "hist";
  endif
  runs = cell (1, numel (hist));
  for r = 1:numel (hist)
    runs{r} = check_history (fn, hist{r}, label (r));
  endfor
  runs = [runs{:}];
endfunction

function run = check_history (fn, hist, name)
  if (isnumeric (hist))
    hist = struct ("loss", hist);
  elseif (! (isstruct (hist) && isscalar (hist)))
    error ("backprop:bp_plot_history:wrong_type", ...
           "bp_plot_history: %s must be the struct returned by bp_train (or a vector of losses), got %s", ...
           name, bp_describe (hist));
  elseif (! isfield (hist, "loss"))
    error ("backprop:bp_plot_history:missing_field", ...
           "bp_plot_history: %s must have a field 'loss' (one value per epoch), got fields: %s", ...
           name, strjoin (fieldnames (hist)', ", "));
  endif
  run = struct ("name", name, "loss", [], "accuracy", [], "val_loss", [], ...
                "val_accuracy", [], "grad_rms", [], "epoch", [], "eta", []);
  E = [];
  for f = {"loss", "accuracy", "val_loss", "val_accuracy"}
    if (isfield (hist, f{1}))
      [run.(f{1}), E] = check_curve (fn, hist.(f{1}), name, f{1}, E);
    endif
  endfor
  if (isfield (hist, "grad_rms"))
    run.grad_rms = check_grad_rms (fn, hist.grad_rms, name, E);
  endif
  run.epoch = 1:E;
  if (isfield (hist, "epoch"))
    run.epoch = check_epochs (fn, hist.epoch, name, E);
  endif
  if (isfield (hist, "eta") && isa (hist.eta, "double") && ! isempty (hist.eta))
    run.eta = hist.eta(1);
  endif
endfunction

## A curve: a real double vector of E values (E from the first curve,
## the loss), without NaN, that axes can span.
function [v, E] = check_curve (fn, v, run, field, E)
  name = [run "." field];
  if (! (isa (v, "double") && isreal (v) && ! issparse (v) && isvector (v) ...
         && numel (v) >= 1))
    error ("backprop:bp_plot_history:wrong_type", ...
           "bp_plot_history: %s must be a real double vector (one value per epoch), got %s", ...
           name, bp_describe (v));
  elseif (isempty (E))
    E = numel (v);
  elseif (numel (v) != E)
    error ("backprop:bp_plot_history:wrong_size", ...
           "bp_plot_history: %s must have one value per epoch (%d, like %s.loss), got %d", ...
           name, E, run, numel (v));
  endif
  if (any (isnan (v)))
    error ("backprop:bp_plot_history:not_finite", ...
           "bp_plot_history: %s must not contain NaN", name);
  endif
  bp_check_drawable (fn, name, v, true);
  v = v(:)';
endfunction

## E-by-L, as bp_train makes it; NaN (an epoch without an update) is a
## gap in the curve.
function g = check_grad_rms (fn, g, name, E)
  if (! (isa (g, "double") && isreal (g) && ! issparse (g) && ismatrix (g) ...
         && rows (g) == E && columns (g) >= 1))
    error ("backprop:bp_plot_history:wrong_type", ...
           "bp_plot_history: %s.grad_rms must be a real double matrix with one row per epoch (%d) and one column per layer, got %s", ...
           name, E, bp_describe (g));
  endif
  bp_check_drawable (fn, [name ".grad_rms"], g(! isnan (g)), true);
endfunction

function e = check_epochs (fn, e, name, E)
  if (! (isa (e, "double") && isreal (e) && ! issparse (e) && isvector (e) ...
         && numel (e) == E && all (isfinite (e)) && all (diff (e) > 0)))
    error ("backprop:bp_plot_history:wrong_type", ...
           "bp_plot_history: %s.epoch must number the epochs: an increasing real double vector of %d finite values, got %s", ...
           name, E, bp_describe (e));
  endif
  bp_check_drawable (fn, [name ".epoch"], e, false);
  e = e(:)';
endfunction

## ---- the options

function show = check_show (fn, show, runs, one_panel)
  panels = {"loss", "accuracy", "grad_rms"};
  if (bp_is_unset (show))
    has_acc = any (arrayfun (@(r) ! isempty (r.accuracy) || ! isempty (r.val_accuracy), runs));
    show = panels(1:1 + (has_acc && ! one_panel));
  elseif (ischar (show) && isrow (show))
    show = {show};
  endif
  if (! (iscellstr (show) && ! isempty (show) ...
         && all (ismember (show, panels)) && numel (unique (show)) == numel (show)))
    error ("backprop:bp_plot_history:wrong_type", ...
           "bp_plot_history: show must be 'loss', 'accuracy', 'grad_rms' or a cell of them, each at most once, got %s", ...
           bp_quote (show));
  elseif (one_panel && numel (show) > 1)
    error ("backprop:bp_plot_history:wrong_size", ...
           "bp_plot_history: show must name one panel when the plot goes into the axes hax, got %d", ...
           numel (show));
  endif
  for p = show
    has = arrayfun (@(r) ! isempty (r.(p{1})), runs);
    if (strcmp (p{1}, "accuracy"))
      has |= arrayfun (@(r) ! isempty (r.val_accuracy), runs);
    endif
    if (! any (has))
      error ("backprop:bp_plot_history:missing_field", ...
             "bp_plot_history: show asks for '%s', but no history has a field '%s'%s", ...
             p{1}, p{1}, pick_hint (p{1}));
    endif
  endfor
endfunction

function s = pick_hint (panel)
  s = "";
  if (strcmp (panel, "accuracy"))
    s = " (bp_train records it when the targets are classes)";
  elseif (strcmp (panel, "grad_rms"))
    s = " (bp_train records it in every run)";
  endif
endfunction

## One name per run: given, or each run's learning rate when the runs
## differ in it, or "run r".
function names = check_names (fn, names, runs)
  R = numel (runs);
  if (bp_is_unset (names))
    etas = arrayfun (@(r) r.eta, runs, "uniformoutput", false);
    if (R > 1 && ! any (cellfun (@isempty, etas)) ...
        && numel (unique ([etas{:}])) == R)
      names = cellfun (@(e) sprintf ("\\eta = %g", e), etas, "uniformoutput", false);
    else
      names = arrayfun (@(r) sprintf ("run %d", r), 1:R, "uniformoutput", false);
    endif
    return;
  elseif (ischar (names) && (isrow (names) || isempty (names)) && R == 1)
    names = {names};
  endif
  if (! (iscellstr (names) && numel (names) == R ...
         && all (cellfun (@(n) isrow (n) || isempty (n), names))))
    error ("backprop:bp_plot_history:wrong_type", ...
           "bp_plot_history: names must be a cell of %d strings, one per run, got %s", ...
           R, bp_describe (names));
  endif
endfunction

## True for a logarithmic loss (and grad_rms) axis, false for a linear
## one, [] to let each panel decide: log when its values are positive and
## span more than a factor of 50.
function tf = check_scale (fn, o, runs)
  if (! bp_is_unset (o.yscale) && ! bp_is_unset (o.log))
    error ("backprop:bp_plot_history:conflicting_options", ...
           "bp_plot_history: give 'yscale' or its older spelling 'log', not both");
  elseif (! bp_is_unset (o.log))
    tf = bp_check_scalar (fn, "log", o.log, 0, 1, true);
  elseif (! bp_is_unset (o.yscale))
    if (! (ischar (o.yscale) && isrow (o.yscale) ...
           && any (strcmp (o.yscale, {"linear", "log"}))))
      error ("backprop:bp_plot_history:wrong_type", ...
             "bp_plot_history: yscale must be 'linear' or 'log', got %s", ...
             bp_quote (o.yscale));
    endif
    tf = strcmp (o.yscale, "log");
  else
    tf = [];          # each panel decides from its own values
    return;
  endif
  if (tf)
    check_log_axis (runs, o.show);
  endif
endfunction

## A logarithmic axis shows positive values only: Octave draws nothing
## for a curve of zeros (an empty plot, without a word) and puts negative
## values on a mirrored axis whose labels lack their signs.
function check_log_axis (runs, show)
  fields = {"loss", "val_loss"};
  if (any (strcmp (show, "grad_rms")))
    fields{end+1} = "grad_rms";
  endif
  for r = runs
    for f = fields
      bad = find (r.(f{1})(:) <= 0, 1);
      if (! isempty (bad))
        error ("backprop:bp_plot_history:out_of_range", ...
               "bp_plot_history: log must be false when a loss is not positive: a logarithmic axis shows only values above 0, but %s.%s(%d) is %g", ...
               r.name, f{1}, bad, r.(f{1})(bad));
      endif
    endfor
  endfor
endfunction

## ---- drawing

function draw_history (fig, ax, runs, o)
  n = numel (o.show);
  if (isempty (ax))
    ax = bp_panels (fig, n, 1);
  endif
  for p = 1:n
    a = ax(p);
    set (a, "fontsize", o.fontsize);
    panel (a, o.show{p}, runs, o);
    if (p == n)
      xlabel (a, "epoch");
    endif
    if (p == 1)
      title (a, o.title, "fontsize", 1.2 * o.fontsize);
    endif
  endfor
endfunction

## Colours that colour-blind readers can tell apart (Okabe and Ito).
function c = colours ()
  c = [0     0.447 0.698;  0.835 0.369 0;    0     0.620 0.451;
       0.800 0.475 0.655;  0.902 0.624 0;    0.337 0.706 0.914;
       0     0     0];
endfunction

function panel (ax, what, runs, o)
  R = numel (runs);
  c = colours ();
  hold (ax, "on");
  lines = [];
  names = {};
  E = 1;
  for r = 1:R
    x = runs(r).epoch;
    E = max (E, numel (x));
    style = {"linewidth", 2, "marker", bp_pick(numel (x) <= 30, "o", "none"), ...
             "markersize", 4};
    if (strcmp (what, "grad_rms"))
      [l, n] = grad_lines (ax, runs(r), R, r, o.names{r}, style);
      lines = [lines, l];
      names = [names, n];
      continue;
    endif
    [train, valid] = pick_fields (what);
    scale = bp_pick (strcmp (what, "accuracy"), 100, 1);
    colour_t = c(mod (r - 1, rows (c)) + 1, :);
    colour_v = bp_pick (R == 1, c(2, :), colour_t);
    if (! isempty (runs(r).(train)))
      lines(end+1) = plot (ax, x, scale * runs(r).(train), "color", colour_t, style{:});
      names{end+1} = bp_pick (R == 1, "training", o.names{r});
    endif
    if (! isempty (runs(r).(valid)))
      lines(end+1) = plot (ax, x, scale * runs(r).(valid), "--", "color", colour_v, style{:});
      names{end+1} = bp_pick (R == 1, "validation", [o.names{r} " (validation)"]);
    endif
  endfor
  hold (ax, "off");
  grid (ax, "on");
  box (ax, "on");
  first = min (arrayfun (@(r) r.epoch(1), runs));
  last = max (arrayfun (@(r) r.epoch(end), runs));
  if (last > first)
    xlim (ax, [first last]);
  else
    xlim (ax, first + [-0.5 0.5]);
    set (ax, "xtick", first);
  endif
  switch (what)
    case "loss"
      ylabel (ax, "loss C");
    case "accuracy"
      ylim (ax, [0 100]);
      ylabel (ax, "accuracy (%)");
    otherwise
      ylabel (ax, "RMS of dC/dW^{(l)}");
  endswitch
  logy = ! strcmp (what, "accuracy") && use_log (o.log, lines);
  if (logy)
    set (ax, "yscale", "log");
  endif
  if (numel (lines) > 1 || (R > 1 && ! isempty (lines)))
    ## Inside the axes, in the right-hand corner the curves leave freer;
    ## outside once it is long.
    if (numel (lines) > 3)
      where = "eastoutside";
    else
      where = free_corner (ax, lines, logy);
    endif
    legend (ax, lines, names, "fontsize", o.fontsize, "location", where);
  endif
endfunction

## Where on the right the legend covers no point of the last 40% of the
## epochs: "northeast" (the top quarter of the axis), "southeast" (the
## bottom quarter) or "east" (the middle 30%), in that order of
## preference; "eastoutside" when every one of them is taken.
function where = free_corner (ax, lines, logy)
  x = get (lines, "xdata");
  y = get (lines, "ydata");
  if (! iscell (x))
    x = {x};
    y = {y};
  endif
  x = [x{:}];
  y = [y{:}];
  lim = get (ax, "ylim");
  ok = ! isnan (y) & (! logy | y > 0);
  x = x(ok);
  y = y(ok);
  if (logy)
    y = log (y);
    lim = log (lim);
  endif
  f = (y - lim(1)) / (lim(2) - lim(1));
  late = x >= min (x) + 0.6 * (max (x) - min (x));
  taken = [any(late & f > 0.75), any(late & f < 0.25), any(late & abs (f - 0.5) < 0.15)];
  where = {"northeast", "southeast", "east", "eastoutside"}{find ([! taken, true], 1)};
endfunction

function tf = use_log (choice, lines)
  tf = choice;
  if (isempty (choice))
    v = get (lines, "ydata");
    if (iscell (v))
      v = [v{:}];
    endif
    v = v(! isnan (v));
    tf = ! isempty (v) && all (v > 0) && max (v) > 50 * min (v);
  endif
endfunction

function [train, valid] = pick_fields (what)
  if (strcmp (what, "accuracy"))
    train = "accuracy";
    valid = "val_accuracy";
  else
    train = "loss";
    valid = "val_loss";
  endif
endfunction

## One curve per layer: one colour each for a single run; for several
## runs the run's colour, and a line style per layer.
function [lines, names] = grad_lines (ax, run, R, r, name, style)
  c = colours ();
  dashes = {"-", "--", ":", "-."};
  L = columns (run.grad_rms);
  lines = [];
  names = {};
  if (isempty (run.grad_rms))
    return;
  endif
  for l = 1:L
    if (R == 1)
      colour = c(mod (l - 1, rows (c)) + 1, :);
      dash = "-";
      names{end+1} = sprintf ("layer %d", l);
    else
      colour = c(mod (r - 1, rows (c)) + 1, :);
      dash = dashes{mod (l - 1, 4) + 1};
      names{end+1} = sprintf ("%s, layer %d", name, l);
    endif
    lines(end+1) = plot (ax, run.epoch, run.grad_rms(:, l)', dash, ...
                         "color", colour, style{:});
  endfor
endfunction

%!function assert_file (file, magic)
%!  ## A real file of its format: present, more than a few bytes, and the
%!  ## format's signature.
%!  assert (isfile (file));
%!  d = dir (file);
%!  assert (d.bytes > 1000);
%!  fid = fopen (file, "r");
%!  head = fread (fid, 1024, "uint8=>char")';
%!  fclose (fid);
%!  assert (! isempty (strfind (head, magic)));

%!function lines = curves (h)
%!  ## The lines of the figure's plot axes, in the order drawn.
%!  ax = findobj (h, "type", "axes", "-not", "tag", "legend");
%!  lines = flipud (findobj (ax(end), "type", "line"));

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
%!   ## No warning was shown.  Octave 11 records disabled ones in lastwarn
%!   ## when it first loads a graphics toolkit (its own files use a bare
%!   ## newline in parentheses and mix string quotes): those reach nobody.
%!   [~, got] = lastwarn ();
%!   assert (isempty (got) || strcmp (warning ("query", got).state, "off"), ...
%!           "a warning was shown: %s", got);
%!   assert (warning ("query", "print:nogs").state, "on");
%! unwind_protect_cleanup
%!   warning (state.state, "print:nogs");
%!   lastwarn (msg, id);
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## Only a file: it is written and no figure is left open; SVG and PDF
%! ## by the extension, without Ghostscript.
%! base = tempname ();
%! before = get (0, "children");
%! unwind_protect
%!   for ext = {".png", "\x89PNG"; ".svg", "<svg"; ".pdf", "%PDF-"}'
%!     h = bp_plot_history (hist, "file", [base ext{1}], "visible", false);
%!     assert (isempty (h));
%!     assert (get (0, "children"), before);
%!     assert_file ([base ext{1}], ext{2});
%!   endfor
%! unwind_protect_cleanup
%!   for ext = {".png", ".svg", ".pdf"}
%!     unlink ([base ext{1}]);
%!   endfor
%! end_unwind_protect

%!test
%! ## Loss alone, a plain vector, a name without an extension.
%! f = tempname ();
%! unwind_protect
%!   bp_plot_history ([0.9 0.5 0.3 0.2], "file", f, "visible", false);
%!   assert_file ([f ".png"], "PNG");
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

%!test
%! ## Three runs in a cell share one axes: one curve each with its own
%! ## losses and colour, named in the legend by their learning rates.
%! runs = cell (1, 3);
%! etas = [0.02 0.5 20];
%! for r = 1:3
%!   runs{r} = struct ("loss", (1:8) .^ -r, "eta", etas(r) * ones (1, 8));
%! endfor
%! h = bp_plot_history (runs, "visible", false, "yscale", "log");
%! unwind_protect
%!   lines = curves (h);
%!   assert (numel (lines), 3);
%!   for r = 1:3
%!     assert (get (lines(r), "ydata"), (1:8) .^ -r);
%!   endfor
%!   assert (size (unique (cell2mat (get (lines, "color")), "rows"), 1), 3);
%!   leg = findobj (h, "type", "axes", "tag", "legend");
%!   ## (A gnuplot figure holds its texts escaped for gnuplot.)
%!   assert (strrep (get (leg, "string"), '\\', '\'), ...
%!           {'\eta = 0.02', '\eta = 0.5', '\eta = 20'});
%!   assert (get (findobj (h, "type", "axes", "-not", "tag", "legend"), "yscale"), "log");
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## A struct array of runs and a matrix of losses (a run per column)
%! ## draw the same curves; names label them.
%! s = struct ("loss", {[3 2 1], [4 3 1]});
%! h1 = bp_plot_history (s, "names", {"a", "b"}, "visible", false);
%! h2 = bp_plot_history ([3 4; 2 3; 1 1], "visible", false);
%! unwind_protect
%!   assert (get (curves (h1), "ydata"), get (curves (h2), "ydata"));
%!   assert (get (findobj (h1, "tag", "legend"), "string"), {"a", "b"});
%!   assert (get (findobj (h2, "tag", "legend"), "string"), {"run 1", "run 2"});
%! unwind_protect_cleanup
%!   close ([h1 h2]);
%! end_unwind_protect

%!test
%! ## An axes handle first: the curves go into that panel of the caller's
%! ## figure; the other panel, the current figure and the figure's
%! ## current axes stay as they were; h is that figure.
%! mine = figure ("visible", "off");
%! other = figure ("visible", "off");
%! unwind_protect
%!   a1 = axes ("parent", mine, "outerposition", [0 0 0.5 1]);
%!   a2 = axes ("parent", mine, "outerposition", [0.5 0 0.5 1]);
%!   plot (a2, 1:3, [5 6 7]);
%!   set (mine, "currentaxes", a2);
%!   set (0, "currentfigure", other);
%!   h = bp_plot_history (a1, {[1 0.5 0.2], [1 0.8 0.7]}, "fontsize", 17);
%!   assert (h, mine);
%!   assert (get (0, "currentfigure"), other);
%!   assert (get (mine, "currentaxes"), a2);
%!   assert (numel (findobj (a1, "type", "line")), 2);
%!   assert (get (findobj (a2, "type", "line"), "ydata"), [5 6 7]);
%!   assert (get (a1, "fontsize"), 17);
%!   assert (get (get (a1, "xlabel"), "string"), "epoch");
%! unwind_protect_cleanup
%!   close ([mine other]);
%! end_unwind_protect

%!test
%! ## "fontsize" sets the text; by default it grows with the figure.
%! h1 = bp_plot_history ([1 0.5], "visible", false, "fontsize", 20, "title", "t");
%! h2 = bp_plot_history ([1 0.5], "visible", false, "size", [1280 720]);
%! h3 = bp_plot_history ([1 0.5], "visible", false);
%! unwind_protect
%!   ax = findobj (h1, "type", "axes");
%!   assert (get (ax, "fontsize"), 20);
%!   assert (get (get (ax, "title"), "fontsize"), 24);
%!   assert (get (findobj (h2, "type", "axes"), "fontsize"), 14);
%!   assert (get (findobj (h3, "type", "axes"), "fontsize"), 10);
%! unwind_protect_cleanup
%!   close ([h1 h2 h3]);
%! end_unwind_protect

%!test
%! ## The speed of learning: one curve of hist.grad_rms per layer, on a
%! ## logarithmic axis when the values span orders of magnitude.
%! g = [1e-4 1e-2; 2e-4 3e-2; 4e-4 2e-2];
%! h = bp_plot_history (struct ("loss", [3 2 1], "grad_rms", g), ...
%!                      "show", "grad_rms", "visible", false);
%! unwind_protect
%!   lines = curves (h);
%!   assert (get (lines, "ydata"), {g(:,1)'; g(:,2)'});
%!   ax = findobj (h, "type", "axes", "-not", "tag", "legend");
%!   assert (get (ax, "yscale"), "log");
%!   assert (get (findobj (h, "tag", "legend"), "string"), {"layer 1", "layer 2"});
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## hist.epoch numbers the x axis (a run continued from a state).
%! h = bp_plot_history (struct ("loss", [3 2 1], "epoch", [11 12 13]), "visible", false);
%! unwind_protect
%!   assert (get (curves (h), "xdata"), [11 12 13]);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## bp_train's history of a real run: loss, accuracy and grad_rms panels.
%! [X, Y] = bp_dataset ("xor");
%! [~, hi] = bp_train (bp_init ([2 3 1], "seed", 1), X, Y, "epochs", 5, ...
%!                     "verbose", false, "seed", 1);
%! h = bp_plot_history (hi, "show", {"loss", "accuracy", "grad_rms"}, "visible", false);
%! unwind_protect
%!   assert (numel (findobj (h, "type", "axes", "-not", "tag", "legend")), 3);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!error <hist must be the struct returned by bp_train> bp_plot_history ("loss")
%!error <hist must have a field 'loss'> bp_plot_history (struct ("seconds", 1))
%!error <hist.loss must be a real double vector> bp_plot_history (struct ("loss", {{1, 2}}))
%!error <hist.val_loss must have one value per epoch \(3, like hist.loss\), got 2> bp_plot_history (struct ("loss", [3 2 1], "val_loss", [1 2]))
%!error <hist.loss must not contain NaN> bp_plot_history ([1 NaN 0.5])
%!error <hist.loss must be a real double vector> bp_plot_history (zeros (1, 0))
%!error <hist must be a real double matrix of losses \(a run per column\), got a 2-by-2 complex double> bp_plot_history (complex ([1 2; 3 4], 0))
%!error <hist must be a real double matrix of losses> bp_plot_history (sparse ([1 0; 0 1]))
%!error <yscale must be 'linear' or 'log'> bp_plot_history ([1 2], "yscale", ["log"; "log"])
%!error <hist\{2\}.loss must not contain NaN> bp_plot_history ({[1 2], [NaN 1]})
%!error <hist\(2\).loss must be a real double vector> bp_plot_history (struct ("loss", {1, "a"}))
%!error <hist\{1\} must be the struct returned by bp_train> bp_plot_history ({{1}})
%!error <hist.grad_rms must be a real double matrix with one row per epoch \(2\)> bp_plot_history (struct ("loss", [1 2], "grad_rms", [1 2]), "show", "grad_rms")
%!error <hist.epoch must number the epochs> bp_plot_history (struct ("loss", [1 2], "epoch", [2 1]))
%!error <show asks for 'accuracy', but no history has a field 'accuracy'> bp_plot_history ([1 2], "show", "accuracy")
%!error <show must be 'loss', 'accuracy', 'grad_rms' or a cell of them> bp_plot_history ([1 2], "show", "speed")
%!error <show must be 'loss', 'accuracy', 'grad_rms' or a cell of them, each at most once> bp_plot_history ([1 2], "show", {"loss", "loss"})
%!error <names must be a cell of 2 strings, one per run> bp_plot_history ({[1 2], [2 1]}, "names", {"a"})
%!error <yscale must be 'linear' or 'log', got 'semilog'> bp_plot_history ([1 2], "yscale", "semilog")
%!error <give 'yscale' or its older spelling 'log', not both> bp_plot_history ([1 2], "yscale", "log", "log", true)
%!error <fontsize must be a number in \[4, 200\]> bp_plot_history ([1 2], "fontsize", 2)

%!test
%! ## The ends of the range that can be drawn, and zeros, are drawn.
%! for v = {[1e150 -1e150], [1e-150 1], 1e-150, [0 0]}
%!   h = bp_plot_history (v{1}, "visible", false);
%!   close (h);
%! endfor

%!test
%! ## With an axes handle: one panel only, and no figure options.
%! f = figure ("visible", "off");
%! unwind_protect
%!   ax = axes ("parent", f);
%!   fail ("bp_plot_history (ax, struct ('loss', [1 2], 'accuracy', [0 1]), 'show', {'loss', 'accuracy'})", ...
%!         "show must name one panel when the plot goes into the axes hax, got 2");
%!   fail ("bp_plot_history (ax, [1 2], 'size', [500 400])", "option 'size' describes a figure of the plot's own");
%!   fail ("bp_plot_history (ax, [1 2], 'visible', false)", "option 'visible' describes a figure");
%!   plot (ax, 1:2);
%!   fail ("bp_plot_history (legend (ax, 'x'), [1 2])", "hax must be the handle of plot axes, got the handle of a legend");
%! unwind_protect_cleanup
%!   close (f);
%! end_unwind_protect

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
%!error <file must name a PNG, SVG or PDF file> bp_plot_history ([1 0.5], "file", "curve.jpg")
%!error <file must be in an existing folder> bp_plot_history ([1 0.5], "file", "/no/such/folder/c.png")
%!error <file must be a file name> bp_plot_history ([1 0.5], "file", 3)
%!error <size must be \[width height\]> bp_plot_history ([1 0.5], "size", [10 10])
%!error <log must be a whole number> bp_plot_history ([1 0.5], "log", 3)
%!error <log must be false when a loss is not positive: .* hist.loss\(1\) is 0> bp_plot_history ([0 0 0], "log", true)
%!error <hist.loss\(2\) is -0.5> bp_plot_history ([1 -0.5], "log", true)
%!error <hist.val_loss\(2\) is 0> bp_plot_history (struct ("loss", [1 2], "val_loss", [1 0]), "log", 1)
%!error <hist\{2\}.loss\(1\) is 0> bp_plot_history ({[1 2], [0 1]}, "yscale", "log")
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

%!demo
%! ## Three learning rates on one set of axes: the logistic network with
%! ## the quadratic loss of the articles, on the two moons.
%! [X, Y] = bp_dataset ("moons", "n", 100, "seed", 1);
%! net = bp_init ([2 8 2], "activation", "logistic", "loss", "l2-norm", "seed", 2);
%! runs = {};
%! for eta = [0.05 1 20]
%!   [~, runs{end+1}] = bp_train (net, X, Y, "epochs", 100, "eta", eta, ...
%!                                "seed", 1, "verbose", false);
%! endfor
%! bp_plot_history (runs, "yscale", "log", "title", "the learning rate");

%!demo
%! ## The speed of learning: in a deep sigmoid network the first layers'
%! ## gradients are far smaller than the last one's.
%! [X, Y] = bp_dataset ("spirals", "n", 100, "seed", 1);
%! net = bp_init ([2 8 8 8 8 2], "seed", 1);
%! [~, hist] = bp_train (net, X, Y, "epochs", 50, "eta", 0.5, "seed", 1, ...
%!                       "verbose", false);
%! bp_plot_history (hist, "show", "grad_rms", "title", "speed of learning");
