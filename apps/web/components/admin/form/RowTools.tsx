"use client";
// Move up, move down and remove for one row of a field array (sources, categories, local names,
// other names), keeping keyboard focus on the row the user is working with.
import type { UseFieldArrayReturn } from "react-hook-form";
import { focusSoon, useFormMeta } from "./form-meta";
import { fieldId } from "./paths";

type RowOps = Pick<UseFieldArrayReturn, "move" | "remove">;

export function RowTools({ path, index, count, what, rows }: { path: string; index: number; count: number; what: string; rows: RowOps }) {
  const { announce } = useFormMeta();
  const base = fieldId(`${path}.${index}`);
  const name = `${what} ${index + 1}`;
  const move = (by: -1 | 1) => {
    const j = index + by;
    if (j < 0 || j >= count) return;
    rows.move(index, j);
    announce(`${what} moved to position ${j + 1}.`);
    // At the end of the list that button is disabled: focus its opposite instead.
    const atEnd = by === -1 ? j === 0 : j === count - 1;
    focusSoon(`${fieldId(`${path}.${j}`)}-${(by === -1) !== atEnd ? "up" : "down"}`);
  };
  const remove = () => {
    rows.remove(index);
    announce(`${name} removed.`);
    // Focus stays in the list: on the row that took this one's place, else on "Add".
    focusSoon(index < count - 1 ? `${base}-remove` : `${fieldId(path)}-add`);
  };
  return (
    <div className="rf-row-tools">
      <button type="button" className="btn btn-secondary" id={`${base}-up`} disabled={index === 0} onClick={() => move(-1)}>
        Move up<span className="rf-sr"> {name}</span>
      </button>
      <button type="button" className="btn btn-secondary" id={`${base}-down`} disabled={index === count - 1} onClick={() => move(1)}>
        Move down<span className="rf-sr"> {name}</span>
      </button>
      <button type="button" className="btn btn-secondary rf-remove" id={`${base}-remove`} onClick={remove}>
        Remove {name.toLowerCase()}
      </button>
    </div>
  );
}
