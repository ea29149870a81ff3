-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "invoicing";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "shop";

-- CreateEnum
CREATE TYPE "shop"."Size" AS ENUM ('Small', 'Medium', 'Large');

-- CreateEnum
CREATE TYPE "invoicing"."InvoiceStatus" AS ENUM ('Paid', 'Unpaid');

-- CreateTable
CREATE TABLE "base"."User" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop"."Order" (
    "id" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoicing"."Invoice" (
    "id" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_orderId_key" ON "invoicing"."Invoice"("orderId");

-- AddForeignKey
ALTER TABLE "shop"."Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "base"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoicing"."Invoice" ADD CONSTRAINT "Invoice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "shop"."Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
