INSERT INTO "Counter" ("id", "value") VALUES (1, 42);
