-- AlterTable
ALTER TABLE `report` MODIFY `parameters` JSON NOT NULL;
