-- AlterTable
ALTER TABLE "DatasetRevision" ADD COLUMN     "historyFrom" INTEGER NOT NULL DEFAULT 0;

-- Changes recorded before this migration carry no revision: the history can rebuild revisions from now on.
UPDATE "DatasetRevision" SET "historyFrom" = "revision";

-- AlterTable
ALTER TABLE "Change" ADD COLUMN     "datasetRevision" INTEGER;

-- CreateIndex
CREATE INDEX "Change_datasetRevision_id_idx" ON "Change"("datasetRevision", "id");

