-- CreateTable
CREATE TABLE "ClientQuota" (
    "client" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" INTEGER NOT NULL,

    PRIMARY KEY ("client", "bucket")
);

-- CreateIndex
CREATE INDEX "ClientQuota_expiresAt_idx" ON "ClientQuota"("expiresAt");

