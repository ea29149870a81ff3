-- RenameIndex
ALTER INDEX "Event_kind_idx" RENAME TO "event_kind";
