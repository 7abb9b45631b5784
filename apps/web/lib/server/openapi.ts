// The OpenAPI 3.1 document, generated from the contract's zod schemas (packages/core): nothing here
// restates a field; it only says which schema answers which path.
import {
  ActorDetail,
  ActorList,
  ActorQuery,
  ActorsQuery,
  ChangesQuery,
  ChangesResult,
  EventList,
  EventsQuery,
  ExportParams,
  Health,
  PageQuery,
  Problem,
  ReactionList,
  ReactionsQuery,
  SequenceQuery,
  SequenceResult,
  SourceList,
  StanceAsOfList,
  StanceList,
  StancesQuery,
  TopicList,
} from "@stancemap/core";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { EXPORT_FILES } from "@/lib/export/views";
import { APP_VERSION, env } from "./env";
import { curationPaths, securitySchemes } from "./openapi-curation";

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });
const notModified = { description: "Not modified: the `If-None-Match` ETag is current." };

function read(
  summary: string,
  query: z.ZodObject | null,
  ok: z.ZodType,
  extra: Partial<ZodOpenApiOperationObject> = {},
): ZodOpenApiOperationObject {
  return {
    summary,
    ...(query ? { requestParams: { query } } : {}),
    ...extra,
    responses: {
      "200": json(ok, "OK. Carries an `ETag`; send it back as `If-None-Match` to get 304 when nothing changed."),
      "304": notModified,
      ...(query ? { "400": problem("A query parameter is invalid; `errors` names it.") } : {}),
      ...extra.responses,
    },
  };
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
const unexpected = problem("Anything else (a server fault, too busy): the same problem shape, with its status.");

/**
 * Read and write operations of one path share one path item. Every operation says how it is
 * authorised (`security: []` for public ones) and documents every other status as a problem.
 */
function merge(...sets: ZodOpenApiPathsObject[]): ZodOpenApiPathsObject {
  const out: ZodOpenApiPathsObject = {};
  for (const set of sets) for (const [path, item] of Object.entries(set)) out[path] = { ...out[path], ...item };
  for (const item of Object.values(out))
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.security ??= [];
      operation.responses = { ...operation.responses, default: operation.responses?.default ?? unexpected };
    }
  return out;
}

/** The configured public origin, else the document's own origin (a relative server). */
const servers = [{ url: env.STANCEMAP_PUBLIC_URL ? new URL(env.STANCEMAP_PUBLIC_URL).origin : "/" }];

/** What `/api/v1/openapi.json` answers: this document, described by its top-level members. */
const OpenApiDocument = z
  .looseObject({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    servers: z.array(z.looseObject({ url: z.string() })),
    paths: z.record(z.string(), z.looseObject({})),
    components: z.looseObject({}),
  })
  .describe("An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0).")
  .meta({ id: "OpenApiDocument" });

let cached: ReturnType<typeof createDocument> | null = null;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Stancemap API",
      version: APP_VERSION,
      description:
        "Who stands where on a geopolitical question, and how actors react to one another. " +
        "Lists are `{ data: [...] }`, paged with `limit` and `cursor`; errors are RFC 9457 problem details. " +
        "Reads are public. Writes need a session cookie (from `POST /api/auth/sign-in/email`; state-changing cookie requests " +
        "must send a same-site `Origin` header) or an API token (`Authorization: Bearer smp_…`). Every change goes into a " +
        "draft that a reviewer publishes; each edit sends back the version token it started from (`expectedVersion`).",
    },
    servers,
    components: { securitySchemes },
    paths: merge(
      {
        "/api/health": {
          get: {
            summary: "Service and database health",
            responses: { "200": json(Health, "Healthy"), "503": json(Health, "Database unreachable") },
          },
        },
        "/api/v1/actors": { get: read("List actors", ActorsQuery, ActorList) },
        "/api/v1/actors/{slug}": {
          get: read("One actor's record: stances, no-data notes, reactions given and received", ActorQuery, ActorDetail, {
            requestParams: {
              path: z.object({ slug: z.string().describe("The actor's slug, or a state's ISO 3166-1 alpha-3 code.") }),
              query: ActorQuery,
            },
            responses: { "404": problem("No actor with that slug or code, or no such revision (`errors` names `revision`).") },
          }),
        },
        "/api/v1/topics": { get: read("List topics with their category scales", null, TopicList) },
        "/api/v1/stances": {
          get: read(
            "List stances; with `topic` and `at`, each actor's stance as of that date",
            StancesQuery,
            z.union([StanceAsOfList, StanceList]),
          ),
        },
        "/api/v1/changes": {
          get: read(
            "Who moved between two dates on a topic, along its ordered scale, with the evidence of each change",
            ChangesQuery,
            ChangesResult,
            {
              description:
                "Each actor with a stance on either date is compared: `changes` lists those that moved (or may have, when imprecise dates straddle " +
                "a chosen one: `uncertain`), with their steps and evidence; `notChanges` lists the unchanged and the attested-only (a stance known " +
                "only from the date a source attests it: its start is not stated, so it is never a change). `revision=N` reads revision N.",
              responses: { "404": problem("No such topic, or no such revision (`errors` names `revision`).") },
            },
          ),
        },
        "/api/v1/sequence": {
          get: read(
            "Who followed whom on a topic: every actor's moves against a reference move, with lags and reactions",
            SequenceQuery,
            SequenceResult,
            {
              description:
                "The reference is `reference` (`actor@YYYY-MM-DD`, 400 naming it when that actor has no dated move covering the day) or the first " +
                "move to the scale's first category. Rows come in order of their first fact after it: a dated move, or an attestation (`attested`: " +
                "the start is not stated, never a move). Lags are in days, with the range the dates' precision allows.",
              responses: { "404": problem("No such topic, or no such revision (`errors` names `revision`).") },
            },
          ),
        },
        "/api/v1/reactions": { get: read("List reactions (the network's edges)", ReactionsQuery, ReactionList) },
        "/api/v1/events": { get: read("List events", EventsQuery, EventList) },
        "/api/v1/sources": { get: read("List sources", PageQuery, SourceList) },
        "/api/v1/export/{file}": {
          get: {
            summary: "A published view as a publication-ready file (`map.svg` … `actor.pdf`), or the data it shows (`map.zip` …)",
            description:
              "Views: `map`, `network` (reactions), `timeline` (events and stance changes), `actor` (one actor's stance history on a topic; " +
              "needs `actor`), `change` (who moved between `from` and `date`; needs `from`), `sequence` (who followed whom after `reference`). " +
              "The state parameters are the dashboard URL's (topic, date, region, kind, sent, nkind, actor, from, reference). " +
              "Pictures carry title, subtitle, legend in scale order, source line, notes, credit and licence, dataset revision and permalink, " +
              "with Noto Sans embedded (SVG) or subset (PDF). Size from `preset` (web 1200×675, square 1080×1080, social 1200×630, a4 1123×794, " +
              "a4-portrait 794×1123, column 336×252; CSS pixels, 0.75 pt each on a PDF page) or `width`/`height`; PNG at `scale` 1, 2 or 4, " +
              "or at `dpi` for print; bounded to 40 million pixels. The ZIP holds the view's rows as CSV and JSON, a metadata.json " +
              "(sources, licence, generated, dataset revision, column descriptions) and a README.txt. `revision=N` draws the data as " +
              "published in revision N (files and ETags keyed by it; `X-Dataset-Revision` says which).",
            requestParams: { path: z.object({ file: z.enum(EXPORT_FILES as [string, ...string[]]) }), query: ExportParams },
            responses: {
              "200": {
                description: "The file; `Content-Disposition` names it (`stancemap-posture-map-2025-07-03.svg`). Carries an `ETag`.",
                content: {
                  "image/svg+xml": { schema: z.string() },
                  "image/png": { schema: z.string() },
                  "application/pdf": { schema: z.string() },
                  "application/zip": { schema: z.string() },
                },
              },
              "304": notModified,
              "400": problem("A parameter is invalid or the picture would be too large; `errors` names it."),
              "404": problem("No such export, topic, actor or revision (past the current one, or before the kept history)."),
            },
          },
        },
        "/api/v1/openapi.json": {
          get: { summary: "This document", responses: { "200": json(OpenApiDocument, "The OpenAPI 3.1 document of this API.") } },
        },
      },
      curationPaths(),
    ),
  });
  return cached;
}
