INSERT INTO "User" ("id") VALUES (1);
INSERT INTO "Post" ("authorId") VALUES (NULL);
