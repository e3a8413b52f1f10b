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
## @item The PNG is printed to a fresh temporary file and then copied to
## @var{o}.file with Octave's own file functions, so the user's file name
## never reaches gnuplot or a shell.  Octave 7's gnuplot toolkit writes
## texts and file names into gnuplot commands unescaped: every string of
## the figure is escaped with @code{bp_gnuplot_text} before printing,
## and a temporary folder whose name gnuplot would not read back
## unchanged (a backslash, a quote, a backquote, a control character) is
## refused, since Octave would otherwise wait for ever on a FIFO that
## gnuplot creates elsewhere.  A PNG that cannot be printed or written is
## reported as @code{backprop:@var{fn}:not_written}, naming the file; an
## existing @var{o}.file that is not a regular file (a pipe would block
## the writing) as @code{backprop:@var{fn}:not_regular}.
## @item If anything fails, or the call is interrupted (Ctrl-C), the
## figure is closed again and the current figure restored, so that no
## half-drawn invisible figure is left behind for the next @code{plot}.
## A font that cannot be loaded is reported as
## @code{backprop:@var{fn}:no_font}, with what to install; any other
## error of Octave's graphics as @code{backprop:@var{fn}:not_drawable},
## with Octave's message.
## @end itemize
##
## @var{o} holds the options checked by @code{bp_check_figure_options}.
## One copy, so that the plot functions handle figures alike.
## @end deftypefn

function h = bp_draw_in_figure (fn, o, draw)
  previous = get (0, "currentfigure");
  ## Every figure there is, hidden handles too: whatever is new when the
  ## call fails or is interrupted was opened here, even if figure ()
  ## itself was interrupted before its handle came back.
  before = findall (0, "type", "figure");
  done = false;
  ## unwind_protect rather than try alone: an interrupt skips a catch
  ## block, but not a cleanup block.
  unwind_protect
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
    done = true;
  unwind_protect_cleanup
    if (! done)
      opened = setdiff (findall (0, "type", "figure"), before);
      if (! isempty (opened))
        close (opened);
      endif
      restore_current (previous);
    endif
  end_unwind_protect
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

## Every string of the figure escaped for gnuplot's double-quoted strings
## (bp_gnuplot_text), where Octave 7's gnuplot toolkit writes them.
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
    new = cellfun (@bp_gnuplot_text, old, "uniformoutput", false);
    for i = find (! cellfun (@isequal, old, new))'
      set (objects(i), prop{1}, new{i});
    endfor
  endfor
endfunction

## The PNG goes to a temporary file named by tempname and is then copied
## to FILE with fopen and fwrite, which no shell sees.  gnuplot has its
## own cairo PNG terminal; the OpenGL toolkits print "-dpng".  A printer
## that fails or leaves no PNG behind (gnuplot writes an empty file when
## it cannot draw) is an error naming FILE; FILE is opened only once the
## new PNG is complete, and only if it is a regular file or does not
## exist yet.
##
## With gnuplot, the temporary folder's name reaches gnuplot twice
## unescaped: the PNG's name in "set output '<name>'" and the FIFO Octave
## reads gnuplot's variables through in 'set print "<name>"'.  A folder
## whose name bp_gnuplot_text would change in either quoting is refused
## before gnuplot is started.
##
## Neither device uses Ghostscript (gnuplot's terminal writes the PNG
## itself; the OpenGL toolkits render the frame and write it with
## imwrite), but print warns once per session, with the id "print:nogs",
## whenever gs is missing, whatever the device.  That warning is off
## while printing here only ("local" restores its state on return).
function write_png (fn, h, file)
  tmp = [tempname(tempdir (), "bp_plot-") ".png"];
  if (strcmp (get (h, "__graphics_toolkit__"), "gnuplot"))
    device = "-dpngcairo";
    if (! (isequal (bp_gnuplot_text (tmp, "'"), tmp)
           && isequal (bp_gnuplot_text (tmp, '"'), tmp)))
      not_written (fn, file, sprintf ("the temporary folder '%s' (TMPDIR) has a backslash, quote, backquote or control character in its name, which gnuplot would misread; set TMPDIR to another folder", tempdir ()));
    endif
  else
    device = "-dpng";
  endif
  warning ("off", "print:nogs", "local");
  unwind_protect
    try
      print (h, tmp, device);
    catch err
      not_written (fn, file, err.message);
    end_try_catch
    png = read_bytes (fn, tmp);
    if (numel (png) < 8 || ! isequal (png(1:8)', [137 80 78 71 13 10 26 10]))
      not_written (fn, file, "printing the figure made no PNG");
    endif
    bp_check_regular_file (fn, file);
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

function bytes = read_bytes (fn, file)
  bytes = [];
  if (! isfile (file))
    return;
  endif
  bp_check_regular_file (fn, file);
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
