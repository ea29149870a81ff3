INSERT INTO "User" ("role") VALUES ('ADMIN');
