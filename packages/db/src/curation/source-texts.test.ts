// Source texts on a real database: stored once per content, kept with the source through draft, review,
// publish and revert without copying them into history, checked by the quote check; the shipped ones loaded.
import type { RecordOf } from "@stancemap/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { loadDataset, loadSourceTexts } from "../dataset";
import { engines, seededDatabase } from "../testing/seeded";
import { getHead, importRecords, type Principal, publishDraft, recordHistory, revertRecord, saveChange } from "./index";
import { checkQuoteAgainstSource, draftQuoteChecks, sourceTextFor, sourceTextRef, storeSourceText } from "./source-texts";

const dataset = loadDataset();

describe.each(await engines("source-text tests"))("source texts on $name", (engine) => {
  const { enabled } = engine;
  const seeded = seededDatabase(engine);
  let db: Db;
  let editor: Principal;
  let reviewer: Principal;
  beforeAll(() => {
    ({ db, editor, reviewer } = seeded);
  });

  it.skipIf(!enabled)("the first load stores the five shipped texts and each shipped source names its own", async () => {
    const texts = loadSourceTexts(dataset);
    expect(texts.size).toBe(5);
    expect(await db.prisma.sourceText.count()).toBe(5);
    for (const [id, text] of texts) {
      const head = await getHead(db, "source", id);
      expect((head.published?.record as RecordOf<"source"> | undefined)?.text).toEqual(sourceTextRef(text));
      expect((await sourceTextFor(db, editor, id)).text).toBe(text);
    }
    // A shipped quote is found in its source's text as stored in the database.
    const cited = dataset.stances.flatMap((s) => s.evidence).find((e) => e.quote && texts.has(e.source));
    expect(cited?.quote).toBeTruthy();
    const result = await checkQuoteAgainstSource(db, editor, { source: cited?.source, text: cited?.quote?.text });
    expect(result).toMatchObject({ status: "found", checkedAgainst: sourceTextRef(texts.get(cited?.source ?? "") ?? "") });
  });

  it.skipIf(!enabled)(
    "stores a text once per content, and refuses one too long, with a NUL or a lone surrogate, naming `text`",
    async () => {
      const text = `A statement.\n\nIt says “we will talk” and nothing else. ${engine.name}`;
      const [a, b] = await Promise.all([storeSourceText(db, editor, { text }), storeSourceText(db, editor, { text })]);
      expect(a).toEqual(b);
      expect(a).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), length: text.length });
      expect(await db.prisma.sourceText.count({ where: { sha256: a.sha256 } })).toBe(1);
      for (const bad of [{ text: "x".repeat(2_000_001) }, { text: "a\u0000b" }, { text: "a\ud800b" }, { text: 5 }]) {
        await expect(storeSourceText(db, editor, bad)).rejects.toMatchObject({
          status: 400,
          issues: [expect.objectContaining({ field: "text" })],
        });
      }
      await expect(storeSourceText(db, editor, JSON.parse('{"text":"x","__proto__":{"polluted":1}}'))).rejects.toMatchObject({
        status: 400,
      });
      await expect(storeSourceText(db, null, { text })).rejects.toMatchObject({ status: 401 });
    },
  );

  it.skipIf(!enabled)(
    "keeps a source's text through draft, review, publish and revert, history carrying the hash, never the text",
    async () => {
      const first = `First version of the document. The minister said “talks continue”. ${Date.now()}`;
      const second = `Second version. The minister said "talks are over". ${Date.now()}`;
      const one = await storeSourceText(db, editor, { text: first });
      const source = { id: "st-test-source", publisher: "Test Desk", title: "A statement", reliability: "Test fixture.", text: one };

      // A draft naming a text nobody stored is refused, naming the field.
      await expect(
        saveChange(db, editor, {
          type: "source",
          op: "upsert",
          record: { ...source, text: { sha256: "0".repeat(64), length: 3 } },
          expectedVersion: null,
        }),
      ).rejects.toMatchObject({ status: 400, issues: [expect.objectContaining({ field: "text.sha256", code: "unknown_text" })] });

      const created = await saveChange(db, editor, { type: "source", op: "upsert", record: source, expectedVersion: null });
      // While in review, the quote check reads the draft's text.
      expect(await checkQuoteAgainstSource(db, editor, { source: source.id, text: '"talks continue"' })).toMatchObject({
        status: "found",
        match: { offset: first.indexOf("“talks") },
      });
      await publishDraft(db, reviewer, created.draftId);

      const two = await storeSourceText(db, editor, { text: second });
      const head = await getHead(db, "source", source.id);
      const edited = await saveChange(db, editor, {
        type: "source",
        op: "upsert",
        key: source.id,
        record: { ...source, text: two },
        expectedVersion: head.version,
      });
      expect(edited.draftId).toBeTruthy();
      await publishDraft(db, reviewer, String(edited.draftId));
      expect((await sourceTextFor(db, editor, source.id)).text).toBe(second);
      expect((await checkQuoteAgainstSource(db, editor, { source: source.id, text: "talks continue" })).status).toBe("not-found");

      const history = await recordHistory(db, editor, "source", source.id);
      const rows = await db.prisma.change.findMany({ where: { entityType: "source", entityId: source.id } });
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) {
        expect(row.after ?? "").not.toContain("talks");
        expect(row.before ?? "").not.toContain("talks");
      }
      expect(history.revisions.map((r) => (r.record as RecordOf<"source"> | null)?.text?.sha256)).toEqual([
        undefined,
        one.sha256,
        two.sha256,
      ]);

      await revertRecord(db, reviewer, "source", source.id, { revision: 1, expectedVersion: 2 });
      expect((await sourceTextFor(db, editor, source.id)).text).toBe(first);
      expect((await checkQuoteAgainstSource(db, editor, { source: source.id, text: "talks continue" })).status).toBe("found");
    },
  );

  it.skipIf(!enabled)("the quote check says not checked for a source without a text, and refuses an unknown source by name", async () => {
    const bare = dataset.sources.find((s) => !s.textFile);
    expect(await checkQuoteAgainstSource(db, editor, { source: bare?.id, text: "anything" })).toEqual({
      status: "not-checked",
      source: bare?.id,
    });
    await expect(checkQuoteAgainstSource(db, editor, { source: "no-such-source", text: "x" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ field: "source" })],
    });
    await expect(checkQuoteAgainstSource(db, editor, { source: "x", text: "" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "text" })],
    });
    await expect(checkQuoteAgainstSource(db, editor, { source: "x", text: "y", extra: 1 })).rejects.toMatchObject({ status: 400 });
  });

  it.skipIf(!enabled)(
    "a draft's quotes are checked against a source text the same draft adds; an import naming an unknown text is refused",
    async () => {
      const text = `Draft-only document. “We recognise nobody,” the envoy said. ${Date.now()}`;
      const ref = await storeSourceText(db, editor, { text });
      const src = { id: "st-draft-source", publisher: "Test Desk", title: "Draft source", reliability: "Test fixture.", text: ref };
      const stance = {
        ...(dataset.stances[0] as RecordOf<"stance">),
        id: "st-draft-stance",
        evidence: [
          { source: src.id, quote: { text: "We recognise nobody,", speaker: dataset.stances[0]?.actor ?? "russia", language: "en" } },
          { source: src.id, quote: { text: "We recognise everybody", speaker: dataset.stances[0]?.actor ?? "russia", language: "en" } },
        ],
      };
      const saved = await saveChange(db, editor, { type: "source", op: "upsert", record: src, expectedVersion: null });
      await saveChange(db, editor, { type: "stance", op: "upsert", record: stance, expectedVersion: null, draftId: saved.draftId });
      const draft = {
        id: saved.draftId,
        items: [
          { type: "source" as const, key: src.id, label: "s", record: src },
          { type: "stance" as const, key: stance.id, label: "st", record: stance },
        ],
      };
      const checks = (await draftQuoteChecks(db, reviewer, [draft])).get(saved.draftId) ?? [];
      expect(checks.map((c) => [c.evidence, c.status])).toEqual([
        [0, "found"],
        [1, "not-found"],
      ]);

      const imported = await importRecords(
        db,
        editor,
        { rows: [{ row: "1", type: "source", record: { ...src, id: "st-import", text: { sha256: "a".repeat(64), length: 1 } } }] },
        { dryRun: true, publish: false },
      );
      expect(imported.rows[0]).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("text.sha256") });
    },
  );
});
