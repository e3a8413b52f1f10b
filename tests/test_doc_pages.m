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
