-- AlterTable
ALTER TABLE "Post" ALTER COLUMN "views" SET DEFAULT 10,
ALTER COLUMN "status" SET DEFAULT 'published';
