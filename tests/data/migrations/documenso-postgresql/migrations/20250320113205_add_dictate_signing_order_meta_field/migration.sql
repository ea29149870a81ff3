-- AlterTable
ALTER TABLE "DocumentMeta" ADD COLUMN     "allowDictateNextSigner" BOOLEAN NOT NULL DEFAULT false;
