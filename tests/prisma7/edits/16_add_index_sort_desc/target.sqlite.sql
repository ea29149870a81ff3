-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "weight" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "Event_kind_at_idx" ON "Event"("kind", "at" DESC);

-- CreateIndex
CREATE INDEX "event_weight_desc" ON "Event"("weight" DESC);
