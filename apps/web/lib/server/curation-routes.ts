// The write API's handlers, one factory per shape of route, shared by every record type:
// POST /api/v1/{collection}, PATCH and DELETE /api/v1/{collection}/{key},
// GET /api/v1/{collection}/{key}/head, GET …/history and POST …/revert.
import "server-only";
import { DeleteQuery, type EntityType, RevertBody, WriteOptions } from "@stancemap/core";
import { getDb, getHead, InvalidInput, NotFound, patchRecord, recordHistory, revertRecord, saveChange, zodIssues } from "@stancemap/db";
import type { z } from "zod";
import { curationEndpoint, noStore, readJson } from "./write";

type Params = Promise<Record<string, string>>;

function query(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

function parse<S extends z.ZodType>(schema: S, input: unknown, prefix: string[] = []): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(zodIssues(parsed.error, prefix));
  return parsed.data;
}

/** `?draft=&title=` as saveChange takes them: the query names the draft `draft`, the request `draftId`. */
function writeOptions(request: Request): { draftId?: string; title?: string } {
  const { draft, title } = parse(WriteOptions, query(request));
  return { ...(draft ? { draftId: draft } : {}), ...(title ? { title } : {}) };
}

const keyOfParams = async (params: Params) => {
  const p = await params;
  // Next has already decoded the segment; decoding again would break keys with "%" in them.
  return p.slug ?? p.id ?? "";
};

/** POST: propose a new record (into a new draft, or `?draft=` an open one). */
export function createRoute(type: EntityType) {
  return (request: Request) =>
    curationEndpoint(request, async (who) => {
      const options = writeOptions(request);
      const record = await readJson(request);
      const saved = await saveChange(getDb(), who, { type, op: "upsert", record, expectedVersion: null, ...options });
      return Response.json(saved, { status: 201, headers: noStore });
    });
}

/** PATCH: change some fields of a record, from the version token last read (`expectedVersion`). */
export function updateRoute(type: EntityType) {
  return (request: Request, context: { params: Params }) =>
    curationEndpoint(request, async (who) => {
      const key = await keyOfParams(context.params);
      const options = writeOptions(request);
      const saved = await patchRecord(getDb(), who, { type, key, body: await readJson(request), ...options });
      return Response.json(saved, { headers: noStore });
    });
}

/** DELETE: propose deleting a record; refused with its dependants while others point at it. */
export function deleteRoute(type: EntityType) {
  return (request: Request, context: { params: Params }) =>
    curationEndpoint(request, async (who) => {
      const key = await keyOfParams(context.params);
      const q = parse(DeleteQuery, query(request));
      const saved = await saveChange(getDb(), who, { type, op: "delete", key, expectedVersion: q.expectedVersion, draftId: q.draft });
      return Response.json(saved, { headers: noStore });
    });
}

/** GET …/head: what an edit starts from: the published record, the open draft change, the version token. */
export function headRoute(type: EntityType) {
  return (request: Request, context: { params: Params }) =>
    curationEndpoint(request, async () => {
      const key = await keyOfParams(context.params);
      const head = await getHead(getDb(), type, key);
      if (!head.published && !head.draft) throw new NotFound(`no ${type} "${key}"`);
      return Response.json(head, { headers: noStore });
    });
}

export function historyRoute(type: EntityType) {
  return (request: Request, context: { params: Params }) =>
    curationEndpoint(request, async (who) => {
      const key = await keyOfParams(context.params);
      return Response.json(await recordHistory(getDb(), who, type, key), { headers: noStore });
    });
}

export function revertRoute(type: EntityType) {
  return (request: Request, context: { params: Params }) =>
    curationEndpoint(request, async (who) => {
      const key = await keyOfParams(context.params);
      const body = parse(RevertBody, await readJson(request));
      return Response.json(await revertRecord(getDb(), who, type, key, body), { headers: noStore });
    });
}
