-- CreateIndex
CREATE INDEX "Event_kind_at_idx" ON "Event"("kind", "at" DESC);

-- CreateIndex
CREATE INDEX "event_weight_desc" ON "Event"("weight" DESC);
