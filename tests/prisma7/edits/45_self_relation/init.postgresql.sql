-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Node" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "Node_pkey" PRIMARY KEY ("id")
);
