"""Where the labels of a network diagram's edges sit: each on its own edge, clear of the others.

Plain geometry in data units (numpy only): the diagram measures its texts and hands over boxes
``(x0, y0, x1, y1)`` with x0 < x1 and y0 < y1. A label slides along its edge; of the places it may
take, it gets the one whose box (1) overlaps the least area of the fixed boxes (units, bias labels)
and of the labels placed before it, then (2) is crossed by the fewest other edges, so that it
cannot be read as another edge's label, then (3) lies nearest its preferred place.
"""

import numpy as np

#: where along its edge a label may sit (0 = at the from-unit, 1 = at the to-unit)
PLACES = np.round(np.arange(0.15, 0.851, 0.05), 2)


def overlap_area(box, boxes):
    """The total area of ``box`` (4,) covered by each of ``boxes`` (k, 4), added up."""
    if len(boxes) == 0:
        return 0.0
    boxes = np.asarray(boxes, dtype=float)
    width = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    height = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return float(np.sum(np.clip(width, 0, None) * np.clip(height, 0, None)))


def segments_crossing(box, segments):
    """Which of ``segments`` (k, 4), rows ``(x0, y0, x1, y1)``, pass through ``box`` (4,): (k,) bool.

    Clips each segment's parameter range [0, 1] against the box's four sides (Liang-Barsky).
    """
    segments = np.asarray(segments, dtype=float).reshape(-1, 4)
    start, delta = segments[:, :2], segments[:, 2:] - segments[:, :2]
    low, high = np.zeros(len(segments)), np.ones(len(segments))
    inside = np.ones(len(segments), dtype=bool)
    for axis, (lo, hi) in enumerate(((box[0], box[2]), (box[1], box[3]))):
        d, s = delta[:, axis], start[:, axis]
        flat = d == 0
        inside &= ~(flat & ((s < lo) | (s > hi)))  # parallel to this side and outside the box
        with np.errstate(divide="ignore", invalid="ignore"):
            t0, t1 = (lo - s) / d, (hi - s) / d
        enter, leave = np.where(flat, -np.inf, np.minimum(t0, t1)), np.where(flat, np.inf, np.maximum(t0, t1))
        low, high = np.maximum(low, enter), np.minimum(high, leave)
    return inside & (low <= high)


def choose_places(edges, sizes, preferred, fixed, others):
    """The place along its edge (one of ``PLACES``) of every label, chosen one label at a time.

    edges: (n, 4) the labelled edges ``(x0, y0, x1, y1)``, from-unit first; sizes: (n, 2) each
    label's box (width, height); preferred: (n,) where each label would rather sit; fixed: (k, 4)
    boxes no label should cover (units, bias labels); others: a list of n arrays (m_k, 4), the
    edges each label must keep clear of (every edge but its own).
    Returns (n,) places; labels placed earlier keep their place and count as fixed for later ones.
    """
    edges = np.asarray(edges, dtype=float)
    placed = [np.asarray(box, dtype=float) for box in np.asarray(fixed, dtype=float).reshape(-1, 4)]
    places = np.empty(len(edges))
    for k, ((x0, y0, x1, y1), (width, height), best) in enumerate(zip(edges, sizes, preferred)):
        scores = []
        for t in PLACES:
            x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            box = np.array([x - width / 2, y - height / 2, x + width / 2, y + height / 2])
            covered = round(overlap_area(box, placed), 9)
            crossed = int(segments_crossing(box, others[k]).sum())
            scores.append((covered, crossed, abs(t - best), t, box))
        covered, crossed, _, places[k], box = min(scores, key=lambda score: score[:4])
        placed.append(box)
    return places
