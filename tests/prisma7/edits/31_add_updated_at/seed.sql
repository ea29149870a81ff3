INSERT INTO "Post" ("title") VALUES ('x');
