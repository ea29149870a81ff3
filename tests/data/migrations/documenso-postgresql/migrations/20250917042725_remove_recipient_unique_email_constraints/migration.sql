-- DropIndex
DROP INDEX "Recipient_documentId_email_key";

-- DropIndex
DROP INDEX "Recipient_templateId_email_key";
