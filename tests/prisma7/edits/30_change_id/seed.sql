INSERT INTO "Setting" ("key", "scope", "value") VALUES ('a', 'app', '1');
