INSERT INTO "Price" ("amount") VALUES (1.25);
