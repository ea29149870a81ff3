-- AlterTable
ALTER TABLE "Item" DROP COLUMN "code",
ADD COLUMN     "code" INTEGER NOT NULL;
