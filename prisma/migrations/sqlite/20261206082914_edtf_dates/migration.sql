-- EDTF dates (issue 12). Dates move from (ISO day, precision) to EDTF at the precision the
-- sources gave, as core's upgradeLegacyRecord does: year -> "2023", month -> "2023-03", day as is,
-- and that date is also when a stance or reaction is attested; circa (dated by the report, not the
-- sources) -> a stance's start or a reaction's date becomes unknown (NULL) and the old date is its
-- attestation, an event's date becomes approximate ("2021-08-15~"). The sort keys (countsFrom,
-- sortDate) are the first day the record counts from: the old ISO day, or the first day of its year
-- or month. Every row is carried over; no record is lost.
--
-- The tables are rebuilt (SQLite cannot make a column nullable in place). migrate.ts turns foreign
-- keys off around the transaction and runs foreign_key_check before committing: a DROP TABLE with
-- foreign keys on would delete the evidence and event links through their ON DELETE actions.

-- AlterTable
ALTER TABLE "DataGap" ADD COLUMN "validFrom" TEXT;
ALTER TABLE "DataGap" ADD COLUMN "validUntil" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Topic" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "description" TEXT,
    "qualifiers" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Topic" ("createdAt", "description", "id", "question", "slug", "title", "updatedAt", "version") SELECT "createdAt", "description", "id", "question", "slug", "title", "updatedAt", "version" FROM "Topic";
DROP TABLE "Topic";
ALTER TABLE "new_Topic" RENAME TO "Topic";
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");
CREATE TABLE "new_Stance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "validFrom" TEXT,
    "attested" TEXT NOT NULL,
    "validUntil" TEXT,
    "qualifiers" TEXT NOT NULL DEFAULT '[]',
    "countsFrom" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Stance_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Stance_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Stance_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Stance" ("actorId", "categoryId", "confidence", "createdAt", "id", "note", "summary", "topicId", "updatedAt", "validFrom", "attested", "validUntil", "qualifiers", "countsFrom", "version")
SELECT "actorId", "categoryId", "confidence", "createdAt", "id", "note", "summary", "topicId", "updatedAt",
    CASE "validFromPrecision"
        WHEN 'year' THEN substr("validFrom", 1, 4)
        WHEN 'month' THEN substr("validFrom", 1, 7)
        WHEN 'circa' THEN NULL
        ELSE "validFrom"
    END,
    CASE "validFromPrecision"
        WHEN 'year' THEN substr("validFrom", 1, 4)
        WHEN 'month' THEN substr("validFrom", 1, 7)
        ELSE "validFrom"
    END,
    "validUntil",
    '[]',
    CASE "validFromPrecision"
        WHEN 'year' THEN substr("validFrom", 1, 4) || '-01-01'
        WHEN 'month' THEN substr("validFrom", 1, 7) || '-01'
        ELSE "validFrom"
    END,
    "version"
FROM "Stance";
DROP TABLE "Stance";
ALTER TABLE "new_Stance" RENAME TO "Stance";
CREATE INDEX "Stance_topicId_actorId_countsFrom_idx" ON "Stance"("topicId", "actorId", "countsFrom");
CREATE INDEX "Stance_actorId_topicId_countsFrom_idx" ON "Stance"("actorId", "topicId", "countsFrom");
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "sortDate" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "series" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("createdAt", "date", "sortDate", "description", "id", "series", "slug", "title", "updatedAt", "version")
SELECT "createdAt",
    CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4)
        WHEN 'month' THEN substr("date", 1, 7)
        WHEN 'circa' THEN "date" || '~'
        ELSE "date"
    END,
    CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4) || '-01-01'
        WHEN 'month' THEN substr("date", 1, 7) || '-01'
        ELSE "date"
    END,
    "description", "id", "series", "slug", "title", "updatedAt", "version"
FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_sortDate_slug_idx" ON "Event"("sortDate", "slug");
CREATE TABLE "new_Reaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "targetActorId" TEXT,
    "targetEventId" TEXT,
    "date" TEXT,
    "attested" TEXT NOT NULL,
    "sortDate" TEXT NOT NULL,
    "sentiment" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reaction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Reaction_targetActorId_fkey" FOREIGN KEY ("targetActorId") REFERENCES "Actor" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Reaction_targetEventId_fkey" FOREIGN KEY ("targetEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Reaction" ("actorId", "confidence", "createdAt", "date", "attested", "sortDate", "id", "sentiment", "summary", "targetActorId", "targetEventId", "updatedAt", "version")
SELECT "actorId", "confidence", "createdAt",
    CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4)
        WHEN 'month' THEN substr("date", 1, 7)
        WHEN 'circa' THEN NULL
        ELSE "date"
    END,
    CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4)
        WHEN 'month' THEN substr("date", 1, 7)
        ELSE "date"
    END,
    CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4) || '-01-01'
        WHEN 'month' THEN substr("date", 1, 7) || '-01'
        ELSE "date"
    END,
    "id", "sentiment", "summary", "targetActorId", "targetEventId", "updatedAt", "version"
FROM "Reaction";
DROP TABLE "Reaction";
ALTER TABLE "new_Reaction" RENAME TO "Reaction";
CREATE INDEX "Reaction_sortDate_id_idx" ON "Reaction"("sortDate", "id");
CREATE INDEX "Reaction_actorId_idx" ON "Reaction"("actorId");
CREATE INDEX "Reaction_targetActorId_idx" ON "Reaction"("targetActorId");
CREATE INDEX "Reaction_targetEventId_idx" ON "Reaction"("targetEventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

