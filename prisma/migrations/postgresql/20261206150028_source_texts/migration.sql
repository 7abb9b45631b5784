-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "textLength" INTEGER,
ADD COLUMN     "textSha256" TEXT;

-- CreateTable
CREATE TABLE "SourceText" (
    "sha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "length" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceText_pkey" PRIMARY KEY ("sha256")
);

