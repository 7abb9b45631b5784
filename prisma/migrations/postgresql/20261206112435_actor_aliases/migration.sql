-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lang" TEXT,
    "sourceId" TEXT,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActorAlias_sourceId_idx" ON "ActorAlias"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_actorId_position_key" ON "ActorAlias"("actorId", "position");

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

