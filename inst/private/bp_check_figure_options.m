## -*- texinfo -*-
## @deftypefn {} {@var{o} =} bp_check_figure_options (@var{fn}, @var{o}, @var{default_size})
## Check the options @qcode{"file"}, @qcode{"visible"} and @qcode{"size"}
## that every bp_plot_* function @var{fn} takes, in the option struct
## @var{o}, and fill in their defaults: @qcode{".png"} added to a file name
## without an extension, @var{visible} true when there is a display
## (@code{bp_have_display}), @var{size} = @var{default_size} when unset.
## Raises the @code{backprop:@var{fn}:...} errors otherwise.  One copy, so
## that the plot functions accept and reject the same values with the
## same messages.
## @end deftypefn

function o = bp_check_figure_options (fn, o, default_size)
  bp_check_file_name (fn, o.file, true);
  if (! isempty (o.file))
    o.file = tilde_expand (o.file);
    [folder, ~, ext] = fileparts (o.file);
    if (isempty (ext))
      o.file = [o.file ".png"];
    elseif (! strcmpi (ext, ".png"))
      error (["backprop:" fn ":wrong_file_type"],
             "%s: file must name a PNG file (ending in .png), got '%s'; for other formats print the returned figure yourself",
             fn, o.file);
    endif
    if (! isempty (folder) && ! isfolder (folder))
      error (["backprop:" fn ":no_folder"],
             "%s: file must be in an existing folder, got '%s' (no folder '%s')",
             fn, o.file, folder);
    endif
    ## Before anything is drawn; checked again just before writing.
    bp_check_regular_file (fn, o.file);
  endif
  if (bp_is_unset (o.visible))
    o.visible = bp_have_display ();
  else
    o.visible = bp_check_scalar (fn, "visible", o.visible, 0, 1, true);
    if (o.visible && ! bp_have_display ())
      error (["backprop:" fn ":no_display"],
             "%s: visible must be false without a display (DISPLAY is empty and there is no GUI); give a \"file\" to write a PNG instead",
             fn);
    endif
  endif
  if (bp_is_unset (o.size))
    o.size = default_size;
  elseif (! (isa (o.size, "double") && isreal (o.size) && ! issparse (o.size)
             && numel (o.size) == 2
             && all (isfinite (o.size)) && all (o.size >= 100)
             && all (o.size <= 10000)))
    error (["backprop:" fn ":wrong_type"],
           "%s: size must be [width height] in pixels, each from 100 to 10000, got %s",
           fn, bp_describe (o.size));
  endif
endfunction
