-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "A" (
    "id" INTEGER NOT NULL,
    "b_id" INTEGER,

    CONSTRAINT "A_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "B" (
    "id" INTEGER NOT NULL,
    "a_id" INTEGER,

    CONSTRAINT "B_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "C" (
    "id" INTEGER NOT NULL,
    "b_id" INTEGER,

    CONSTRAINT "C_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "A_b_id_key" ON "A"("b_id");

-- CreateIndex
CREATE UNIQUE INDEX "B_a_id_key" ON "B"("a_id");

-- CreateIndex
CREATE UNIQUE INDEX "C_b_id_key" ON "C"("b_id");
