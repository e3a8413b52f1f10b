## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {} bp_print (@var{h}, @var{file})
## @deftypefnx {} {@var{file} =} bp_print (@var{h})
## Write figure @var{h} to @var{file}, a PNG, SVG or PDF file by its
## extension (@qcode{".png"} is added to a name without one), on any
## machine: also without a display and without Ghostscript.
##
## Octave's @code{print} needs Ghostscript for @code{-dpng} of a figure
## drawn with gnuplot (the toolkit of a machine without a display) and for
## @code{-dpdf}, and fails where it is missing.  @code{bp_print} picks the
## devices that do not: gnuplot's own terminals (@code{-dpngcairo},
## @code{-dsvg}, @code{-dpdfcairo}) for a gnuplot figure, Octave's
## renderer and gl2ps (@code{-dpng}, @code{-dsvg}, @code{-dpdf}) for the
## others.  Those are the devices to use with @code{print} yourself, for
## instance @code{print (h, "slide.png", "-dpngcairo")} headless.  The
## figure is printed to a temporary file first and then copied, so a
## failed print leaves @var{file} as it was.
##
## Without @var{file} the figure goes to a new temporary PNG file, whose
## name is printed, or returned when asked for.
##
## Texts reach gnuplot as they are: gnuplot reads a backslash, a double
## quote or a backquote in them as its own markup (the plot functions of
## this package escape the texts they write; Octave's own do not).
##
## @seealso{bp_figure, bp_plot_history, bp_plot_network, bp_plot_boundary}
## @end deftypefn

function varargout = bp_print (varargin)
  fn = "bp_print";
  if (nargin < 1 || nargin > 2 || nargout > 1)
    bp_count_error (fn, nargin, nargout, 1, "(h, file)");
  endif
  h = varargin{1};
  if (! (isa (h, "double") && isreal (h) && isscalar (h) && isfigure (h)))
    error ("backprop:bp_print:wrong_type", ...
           "bp_print: h must be the handle of a figure, got %s", ...
           describe (h));
  endif
  quiet = nargin > 1;
  if (quiet)
    file = varargin{2};
    if (ischar (file) && isempty (file))
      error ("backprop:bp_print:wrong_type", ...
             "bp_print: file must name a file, got an empty string (leave it out for a temporary PNG)");
    endif
  else
    file = [tempname(tempdir (), "bp_print-") ".png"];
  endif
  o = struct ("file", "", "visible", false, "size", [], "fontsize", []);
  o.file = file;
  o = bp_check_figure_options (fn, o, [100 100], []);
  bp_write_figure (fn, h, o.file, o.format);
  if (nargout > 0)
    varargout{1} = o.file;
  elseif (! quiet)
    printf ("bp_print: the figure went to %s\n", o.file);
  endif
endfunction

function s = describe (h)
  if (isa (h, "double") && isreal (h) && isscalar (h) && ishghandle (h))
    s = sprintf ("the handle of %s %s", pick_article (get (h, "type")), ...
                 get (h, "type"));
  else
    s = bp_describe (h);
  endif
endfunction

function a = pick_article (type)
  a = "a";
  if (any (type(1) == "aeiou"))
    a = "an";
  endif
endfunction

%!function assert_file (file, magic)
%!  assert (isfile (file));
%!  fid = fopen (file, "r");
%!  head = fread (fid, 1024, "uint8=>char")';
%!  fclose (fid);
%!  assert (! isempty (strfind (head, magic)));

%!test
%! ## PNG, SVG and PDF by the extension, of a figure of the user's; the
%! ## figure stays as it was.
%! h = bp_figure ("size", [400 300], "visible", false);
%! base = tempname ();
%! unwind_protect
%!   plot (axes ("parent", h), 1:3, [2 1 3]);
%!   kids = allchild (h);
%!   for ext = {".png", "\x89PNG"; ".svg", "<svg"; ".pdf", "%PDF-"}'
%!     bp_print (h, [base ext{1}]);
%!     assert_file ([base ext{1}], ext{2});
%!   endfor
%!   bp_print (h, base);
%!   assert_file ([base ".png"], "PNG");
%!   assert (allchild (h), kids);
%! unwind_protect_cleanup
%!   close (h);
%!   for ext = {".png", ".svg", ".pdf"}
%!     if (isfile ([base ext{1}]))
%!       unlink ([base ext{1}]);
%!     endif
%!   endfor
%! end_unwind_protect

%!test
%! ## Without a file: a temporary PNG, its name returned (or printed).
%! h = bp_figure ("visible", false);
%! f = g = "";
%! unwind_protect
%!   plot (axes ("parent", h), 1:3);
%!   f = bp_print (h);
%!   assert_file (f, "PNG");
%!   out = evalc ("bp_print (h)");
%!   g = regexp (out, '(?<=went to )\S+', "match", "once");
%!   assert_file (g, "PNG");
%! unwind_protect_cleanup
%!   close (h);
%!   for file = {f, g}
%!     if (isfile (file{1}))
%!       unlink (file{1});
%!     endif
%!   endfor
%! end_unwind_protect

%!test
%! ## A file of another type, or in no folder: errors, the figure intact.
%! h = bp_figure ("visible", false);
%! unwind_protect
%!   fail ("bp_print (h, 'a.eps')", "file must name a PNG, SVG or PDF file");
%!   fail ("bp_print (h, '')", "file must name a file, got an empty string");
%!   fail ("bp_print (h, '/no/such/folder/a.png')", "file must be in an existing folder");
%!   assert (isfigure (h));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! f = figure ("visible", "off");
%! unwind_protect
%!   fail ("bp_print (axes ('parent', f), 'a.png')", "h must be the handle of a figure, got the handle of an axes");
%! unwind_protect_cleanup
%!   close (f);
%! end_unwind_protect
%!error <h must be the handle of a figure, got a 1-by-3 char> bp_print ("fig", "a.png")
%!error <h must be the handle of a figure> bp_print (-1, "a.png")
%!error id=backprop:bp_print:nargin bp_print ()
%!error id=backprop:bp_print:nargin bp_print (1, "a.png", 3)
%!error <file must be a file name \(a string\), got a 1-by-2 cell> bp_print (bp_figure ("visible", false), {1, 2})
%!error id=backprop:bp_print:nargout [a, b] = bp_print (1)
