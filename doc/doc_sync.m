## -*- texinfo -*-
## @deftypefn {} {@var{problems} =} doc_sync (@var{mode}, @var{pages})
## Keep the documentation pages' numbers equal to what their example
## scripts print.
##
## A page (doc/*.md) shows a script's output between two markers:
##
## @example
## <!-- output: examples/chain_rule.m -->
## ```text
## @dots{} what the script printed @dots{}
## ```
## <!-- end output -->
## @end example
##
## With @var{mode} @qcode{"update"} (@code{make doc}) every such block is
## replaced by a fresh run of its script, which also writes its figures to
## doc/figures.  With @qcode{"check"} (@code{make test}) the scripts run
## with figures going to a temporary folder, nothing is written, and
## @var{problems} lists every block whose text differs from the script's
## output (empty when the pages are current).  @var{pages} is a cellstr of
## page names relative to doc/ (default: every page with a marker).
##
## Each script runs in its own workspace with the variable @code{figdir}
## naming the folder for its PNG files.
##
## Full-batch minimisers amplify the rounding of the BLAS: their numbers
## after hundreds of iterations change with the BLAS library and the CPU
## kernels it picks.  A script marks such a line by ending it with
## @qcode{" *"} (and says so on its page); in @qcode{"check"} mode a
## marked line matches when its words are the page's and each number is
## within 25% of the page's, so that a machine with other kernels passes
## while a real change (CG suddenly converging, a loss ten times larger)
## still fails.  Every other line must match exactly.
## @code{doc_sync ("same", @var{old}, @var{new})} is that comparison of
## two texts, true or false.
##
## A script whose data set is missing on this machine may run on data it
## makes itself instead; it then prints a first line starting with
## @qcode{"(fallback)"}, and its block is not compared (a note says so):
## its numbers are not the page's, and the page's are not wrong.
## @end deftypefn

function problems = doc_sync (mode, pages, printed)
  if (strcmp (mode, "same"))
    problems = same_output (pages, printed);   # the comparison, for tests
    return;
  endif
  docdir = fileparts (mfilename ("fullpath"));
  if (nargin < 2)
    pages = all_pages (docdir);
  endif
  check = strcmp (mode, "check");
  if (check)
    figdir = tempname ();
    mkdir (figdir);
  else
    figdir = fullfile (docdir, "figures");
    if (! exist (figdir, "dir"))
      mkdir (figdir);
    endif
  endif
  problems = {};
  unwind_protect
    for p = 1:numel (pages)
      file = fullfile (docdir, pages{p});
      text = fileread (file);
      [new_text, diffs] = sync_page (text, docdir, figdir, pages{p});
      problems = [problems, diffs];
      if (! check && ! strcmp (new_text, text))
        fid = fopen (file, "w");
        fputs (fid, new_text);
        fclose (fid);
        printf ("updated %s\n", pages{p});
      endif
    endfor
  unwind_protect_cleanup
    if (check)
      confirm_recursive_rmdir (false, "local");
      rmdir (figdir, "s");
    endif
  end_unwind_protect
endfunction

function pages = all_pages (docdir)
  d = dir (fullfile (docdir, "*.md"));
  pages = {};
  for i = 1:numel (d)
    if (! isempty (strfind (fileread (fullfile (docdir, d(i).name)), ...
                            "<!-- output: ")))
      pages{end+1} = d(i).name;
    endif
  endfor
endfunction

## Replace (or compare) every output block of one page.
function [out, diffs] = sync_page (text, docdir, figdir, page)
  pattern = '(<!-- output: (\S+) -->\n```text\n)(.*?)(```\n<!-- end output -->)';
  [tok, s, e] = regexp (text, pattern, "tokens", "start", "end");
  out = "";
  diffs = {};
  last = 1;
  for b = 1:numel (tok)
    [head, script, old, tail] = tok{b}{:};
    printed = run_example (fullfile (docdir, script), figdir);
    if (strncmp (printed, "(fallback)", 10) && ! strncmp (old, "(fallback)", 10))
      printf ("%s: %s ran on its fallback data, so its numbers were not compared: %s", ...
              page, script, strtok (printed, "\n"));
      printf ("\n");
    elseif (! same_output (old, printed))
      diffs{end+1} = sprintf ("%s: the output of %s has changed%s", page, ...
                              script, first_difference (old, printed));
    endif
    out = [out, text(last:s(b)-1), head, printed, tail];
    last = e(b) + 1;
  endfor
  out = [out, text(last:end)];
endfunction

## Whether a script printed what the page shows: every line the same,
## but a line ending with " *" only up to its numbers (see the help).
function tf = same_output (old, new)
  a = strsplit (strtrim (old), "\n");
  b = strsplit (strtrim (new), "\n");
  tf = numel (a) == numel (b);
  k = 0;
  while (tf && k < numel (a))
    k++;
    tf = strcmp (a{k}, b{k}) || close_marked_line (a{k}, b{k});
  endwhile
endfunction

function tf = close_marked_line (a, b)
  tf = false;
  marked = @(s) numel (s) > 2 && strcmp (s(end-1:end), " *");
  if (! (marked (a) && marked (b)))
    return;
  endif
  number = '[-+]?\d+(\.\d+)?([eE][-+]?\d+)?';
  [wa, na] = regexp (a, number, "split", "match");
  [wb, nb] = regexp (b, number, "split", "match");
  if (numel (na) != numel (nb) ...
      || ! isequal (regexprep (wa, '\s+', " "), regexprep (wb, '\s+', " ")))
    return;
  endif
  x = str2double (na);
  y = str2double (nb);
  tf = all (abs (x - y) <= 0.25 * max (abs (x), abs (y)));
endfunction

## The first line where the page and the script differ, for the message.
function d = first_difference (old, new)
  a = strsplit (strtrim (old), "\n");
  b = strsplit (strtrim (new), "\n");
  n = min (numel (a), numel (b));
  k = find (! cellfun (@strcmp, a(1:n), b(1:n)), 1);
  if (isempty (k))
    k = n + 1;
  endif
  line = @(c) ifelse_line (c, k);
  d = sprintf (" (line %d: the page has \"%s\", the script printed \"%s\")", ...
               k, line (a), line (b));
endfunction

function t = ifelse_line (c, k)
  t = "";
  if (k <= numel (c))
    t = c{k};
  endif
endfunction

## What a script prints, with trailing blanks trimmed from each line so
## that the comparison is about numbers and words, not padding.
function printed = run_example (script, figdir)
  printed = evalc ("run_in_own_workspace (script, figdir)");
  printed = regexprep (printed, '[ \t]+\n', "\n");
  if (isempty (printed) || printed(end) != "\n")
    printed = [printed, "\n"];
  endif
endfunction

## Warnings (such as gnuplot's and Ghostscript's one-time notices) are
## about the machine, not the example: keep them out of the pages.
function run_in_own_workspace (script, figdir)
  saved = warning ();
  warning ("off", "all");
  unwind_protect
    source (script);
  unwind_protect_cleanup
    warning (saved);
  end_unwind_protect
endfunction
