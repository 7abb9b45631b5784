// PATCH on a real database (SQLite, and PostgreSQL when one answers): the fields are laid over what is
// there now, read and saved in one transaction; refusals name the field at fault.
import type { RecordOf } from "@stancemap/core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client";
import { loadDataset } from "../dataset";
import { draftOf } from "../testing/saved";
import { engines, seededDatabase } from "../testing/seeded";
import { getHead, isSaved, saveChange } from "./drafts";
import { InvalidInput, NotFound, type Principal, VersionConflict } from "./errors";
import { patchRecord } from "./patch";

const _dataset = loadDataset();
const UZBEKISTAN = "uzbekistan-posture-2025-07-03";
type Stance = RecordOf<"stance">;

describe.each(await engines("patch tests"))("PATCH on $name", (engine) => {
  const { enabled } = engine;
  const seeded = seededDatabase(engine);
  let db: Db;
  let editor: Principal;
  let reviewer: Principal;
  beforeAll(() => {
    ({ db, editor, reviewer } = seeded);
  });

  it.skipIf(!enabled)("PATCH lays the fields over the published record, then over the open draft's change", async () => {
    const head = await getHead(db, "stance", UZBEKISTAN);
    const base = head.published?.record as Stance;
    const first = await patchRecord(db, editor, {
      type: "stance",
      key: UZBEKISTAN,
      body: { confidence: "low", expectedVersion: head.version },
    });
    if (!isSaved(first)) throw new Error("expected a saved change");
    const drafted = async () => (await getHead(db, "stance", UZBEKISTAN)).draft?.record;
    expect(await drafted()).toEqual({ ...base, confidence: "low" });
    const second = await patchRecord(db, editor, {
      type: "stance",
      key: UZBEKISTAN,
      body: { note: "Checked again.", expectedVersion: first.version },
    });
    if (!isSaved(second)) throw new Error("expected a saved change");
    expect(second.draftId).toBe(draftOf(first));
    expect(await drafted()).toEqual({ ...base, confidence: "low", note: "Checked again." });
    expect(
      await patchRecord(db, editor, { type: "stance", key: UZBEKISTAN, body: { note: "Checked again.", expectedVersion: second.version } }),
    ).toEqual(expect.objectContaining({ unchanged: true }));

    // From the old version: refused with the merge, which keeps both editors' fields.
    const refused = await patchRecord(db, reviewer, {
      type: "stance",
      key: UZBEKISTAN,
      body: { summary: "Rex's summary.", expectedVersion: head.version },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(VersionConflict);
    expect((refused as VersionConflict).details?.merge?.merged).toMatchObject({
      confidence: "low",
      note: "Checked again.",
      summary: "Rex's summary.",
    });
  });

  it.skipIf(!enabled)(
    "PATCH refuses a body without a version token, one that is not an object, and a record that does not exist",
    async () => {
      const issues = async (body: unknown) => {
        const error = await patchRecord(db, editor, { type: "stance", key: UZBEKISTAN, body }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidInput);
        return (error as InvalidInput).issues.map((i) => i.field);
      };
      expect(await issues({ note: "x" })).toEqual(["expectedVersion"]);
      expect(await issues([{ note: "x" }])).toEqual(["body"]);
      const missing = await patchRecord(db, editor, {
        type: "stance",
        key: "no-such-stance",
        body: { note: "x", expectedVersion: "1.0" },
      }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(NotFound);
      // Nobody signed in: refused before anything is read.
      await expect(
        patchRecord(db, null, { type: "stance", key: UZBEKISTAN, body: { note: "x", expectedVersion: "1.0" } }),
      ).rejects.toMatchObject({
        status: 401,
      });
    },
  );

  it.skipIf(!enabled)("PATCH on a record being deleted in a draft is a conflict", async () => {
    const key = "pakistan-posture-2025-07-03";
    const head = await getHead(db, "stance", key);
    await saveChange(db, editor, { type: "stance", op: "delete", key, expectedVersion: head.version });
    const after = await getHead(db, "stance", key);
    await expect(
      patchRecord(db, editor, { type: "stance", key, body: { note: "x", expectedVersion: after.version } }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });
});
