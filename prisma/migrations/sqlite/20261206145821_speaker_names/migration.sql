-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "quoteSpeakerName" TEXT;
ALTER TABLE "Evidence" ADD COLUMN "quoteSpeakerTitle" TEXT;

