INSERT INTO "Item" ("id", "code") VALUES (1, '17');
