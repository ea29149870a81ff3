-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "event_kind" ON "Event"("kind");
