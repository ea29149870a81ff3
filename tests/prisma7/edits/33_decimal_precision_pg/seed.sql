INSERT INTO "Price" ("amount", "rate") VALUES (1.25, 2.5);
