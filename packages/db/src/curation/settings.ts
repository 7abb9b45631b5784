// Instance settings stored with the data. The session secret is generated on first use, so a fresh
// clone needs no env file and no secret ever enters the repository; several app instances on one
// PostgreSQL database share it.
import { randomBytes } from "node:crypto";
import type { Db } from "../client";

export async function instanceSecret(db: Db, key = "auth.secret"): Promise<string> {
  const existing = await db.prisma.setting.findUnique({ where: { key } });
  if (existing) return existing.value;
  // Two instances starting at once: the second create fails on the key, and both read the winner.
  await db.prisma.setting.create({ data: { key, value: randomBytes(32).toString("base64url") } }).catch(() => undefined);
  const row = await db.prisma.setting.findUniqueOrThrow({ where: { key } });
  return row.value;
}
