// better-auth stores users, sessions and accounts through its Prisma adapter, on the same client,
// so only this package touches Prisma.
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "../client";

export function authDatabase(db: Db) {
  return prismaAdapter(db.prisma, { provider: db.provider === "postgresql" ? "postgresql" : "sqlite" });
}
