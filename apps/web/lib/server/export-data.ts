// The data behind an exported view, as a ZIP: the rows the picture shows as CSV and JSON, and a
// metadata file (what it is, the state it was made in, sources, licence, revision, columns).
import "server-only";
import { publicTitle, publisherName } from "@stancemap/charts";
import { formatEdtf, tableToCsv } from "@stancemap/core";
import { strToU8, zipSync } from "fflate";
import { CREDIT, type ExportModel, LICENCE, VIEW_NAMES } from "@/lib/export/views";

/** How the files write dates. */
const DATES_NOTE =
  "Dates are EDTF (ISO 8601-2) at the precision the sources give: 2023 (a year), 2022-09 (a month), 2025-07-03 (a day), " +
  "2021-08~ (approximate), 2023? (uncertain), 2023/2024-03 (between), ../2025-07-03 (on or before). Each *_label column gives the same date in words.";

/** A source as the README names it: publisher (none when it names none), title, where it was found. */
function readmeSource(s: ExportModel["sources"][number], all: ExportModel["sources"]): string {
  const publisher = publisherName(s.publisher);
  const citing = s.citedIn ? all.find((c) => c.id === s.citedIn) : undefined;
  const via = citing ? `, cited in ${publisherName(citing.publisher) ?? "another source"}, "${publicTitle(citing.title)}"` : "";
  return `${publisher ? `${publisher}, ` : ""}"${publicTitle(s.title)}"${via}${s.url ? ` <${s.url}>` : ""}`;
}

export function dataZip(model: ExportModel, revision: number, origin: string): Buffer {
  const generated = new Date().toISOString();
  const columns = model.columns.map((c) => c.key);
  const metadata = {
    title: model.defaults.title,
    description: model.defaults.subtitle,
    view: VIEW_NAMES[model.view],
    permalink: `${origin}${model.path}`,
    generated,
    datasetRevision: revision,
    licence: LICENCE,
    credit: CREDIT,
    rows: model.rows.length,
    files: { [`${model.name}.csv`]: "The rows, one per line, with a header line.", [`${model.name}.json`]: "The same rows as JSON." },
    columns: model.columns,
    dates: DATES_NOTE,
    sources: model.sources.map((s) => ({
      id: s.id,
      publisher: publisherName(s.publisher),
      title: publicTitle(s.title),
      cited_in: s.citedIn ?? null,
      published: s.publishedOn,
      published_label: s.publishedOn ? formatEdtf(s.publishedOn) : null,
      url: s.url,
    })),
  };
  const readme = [
    `${model.defaults.title}`,
    `${model.defaults.subtitle}`,
    "",
    `The data behind Stancemap's ${VIEW_NAMES[model.view]} at ${origin}${model.path}`,
    `Dataset revision ${revision}, generated ${generated}. ${LICENCE}; credit "${CREDIT}".`,
    "",
    "Columns:",
    ...model.columns.map((c) => `  ${c.key}: ${c.description}`),
    "",
    DATES_NOTE,
    "",
    "Sources cited by what is shown:",
    ...(model.sources.length ? model.sources.map((s) => `  ${readmeSource(s, model.sources)}`) : ["  (none)"]),
    "",
  ].join("\n");
  const zip = zipSync(
    {
      [`${model.name}.csv`]: strToU8(tableToCsv(columns, model.rows)),
      [`${model.name}.json`]: strToU8(`${JSON.stringify({ columns, data: model.rows }, null, 2)}\n`),
      "metadata.json": strToU8(`${JSON.stringify(metadata, null, 2)}\n`),
      "README.txt": strToU8(readme),
    },
    { level: 6 },
  );
  return Buffer.from(zip);
}
