-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Blob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meta" JSONB NOT NULL DEFAULT {},
    "data" BLOB,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uuid" TEXT NOT NULL
);
INSERT INTO "new_Blob" ("id") SELECT "id" FROM "Blob";
DROP TABLE "Blob";
ALTER TABLE "new_Blob" RENAME TO "Blob";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
