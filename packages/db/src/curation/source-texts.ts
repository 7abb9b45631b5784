// Source texts, stored once per content (SHA-256 of the UTF-8 bytes): a source record carries only the hash and
// length, so drafts, history, diffs and reverts keep every version of a text without copying it. Quotes are
// checked against them here, with core's one rule (`checkQuote`).
import { createHash } from "node:crypto";
import {
  checkQuote,
  type EntityType,
  normaliseForQuotes,
  QuoteCheckBody,
  type QuoteCheckResult,
  type QuoteNormalised,
  type RecordOf,
  SourceTextBody,
  type SourceTextRef,
} from "@stancemap/core";
import type { Db } from "../client";
import { type FieldIssue, InvalidInput, NotFound, type Principal, requireRole, zodIssues } from "./errors";
import { chunks, readRecord, type Tx } from "./records";
import { parseStoredRecord } from "./stored-json";

export function sourceTextRef(text: string): SourceTextRef {
  return { sha256: createHash("sha256").update(text, "utf8").digest("hex"), length: text.length };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/**
 * Stores texts that are not stored yet; a text already there (same hash) is left as it is. Texts are never
 * changed or deleted, so a stored hash stays readable by every draft and revision that names it.
 */
export async function putSourceTexts(tx: Tx, texts: readonly string[]): Promise<SourceTextRef[]> {
  const refs: SourceTextRef[] = [];
  for (const text of texts) {
    const ref = sourceTextRef(text);
    refs.push(ref);
    if (await tx.sourceText.findUnique({ where: { sha256: ref.sha256 }, select: { sha256: true } })) continue;
    try {
      await tx.sourceText.create({ data: { sha256: ref.sha256, text, length: ref.length } });
    } catch (error) {
      // Someone stored the same text a moment ago: content-addressed, so theirs is this one.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return refs;
}

/** POST /api/v1/source-texts: an editor stores a text, then names it in a source's `text`. Not audited: inert until a record names it. */
export async function storeSourceText(db: Db, who: Principal | null, body: unknown): Promise<SourceTextRef> {
  requireRole(who, "editor");
  const parsed = SourceTextBody.safeParse(body ?? {});
  if (!parsed.success) throw new InvalidInput(zodIssues(parsed.error));
  const [ref] = await putSourceTexts(db.prisma, [parsed.data.text]);
  if (!ref) throw new Error("no text stored");
  return ref;
}

/** The hashes of these refs that name no stored text of that length. */
export async function unknownSourceTexts(tx: Tx, refs: readonly SourceTextRef[]): Promise<Set<string>> {
  const stored = new Map<string, number>();
  for (const part of chunks([...new Set(refs.map((r) => r.sha256))]))
    for (const row of await tx.sourceText.findMany({ where: { sha256: { in: part } }, select: { sha256: true, length: true } }))
      stored.set(row.sha256, row.length);
  return new Set(refs.filter((r) => stored.get(r.sha256) !== r.length).map((r) => r.sha256));
}

export function unknownTextIssue(ref: SourceTextRef): FieldIssue {
  return {
    field: "text.sha256",
    code: "unknown_text",
    message: `no stored text has this SHA-256 and length (${ref.length}); store the text first (POST /api/v1/source-texts)`,
  };
}

export async function readSourceText(db: Db, sha256: string): Promise<string | null> {
  return (await db.prisma.sourceText.findUnique({ where: { sha256 }, select: { text: true } }))?.text ?? null;
}

/**
 * A source as a quote citing it will be published: its open draft's version when a change is pending (the
 * one open change a record may have), else the published one. `null` when neither exists.
 */
export async function sourceAsProposed(tx: Tx, id: string): Promise<RecordOf<"source"> | null> {
  const item = await tx.draftItem.findUnique({ where: { pendingKey: `source:${id}` }, select: { op: true, payload: true } });
  if (item?.op === "upsert") return parseStoredRecord("source", item.payload) as RecordOf<"source"> | null;
  return ((await readRecord(tx, "source", id))?.record as RecordOf<"source"> | undefined) ?? null;
}

/** GET /api/v1/sources/{id}/text: for curators (editors and reviewers) reading what quotes are checked against. */
export async function sourceTextFor(db: Db, who: Principal | null, id: string): Promise<{ ref: SourceTextRef; text: string }> {
  requireRole(who, "editor");
  const source = await sourceAsProposed(db.prisma, id);
  if (!source) throw new NotFound(`no source "${id}"`);
  if (!source.text) throw new NotFound(`source "${id}" has no stored text`);
  const text = await readSourceText(db, source.text.sha256);
  if (text === null) throw new NotFound(`the text of source "${id}" is not stored`);
  return { ref: source.text, text };
}

// The form checks as the editor types: the same few texts are asked for again and again, and a 2 MB text
// takes a few milliseconds to normalise. Texts never change, so a hash is a safe key.
const NORMALISED = new Map<string, { text: string; normalised: QuoteNormalised }>();
const NORMALISED_KEPT = 8;

async function normalisedText(tx: Tx, sha256: string): Promise<{ text: string; normalised: QuoteNormalised } | null> {
  const kept = NORMALISED.get(sha256);
  if (kept) {
    NORMALISED.delete(sha256);
    NORMALISED.set(sha256, kept);
    return kept;
  }
  const row = await tx.sourceText.findUnique({ where: { sha256 }, select: { text: true } });
  if (!row) return null;
  const entry = { text: row.text, normalised: normaliseForQuotes(row.text) };
  NORMALISED.set(sha256, entry);
  for (const key of NORMALISED.keys()) {
    if (NORMALISED.size <= NORMALISED_KEPT) break;
    NORMALISED.delete(key);
  }
  return entry;
}

/** One quote against one source's text as proposed (see sourceAsProposed). */
export async function quoteCheckIn(tx: Tx, source: RecordOf<"source">, quote: string): Promise<QuoteCheckResult> {
  const ref = source.text;
  const stored = ref ? await normalisedText(tx, ref.sha256) : null;
  if (!ref || !stored) return { status: "not-checked", source: source.id };
  const result = checkQuote(stored.text, quote, stored.normalised);
  return { status: result.status, source: source.id, checkedAgainst: ref, ...(result.status === "found" ? { match: result.match } : {}) };
}

/** POST /api/v1/quote-check: whether a quote is in its source's stored text, and where. */
export async function checkQuoteAgainstSource(db: Db, who: Principal | null, body: unknown): Promise<QuoteCheckResult> {
  requireRole(who, "editor");
  const parsed = QuoteCheckBody.safeParse(body ?? {});
  if (!parsed.success) throw new InvalidInput(zodIssues(parsed.error));
  const source = await sourceAsProposed(db.prisma, parsed.data.source);
  if (!source)
    throw new InvalidInput(
      [{ field: "source", code: "unknown_reference", message: `unknown source "${parsed.data.source}"` }],
      `unknown source "${parsed.data.source}"`,
    );
  return quoteCheckIn(db.prisma, source, parsed.data.text);
}

export interface EvidenceQuoteCheck extends QuoteCheckResult {
  /** Which evidence of the record: its index. */
  evidence: number;
}

/**
 * The quotes of a proposed record, each against its source as the same draft would leave it (a source the
 * draft changes, else the pending or published one): what a reviewer sees in the queue.
 */
export async function quoteChecksOf(
  tx: Tx,
  type: EntityType,
  record: unknown,
  draftSources: ReadonlyMap<string, RecordOf<"source">> = new Map(),
): Promise<EvidenceQuoteCheck[]> {
  if (type !== "stance" && type !== "reaction" && type !== "event") return [];
  const evidence = (record as { evidence?: RecordOf<"stance">["evidence"] } | null)?.evidence ?? [];
  const out: EvidenceQuoteCheck[] = [];
  for (const [i, e] of evidence.entries()) {
    if (!e.quote) continue;
    const source = draftSources.get(e.source) ?? (await sourceAsProposed(tx, e.source));
    out.push({
      evidence: i,
      ...(source ? await quoteCheckIn(tx, source, e.quote.text) : { status: "not-checked" as const, source: e.source }),
    });
  }
  return out;
}

export interface DraftQuoteCheck extends EvidenceQuoteCheck {
  type: EntityType;
  key: string;
  label: string;
  quote: string;
}

/**
 * Every quote the drafts propose, checked against its source as each draft would leave it: a source the same
 * draft changes, else the pending or published one. For the review queue and the draft page; readers only.
 */
export async function draftQuoteChecks(
  db: Db,
  who: Principal | null,
  drafts: readonly { id: string; items: readonly { type: EntityType; key: string; label: string; record: unknown }[] }[],
): Promise<Map<string, DraftQuoteCheck[]>> {
  requireRole(who, "editor");
  const out = new Map<string, DraftQuoteCheck[]>();
  for (const draft of drafts) {
    const own = new Map<string, RecordOf<"source">>();
    for (const item of draft.items) if (item.type === "source" && item.record) own.set(item.key, item.record as RecordOf<"source">);
    const checks: DraftQuoteCheck[] = [];
    for (const item of draft.items) {
      const evidence = (item.record as { evidence?: RecordOf<"stance">["evidence"] } | null)?.evidence ?? [];
      for (const check of await quoteChecksOf(db.prisma, item.type, item.record, own))
        checks.push({ ...check, type: item.type, key: item.key, label: item.label, quote: evidence[check.evidence]?.quote?.text ?? "" });
    }
    out.set(draft.id, checks);
  }
  return out;
}
