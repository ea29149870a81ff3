-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("scope", "key")
);
