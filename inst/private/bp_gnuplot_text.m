## -*- texinfo -*-
## @deftypefn  {} {@var{t} =} bp_gnuplot_text (@var{s})
## @deftypefnx {} {@var{t} =} bp_gnuplot_text (@var{s}, @var{quote})
## Text @var{s} as it must stand between two @var{quote} characters
## (@qcode{'"'}, the default, or @qcode{"'"}) in a gnuplot command, so
## that gnuplot reads back @var{s} as one string and nothing else.  The
## one place where the package decides what gnuplot may see: the texts of
## a figure drawn with the gnuplot toolkit go through it, and so does
## every file name Octave hands to gnuplot (which must come back
## unchanged, or the plot is refused).
##
## Octave 7's gnuplot toolkit writes the strings of a figure, and some
## file names, into gnuplot commands without escaping them: texts between
## double quotes (@code{set title "@dots{}"}, @code{set label "@dots{}"},
## the FIFO of @code{set print "@dots{}"} through which it asks gnuplot
## for values, in the temporary folder), the output file between single
## quotes (@code{set output '@dots{}'}).  Between double quotes gnuplot
## reads a backslash as an escape (@code{"\q"} is @code{q}, a path
## @file{/tmp/a\x} becomes @file{/tmp/ax} and Octave waits for ever on a
## FIFO nobody writes), a double quote as the end of the string, and runs
## the shell command between two backquotes; between single quotes only
## the quote itself is special.  A line break ends the command in either,
## and whatever follows runs as a command of its own.
##
## So, for double quotes: @code{\} becomes @code{\\}, @code{"} becomes
## @code{\"} and a backquote @code{\`}, which gnuplot reads back as the
## characters themselves; for single quotes a quote is doubled.  There is
## no escape that keeps a line break or another control character inside
## a command: those become spaces.  A cell of texts, or a char matrix of
## several lines, gives a cell of escaped texts, or the lines joined by
## two spaces into one (Octave would join them with a line break).
##
## Escaping happens before Octave turns TeX markup into gnuplot's:
## @code{\\alpha} then reaches gnuplot as @code{\@{/Symbol a@}}, which it
## reads as @code{@{/Symbol a@}}, the alpha Octave meant.
## @end deftypefn

function t = bp_gnuplot_text (s, quote = '"')
  if (iscell (s))
    t = cellfun (@(c) bp_gnuplot_text (c, quote), s, "uniformoutput", false);
    return;
  elseif (! ischar (s) || isempty (s))
    t = s;
    return;
  elseif (rows (s) > 1)
    s = strjoin (cellstr (s)', "  ");
  endif
  t = s;
  t(t < 32 | t == 127) = " ";
  if (quote == '"')
    t = strrep (t, '\', '\\');
    t = strrep (t, '"', '\"');
    t = strrep (t, '`', '\`');
  else
    t = strrep (t, "'", "''");
  endif
endfunction
