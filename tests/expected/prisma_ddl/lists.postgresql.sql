-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Color" AS ENUM ('RED', 'GREEN');

-- CreateTable
CREATE TABLE "Item" (
    "id" SERIAL NOT NULL,
    "tags" TEXT[],
    "scores" INTEGER[],
    "colors" "Color"[],
    "meta" JSONB,
    "best" INTEGER,
    "label" TEXT,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Native" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "day" DATE NOT NULL,
    "clock" TIME(3) NOT NULL,
    "note" VARCHAR(20) NOT NULL,
    "owner" UUID,

    CONSTRAINT "Native_pkey" PRIMARY KEY ("id")
);
