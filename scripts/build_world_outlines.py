"""Build the web map's world outlines, src/dateline/web/static/world-110m.svg, from npm's
world-atlas 2.0.2 (Natural Earth 1:110m countries as TopoJSON):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_outlines.py /tmp/package/countries-110m.json

The SVG is pre-projected (equirectangular: x = lon + 180, y = 90 - lat, viewBox 0 0 360 180),
one path per country, coordinates in tenths of a degree, so the page can inline it as it is.
"""

from __future__ import annotations

import argparse
import json
from html import escape
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "web" / "static" / "world-110m.svg"

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Each arc as (lon, lat) points: quantized arcs are delta-encoded integers under ``transform``."""
    transform = topology.get("transform")
    if not transform:  # an unquantized topology holds plain coordinates
        return [[(x, y) for x, y, *_ in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; index ~i is arc i backwards. Each arc starts where the one before ended."""
    points: list[Point] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def rings(geometry: dict, arcs: list[list[Point]]) -> list[list[Point]]:
    """The rings of a Polygon or MultiPolygon (outer and holes alike: the even-odd fill sorts them)."""
    polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
        geometry["type"], [])
    return [ring(r, arcs) for polygon in polygons for r in polygon]


def project(points: list[Point]) -> list[tuple[int, int]]:
    """Equirectangular in tenths of a degree, made continuous across the antimeridian: a step of
    more than 180 degrees in x is the ring crossing it, so the rest of the ring moves by 360."""
    out: list[tuple[int, int]] = []
    shift = 0
    for lon, lat in points:
        x, y = round((lon + 180) * 10), round((90 - lat) * 10)
        if out and abs(x + shift - out[-1][0]) > 1800:
            shift += 3600 if out[-1][0] > x + shift else -3600
        if not out or (x + shift, y) != out[-1]:
            out.append((x + shift, y))
    if out and abs(out[-1][0] - out[0][0]) >= 1800:
        # it went once around a pole (Antarctica): close it along the map's edge at that pole
        pole = 1800 if sum(y for _, y in out) / len(out) > 900 else 0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    return out


def _num(tenths: int) -> str:
    whole, frac = divmod(abs(tenths), 10)
    text = (str(whole) if whole else "") + (f".{frac}" if frac else "") or "0"
    return ("-" if tenths < 0 else "") + text


def path_data(points: list[tuple[int, int]]) -> str:
    """``M x y l dx dy ... z``: relative steps between exact tenths, so no rounding drifts."""
    (x0, y0), steps = points[0], []
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        steps += [_num(bx - ax), _num(by - ay)]
    return f"M{_num(x0)} {_num(y0)}l" + " ".join(steps) + "z"


def country_path(geometry: dict, arcs: list[list[Point]]) -> str:
    """A country's rings as one path; a ring that crosses the antimeridian is drawn again 360
    degrees over, so the part of it past the edge shows at the other edge (the viewBox clips)."""
    parts = []
    for r in rings(geometry, arcs):
        points = project(r)
        if len(points) < 3:
            continue
        xs = [x for x, _ in points]
        for offset in (-3600, 0, 3600):
            if max(xs) + offset > 0 and min(xs) + offset < 3600:
                parts.append(path_data([(x + offset, y) for x, y in points]))
    return "".join(parts)


def world_svg(topology: dict, layer: str = "countries") -> str:
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"][layer]["geometries"]:
        d = country_path(geometry, arcs)
        if d:
            name = (geometry.get("properties") or {}).get("name", "")
            paths.append(f'<path data-name="{escape(name)}" d="{d}"/>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">\n'
            '<!-- Natural Earth 1:110m countries via world-atlas 2.0.2; see PROVENANCE.md -->\n'
            '<g class="world" fill="#e4e8e1" stroke="#9aa5a0" stroke-width=".2" fill-rule="evenodd">\n'
            + "\n".join(paths) + "\n</g>\n</svg>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    svg = world_svg(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.write_text(svg, encoding="utf-8")
    print(f"{args.out}: {len(svg.encode()):,} bytes, {svg.count('<path')} countries")


if __name__ == "__main__":
    main()
