## -*- texinfo -*-
## @deftypefn {} {} bp_write_figure (@var{fn}, @var{h}, @var{file}, @var{format})
## Write figure @var{h} to @var{file} as @var{format} (@qcode{"png"},
## @qcode{"svg"} or @qcode{"pdf"}) for function @var{fn}, on any machine:
## with the gnuplot toolkit through gnuplot's own terminals (pngcairo,
## svg, pdfcairo), with the OpenGL toolkits through Octave's renderer
## (png) and gl2ps (svg, pdf).  None of these devices needs Ghostscript
## (plain @code{print -dpng} of a gnuplot figure and @code{-dpdf} do, and
## fail without it).
##
## The figure is printed to a temporary file with a name chosen here and
## then copied to @var{file} with fopen and fwrite, which no shell sees,
## so the user's file name never reaches gnuplot.  A printer that fails or
## leaves no file of the format behind (gnuplot writes an empty file when
## it cannot draw) is @code{backprop:@var{fn}:not_written}, naming
## @var{file}; @var{file} is opened only once the new file is complete, and
## only if it is a regular file or does not exist yet
## (@code{backprop:@var{fn}:not_regular}).
##
## With gnuplot, the temporary folder's name reaches gnuplot twice
## unescaped: the output's name in @code{set output '<name>'} and the FIFO
## Octave reads gnuplot's variables through in @code{set print "<name>"}.
## A folder whose name @code{bp_gnuplot_text} would change in either
## quoting is refused before gnuplot is started.
##
## @code{print} warns once per session, with the id @qcode{"print:nogs"},
## whenever gs is missing, whatever the device; that warning is off while
## printing here only.
## @end deftypefn

function bp_write_figure (fn, h, file, format)
  tmp = [tempname(tempdir (), "bp_plot-") "." format];
  gnuplot = strcmp (get (h, "__graphics_toolkit__"), "gnuplot");
  if (gnuplot)
    device = struct ("png", "-dpngcairo", "svg", "-dsvg", "pdf", "-dpdfcairo").(format);
    if (! (isequal (bp_gnuplot_text (tmp, "'"), tmp) ...
           && isequal (bp_gnuplot_text (tmp, '"'), tmp)))
      not_written (fn, file, sprintf ("the temporary folder '%s' (TMPDIR) has a backslash, quote, backquote or control character in its name, which gnuplot would misread; set TMPDIR to another folder", tempdir ()));
    endif
  else
    device = ["-d" format];
  endif
  warning ("off", "print:nogs", "local");
  unwind_protect
    try
      print (h, tmp, device);
    catch err
      not_written (fn, file, err.message);
    end_try_catch
    bytes = read_bytes (fn, tmp);
    if (! looks_like (bytes, format))
      not_written (fn, file, sprintf ("printing the figure made no %s file", ...
                                      upper (format)));
    endif
    bp_check_regular_file (fn, file);
    [fid, msg] = fopen (file, "w");
    if (fid < 0)
      not_written (fn, file, msg);
    endif
    count = fwrite (fid, bytes, "uint8");
    if (fclose (fid) != 0 || count != numel (bytes))
      [~] = unlink (file);
      not_written (fn, file, "the disk refused some of its bytes");
    endif
  unwind_protect_cleanup
    if (isfile (tmp))
      [~] = unlink (tmp);
    endif
  end_unwind_protect
endfunction

## The format's signature at the start of the file: PNG's eight bytes,
## PDF's "%PDF-", an SVG element within the first kilobyte (after the
## XML declaration).
function tf = looks_like (bytes, format)
  n = numel (bytes);
  switch (format)
    case "png"
      tf = n >= 8 && isequal (bytes(1:8)', uint8 ([137 80 78 71 13 10 26 10]));
    case "pdf"
      tf = n >= 5 && strcmp (char (bytes(1:5)'), "%PDF-");
    otherwise
      tf = n > 0 && ! isempty (strfind (char (bytes(1:min (n, 1024))'), "<svg"));
  endswitch
endfunction

function bytes = read_bytes (fn, file)
  bytes = uint8 ([]);
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
  error (["backprop:" fn ":not_written"], "%s: cannot write '%s': %s", fn, ...
         file, why);
endfunction
