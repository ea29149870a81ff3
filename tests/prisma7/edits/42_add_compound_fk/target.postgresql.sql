-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Doc" (
    "tenant" TEXT NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "Doc_pkey" PRIMARY KEY ("tenant","slug")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "tenant" TEXT NOT NULL,
    "docSlug" TEXT NOT NULL,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Revision_tenant_docSlug_idx" ON "Revision"("tenant", "docSlug");

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "revision_doc_fk" FOREIGN KEY ("tenant", "docSlug") REFERENCES "Doc"("tenant", "slug") ON DELETE CASCADE ON UPDATE CASCADE;
