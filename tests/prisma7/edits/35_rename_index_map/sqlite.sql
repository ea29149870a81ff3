-- RedefineIndex
DROP INDEX "Event_kind_idx";
CREATE INDEX "event_kind" ON "Event"("kind");
