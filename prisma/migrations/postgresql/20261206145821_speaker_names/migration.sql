-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "quoteSpeakerName" TEXT,
ADD COLUMN     "quoteSpeakerTitle" TEXT;

