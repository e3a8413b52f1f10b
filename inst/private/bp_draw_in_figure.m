## -*- texinfo -*-
## @deftypefn {} {@var{out} =} bp_draw_in_figure (@var{fn}, @var{o}, @var{draw}, @var{nout})
## The figure handling of every bp_plot_* function @var{fn}: draw with
## @code{@var{draw} (@var{fig}, @var{ax})} (@var{ax} the caller's axes
## handle @var{o}.axes, or @code{[]}: then @var{draw} makes its own axes
## in the new figure @var{fig}), write @var{o}.file in @var{o}.format when
## it is not empty (@code{bp_write_figure}), and decide what stays open,
## as their help texts describe.  @var{nout} is the caller's nargout.
##
## @itemize
## @item Without an axes handle each call draws in a new figure of
## @var{o}.size pixels (@code{bp_new_figure}), shown when @var{o}.visible
## is true.  An invisible figure never becomes the current figure; it is
## closed once @var{o}.file is written, and @var{h} is then empty.
## @item Without a display, when the caller said nothing about
## @qcode{"visible"} and gave no file, the figure cannot be seen: with no
## output argument it is written to a temporary PNG file whose name is
## printed, and closed (so that @code{demo} shows something on a server);
## with one, the figure is handed back and one line says how to write it.
## @item With an axes handle the plot replaces what those axes held (or
## adds to it, under @code{hold on}), as @code{plot (hax, @dots{})} does,
## and the current figure and the figure's current axes stay as they were;
## @var{o}.file then receives the whole figure, and @var{h} is that figure.
## @item Every string the call put into a gnuplot figure is escaped with
## @code{bp_gnuplot_text} (Octave 7's gnuplot toolkit writes them into
## gnuplot commands unescaped), and drawn in FreeSans, the font Octave
## measures text extents with, so that the sizes the plots compute from
## extents are the sizes drawn (gnuplot's default font is wider).
## @item If anything fails, or the call is interrupted (Ctrl-C), a figure
## opened here is closed again and the current figure restored.  A font
## that cannot be loaded is reported as @code{backprop:@var{fn}:no_font},
## with what to install; any other error of Octave's graphics as
## @code{backprop:@var{fn}:not_drawable}, with Octave's message.
## @end itemize
##
## @var{o} holds the options checked by @code{bp_check_figure_options}.
## @var{out} is what the caller returns as its varargout: @code{@{@var{h}@}}
## when it was asked for an output, else @code{@{@}} (so that a call
## without a semicolon prints no @code{ans}).  One copy, so that the plot
## functions handle figures alike.
## @end deftypefn

function out = bp_draw_in_figure (fn, o, draw, nout)
  out = {};
  h = draw_somewhere (fn, o, draw, nout);
  if (nout > 0)
    out = {h};
  endif
endfunction

function h = draw_somewhere (fn, o, draw, nout)
  if (! isempty (o.axes))
    h = draw_in_axes (fn, o, draw);
    return;
  endif
  previous = get (0, "currentfigure");
  ## Every figure there is, hidden handles too: whatever is new when the
  ## call fails or is interrupted was opened here, even if figure ()
  ## itself was interrupted before its handle came back.
  before = findall (0, "type", "figure");
  unseen = ! o.visible && ! o.told_visible && isempty (o.file);
  done = false;
  ## unwind_protect rather than try alone: an interrupt skips a catch
  ## block, but not a cleanup block.
  unwind_protect
    h = bp_new_figure (fn, o.size, o.visible);
    guarded (fn, @() draw_and_write (fn, h, [], o, draw, h, {}));
    if (unseen && nout == 0)
      file = [tempname(tempdir (), [fn "-"]) ".png"];
      guarded (fn, @() bp_write_figure (fn, h, file, "png"));
      printf ("%s: no display, so the figure went to %s\n", fn, file);
    elseif (unseen)
      printf ("%s: no display, so h is an invisible figure; bp_print (h, \"figure.png\") writes it (or give the option \"file\")\n", ...
              fn);
    endif
    done = true;
  unwind_protect_cleanup
    if (! done)
      opened = setdiff (findall (0, "type", "figure"), before);
      if (! isempty (opened))
        close (opened);
      endif
      bp_restore_current (previous);
    endif
  end_unwind_protect
  if (! o.visible)
    if (! isempty (o.file) || (unseen && nout == 0))
      close_figure (h, previous);
      h = [];
    else
      bp_restore_current (previous);
    endif
  endif
endfunction

## Into the caller's axes AX: their figure is the caller's, so nothing is
## closed, but the current figure and the figure's current axes are put
## back (newplot and friends make them current).
function fig = draw_in_axes (fn, o, draw)
  ax = o.axes;
  fig = ancestor (ax, "figure");
  previous = get (0, "currentfigure");
  previous_axes = get (fig, "currentaxes");
  hold_state = get (ax, "nextplot");
  old = text_state (fig);
  unwind_protect
    guarded (fn, @() draw_and_write (fn, fig, ax, o, draw, ax, old));
  unwind_protect_cleanup
    if (isaxes (ax))
      set (ax, "nextplot", hold_state);
    endif
    if (isfigure (fig) && ! isempty (previous_axes) && isaxes (previous_axes))
      set (fig, "currentaxes", previous_axes);
    endif
    bp_restore_current (previous);
  end_unwind_protect
endfunction

## Draw (in a new axes of FIG, or after newplot in AX), make the texts
## safe for gnuplot, and write the file.  OLD: the texts that were there
## before (empty for a new figure), which keep their strings.
function draw_and_write (fn, fig, ax, o, draw, scope, old)
  if (! isempty (ax))
    newplot (ax);
  endif
  draw (fig, ax);
  if (strcmp (get (fig, "__graphics_toolkit__"), "gnuplot"))
    gnuplot_text (scope, old);
  endif
  if (! isempty (o.file))
    bp_write_figure (fn, fig, o.file, o.format);
  endif
endfunction

## Run F; Octave's graphics errors become the package's.
function guarded (fn, f)
  try
    f ();
  catch err
    if (! isempty (regexp (err.message, "ft_text_renderer|unable to load font", ...
                           "once")))
      error (["backprop:" fn ":no_font"], ...
             "%s: Octave cannot load its default font, so it cannot draw any figure (%s); install the FreeFont fonts (Debian and Ubuntu: fonts-freefont-otf), or start Octave with OCTAVE_FONTS_DIR naming a folder that holds FreeSans.otf", ...
             fn, err.message);
    elseif (strncmp (err.identifier, ["backprop:" fn ":"], numel (fn) + 10))
      rethrow (err);
    endif
    error (["backprop:" fn ":not_drawable"], ...
           "%s: Octave's graphics could not draw this figure: %s", fn, ...
           err.message);
  end_try_catch
endfunction

## The objects of FIG that hold a string, with their strings: what was
## there before a plot went into the caller's axes.
function s = text_state (fig)
  s = {};
  for prop = {"displayname", "string"}
    objects = findall (fig, "-property", prop{1});
    s(end+1, :) = {objects, get_all(objects, prop{1})};
  endfor
endfunction

function v = get_all (objects, prop)
  v = get (objects, prop);
  if (! iscell (v) || numel (objects) == 1)
    v = {v};
  endif
endfunction

## Every string below SCOPE escaped for gnuplot's double-quoted strings
## (bp_gnuplot_text), and every text in FreeSans; in the caller's axes
## only the strings that are new or changed since OLD, so that a text is
## never escaped twice.
function gnuplot_text (scope, old)
  props = {"displayname", "string"};
  for p = 1:2
    objects = findall (ancestor (scope, "figure"), "-property", props{p});
    if (isempty (objects))
      continue;
    endif
    strings = get_all (objects, props{p});
    mine = ! isempty (old);
    for i = 1:numel (objects)
      ## Setting a legend's strings makes new texts for it, which take the
      ## escaped strings: handles found before may be gone.
      if (! ishghandle (objects(i)))
        continue;
      elseif (mine)
        k = find (old{p, 1} == objects(i), 1);
        if (! isempty (k) && isequal (old{p, 2}{k}, strings{i}))
          continue;
        endif
      endif
      new = bp_gnuplot_text (strings{i});
      if (! isequal (new, strings{i}))
        if (p == 1)
          ## The gnuplot legend's listener on a line's name fails when the
          ## name is set (Octave 7.3); the legend's own strings are
          ## escaped below.
          dellistener (objects(i), "displayname");
        endif
        set (objects(i), props{p}, new);
      endif
      if (isprop (objects(i), "fontname"))
        set (objects(i), "fontname", "FreeSans");
      endif
    endfor
  endfor
  axes_objects = findall (scope, "type", "axes");
  if (! isempty (axes_objects))
    set (axes_objects, "fontname", "FreeSans");
  endif
endfunction

function close_figure (h, previous)
  if (isfigure (h))
    close (h);
  endif
  bp_restore_current (previous);
endfunction
