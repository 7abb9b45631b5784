-- AlterTable
ALTER TABLE "Source" ADD COLUMN "textLength" INTEGER;
ALTER TABLE "Source" ADD COLUMN "textSha256" TEXT;

-- CreateTable
CREATE TABLE "SourceText" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

