-- EDTF dates (issue 12). Dates move from (ISO day, precision) to EDTF at the precision the
-- sources gave, as core's upgradeLegacyRecord does: year -> "2023", month -> "2023-03", day as is,
-- and that date is also when a stance or reaction is attested; circa (dated by the report, not the
-- sources) -> a stance's start or a reaction's date becomes unknown (NULL) and the old date is its
-- attestation, an event's date becomes approximate ("2021-08-15~"). The sort keys (countsFrom,
-- sortDate) are the first day the record counts from: the old ISO day, or the first day of its year
-- or month. Columns are added nullable, filled from the old ones, then made required; every row is
-- carried over in place.

-- DropIndex
DROP INDEX "Stance_topicId_actorId_validFrom_idx";

-- DropIndex
DROP INDEX "Stance_actorId_topicId_validFrom_idx";

-- DropIndex
DROP INDEX "Event_date_idx";

-- DropIndex
DROP INDEX "Reaction_date_id_idx";

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "qualifiers" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Stance" ADD COLUMN     "attested" TEXT,
ADD COLUMN     "countsFrom" TEXT,
ADD COLUMN     "qualifiers" TEXT NOT NULL DEFAULT '[]',
ALTER COLUMN "validFrom" DROP NOT NULL;

UPDATE "Stance" SET
    "attested" = CASE "validFromPrecision"
        WHEN 'year' THEN substr("validFrom", 1, 4)
        WHEN 'month' THEN substr("validFrom", 1, 7)
        ELSE "validFrom"
    END,
    "countsFrom" = CASE "validFromPrecision"
        WHEN 'year' THEN substr("validFrom", 1, 4) || '-01-01'
        WHEN 'month' THEN substr("validFrom", 1, 7) || '-01'
        ELSE "validFrom"
    END,
    "validFrom" = CASE "validFromPrecision"
        WHEN 'year' THEN substr("validFrom", 1, 4)
        WHEN 'month' THEN substr("validFrom", 1, 7)
        WHEN 'circa' THEN NULL
        ELSE "validFrom"
    END;

ALTER TABLE "Stance" DROP COLUMN "validFromPrecision",
ALTER COLUMN "attested" SET NOT NULL,
ALTER COLUMN "countsFrom" SET NOT NULL;

-- AlterTable
ALTER TABLE "DataGap" ADD COLUMN     "validFrom" TEXT,
ADD COLUMN     "validUntil" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "sortDate" TEXT;

UPDATE "Event" SET
    "sortDate" = CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4) || '-01-01'
        WHEN 'month' THEN substr("date", 1, 7) || '-01'
        ELSE "date"
    END,
    "date" = CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4)
        WHEN 'month' THEN substr("date", 1, 7)
        WHEN 'circa' THEN "date" || '~'
        ELSE "date"
    END;

ALTER TABLE "Event" DROP COLUMN "datePrecision",
ALTER COLUMN "sortDate" SET NOT NULL;

-- AlterTable
ALTER TABLE "Reaction" ADD COLUMN     "attested" TEXT,
ADD COLUMN     "sortDate" TEXT,
ALTER COLUMN "date" DROP NOT NULL;

UPDATE "Reaction" SET
    "attested" = CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4)
        WHEN 'month' THEN substr("date", 1, 7)
        ELSE "date"
    END,
    "sortDate" = CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4) || '-01-01'
        WHEN 'month' THEN substr("date", 1, 7) || '-01'
        ELSE "date"
    END,
    "date" = CASE "datePrecision"
        WHEN 'year' THEN substr("date", 1, 4)
        WHEN 'month' THEN substr("date", 1, 7)
        WHEN 'circa' THEN NULL
        ELSE "date"
    END;

ALTER TABLE "Reaction" DROP COLUMN "datePrecision",
ALTER COLUMN "attested" SET NOT NULL,
ALTER COLUMN "sortDate" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Stance_topicId_actorId_countsFrom_idx" ON "Stance"("topicId", "actorId", "countsFrom");

-- CreateIndex
CREATE INDEX "Stance_actorId_topicId_countsFrom_idx" ON "Stance"("actorId", "topicId", "countsFrom");

-- CreateIndex
CREATE INDEX "Event_sortDate_slug_idx" ON "Event"("sortDate", "slug");

-- CreateIndex
CREATE INDEX "Reaction_sortDate_id_idx" ON "Reaction"("sortDate", "id");
