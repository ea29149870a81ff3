INSERT INTO "User" ("handle") VALUES ('ann'), ('bob');
