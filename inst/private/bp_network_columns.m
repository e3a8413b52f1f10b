## -*- texinfo -*-
## @deftypefn {} {@var{layout} =} bp_network_columns (@var{sizes}, @var{maxnodes}, @var{maxlayers})
## Which layers and nodes of a network of widths @var{sizes} a drawing
## shows, and where, for @code{bp_plot_network}.  Column c shows layer
## @code{layout.layers(c)}, or NaN for the gap of a network deeper than
## @var{maxlayers}: its first @var{maxlayers} - 2 layers, an empty column
## with dots, its last two.  Node slots are one unit apart and every
## column is centred on y = 0.  A layer wider than @var{maxnodes} keeps its
## first @var{maxnodes} - 1 nodes and its last one, with an empty slot for
## the dots between them: the ellipsis of a wide layer.
##
## Fields: @code{layers}; @code{shown@{c@}}, the node numbers drawn;
## @code{y@{c@}}, their heights; @code{gap@{c@}}, the height of the dots
## (empty when the layer is drawn whole); @code{slots}, the most slots of
## any column.
## @end deftypefn

function layout = bp_network_columns (sizes, maxnodes, maxlayers)
  n_layers = numel (sizes);
  if (n_layers <= maxlayers)
    layers = 0:n_layers-1;
  else
    layers = [0:maxlayers-3, NaN, n_layers-2, n_layers-1];
  endif
  n_cols = numel (layers);
  layout.layers = layers;
  layout.shown = cell (1, n_cols);
  layout.y = cell (1, n_cols);
  layout.gap = cell (1, n_cols);
  layout.slots = 0;
  for c = 1:n_cols
    if (isnan (layers(c)))
      continue;
    endif
    n = sizes(layers(c) + 1);
    if (n <= maxnodes)
      shown = 1:n;
      slots = 1:n;
      gap = [];
    else
      shown = [1:maxnodes-1, n];
      slots = [1:maxnodes-1, maxnodes+1];
      gap = maxnodes;
    endif
    centre = (slots(end) + 1) / 2;
    layout.shown{c} = shown;
    layout.y{c} = centre - slots;
    layout.gap{c} = centre - gap;
    layout.slots = max (layout.slots, slots(end));
  endfor
endfunction
