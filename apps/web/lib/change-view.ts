// The change view's model on top of core's changesBetween: which two dates it compares (the URL's, or
// a default an analyst expects), the map's cells coloured by movement, and the list's groups.
import { MOVEMENT_COLOURS, movementLabel } from "@stancemap/charts";
import { type ActorMovement, CHANGE_MOVEMENTS, type Changes, formatEdtf, type Movement } from "@stancemap/core/model";
import type { MapCell } from "@/components/map/WorldMap";
import type { CompactStance } from "@/lib/dashboard-data";

export { addDays, type ChangeRange, changeRange } from "@stancemap/core/model";

/** A movement's fill on screen: the greys of what is not a change go through a CSS variable, so dark
 * mode can dim them (light greys would outshine the changes on a dark page); the moves keep their hues. */
export function movementFill(m: Movement): string {
  return m === "unchanged" || m === "attested-only" ? `var(--mv-${m}, ${MOVEMENT_COLOURS[m]})` : MOVEMENT_COLOURS[m];
}

/** "1 moved toward formal recognition, 1 may have changed (dates imprecise); 8 attested only, 1 unchanged." */
export function countsSentence(changes: Changes<CompactStance>, scale: readonly { order: number; label: string }[]): string {
  const moves = CHANGE_MOVEMENTS.filter((m) => changes.counts[m] > 0).map(
    (m) => `${changes.counts[m]} ${movementLabel(m, scale).replace(/^[A-Z]/, (c) => c.toLowerCase())}`,
  );
  const rest = `${changes.counts["attested-only"]} attested only (start not stated, not a change), ${changes.counts.unchanged} unchanged`;
  return moves.length ? `${moves.join(", ")}; ${rest}.` : `No change; ${rest}.`;
}

export const NO_STANCE_EITHER_DATE = "No stance recorded on either date.";

/**
 * The map's and the badges' cells: one per actor with a movement, filled with its movement's colour.
 * Attested-only actors get their own grey, never a change's colour; actors with nothing on either
 * date get a no-data cell saying so.
 */
export function movementCells(args: {
  changes: Changes<CompactStance>;
  actors: readonly { slug: string; name: string }[];
  scale: readonly { order: number; label: string }[];
  noDataFill: string;
  /** The fill of a movement (hex for badges, whose text colour is computed from it). */
  fill?: (m: Movement) => string;
}): Map<string, MapCell> {
  const fill = args.fill ?? ((m: Movement) => MOVEMENT_COLOURS[m]);
  const byActor = new Map(args.changes.actors.map((m) => [m.actor, m]));
  const cells = new Map<string, MapCell>();
  for (const a of args.actors) {
    const m = byActor.get(a.slug);
    if (!m) {
      cells.set(a.slug, {
        actor: a.slug,
        name: a.name,
        key: "no-data",
        label: "No data",
        fill: args.noDataFill,
        since: null,
        basis: null,
        uncertain: false,
        qualifiers: [],
        describe: NO_STANCE_EITHER_DATE,
        ageDays: null,
        reason: NO_STANCE_EITHER_DATE,
        stance: null,
      });
      continue;
    }
    cells.set(a.slug, {
      actor: a.slug,
      name: a.name,
      key: m.movement,
      label: movementLabel(m.movement, args.scale),
      fill: fill(m.movement),
      since: args.changes.to,
      // Drawn flat: the movement's own colour says how sure it is ("may have changed", "attested only").
      basis: "began",
      uncertain: false,
      qualifiers: [],
      describe: `(${m.because})`,
      ageDays: null,
      reason: null,
      stance: m.after?.stance ?? m.before?.stance ?? null,
    });
  }
  return cells;
}

export interface ChangeGroups {
  /** Moves the dated facts support, then the uncertain ones, in the model's order. */
  changed: ActorMovement<CompactStance>[];
  attested: ActorMovement<CompactStance>[];
  unchanged: ActorMovement<CompactStance>[];
}

export function changeGroups(changes: Changes<CompactStance>, only?: ReadonlySet<Movement>): ChangeGroups {
  const keep = (m: ActorMovement<CompactStance>) => !only || only.size === 0 || only.has(m.movement);
  return {
    changed: changes.actors.filter((m) => CHANGE_MOVEMENTS.includes(m.movement) && keep(m)),
    attested: changes.actors.filter((m) => m.movement === "attested-only" && keep(m)),
    unchanged: changes.actors.filter((m) => m.movement === "unchanged" && keep(m)),
  };
}

/** "No actor changed stance between 1 April 2025 and 3 July 2025 (3 unchanged, 8 attested only)." */
export function emptySentence(changes: Changes<CompactStance>): string {
  const { unchanged } = changes.counts;
  const attested = changes.counts["attested-only"];
  return `No actor changed stance between ${formatEdtf(changes.from)} and ${formatEdtf(changes.to)} (${unchanged} unchanged, ${attested} attested only: their start is not stated).`;
}
