## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## The plot functions without a display, as on a build server: DISPLAY is
## emptied for each test (and restored after), so bp_plot_network,
## bp_plot_history and bp_plot_boundary must draw invisible figures with
## the gnuplot toolkit and write their PNGs.  When only a file is asked
## for, the figure is closed again: the figures that were open before,
## the current figure and the default graphics toolkit are all as they
## were.  In Octave's GUI a display is always there, so the tests then ask
## for invisible figures explicitly.

%!function assert_png (file)
%!  ## A real PNG: present, more than a few bytes, and the PNG signature.
%!  assert (isfile (file), "no file %s", file);
%!  d = dir (file);
%!  assert (d.bytes > 1000);
%!  fid = fopen (file, "r");
%!  magic = fread (fid, 8, "uint8")';
%!  fclose (fid);
%!  assert (magic, [137 80 78 71 13 10 26 10]);

%!function [net, X, Y, labels, hist] = trained_moons ()
%!  ## A small network trained for a few epochs on the two moons, with a
%!  ## validation set, so that every plot has something to show.
%!  [X, Y, labels] = bp_dataset ("moons", "n", 40, "seed", 1);
%!  [Xv, Yv] = bp_dataset ("moons", "n", 20, "seed", 2);
%!  net = bp_init ([2 5 2], "activation", {"tanh", "softmax"}, ...
%!                 "loss", "log-likelihood", "seed", 1);
%!  [net, hist] = bp_train (net, X, Y, "epochs", 20, "eta", 0.3, ...
%!                          "validation", {Xv, Yv}, "seed", 1, ...
%!                          "verbose", false);

%!function state = figure_state ()
%!  state = struct ("figures", get (0, "children"), ...
%!                  "current", get (0, "currentfigure"), ...
%!                  "toolkit", graphics_toolkit ());

%!function opts = headless_options ()
%!  ## Nothing to add when emptying DISPLAY removes the display.
%!  opts = {};
%!  if (isguirunning ())
%!    opts = {"visible", false};
%!  endif

%!function remove_files (files)
%!  for i = 1:numel (files)
%!    if (isfile (files{i}))
%!      unlink (files{i});
%!    endif
%!  endfor

%!test
%! ## Only files: three PNGs, no handle back, no figure left open.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! before = figure_state ();
%! base = tempname ();
%! files = strcat (base, {"-network.png", "-history.png", "-boundary.png"});
%! unwind_protect
%!   [net, X, Y, labels, hist] = trained_moons ();
%!   dW = bp_gradient (net, X, Y);
%!   opts = headless_options ();
%!   h = cell (1, 3);
%!   h{1} = bp_plot_network (net, "gradient", dW, "x", X(:,1), ...
%!                           "file", files{1}, opts{:});
%!   h{2} = bp_plot_history (hist, "file", files{2}, opts{:});
%!   h{3} = bp_plot_boundary (net, X, labels, "file", files{3}, opts{:});
%!   assert (h, {[], [], []});
%!   for i = 1:3
%!     assert_png (files{i});
%!   endfor
%!   assert (figure_state (), before);
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   remove_files (files);
%! end_unwind_protect

%!test
%! ## A figure of the user's stays current and untouched.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! mine = figure ("visible", "off");
%! before = figure_state ();
%! f = [tempname() ".png"];
%! unwind_protect
%!   opts = headless_options ();
%!   bp_plot_network (bp_init ([2 3 2], "seed", 1), "file", f, opts{:});
%!   bp_plot_history ([1 0.5 0.25], "file", f, opts{:});
%!   [X, ~, labels] = bp_dataset ("xor");
%!   bp_plot_boundary (bp_init ([2 2 1], "seed", 1), X, labels, ...
%!                     "file", f, opts{:});
%!   assert_png (f);
%!   assert (figure_state (), before);
%!   assert (get (0, "currentfigure"), mine);
%!   assert (isempty (get (mine, "children")));
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   close (mine);
%!   remove_files ({f});
%! end_unwind_protect

%!test
%! ## Without a file the invisible figure is handed back, open, drawn with
%! ## gnuplot, and is not the current figure; printing it works.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! before = figure_state ();
%! f = [tempname() ".png"];
%! h = [];
%! unwind_protect
%!   opts = headless_options ();
%!   h = bp_plot_history ([1 0.5 0.25], opts{:});
%!   assert (isfigure (h));
%!   assert (get (h, "visible"), "off");
%!   if (! isguirunning ())
%!     assert (get (h, "__graphics_toolkit__"), "gnuplot");
%!   endif
%!   assert (get (0, "currentfigure"), before.current);
%!   print (h, f, "-dpngcairo");
%!   assert_png (f);
%!   close (h);
%!   assert (figure_state (), before);
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   if (isfigure (h))
%!     close (h);
%!   endif
%!   remove_files ({f});
%! end_unwind_protect

%!test
%! ## Asking to show a figure without a display is an error, and leaves
%! ## no figure behind.
%! if (! isguirunning ())
%!   display = getenv ("DISPLAY");
%!   setenv ("DISPLAY", "");
%!   before = figure_state ();
%!   unwind_protect
%!     fail ('bp_plot_history ([1 0.5], "visible", true)', ...
%!           "visible must be false without a display");
%!     assert (figure_state (), before);
%!   unwind_protect_cleanup
%!     setenv ("DISPLAY", display);
%!   end_unwind_protect
%! endif

%!test
%! ## A failure while drawing closes the figure it had opened.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! before = figure_state ();
%! unwind_protect
%!   opts = headless_options ();
%!   ## A folder named like the file makes print fail after the drawing.
%!   d = [tempname() ".png"];
%!   mkdir (d);
%!   try
%!     bp_plot_history ([1 0.5], "file", d, opts{:});
%!   catch
%!   end_try_catch
%!   rmdir (d);
%!   assert (figure_state (), before);
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%! end_unwind_protect

%!function names = folder_files (d)
%!  ## The names in folder D, without "." and "..".
%!  names = {dir(d).name};
%!  names = sort (names(! ismember (names, {".", ".."})));

%!function remove_folder (d)
%!  confirm_recursive_rmdir (false, "local");
%!  [~] = rmdir (d, "s");

%!test
%! ## A file name that is gnuplot commands (gnuplot reads
%! ## set output '<name>', and its system runs a shell) runs nothing: each
%! ## plot writes exactly the file named, in the working folder, and
%! ## nothing else appears there.  Nor do quotes, $( ), backquotes and
%! ## spaces in a name, or quotes, backquotes and line breaks in a title
%! ## (gnuplot gets it between double quotes).
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! here = pwd ();
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   cd (d);
%!   opts = headless_options ();
%!   cmd = "x'; system 'touch PWNED'; set output 'y.png";
%!   [X, ~, labels] = bp_dataset ("xor");
%!   net = bp_init ([2 2 1], "seed", 1);
%!   h = {[1 0.5]};
%!   cases = {
%!     @bp_plot_history,  h,                 cmd, {}
%!     @bp_plot_network,  {net},             cmd, {}
%!     @bp_plot_boundary, {net, X, labels},  cmd, {"resolution", 10}
%!     @bp_plot_history,  h, "it's.png",                              {}
%!     @bp_plot_history,  h, "say \"hi\".png",                        {}
%!     @bp_plot_history,  h, "s p$(touch PWNED)`touch PWNED`&;.png",  {}
%!     @bp_plot_history,  h, "t.png", {"title", "x\"; system \"touch PWNED\"; set title \"y"}
%!     @bp_plot_history,  h, "t.png", {"title", "x`touch PWNED`y"}
%!     @bp_plot_history,  h, "t.png", {"title", "x\nsystem 'touch PWNED'\n"}
%!     @bp_plot_boundary, {net, X, labels}, "t.png", {"title", "ends in \\", "resolution", 10}
%!   };
%!   for i = 1:rows (cases)
%!     [plot_fn, args, file, more] = cases{i, :};
%!     plot_fn (args{:}, "file", file, more{:}, opts{:});
%!     assert (folder_files (d), {file});
%!     assert_png (file);
%!     unlink (file);
%!   endfor
%! unwind_protect_cleanup
%!   cd (here);
%!   setenv ("DISPLAY", display);
%!   remove_folder (d);
%! end_unwind_protect

%!test
%! ## A name the system cannot create (too long) is a not_written error
%! ## naming it; no figure and no temporary file are left behind.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! before = figure_state ();
%! temps = glob (fullfile (tempdir (), "bp_plot-*"));
%! d = tempname ();
%! mkdir (d);
%! unwind_protect
%!   opts = headless_options ();
%!   f = fullfile (d, [repmat("x", 1, 300) ".png"]);
%!   try
%!     bp_plot_history ([1 0.5], "file", f, opts{:});
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "backprop:bp_plot_history:not_written");
%!     assert (strncmp (err.message, sprintf ("bp_plot_history: cannot write '%s': ", f), 34 + numel (f)));
%!   end_try_catch
%!   assert (figure_state (), before);
%!   assert (folder_files (d), cell (1, 0));
%!   assert (glob (fullfile (tempdir (), "bp_plot-*")), temps);
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   remove_folder (d);
%! end_unwind_protect

%!test
%! ## Any other error of Octave's graphics while drawing (here a grid that
%! ## fails) becomes backprop:<fn>:not_drawable with Octave's message, and
%! ## the figure is closed.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! before = figure_state ();
%! d = tempname ();
%! mkdir (d);
%! fid = fopen (fullfile (d, "grid.m"), "w");
%! fprintf (fid, "function grid (varargin)\n  error ('Octave:some-id', 'the grid broke');\nendfunction\n");
%! fclose (fid);
%! state = warning ("query", "Octave:shadowed-function");
%! warning ("off", "Octave:shadowed-function");
%! unwind_protect
%!   addpath (d);
%!   opts = headless_options ();
%!   try
%!     bp_plot_history ([1 0.5], opts{:});
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "backprop:bp_plot_history:not_drawable");
%!     assert (err.message, "bp_plot_history: Octave's graphics could not draw this figure: the grid broke");
%!   end_try_catch
%!   assert (figure_state (), before);
%! unwind_protect_cleanup
%!   rmpath (d);
%!   warning (state.state, "Octave:shadowed-function");
%!   setenv ("DISPLAY", display);
%!   remove_folder (d);
%! end_unwind_protect

%!test
%! ## No display, no file and no output: the figure goes to a temporary
%! ## PNG whose name is printed, and no figure stays open.  With an output,
%! ## the invisible figure comes back and one line says how to write it.
%! if (! isguirunning ())
%!   display = getenv ("DISPLAY");
%!   setenv ("DISPLAY", "");
%!   before = figure_state ();
%!   files = {};
%!   h = [];
%!   unwind_protect
%!     out = evalc ("bp_plot_history ([1 0.5 0.25])");
%!     files = regexp (out, '(?<=went to )\S+\.png', "match");
%!     assert (numel (files) == 1, "printed: %s", out);
%!     assert_png (files{1});
%!     assert (figure_state (), before);
%!     out = evalc ("h = bp_plot_network (bp_init ([2 2], 'seed', 1));");
%!     assert (isfigure (h));
%!     assert (! isempty (strfind (out, "bp_print (h, \"figure.png\")")), out);
%!   unwind_protect_cleanup
%!     setenv ("DISPLAY", display);
%!     remove_files (files);
%!     if (isfigure (h))
%!       close (h);
%!     endif
%!   end_unwind_protect
%! endif

%!test
%! ## The demos, run as on a server (no display, in a child Octave): each
%! ## writes a temporary PNG and says where, and no warning reaches the
%! ## user (demo bp_dataset once printed gnuplot's nine-line notice).
%! code = {"d = tempname ();  mkdir (d);  setenv ('TMPDIR', d);  setenv ('DISPLAY', '');"
%!         "more off;"
%!         "for f = {'bp_dataset', 'bp_plot_history', 'bp_plot_network', 'bp_plot_boundary', 'bp_plot_weights', 'bp_plot_confusion'}"
%!         "  demo (f{1}, 1);"
%!         "  close all;"
%!         "endfor"
%!         "printf ('PNGS %d\\n', numel (glob (fullfile (d, '*.png'))));"
%!         "confirm_recursive_rmdir (false);  rmdir (d, 's');"};
%! [status, out] = run_octave_child (code, 300, 0);
%! assert (status == 0, "the child failed:\n%s", out);
%! assert (isempty (regexpi (out, 'warning', "once")), "a warning reached the user:\n%s", out);
%! assert (numel (regexp (out, 'went to \S+\.png')) == 6, "printed:\n%s", out);
%! assert (! isempty (strfind (out, "PNGS 6")), "printed:\n%s", out);
