-- AlterTable
ALTER TABLE "Field" ADD COLUMN     "fieldMeta" JSONB;
