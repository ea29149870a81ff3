-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "status" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "people" (
    "person_id" SERIAL NOT NULL,
    "handle" VARCHAR(40) NOT NULL,
    "nicknames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scores" INTEGER[] DEFAULT ARRAY[1, 2]::INTEGER[],
    "badges" "status"[] DEFAULT ARRAY['draft']::"status"[],
    "balance" DECIMAL(10,2) NOT NULL DEFAULT 12.50,
    "avatar" BYTEA,
    "settings" JSONB NOT NULL DEFAULT '{"theme": "dark"}',
    "born" DATE DEFAULT '2000-01-01 00:00:00 +00:00',
    "uid" UUID NOT NULL DEFAULT gen_random_uuid(),
    "mentorId" INTEGER,
    "legacy" TEXT,

    CONSTRAINT "people_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "Document" (
    "tenant" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "status" NOT NULL DEFAULT 'draft',
    "ownerId" INTEGER NOT NULL,

    CONSTRAINT "document_pk" PRIMARY KEY ("tenant","slug")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" BIGSERIAL NOT NULL,
    "tenant" TEXT NOT NULL,
    "doc_slug" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditTrail" (
    "id" INTEGER NOT NULL,
    "blob" TEXT NOT NULL,

    CONSTRAINT "AuditTrail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_Follows" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_Follows_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "person_handle_key" ON "people"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "people_mentorId_key" ON "people"("mentorId");

-- CreateIndex
CREATE INDEX "doc_owner_idx" ON "Document"("ownerId" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "doc_tenant_owner" ON "Document"("tenant", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_tenant_doc_slug_number_key" ON "Revision"("tenant", "doc_slug", "number");

-- CreateIndex
CREATE INDEX "_Follows_B_index" ON "_Follows"("B");
