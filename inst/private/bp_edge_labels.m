## -*- texinfo -*-
## @deftypefn {} {[@var{centre}, @var{ok}] =} bp_edge_labels (@var{seg}, @var{sizes}, @var{taken})
## Where to put the value of each edge of a network drawing so that no
## two labels collide: each label sits on its own edge, as near the
## edge's middle as it can.
##
## @var{seg} holds one edge a row, [x0 y0 x1 y1]; @var{sizes} the
## labels' boxes, [width height] a row, padding included; @var{taken} the
## boxes a label must not touch, [xmin xmax ymin ymax] a row (the nodes,
## their notes, the labels placed before).  Returns the centre of each
## label, a row per edge, and @var{ok}, false when some label found no
## free place (it then goes where it overlaps least, and the caller may
## spread the columns further apart and try again).
##
## The candidates lie at fractions 0.25 to 0.75 of the way along the
## edge, the middle first.  Labels are placed one after the other
## (greedily); a free candidate costs its distance from the middle plus
## one for every other edge that passes under its box: a label sitting
## where edges cross would be read as belonging to either, so the labels
## of crossing edges end up staggered on either side of the crossing.
## @end deftypefn

function [centre, ok] = bp_edge_labels (seg, sizes, taken)
  t = [0.5 0.44 0.56 0.38 0.62 0.32 0.68 0.26 0.74];
  n = rows (seg);
  centre = zeros (n, 2);
  ok = true;
  for e = 1:n
    others = seg([1:e-1, e+1:n], :);
    best = [];
    best_cost = Inf;
    least = Inf;
    for s = t
      c = seg(e, 1:2) + s * (seg(e, 3:4) - seg(e, 1:2));
      box = [c(1) - sizes(e, 1) / 2, c(1) + sizes(e, 1) / 2, ...
             c(2) - sizes(e, 2) / 2, c(2) + sizes(e, 2) / 2];
      area = overlap_area (box, taken);
      if (area == 0)
        cost = abs (s - 0.5) + sum (crosses (others, box));
        if (cost < best_cost)
          best = c;
          best_cost = cost;
        endif
      elseif (isempty (best) && area < least)
        fallback = c;
        least = area;
      endif
    endfor
    if (isempty (best))
      ok = false;
      best = fallback;
    endif
    centre(e, :) = best;
    taken(end+1, :) = [best(1) - sizes(e, 1) / 2, best(1) + sizes(e, 1) / 2, ...
                       best(2) - sizes(e, 2) / 2, best(2) + sizes(e, 2) / 2];
  endfor
endfunction

## The total area BOX shares with the boxes TAKEN.
function a = overlap_area (box, taken)
  if (isempty (taken))
    a = 0;
    return;
  endif
  w = min (box(2), taken(:, 2)) - max (box(1), taken(:, 1));
  h = min (box(4), taken(:, 4)) - max (box(3), taken(:, 3));
  a = sum (max (w, 0) .* max (h, 0));
endfunction

## Whether each segment (a row [x0 y0 x1 y1]) passes through BOX
## (Liang and Barsky's clipping of the segment to the box).
function hit = crosses (seg, box)
  n = rows (seg);
  hit = true (n, 1);
  if (n == 0)
    return;
  endif
  x0 = seg(:, 1);
  y0 = seg(:, 2);
  dx = seg(:, 3) - x0;
  dy = seg(:, 4) - y0;
  p = [-dx, dx, -dy, dy];
  q = [x0 - box(1), box(2) - x0, y0 - box(3), box(4) - y0];
  t0 = zeros (n, 1);
  t1 = ones (n, 1);
  for i = 1:4
    parallel = p(:, i) == 0;
    hit(parallel & q(:, i) < 0) = false;
    r = q(:, i) ./ p(:, i);
    in = p(:, i) < 0;
    t0(in) = max (t0(in), r(in));
    out = p(:, i) > 0;
    t1(out) = min (t1(out), r(out));
  endfor
  hit &= t0 <= t1;
endfunction
