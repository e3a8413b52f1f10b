## -*- texinfo -*-
## @deftypefn {} {@var{o} =} bp_check_figure_options (@var{fn}, @var{o}, @var{default_size}, @var{hax})
## Check the options @qcode{"title"}, @qcode{"file"}, @qcode{"visible"},
## @qcode{"size"} and @qcode{"fontsize"} that every bp_plot_* function
## @var{fn} takes, in the
## option struct @var{o}, and fill in their defaults: @qcode{".png"} added
## to a file name without an extension, @var{visible} true when there is a
## display (@code{bp_have_display}), @var{size} = @var{default_size} when
## unset.  Raises the @code{backprop:@var{fn}:...} errors otherwise.  One
## copy, so that the plot functions accept and reject the same values with
## the same messages.
##
## @var{hax} is the axes handle the caller gave first, or @code{[]}.  With
## one, the plot goes into those axes of the caller's figure, so
## @qcode{"visible"} and @qcode{"size"}, which describe a figure of the
## plot's own, are refused.  Added fields: @code{axes} (@var{hax}),
## @code{canvas} (the size in pixels of the figure drawn in, for
## @code{bp_font_size}), @code{format} (@qcode{"png"}, @qcode{"svg"} or
## @qcode{"pdf"}, from the file's extension) and @code{told_visible}
## (whether the caller chose @qcode{"visible"}).
## @end deftypefn

function o = bp_check_figure_options (fn, o, default_size, hax)
  if (isfield (o, "title"))
    bp_check_title (fn, o.title);
  endif
  o.axes = hax;
  o.format = "png";
  bp_check_file_name (fn, o.file, true);
  if (! isempty (o.file))
    o.file = tilde_expand (o.file);
    [folder, ~, ext] = fileparts (o.file);
    if (isempty (ext))
      o.file = [o.file ".png"];
    elseif (any (strcmpi (ext, {".png", ".svg", ".pdf"})))
      o.format = lower (ext(2:end));
    else
      error (["backprop:" fn ":wrong_file_type"], ...
             "%s: file must name a PNG, SVG or PDF file (ending in .png, .svg or .pdf), got '%s'", ...
             fn, o.file);
    endif
    if (! isempty (folder) && ! isfolder (folder))
      error (["backprop:" fn ":no_folder"], ...
             "%s: file must be in an existing folder, got '%s' (no folder '%s')", ...
             fn, o.file, folder);
    endif
    ## Before anything is drawn; checked again just before writing.
    bp_check_regular_file (fn, o.file);
  endif
  if (! isempty (hax))
    for name = {"visible", "size"}
      if (! bp_is_unset (o.(name{1})))
        error (["backprop:" fn ":unused_option"], ...
               "%s: option '%s' describes a figure of the plot's own; with an axes handle hax the plot goes into hax's figure, so leave '%s' out", ...
               fn, name{1}, name{1});
      endif
    endfor
    o.told_visible = false;
    o.visible = strcmp (get (ancestor (hax, "figure"), "visible"), "on");
    o.size = [];
    o.canvas = getpixelposition (ancestor (hax, "figure"))(3:4);
  else
    o.told_visible = ! bp_is_unset (o.visible);
    o = check_visible (fn, o);
    o = check_size (fn, o, default_size);
    o.canvas = o.size(:)';
  endif
  if (! bp_is_unset (o.fontsize))
    o.fontsize = bp_check_scalar (fn, "fontsize", o.fontsize, 4, 200, false);
  endif
endfunction

function o = check_visible (fn, o)
  if (bp_is_unset (o.visible))
    o.visible = bp_have_display ();
    return;
  endif
  o.visible = bp_check_scalar (fn, "visible", o.visible, 0, 1, true);
  if (o.visible && ! bp_have_display ())
    error (["backprop:" fn ":no_display"], ...
           "%s: visible must be false without a display (DISPLAY is empty and there is no GUI); give a \"file\" to write a PNG instead", ...
           fn);
  endif
endfunction

function o = check_size (fn, o, default_size)
  if (bp_is_unset (o.size))
    o.size = default_size;
  elseif (! (isa (o.size, "double") && isreal (o.size) && ! issparse (o.size) ...
             && numel (o.size) == 2 ...
             && all (isfinite (o.size)) && all (o.size >= 100) ...
             && all (o.size <= 10000)))
    error (["backprop:" fn ":wrong_type"], ...
           "%s: size must be [width height] in pixels, each from 100 to 10000, got %s", ...
           fn, bp_describe (o.size));
  endif
endfunction
