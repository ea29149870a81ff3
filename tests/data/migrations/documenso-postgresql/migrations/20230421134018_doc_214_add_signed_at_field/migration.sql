-- AlterTable
ALTER TABLE "Recipient" ADD COLUMN     "signedAt" TIMESTAMP(3);
