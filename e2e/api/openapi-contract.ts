// The served OpenAPI document as a checker: every operation it lists, and each response schema compiled
// with ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses), so specs can hold real answers against it.

import { isEdtf } from "@stancemap/core/model";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

export const METHODS = ["get", "post", "patch", "put", "delete"] as const;
export type Method = (typeof METHODS)[number];

export interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}
export type JsonSchema = { [key: string]: unknown };
export interface Operation {
  method: Method;
  path: string;
  parameters: Parameter[];
  body: { contentType: string; schema: JsonSchema } | null;
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  security: Record<string, string[]>[];
}
export interface OpenApiDoc {
  paths: Record<
    string,
    Partial<
      Record<Method, Omit<Operation, "method" | "path" | "body"> & { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/** Every operation of the document, with its parameters and (first) request body. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      out.push({
        method,
        path,
        parameters: op.parameters ?? [],
        body: contentType && media ? { contentType, schema: media.schema } : null,
        responses: op.responses,
        security: op.security,
      });
    }
  return out;
}

/** A `$ref` to anything inside the document, as a JSON pointer in a URI fragment. */
export function pointer(...segments: string[]): string {
  return `openapi.json#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/")}`;
}

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDoc) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    // Dates at the sources' precision: the document marks them `format: edtf`; core's parser decides.
    this.ajv.addFormat("edtf", { type: "string", validate: isEdtf });
    this.ajv.addSchema({ ...doc, $id: "openapi.json" } as JsonSchema);
  }

  /** The response the document gives for this status (or its `default`), with the status key used. */
  responseFor(op: Operation, status: number): { key: string; content?: Record<string, { schema?: JsonSchema }> } | null {
    const key = String(status) in op.responses ? String(status) : "default" in op.responses ? "default" : null;
    if (!key) return null;
    return { key, content: op.responses[key]?.content };
  }

  /**
   * Why a real answer disagrees with the document, or null when it agrees: its status must be documented,
   * its content type one the document lists, and its JSON body valid against that schema.
   */
  check(op: Operation, status: number, contentType: string, body: string): string | null {
    const doc = this.responseFor(op, status);
    if (!doc) return `status ${status} is not documented for ${op.method.toUpperCase()} ${op.path}`;
    const types = Object.keys(doc.content ?? {});
    if (types.length === 0) return body.length === 0 ? null : `${status} is documented without content, but it has a body`;
    const type = contentType.split(";")[0]?.trim() ?? "";
    if (!types.includes(type)) return `${status} answered ${type || "no content type"}, documented: ${types.join(", ")}`;
    if (!type.endsWith("json")) return null;
    const ref = pointer("paths", op.path, op.method, "responses", doc.key, "content", type, "schema");
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return `${status} ${type} body is not JSON: ${body.slice(0, 200)}`;
    }
    if (validate(parsed)) return null;
    return `${status} body disagrees with the document: ${this.ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 1500)}`;
  }
}

/** The operation a concrete path and method fall under (`/api/v1/actors/russia` → `/api/v1/actors/{slug}`). */
export function matchOperation(ops: Operation[], method: string, path: string): Operation | null {
  const clean = path.split("?")[0] ?? path;
  for (const op of ops) {
    if (op.method !== method.toLowerCase()) continue;
    const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (pattern.test(clean)) return op;
  }
  return null;
}
