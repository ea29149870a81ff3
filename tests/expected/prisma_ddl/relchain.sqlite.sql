-- CreateTable
CREATE TABLE "A" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "b_id" INTEGER
);

-- CreateTable
CREATE TABLE "B" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "a_id" INTEGER
);

-- CreateTable
CREATE TABLE "C" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "b_id" INTEGER
);

-- CreateIndex
CREATE UNIQUE INDEX "A_b_id_key" ON "A"("b_id");

-- CreateIndex
CREATE UNIQUE INDEX "B_a_id_key" ON "B"("a_id");

-- CreateIndex
CREATE UNIQUE INDEX "C_b_id_key" ON "C"("b_id");
