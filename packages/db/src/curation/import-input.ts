// Reading an import: a request body or an uploaded file becomes rows, the same way for the write API
// and the admin page (size limit, byte order mark, JSON or CSV, the CSV's record type, a checksum), or
// a refusal with the field it concerns.
import { createHash } from "node:crypto";
import { COLLECTIONS, EntityType, parseCsvRecords, protoKeyPath } from "@stancemap/core";
import { InvalidInput } from "./errors";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "10 MB";

export interface ImportInput {
  rows: { row: string; type: EntityType; record: unknown }[];
  /** Problems found before any row could be read (a CSV parse error, an unknown collection). */
  problems?: { row: string; message: string }[];
}

/** JSON: an object of collections as the dataset files use (`{"actors": [...], ...}`), any subset. */
export function importInputFromJson(body: unknown): ImportInput {
  if (!body || typeof body !== "object" || Array.isArray(body))
    return { rows: [], problems: [{ row: "body", message: 'must be a JSON object of collections, e.g. {"actors": [...]}' }] };
  const rows: ImportInput["rows"] = [];
  const problems: { row: string; message: string }[] = [];
  for (const [collection, list] of Object.entries(body)) {
    const type = (Object.entries(COLLECTIONS).find(([, c]) => c === collection)?.[0] ?? null) as EntityType | null;
    if (!type) problems.push({ row: collection, message: `unknown collection; expected one of ${Object.values(COLLECTIONS).join(", ")}` });
    else if (!Array.isArray(list)) problems.push({ row: collection, message: "must be an array" });
    else
      list.forEach((record, i) => {
        rows.push({ row: `${collection}[${i}]`, type, record });
      });
  }
  return { rows, problems };
}

export function importInputFromCsv(text: string, type: EntityType): ImportInput {
  const { rows, errors } = parseCsvRecords(text);
  return {
    rows: rows.map((r) => ({ row: `line ${r.line}`, type, record: r.record })),
    problems: errors.map((e) => ({ row: `line ${e.line}`, message: e.message })),
  };
}

export interface ImportUpload {
  /** The text, read only once the declared size has passed (a chunked body declares none). */
  read: () => Promise<string>;
  /** The size declared before reading (Content-Length, a File's size), when known. */
  size?: number | null;
  /** The file's name, which tells JSON from CSV when `format` is not given. */
  name?: string;
  format?: "json" | "csv";
  /** The record type of CSV rows, as sent. */
  type?: string | null;
  /** What refusals call the content: `body` for the API, `file` for the admin form. */
  field: "body" | "file";
}

export type ImportRead = { ok: true; input: ImportInput; format: "json" | "csv"; checksum: string } | { ok: false; error: InvalidInput };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const TYPES = EntityType.options.join(", ");

/**
 * Reads an upload into rows, or refuses it with the field at fault (`body`/`file` or `type`). The checksum
 * covers the text and what it was read as, so a form can insist the file it imports is the one it checked.
 */
export async function readImportInput(upload: ImportUpload): Promise<ImportRead> {
  const what = upload.field === "file" ? "The file" : "The body";
  const refuse = (field: string, code: string, message: string): ImportRead => ({
    ok: false,
    error: new InvalidInput([{ field, code, message }], message),
  });
  const tooBig = (bytes: number) =>
    refuse(upload.field, "too_big", `${what} is ${megabytes(bytes)}; the limit is ${MAX_IMPORT_LABEL}. Split it into smaller files.`);
  if ((upload.size ?? 0) > MAX_IMPORT_BYTES) return tooBig(upload.size ?? 0);
  const sent = await upload.read();
  const bytes = Buffer.byteLength(sent);
  if (bytes > MAX_IMPORT_BYTES) return tooBig(bytes);
  const text = sent.replace(/^\uFEFF/, "");
  if (!text.trim()) return refuse(upload.field, "empty", `${what} is empty: send a JSON object of collections or CSV rows.`);

  const name = upload.name?.toLowerCase() ?? "";
  const format =
    upload.format ?? (name.endsWith(".json") ? "json" : name.endsWith(".csv") ? "csv" : /^\s*[{[]/.test(text) ? "json" : "csv");
  const type = upload.type ?? "";
  const checksum = createHash("sha256")
    .update(`${format === "json" ? "json" : `csv:${type}`}\n${text}`)
    .digest("hex");
  if (format === "json") {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return refuse(upload.field, "invalid_json", `${what} is not valid JSON: ${(error as Error).message}`);
    }
    const proto = protoKeyPath(body, text);
    if (proto !== null) return refuse(upload.field, "forbidden_key", `${what} has a key named __proto__ (${proto}), which no record has.`);
    return { ok: true, input: importInputFromJson(body), format, checksum };
  }
  if (!type) return refuse("type", "required", `Choose the record type of the CSV rows (${TYPES}).`);
  const parsed = EntityType.safeParse(type);
  if (!parsed.success) return refuse("type", "invalid_value", `"${type}" is not a record type; use one of ${TYPES}.`);
  return { ok: true, input: importInputFromCsv(text, parsed.data), format, checksum };
}
