"use client";
// Move up, move down and remove for one row of a repeated group (sources, categories, local names),
// keeping keyboard focus on the row the user is working with.
import { useForm } from "./FormContext";
import { fieldId, type Values } from "./form-state";

export function useRows(path: string) {
  const api = useForm();
  const rows = (Array.isArray(api.get(path)) ? api.get(path) : []) as Values[];
  return {
    rows,
    add(row: Values, focusPath: (index: number) => string) {
      api.set(path, [...rows, row]);
      api.focusLater(fieldId(focusPath(rows.length)));
    },
    remove(i: number, what: string) {
      api.set(
        path,
        rows.filter((_, j) => j !== i),
      );
      api.announce(`${what} ${i + 1} removed.`);
      // Focus stays in the list: on the row that took this one's place, else on "Add".
      api.focusLater(i < rows.length - 1 ? `${fieldId(`${path}.${i}`)}-remove` : `${fieldId(path)}-add`);
    },
    move(i: number, by: -1 | 1, what: string) {
      const j = i + by;
      if (j < 0 || j >= rows.length) return;
      const next = [...rows];
      [next[i], next[j]] = [next[j] as Values, next[i] as Values];
      api.set(path, next);
      api.announce(`${what} moved to position ${j + 1}.`);
      // At the end of the list that button is disabled: focus its opposite instead.
      const atEnd = by === -1 ? j === 0 : j === rows.length - 1;
      const button = (by === -1) !== atEnd ? "up" : "down";
      api.focusLater(`${fieldId(`${path}.${j}`)}-${button}`);
    },
  };
}

export function RowTools({ path, index, count, what }: { path: string; index: number; count: number; what: string }) {
  const { remove, move } = useRows(path);
  const base = fieldId(`${path}.${index}`);
  const name = `${what} ${index + 1}`;
  return (
    <div className="rf-row-tools">
      <button type="button" className="btn btn-secondary" id={`${base}-up`} disabled={index === 0} onClick={() => move(index, -1, what)}>
        Move up<span className="rf-sr"> {name}</span>
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        id={`${base}-down`}
        disabled={index === count - 1}
        onClick={() => move(index, 1, what)}
      >
        Move down<span className="rf-sr"> {name}</span>
      </button>
      <button type="button" className="btn btn-secondary rf-remove" id={`${base}-remove`} onClick={() => remove(index, what)}>
        Remove {name.toLowerCase()}
      </button>
    </div>
  );
}
