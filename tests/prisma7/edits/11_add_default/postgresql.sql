-- AlterTable
ALTER TABLE "User" ALTER COLUMN "name" SET DEFAULT 'anonymous';
