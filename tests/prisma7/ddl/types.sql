-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD', 'meh');

-- CreateTable
CREATE TABLE "Scalar" (
    "id" SERIAL NOT NULL,
    "str" TEXT NOT NULL DEFAULT '',
    "int" INTEGER NOT NULL DEFAULT 0,
    "big" BIGINT NOT NULL DEFAULT 0,
    "float" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dec" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "bool" BOOLEAN NOT NULL DEFAULT false,
    "date" TIMESTAMP(3) NOT NULL DEFAULT '2000-01-01 00:00:00 +00:00',
    "json" JSONB NOT NULL DEFAULT '{}',
    "bytes" BYTEA NOT NULL DEFAULT '\x',
    "mood" "Mood" NOT NULL DEFAULT 'HAPPY',
    "oStr" TEXT,
    "oInt" INTEGER,
    "oBig" BIGINT,
    "oFloat" DOUBLE PRECISION,
    "oDec" DECIMAL(65,30),
    "oBool" BOOLEAN,
    "oDate" TIMESTAMP(3),
    "oJson" JSONB,
    "oBytes" BYTEA,
    "oMood" "Mood",

    CONSTRAINT "Scalar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Native" (
    "id" UUID NOT NULL,
    "vchar" VARCHAR(5),
    "char" CHAR(3),
    "text" TEXT,
    "small" SMALLINT,
    "integer" INTEGER,
    "oid" OID,
    "real" REAL,
    "double" DOUBLE PRECISION,
    "money" MONEY,
    "num" DECIMAL(6,2),
    "ts" TIMESTAMP(6),
    "ts0" TIMESTAMP(0),
    "tstz" TIMESTAMPTZ(3),
    "date" DATE,
    "time" TIME(3),
    "timetz" TIMETZ(3),
    "inet" INET,
    "jsonb" JSONB,
    "json" JSON,
    "bytea" BYTEA,
    "bit" BIT(4),
    "varbit" VARBIT(8),
    "xml" XML,
    "uuidRef" UUID,
    "big" BIGINT,
    "bool" BOOLEAN,

    CONSTRAINT "Native_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "altName" TEXT,
    "price" DECIMAL(10,2) NOT NULL,
    "listPrice" DECIMAL(10,2) NOT NULL,
    "stock" INTEGER NOT NULL,
    "minStock" INTEGER NOT NULL,
    "soldOut" BOOLEAN NOT NULL DEFAULT false,
    "released" TIMESTAMP(3) NOT NULL,
    "updated" TIMESTAMP(3) NOT NULL,
    "tags" TEXT[],
    "altTags" TEXT[],

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Listy" (
    "id" SERIAL NOT NULL,
    "strs" TEXT[],
    "ints" INTEGER[],
    "bigs" BIGINT[],
    "floats" DOUBLE PRECISION[],
    "decs" DECIMAL(65,30)[],
    "bools" BOOLEAN[],
    "dates" TIMESTAMP(3)[],
    "moods" "Mood"[],
    "jsons" JSONB[],
    "bytes" BYTEA[],

    CONSTRAINT "Listy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Doc" (
    "id" SERIAL NOT NULL,
    "data" JSONB,
    "meta" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "Doc_pkey" PRIMARY KEY ("id")
);
