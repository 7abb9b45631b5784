-- AlterTable
ALTER TABLE "Change" ADD COLUMN "datasetRevision" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DatasetRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "historyFrom" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Changes recorded before this migration carry no revision: the history can rebuild revisions from now on.
INSERT INTO "new_DatasetRevision" ("id", "revision", "historyFrom", "updatedAt") SELECT "id", "revision", "revision", "updatedAt" FROM "DatasetRevision";
DROP TABLE "DatasetRevision";
ALTER TABLE "new_DatasetRevision" RENAME TO "DatasetRevision";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Change_datasetRevision_id_idx" ON "Change"("datasetRevision", "id");

