// A small world map with one country highlighted, drawn by React on the server from the projected
// world the dashboard uses. A country too small for the 110m map, or missing from it, gets a marker.
import "server-only";
import { projectWorld, SMALL_AREA } from "@stancemap/charts/world";

const WIDTH = 960;

/**
 * A path at locator size: whole units, relative moves, repeated points dropped, and rings that
 * collapse to fewer than three points left out. About a third of the full path's length.
 */
export function compactPath(d: string): string {
  const out: string[] = [];
  for (const ring of d.split(/(?=M)/)) {
    const numbers = ring.match(/-?\d+(?:\.\d+)?/g)?.map((n) => Math.round(Number(n))) ?? [];
    const [x0, y0] = numbers;
    if (x0 === undefined || y0 === undefined) continue;
    let x = x0;
    let y = y0;
    let moves = "";
    let count = 0;
    for (let i = 2; i + 1 < numbers.length; i += 2) {
      const dx = (numbers[i] as number) - x;
      const dy = (numbers[i + 1] as number) - y;
      if (dx === 0 && dy === 0) continue;
      // "l3-2 -1,4": a minus sign separates numbers by itself.
      moves += `${count ? " " : ""}${dx}${dy < 0 ? "" : ","}${dy}`;
      count++;
      x += dx;
      y += dy;
    }
    if (count >= 2) out.push(`M${x0},${y0}l${moves}z`);
  }
  return out.join("");
}

/** Every country but one, as one compact path (cached: the world never changes while the server runs). */
const background = new Map<string, string>();
let compact: { id: string; d: string }[] | null = null;
function landExcept(id: string): string {
  compact ??= projectWorld(WIDTH).features.map((f) => ({ id: f.id, d: compactPath(f.d) }));
  let d = background.get(id);
  if (d === undefined) {
    d = compact
      .filter((f) => f.id !== id)
      .map((f) => f.d)
      .join("");
    if (background.size > 400) background.clear();
    background.set(id, d);
  }
  return d;
}

export function LocatorMap(props: { isoNumeric: string; name: string }) {
  const world = projectWorld(WIDTH);
  const own = world.features.find((f) => f.id === props.isoNumeric);
  const point = world.points[props.isoNumeric];
  const marker = (!own || own.area < SMALL_AREA) && point ? point : null;
  const place = own?.name ?? point?.name ?? props.name;
  return (
    <figure className="locator">
      <svg
        className="locator-map"
        viewBox={`0 0 ${world.width} ${world.height}`}
        role="img"
        aria-label={`Locator map: ${props.name}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <path className="locator-sphere" d={world.sphere} />
        <path className="locator-land" d={landExcept(props.isoNumeric)} />
        {own ? <path className="locator-own" d={own.d} data-id={own.id} /> : null}
        {marker ? (
          <g className="locator-marker" data-id={marker.id}>
            <circle cx={marker.x} cy={marker.y} r={22} className="locator-halo" />
            <circle cx={marker.x} cy={marker.y} r={7} />
          </g>
        ) : null}
      </svg>
      <figcaption className="muted">{place}</figcaption>
    </figure>
  );
}
