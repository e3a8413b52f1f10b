## The worked pages in doc/ show what their example scripts print.  This
## reruns every script (figures go to a temporary folder) and fails when a
## page's numbers no longer match: run `make doc` to refresh the pages
## after an intended change.

%!test
%! problems = doc_sync ("check");
%! assert (isempty (problems), strjoin (problems, "\n"));

%!test
%! ## Every example script is shown on some page, so none goes unchecked.
%! docdir = fileparts (which ("doc_sync"));
%! scripts = dir (fullfile (docdir, "examples", "*.m"));
%! pages = dir (fullfile (docdir, "*.md"));
%! text = strjoin (cellfun (@(p) fileread (fullfile (docdir, p)), ...
%!                          {pages.name}, "uniformoutput", false));
%! for i = 1:numel (scripts)
%!   marker = ["<!-- output: examples/" scripts(i).name " -->"];
%!   assert (! isempty (strfind (text, marker)), ...
%!           sprintf ("%s is on no page", scripts(i).name));
%! endfor

%!test
%! ## Lines ending with " *" (full-batch results, which depend on the
%! ## BLAS's rounding) match up to 25% in each number and nothing else;
%! ## every other line exactly.
%! page = "loss 1.0686 at 300 iterations *\nSGD 0.1980\n";
%! assert (doc_sync ("same", page, "loss 1.1715 at 300 iterations *\nSGD 0.1980\n"));
%! assert (! doc_sync ("same", page, "loss 1.6 at 300 iterations *\nSGD 0.1980\n"));
%! assert (! doc_sync ("same", page, "loss 1.0686 at 300 iterations *\nSGD 0.1981\n"));
%! assert (! doc_sync ("same", page, "loss 1.0686 at 300 epochs *\nSGD 0.1980\n"));
%! assert (! doc_sync ("same", page, "loss 1.0686 at 300 iterations\nSGD 0.1980\n"));
%! assert (! doc_sync ("same", page, "loss 1.0686 1 at 300 iterations *\nSGD 0.1980\n"));
%! assert (! doc_sync ("same", page, "loss 1.0686 at 300 iterations *\n"));
%! assert (! doc_sync ("same", "a 1 *\n", "a -1 *\n"));
