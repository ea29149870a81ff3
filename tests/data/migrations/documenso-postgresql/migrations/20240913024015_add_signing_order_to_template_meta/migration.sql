-- AlterTable
ALTER TABLE "TemplateMeta" ADD COLUMN     "signingOrder" "DocumentSigningOrder" DEFAULT 'PARALLEL';
