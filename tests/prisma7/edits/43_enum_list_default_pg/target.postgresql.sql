-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "roles" "Role"[] DEFAULT ARRAY['USER']::"Role"[],
    "tags" TEXT[],

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
