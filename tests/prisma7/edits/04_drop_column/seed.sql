INSERT INTO "User" ("email", "bio") VALUES ('a@example.com', 'x');
