-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Event_kind_idx" ON "Event"("kind");
