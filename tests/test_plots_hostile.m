## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## The plot functions against what once hung Octave or left it in a bad
## state, without a display (DISPLAY is emptied, as on a build server, so
## figures are invisible and drawn by gnuplot):
##
## * a network of more than about 115 layers: its default figure was
##   wider than gnuplot's cairo terminal accepts (32767 pixels), gnuplot
##   gave up and Octave waited on its pipe for ever; at 110 layers the
##   PNG was 31181 pixels wide, beyond the documented 100 to 10000;
## * a temporary folder (TMPDIR) with a backslash in its name: Octave's
##   gnuplot toolkit names a FIFO there between double quotes, gnuplot
##   reads the backslash as an escape and writes elsewhere, and Octave
##   waits for ever on the FIFO;
## * an output file that is a named pipe: opening it for writing waits
##   for a reader for ever;
## * Ctrl-C while drawing: the hidden figure stayed open and current, so
##   the user's next plot went where nobody could see it.
##
## The cases that hung run in a child Octave with a timeout, so that a
## regression fails here instead of hanging the test run.

%!function v = printed (out, key)
%!  ## The text after "KEY " on the line the child printed it.
%!  v = regexp (out, ['(?<=^' key ' )[^\n]*'], "match", "once", "lineanchors");
%!  assert (! isempty (v), "the child printed no %s line:\n%s", key, out);

%!function out = child (code, seconds)
%!  ## CODE (a column of lines) in a child Octave without a display.
%!  code = [{"setenv ('DISPLAY', '');"}; code(:)];
%!  [status, out] = run_octave_child (code, seconds, 0);
%!  assert (status == 0, "the child failed or hung (exit status %d), printing:\n%s", ...
%!          status, out);

%!function w = png_width (file)
%!  ## The width in the PNG's IHDR chunk: bytes 17 to 20, big-endian.
%!  fid = fopen (file, "r");
%!  b = fread (fid, 24, "uint8")';
%!  fclose (fid);
%!  assert (b(1:8), [137 80 78 71 13 10 26 10]);
%!  w = b(17:20) * [2^24; 2^16; 2^8; 1];

%!function restore_env (name, value)
%!  if (isempty (value))
%!    unsetenv (name);
%!  else
%!    setenv (name, value);
%!  endif

## ---------------------------------------------------------------------
## Deep networks

%!test
%! ## The default figure of any network is between 100 and 10000 pixels
%! ## on each side: a deep network is drawn as its first maxlayers - 2
%! ## layers (default 20), a gap naming the layers left out, and its last
%! ## two; the title lists the widths the same way.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! unwind_protect
%!   for n_layers = [116 300]
%!     net = bp_init (2 * ones (1, n_layers), "seed", 1);
%!     h = bp_plot_network (net, "visible", false);
%!     unwind_protect
%!       pos = get (h, "position");
%!       assert (pos(3) >= 100 && pos(3) <= 10000 && pos(4) >= 100 && pos(4) <= 10000, ...
%!               "%d layers: a %d-by-%d figure", n_layers, pos(3), pos(4));
%!       strings = get (findall (h, "type", "text"), "string");
%!       L = n_layers - 1;
%!       assert (any (strcmp (strings, sprintf ("layers %d to %d", 18, L - 2))));
%!       assert (any (strcmp (strings, sprintf ("layer %d: output", L))));
%!       assert (any (strcmp (strings, sprintf ("layer %d: hidden", L - 1))));
%!       assert (any (strcmp (strings, "layer 17: hidden")));
%!       assert (! any (strcmp (strings, "layer 18: hidden")));
%!       ## 17 weight layers drawn up to the gap and one after it, 4 edges each.
%!       assert (numel (findobj (h, "tag", "edge")), 18 * 4);
%!       assert (any (strncmp (strings, "2-2-2-2-2-2-2-2-2-2-2-2-2-2-2-2-2-2-...-2-2 network", 51)));
%!     unwind_protect_cleanup
%!       close (h);
%!     end_unwind_protect
%!   endfor
%!   ## Asking for every layer: the figure is still at most 10000 wide.
%!   h = bp_plot_network (bp_init (2 * ones (1, 150)), "visible", false, ...
%!                        "maxlayers", 1000, "labels", false);
%!   pos = get (h, "position");
%!   close (h);
%!   assert (pos(3) <= 10000);
%!   ## Exactly maxlayers layers: all drawn, no gap.
%!   h = bp_plot_network (bp_init (2 * ones (1, 5)), "visible", false, "maxlayers", 5);
%!   strings = get (findall (h, "type", "text"), "string");
%!   close (h);
%!   assert (! any (strncmp (strings, "layers ", 7)));
%!   assert (any (strcmp (strings, "layer 3: hidden")));
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%! end_unwind_protect

%!error <maxlayers must be a whole number in \[3, 1000\]> bp_plot_network (bp_init ([2 3]), "maxlayers", 2)

%!test
%! ## Deep networks written to PNG files, in a child with a timeout: 110
%! ## layers (once 31181 pixels wide) and 120 (once a hang).  Each PNG is
%! ## at most 10000 pixels wide.
%! code = {"d = tempname ();  mkdir (d);"
%!         "for n = [110 120]"
%!         "  f = fullfile (d, sprintf ('net%d.png', n));"
%!         "  t0 = tic ();"
%!         "  bp_plot_network (bp_init (2 * ones (1, n), 'seed', 1), 'file', f);"
%!         "  fid = fopen (f);  b = fread (fid, 24)';  fclose (fid);"
%!         "  printf ('WIDTH%d %d\\nSECONDS%d %.1f\\n', n, b(17:20) * [2^24; 2^16; 2^8; 1], n, toc (t0));"
%!         "endfor"
%!         "confirm_recursive_rmdir (false);  rmdir (d, 's');"};
%! out = child (code, 300);
%! for n = [110 120]
%!   w = str2double (printed (out, sprintf ("WIDTH%d", n)));
%!   assert (w >= 100 && w <= 10000, "%d layers: a PNG %d pixels wide", n, w);
%! endfor

## ---------------------------------------------------------------------
## Text and names that reach gnuplot

%!test
%! ## A temporary folder whose name gnuplot would misread (a backslash,
%! ## quotes, a backquote) is refused with not_written naming TMPDIR,
%! ## before gnuplot is started; a child with a timeout, since a backslash
%! ## once made Octave wait for ever.  The bound of 30 s per call is far
%! ## above the second a refusal takes.
%! code = {"base = tempname ();  mkdir (base);"
%!         "names = {'back\\slash', 'quo''te', 'dq\"uote', 'back`quote'};"
%!         "for i = 1:numel (names)"
%!         "  d = fullfile (base, names{i});  mkdir (d);"
%!         "  setenv ('TMPDIR', d);"
%!         "  t0 = tic ();"
%!         "  try"
%!         "    bp_plot_history ([1 0.5], 'file', fullfile (base, 'h.png'));"
%!         "    printf ('ID%d none\\n', i);"
%!         "  catch err"
%!         "    printf ('ID%d %s\\nMESSAGE%d %s\\n', i, err.identifier, i, err.message);"
%!         "  end_try_catch"
%!         "  printf ('SECONDS%d %.1f\\n', i, toc (t0));"
%!         "endfor"
%!         "unsetenv ('TMPDIR');"
%!         "printf ('LEFT %d\\n', numel (dir (base)) - 2 - numel (names));"
%!         "confirm_recursive_rmdir (false);  rmdir (base, 's');"};
%! out = child (code, 240);
%! for i = 1:4
%!   assert (printed (out, sprintf ("ID%d", i)), "backprop:bp_plot_history:not_written");
%!   assert (! isempty (strfind (printed (out, sprintf ("MESSAGE%d", i)), "TMPDIR")));
%!   assert (str2double (printed (out, sprintf ("SECONDS%d", i))) < 30);
%! endfor
%! assert (printed (out, "LEFT"), "0");

%!test
%! ## Every text of a gnuplot figure is escaped for gnuplot's double
%! ## quotes (bp_gnuplot_text), backslash included: the title of the
%! ## figure handed back holds the escaped text, which gnuplot reads as the
%! ## original; printing it gives a PNG.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! f = [tempname() ".png"];
%! unwind_protect
%!   title = 'a\b "q" `c` end\';
%!   h = bp_plot_history ([1 0.5], "title", title, "visible", false);
%!   unwind_protect
%!     t = get (get (findobj (h, "type", "axes"), "title"), "string");
%!     assert (t, 'a\\b \"q\" \`c\` end\\');
%!     print (h, f, "-dpngcairo");
%!     assert (png_width (f), 800);
%!   unwind_protect_cleanup
%!     close (h);
%!   end_unwind_protect
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   if (isfile (f))
%!     unlink (f);
%!   endif
%! end_unwind_protect

## ---------------------------------------------------------------------
## Output files that are not regular files

%!test
%! ## A named pipe as the PNG: refused with not_regular before anything
%! ## is drawn or opened (opening it would wait for a reader for ever), in
%! ## a child with a timeout; so is one behind a symbolic link.
%! code = {"d = tempname ();  mkdir (d);"
%!         "[err, msg] = mkfifo (fullfile (d, 'pipe.png'), 600);  assert (err == 0, msg);"
%!         "symlink (fullfile (d, 'pipe.png'), fullfile (d, 'link.png'));"
%!         "names = {'pipe.png', 'link.png'};"
%!         "for i = 1:2"
%!         "  t0 = tic ();"
%!         "  try"
%!         "    bp_plot_history ([1 0.5], 'file', fullfile (d, names{i}));"
%!         "    printf ('ID%d none\\n', i);"
%!         "  catch err"
%!         "    printf ('ID%d %s\\n', i, err.identifier);"
%!         "  end_try_catch"
%!         "  printf ('SECONDS%d %.1f\\nFIGURES%d %d\\n', i, toc (t0), i, numel (findall (0, 'type', 'figure')));"
%!         "endfor"
%!         "confirm_recursive_rmdir (false);  rmdir (d, 's');"};
%! out = child (code, 120);
%! for i = 1:2
%!   assert (printed (out, sprintf ("ID%d", i)), "backprop:bp_plot_history:not_regular");
%!   assert (str2double (printed (out, sprintf ("SECONDS%d", i))) < 30);
%!   assert (printed (out, sprintf ("FIGURES%d", i)), "0");
%! endfor

%!test
%! ## A folder named like a PNG is refused the same way, naming the file.
%! d = [tempname() ".png"];
%! mkdir (d);
%! unwind_protect
%!   try
%!     bp_plot_history ([1 0.5], "file", d, "visible", false);
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "backprop:bp_plot_history:not_regular");
%!     assert (! isempty (strfind (err.message, d)));
%!   end_try_catch
%! unwind_protect_cleanup
%!   rmdir (d);
%! end_unwind_protect

## ---------------------------------------------------------------------
## Ctrl-C while drawing

%!test
%! ## A child "octave-cli -i" draws a network with a label on every edge
%! ## (about 10 s of drawing, by far the longest part of the call), and
%! ## receives SIGINT once it has used 2.5 s of CPU after starting the
%! ## call: well inside the drawing, since checking the arguments and
%! ## placing the nodes take milliseconds.  When its prompt is back there
%! ## must be no figure at all (the hidden one is closed) and no current
%! ## figure, and the call must not have finished.  Then it plots again,
%! ## completely, and that figure is handed back and is not current (as
%! ## without the interrupt).
%! SIGINT = 2;
%! in = out = pid = -1;
%! unwind_protect
%!   [in, out, pid] = child_start ();
%!   if (pid < 0)
%!     printf ("  skipped: needs Linux's /proc and an octave-cli next to this Octave\n");
%!     return;
%!   endif
%!   ## A first small figure, closed, so that the graphics toolkit, its
%!   ## fonts and its helper processes are set up before the timed call
%!   ## (Octave ignores SIGINT while it waits for a process it started).
%!   child_send (in, ["setenv ('DISPLAY', '');  net = bp_init ([10 10 10 10], 'seed', 1);" ...
%!                    "close (bp_plot_network (bp_init ([2 2]), 'visible', false, 'labels', true));" ...
%!                    "printf ('READY\\n');"]);
%!   text = child_wait_for (out, pid, '^READY\n', 120, "");
%!   child_send (in, ["printf ('STARTED\\n');  fflush (stdout);" ...
%!                    "h = bp_plot_network (net, 'visible', false, 'labels', true);" ...
%!                    "printf ('FINISHED\\n');"]);
%!   text = child_wait_for (out, pid, '^STARTED\n', 60, text);
%!   cpu0 = child_cpu_seconds (pid);
%!   t0 = time ();
%!   while (child_cpu_seconds (pid) - cpu0 < 2.5)
%!     assert (time () - t0 < 60, "the child used no CPU after STARTED");
%!     pause (0.02);
%!   endwhile
%!   kill (pid, SIGINT);
%!   child_send (in, ["printf ('BACK %d %d %d\\n', numel (findall (0, 'type', 'figure'))," ...
%!                    " isempty (get (0, 'currentfigure')), exist ('h', 'var'));  fflush (stdout);"]);
%!   text = child_wait_for (out, pid, '^BACK [^\n]*\n', 120, text);
%!   assert (isempty (strfind (text, "FINISHED")), "the call finished before the interrupt:\n%s", text);
%!   assert (printed (text, "BACK"), "0 1 0");
%!   child_send (in, ["h = bp_plot_network (bp_init ([2 2]), 'visible', false);" ...
%!                    "printf ('AGAIN %d %d\\n', isfigure (h), isempty (get (0, 'currentfigure')));"]);
%!   text = child_wait_for (out, pid, '^AGAIN [^\n]*\n', 120, text);
%!   assert (printed (text, "AGAIN"), "1 1");
%!   child_send (in, "exit (0)");
%! unwind_protect_cleanup
%!   child_stop (in, out, pid);
%! end_unwind_protect
