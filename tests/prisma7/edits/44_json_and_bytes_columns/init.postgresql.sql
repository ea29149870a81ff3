-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Blob" (
    "id" SERIAL NOT NULL,

    CONSTRAINT "Blob_pkey" PRIMARY KEY ("id")
);
