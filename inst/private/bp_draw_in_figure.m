## -*- texinfo -*-
## @deftypefn {} {@var{h} =} bp_draw_in_figure (@var{fn}, @var{o}, @var{draw})
## The figure handling of every bp_plot_* function @var{fn}: open a new
## figure of size @var{o}.size, call @var{draw} (a function of the figure
## handle) to draw in it, write @var{o}.file as a PNG when it is not
## empty, and decide what stays open, as their help texts describe.
##
## @itemize
## @item The figure is visible when @var{o}.visible is true.  An invisible
## one never becomes the current figure, and without a display
## (@code{bp_have_display}) it is drawn with the gnuplot toolkit, set for
## this figure only, since the screen toolkits need a display.
## @item An invisible figure is closed once @var{o}.file is written, and
## @var{h} is then empty; without a file it stays open for the caller.
## @item The PNG is printed to a fresh temporary file, whose name holds
## no quote, and then copied to @var{o}.file with Octave's own file
## functions: Octave 7 passes the name printed to unescaped into a gnuplot
## command (@code{set output '<name>'}), so a quote in the user's file
## name would end that string and let the rest run as gnuplot commands
## (and gnuplot's @code{system} as shell commands); @code{movefile} would
## hand it to a shell.  For the same reason the gnuplot toolkit gets every
## string of the figure with its double quotes, backquotes and control
## characters replaced (@code{gnuplot_safe_text}).  A PNG that cannot be
## printed or written is reported as @code{backprop:@var{fn}:not_written},
## naming the file.
## @item If anything fails the figure is closed again, so that no
## half-drawn invisible figure is left behind.  A font that cannot be
## loaded is reported as @code{backprop:@var{fn}:no_font}, with what to
## install; any other error of Octave's graphics as
## @code{backprop:@var{fn}:not_drawable}, with Octave's message.
## @end itemize
##
## @var{o} holds the options checked by @code{bp_check_figure_options}.
## One copy, so that the plot functions handle figures alike.
## @end deftypefn

function h = bp_draw_in_figure (fn, o, draw)
  previous = get (0, "currentfigure");
  h = new_figure (fn, o);
  try
    draw (h);
    if (strcmp (get (h, "__graphics_toolkit__"), "gnuplot"))
      gnuplot_safe_text (h);
    endif
    if (! isempty (o.file))
      write_png (fn, h, o.file);
    endif
  catch err
    close_figure (h, previous);
    if (! isempty (regexp (err.message, "ft_text_renderer|unable to load font",
                           "once")))
      error (["backprop:" fn ":no_font"],
             "%s: Octave cannot load its default font, so it cannot draw any figure (%s); install the FreeFont fonts (Debian and Ubuntu: fonts-freefont-otf), or start Octave with OCTAVE_FONTS_DIR naming a folder that holds FreeSans.otf",
             fn, err.message);
    elseif (strncmp (err.identifier, ["backprop:" fn ":"], numel (fn) + 10))
      rethrow (err);
    endif
    error (["backprop:" fn ":not_drawable"],
           "%s: Octave's graphics could not draw this figure: %s", fn,
           err.message);
  end_try_catch
  if (! o.visible)
    if (! isempty (o.file))
      close_figure (h, previous);
      h = [];
    else
      restore_current (previous);
    endif
  endif
endfunction

function h = new_figure (fn, o)
  pos = [100, 100, o.size(:)'];
  if (o.visible)
    h = figure ("position", pos);
    return;
  endif
  if (bp_have_display ())
    h = figure ("visible", "off", "position", pos);
    return;
  endif
  ## The screen toolkits (qt, fltk) need a display; gnuplot can write
  ## files without one.  Set for this figure only, not as the default,
  ## and without gnuplot's advice to prefer qt, which cannot run here.
  if (! any (strcmp (available_graphics_toolkits (), "gnuplot")))
    error (["backprop:" fn ":no_toolkit"],
           "%s: without a display figures are drawn with gnuplot, which is not available (install gnuplot)",
           fn);
  endif
  warning ("off", "Octave:gnuplot-graphics", "local");
  h = figure ("visible", "off", "position", pos);
  try
    graphics_toolkit (h, "gnuplot");
  catch err
    close (h);
    rethrow (err);
  end_try_catch
endfunction

## Octave 7's gnuplot toolkit writes each string of the figure between
## double quotes into a gnuplot command without escaping anything: a
## double quote would end the string, a backquote run a shell command, a
## line break start a new command.  Two single quotes stand in for a
## double quote, one for a backquote, a space for a control character,
## and a space ends a string whose last backslash would escape the
## closing quote.
function gnuplot_safe_text (h)
  for prop = {"string", "displayname"}
    objects = findall (h, "-property", prop{1});
    if (isempty (objects))
      continue;
    endif
    old = get (objects, prop{1});
    if (! iscell (old) || numel (objects) == 1)
      old = {old};
    endif
    new = cellfun (@safe_text, old, "uniformoutput", false);
    for i = find (! cellfun (@isequal, old, new))'
      set (objects(i), prop{1}, new{i});
    endfor
  endfor
endfunction

function s = safe_text (s)
  if (iscell (s))
    s = cellfun (@safe_text, s, "uniformoutput", false);
  elseif (ischar (s) && rows (s) > 1)
    s = char (safe_text (cellstr (s)));
  elseif (ischar (s) && ! isempty (s))
    s = strrep (strrep (s, '"', "''"), "`", "'");
    s(s < 32 | s == 127) = " ";
    if (s(end) == "\\")
      s(end+1) = " ";
    endif
  endif
endfunction

## The PNG goes to a temporary file named by tempname (no quote can
## reach gnuplot's "set output '<name>'") and is then copied to FILE with
## fopen and fwrite, which no shell sees.  gnuplot has its own cairo PNG
## terminal; the OpenGL toolkits print "-dpng".  A printer that fails or
## leaves no PNG behind (gnuplot writes an empty file when it cannot
## draw) is an error naming FILE; FILE is opened only once the new PNG
## is complete.
##
## Neither device uses Ghostscript (gnuplot's terminal writes the PNG
## itself; the OpenGL toolkits render the frame and write it with
## imwrite), but print warns once per session, with the id "print:nogs",
## whenever gs is missing, whatever the device.  That warning is off
## while printing here only ("local" restores its state on return).
function write_png (fn, h, file)
  if (strcmp (get (h, "__graphics_toolkit__"), "gnuplot"))
    device = "-dpngcairo";
  else
    device = "-dpng";
  endif
  tmp = [tempname(tempdir (), "bp_plot-") ".png"];
  if (any (ismember (tmp, "'\"`\n\r")))
    not_written (fn, file, sprintf ("the temporary folder '%s' has a quote or line break in its name, which gnuplot would misread; set TMPDIR to another folder", tempdir ()));
  endif
  warning ("off", "print:nogs", "local");
  unwind_protect
    try
      print (h, tmp, device);
    catch err
      not_written (fn, file, err.message);
    end_try_catch
    png = read_bytes (tmp);
    if (numel (png) < 8 || ! isequal (png(1:8)', [137 80 78 71 13 10 26 10]))
      not_written (fn, file, "printing the figure made no PNG");
    endif
    [fid, msg] = fopen (file, "w");
    if (fid < 0)
      not_written (fn, file, msg);
    endif
    count = fwrite (fid, png, "uint8");
    if (fclose (fid) != 0 || count != numel (png))
      [~] = unlink (file);
      not_written (fn, file, "the disk refused some of its bytes");
    endif
  unwind_protect_cleanup
    if (isfile (tmp))
      [~] = unlink (tmp);
    endif
  end_unwind_protect
endfunction

function bytes = read_bytes (file)
  bytes = [];
  fid = fopen (file, "r");
  if (fid >= 0)
    bytes = fread (fid, Inf, "uint8=>uint8");
    fclose (fid);
  endif
endfunction

function not_written (fn, file, why)
  error (["backprop:" fn ":not_written"], "%s: cannot write '%s': %s", fn,
         file, why);
endfunction

function close_figure (h, previous)
  if (isfigure (h))
    close (h);
  endif
  restore_current (previous);
endfunction

function restore_current (previous)
  if (isempty (previous) || ! isfigure (previous))
    set (0, "currentfigure", []);
  else
    set (0, "currentfigure", previous);
  endif
endfunction
