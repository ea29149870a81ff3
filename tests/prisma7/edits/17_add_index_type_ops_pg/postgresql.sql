-- CreateIndex
CREATE INDEX "Doc_slug_idx" ON "Doc" USING HASH ("slug");

-- CreateIndex
CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Doc_tags_idx" ON "Doc" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Doc_title_idx" ON "Doc"("title" text_pattern_ops);

-- CreateIndex
CREATE INDEX "Doc_id_idx" ON "Doc" USING BRIN ("id");
