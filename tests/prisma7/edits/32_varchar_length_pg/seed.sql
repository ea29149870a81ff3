INSERT INTO "User" ("name", "code") VALUES ('ann', 'abc');
