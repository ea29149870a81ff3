-- CreateIndex
CREATE INDEX "Revision_tenant_docSlug_idx" ON "Revision"("tenant", "docSlug");

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "revision_doc_fk" FOREIGN KEY ("tenant", "docSlug") REFERENCES "Doc"("tenant", "slug") ON DELETE CASCADE ON UPDATE CASCADE;
