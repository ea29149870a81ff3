-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Price" (
    "id" SERIAL NOT NULL,
    "amount" DECIMAL(12,4) NOT NULL,
    "rate" DECIMAL(6,3) NOT NULL,

    CONSTRAINT "Price_pkey" PRIMARY KEY ("id")
);
