// A small square in a cue's pattern (charts' cues.ts), in its own SVG: for the legend and for badges.
import { cuePattern } from "@stancemap/charts";
import { useId } from "react";

type Pattern = NonNullable<ReturnType<typeof cuePattern>>;

/** One cue's SVG pattern (ground, colour, stripes, dots): the map's cells and the legend's swatches share it. */
export function CuePatternDef({ id, pattern: p }: { id: string; pattern: Pattern }) {
  return (
    <pattern id={id} width={p.size} height={p.size} patternUnits="userSpaceOnUse">
      <rect width={p.size} height={p.size} className="cue-ground" />
      <rect width={p.size} height={p.size} fill={p.base.colour} fillOpacity={p.base.opacity} />
      {p.stripes ? <path d={p.stripes.d} stroke={p.stripes.colour} strokeWidth={p.stripes.width} /> : null}
      {p.dots?.points.map(([cx, cy]) => (
        <circle
          key={`${cx},${cy}`}
          cx={cx}
          cy={cy}
          r={p.dots?.r}
          className={p.dots?.colour === "fg" ? "cue-dot" : undefined}
          fill={p.dots?.colour === "fg" ? undefined : p.dots?.colour}
        />
      ))}
    </pattern>
  );
}

export function CueSwatch(props: { colour: string; uncertain: boolean; attested: boolean; size?: number }) {
  const uid = useId();
  const p = cuePattern(props.colour, { uncertain: props.uncertain, attested: props.attested });
  if (!p) return null;
  const id = `swatch-${uid.replace(/:/g, "")}`;
  const size = props.size ?? 14;
  return (
    <svg className="cue-swatch" viewBox="0 0 12 12" width={size} height={size} aria-hidden="true">
      <defs>
        <CuePatternDef id={id} pattern={p} />
      </defs>
      <rect x="0.5" y="0.5" width="11" height="11" fill={`url(#${id})`} className="cue-swatch-edge" />
    </svg>
  );
}
