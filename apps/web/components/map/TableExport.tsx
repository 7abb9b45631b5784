"use client";
// "Export the table…": the rows the Table tab shows, with its columns, in the order shown, as CSV or
// JSON, made in the browser from what is on screen. The map's export (picture, and the data ZIP with
// sources and metadata) stays on the Map tab; this dialog links to that ZIP for the sources.
import { formatEdtf } from "@stancemap/core/model";
import { useId, useRef, useState } from "react";

export interface TableRow {
  actor: string;
  name: string;
  kind: string;
  category: string | null;
  category_label: string | null;
  since: string | null;
  since_label: string | null;
  basis: string | null;
  uncertain: string | null;
  holds: string | null;
  qualifying_facts: string | null;
  why_no_data: string | null;
}

export const TABLE_COLUMNS: readonly (keyof TableRow)[] = [
  "actor",
  "name",
  "kind",
  "category",
  "category_label",
  "since",
  "since_label",
  "basis",
  "uncertain",
  "holds",
  "qualifying_facts",
  "why_no_data",
];

function download(name: string, type: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TableExport(props: {
  /** How many rows, and the rows themselves, made only when a file is asked for (thousands of them cost a render). */
  count: number;
  rows: () => readonly TableRow[];
  name: string;
  date: string;
  topicTitle: string;
  sortedBy: string | null;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { count, name } = props;
  const csv = async () => {
    try {
      // papaparse (with spreadsheet-formula escaping) only when a CSV is asked for.
      const { tableToCsv } = await import("@stancemap/core/csv");
      download(`${name}.csv`, "text/csv;charset=utf-8", `${tableToCsv(TABLE_COLUMNS, props.rows() as never)}\n`);
    } catch (e) {
      setError(`The CSV could not be made: ${(e as Error).message}`);
    }
  };
  const json = () =>
    download(
      `${name}.json`,
      "application/json",
      `${JSON.stringify({ title: props.topicTitle, date: props.date, sortedBy: props.sortedBy, columns: TABLE_COLUMNS, data: props.rows() }, null, 2)}\n`,
    );
  return (
    <>
      <button type="button" className="button-quiet export-open" onClick={() => dialog.current?.showModal()}>
        Export the table…
      </button>
      <dialog ref={dialog} className="export-dialog table-export" aria-labelledby={`${id}-title`}>
        <div className="export-head">
          <h2 id={`${id}-title`}>Export the table</h2>
          <button type="button" className="button-quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        <p>
          The {count} {count === 1 ? "row" : "rows"} the table shows ({props.topicTitle}, as of {formatEdtf(props.date)}), with its columns,
          in its order{props.sortedBy ? ` (sorted by ${props.sortedBy})` : ""}. Dates are EDTF, each followed by its words.
        </p>
        <div className="export-actions">
          <button type="button" className="button-link" onClick={() => void csv()}>
            Download CSV
          </button>
          <button type="button" className="button-link" onClick={json}>
            Download JSON
          </button>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <p className="muted">
          For the sources behind each row, the licence and the dataset revision, use the map’s data download (Map tab, Export…), which holds
          the same actors with their evidence.
        </p>
      </dialog>
    </>
  );
}
