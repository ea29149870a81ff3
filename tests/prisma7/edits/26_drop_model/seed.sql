INSERT INTO "Log" ("msg") VALUES ('hello');
