-- AlterTable
ALTER TABLE "Setting" DROP CONSTRAINT "Setting_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "Setting_pkey" PRIMARY KEY ("scope", "key");
