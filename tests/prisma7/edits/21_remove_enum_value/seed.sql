INSERT INTO "User" ("role") VALUES ('USER'), ('EDITOR');
