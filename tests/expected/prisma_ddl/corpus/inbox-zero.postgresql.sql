-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('STATS_READ', 'RULES_READ', 'RULES_WRITE', 'SETTINGS_READ', 'SETTINGS_WRITE', 'ASSISTANT_CHAT');

-- CreateEnum
CREATE TYPE "MeetingJoinRule" AS ENUM ('ALL', 'EXTERNAL_ONLY', 'HOST_ONLY', 'OFF');

-- CreateEnum
CREATE TYPE "MeetingRecordingStatus" AS ENUM ('PENDING', 'SCHEDULED', 'CANCELLING', 'JOINING', 'IN_WAITING_ROOM', 'IN_CALL', 'RECORDING', 'CALL_ENDED', 'DONE', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeetingProcessingStatus" AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "MobilePushPlatform" AS ENUM ('android', 'ios');

-- CreateEnum
CREATE TYPE "ActionType" AS ENUM ('ARCHIVE', 'LABEL', 'REPLY', 'SEND_EMAIL', 'FORWARD', 'DRAFT_EMAIL', 'DRAFT_MESSAGING_CHANNEL', 'NOTIFY_MESSAGING_CHANNEL', 'MARK_SPAM', 'CALL_WEBHOOK', 'MARK_READ', 'STAR', 'DELETE', 'DIGEST', 'MOVE_FOLDER', 'NOTIFY_SENDER', 'INTEGRATION');

-- CreateEnum
CREATE TYPE "MessagingMessageStatus" AS ENUM ('SENT', 'DRAFT_SENT', 'DRAFT_EDITED', 'DISMISSED', 'EXPIRED', 'FAILED');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('NEVER', 'DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "MailLayout" AS ENUM ('LIST', 'SPLIT');

-- CreateEnum
CREATE TYPE "MailSplitKind" AS ENUM ('INBOX', 'UNREAD', 'LABEL', 'CATEGORY');

-- CreateEnum
CREATE TYPE "DraftReplyConfidence" AS ENUM ('ALL_EMAILS', 'STANDARD', 'HIGH_CONFIDENCE');

-- CreateEnum
CREATE TYPE "DraftEmailStatus" AS ENUM ('PENDING', 'LIKELY_SENT', 'REPLIED_WITHOUT_DRAFT', 'CLEANED_UP_UNUSED', 'MISSING_FROM_PROVIDER');

-- CreateEnum
CREATE TYPE "ReplyMemoryKind" AS ENUM ('FACT', 'PREFERENCE', 'PROCEDURE');

-- CreateEnum
CREATE TYPE "ReplyMemoryScopeType" AS ENUM ('GLOBAL', 'SENDER', 'DOMAIN', 'TOPIC');

-- CreateEnum
CREATE TYPE "NewsletterStatus" AS ENUM ('APPROVED', 'UNSUBSCRIBED', 'AUTO_ARCHIVED');

-- CreateEnum
CREATE TYPE "ColdEmailStatus" AS ENUM ('AI_LABELED_COLD', 'USER_REJECTED_COLD');

-- CreateEnum
CREATE TYPE "DocumentFilingStatus" AS ENUM ('PROCESSING', 'PENDING', 'FILED', 'REJECTED', 'ERROR', 'PREVIEW');

-- CreateEnum
CREATE TYPE "AttachmentSourceType" AS ENUM ('FILE', 'FOLDER');

-- CreateEnum
CREATE TYPE "ColdEmailSetting" AS ENUM ('DISABLED', 'LIST', 'LABEL', 'ARCHIVE_AND_LABEL', 'ARCHIVE_AND_READ_AND_LABEL');

-- CreateEnum
CREATE TYPE "PremiumTier" AS ENUM ('BASIC_MONTHLY', 'BASIC_ANNUALLY', 'PRO_MONTHLY', 'PRO_ANNUALLY', 'BUSINESS_MONTHLY', 'BUSINESS_ANNUALLY', 'PLUS_MONTHLY', 'PLUS_ANNUALLY', 'BUSINESS_PLUS_MONTHLY', 'BUSINESS_PLUS_ANNUALLY', 'COPILOT_MONTHLY', 'LIFETIME');

-- CreateEnum
CREATE TYPE "ExecutedRuleStatus" AS ENUM ('APPLIED', 'APPLYING', 'REJECTED', 'PENDING', 'SKIPPED', 'ERROR');

-- CreateEnum
CREATE TYPE "ExecutedActionStatus" AS ENUM ('SUCCEEDED', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "GroupItemType" AS ENUM ('FROM', 'SUBJECT', 'BODY');

-- CreateEnum
CREATE TYPE "CategoryFilterType" AS ENUM ('INCLUDE', 'EXCLUDE');

-- CreateEnum
CREATE TYPE "LogicalOperator" AS ENUM ('AND', 'OR');

-- CreateEnum
CREATE TYPE "ThreadTrackerType" AS ENUM ('AWAITING', 'NEEDS_REPLY', 'NEEDS_ACTION');

-- CreateEnum
CREATE TYPE "ProcessorType" AS ENUM ('LEMON_SQUEEZY', 'STRIPE');

-- CreateEnum
CREATE TYPE "CleanAction" AS ENUM ('ARCHIVE', 'MARK_READ');

-- CreateEnum
CREATE TYPE "SystemType" AS ENUM ('TO_REPLY', 'FYI', 'AWAITING_REPLY', 'ACTIONED', 'COLD_EMAIL', 'NEWSLETTER', 'MARKETING', 'CALENDAR', 'RECEIPT', 'NOTIFICATION');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('PENDING', 'COMPLETED');

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('PENDING', 'PROCESSING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ScheduledActionStatus" AS ENUM ('PENDING', 'EXECUTING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SnoozedThreadStatus" AS ENUM ('PENDING', 'EXECUTING', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SchedulingStatus" AS ENUM ('PENDING', 'SCHEDULED', 'FAILED');

-- CreateEnum
CREATE TYPE "MeetingBriefingStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "BookingLinkLocationType" AS ENUM ('IN_PERSON', 'GOOGLE_MEET', 'MICROSOFT_TEAMS', 'PHONE', 'CUSTOM');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('PENDING_PROVIDER_EVENT', 'CONFIRMED', 'CANCELED', 'FAILED');

-- CreateEnum
CREATE TYPE "GroupItemSource" AS ENUM ('AI', 'USER', 'LABEL_REMOVED', 'LABEL_ADDED');

-- CreateEnum
CREATE TYPE "ClassificationFeedbackEventType" AS ENUM ('LABEL_ADDED', 'LABEL_REMOVED');

-- CreateEnum
CREATE TYPE "MessagingProvider" AS ENUM ('SLACK', 'TEAMS', 'TELEGRAM');

-- CreateEnum
CREATE TYPE "MessagingRoutePurpose" AS ENUM ('RULE_NOTIFICATIONS', 'SCHEDULED_CHECK_INS', 'MEETING_BRIEFS', 'DOCUMENT_FILINGS', 'DIGESTS', 'FOLLOW_UPS');

-- CreateEnum
CREATE TYPE "MessagingRouteTargetType" AS ENUM ('CHANNEL', 'DIRECT_MESSAGE');

-- CreateEnum
CREATE TYPE "AutomationJobRunStatus" AS ENUM ('PENDING', 'RUNNING', 'SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'oidc',
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "access_token" TEXT,
    "expires_at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "disconnectedAt" TIMESTAMP(3),
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "activeOrganizationId" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN DEFAULT false,
    "image" TEXT,
    "completedOnboardingAt" TIMESTAMP(3),
    "onboardingAnswers" JSONB,
    "lastLogin" TIMESTAMP(3),
    "utms" JSONB,
    "errorMessages" JSONB,
    "announcementDismissedAt" TIMESTAMP(3),
    "dismissedHints" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "surveyFeatures" TEXT[],
    "surveyRole" TEXT,
    "surveyGoal" TEXT,
    "surveyCompanySize" INTEGER,
    "surveySource" TEXT,
    "surveyImprovements" TEXT,
    "aiProvider" TEXT,
    "aiModel" TEXT,
    "aiApiKey" TEXT,
    "webhookSecret" TEXT,
    "referralCode" TEXT,
    "premiumId" TEXT,
    "premiumAdminId" TEXT,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailAccount" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT,
    "image" TEXT,
    "about" TEXT,
    "writingStyle" TEXT,
    "signature" TEXT,
    "includeReferralSignature" BOOLEAN NOT NULL DEFAULT false,
    "watchEmailsExpirationDate" TIMESTAMP(3),
    "watchEmailsSubscriptionId" TEXT,
    "watchEmailsSubscriptionHistory" JSONB,
    "lastSyncedHistoryId" TEXT,
    "behaviorProfile" JSONB,
    "personaAnalysis" JSONB,
    "role" TEXT,
    "timezone" TEXT,
    "calendarBookingLink" TEXT,
    "statsEmailFrequency" "Frequency" NOT NULL DEFAULT 'WEEKLY',
    "summaryEmailFrequency" "Frequency" NOT NULL DEFAULT 'WEEKLY',
    "lastSummaryEmailAt" TIMESTAMP(3),
    "lastInboxHealthEmailAt" TIMESTAMP(3),
    "coldEmailBlocker" "ColdEmailSetting",
    "coldEmailDigest" BOOLEAN NOT NULL DEFAULT false,
    "coldEmailPrompt" TEXT,
    "rulesPrompt" TEXT,
    "autoCategorizeSenders" BOOLEAN NOT NULL DEFAULT false,
    "multiRuleSelectionEnabled" BOOLEAN NOT NULL DEFAULT false,
    "sensitiveDataPolicy" TEXT,
    "draftReplyConfidence" "DraftReplyConfidence" NOT NULL DEFAULT 'ALL_EMAILS',
    "draftCleanupDays" INTEGER DEFAULT 14,
    "allowHiddenAiDraftLinks" BOOLEAN NOT NULL DEFAULT false,
    "rulesRevision" INTEGER NOT NULL DEFAULT 0,
    "mailLayout" "MailLayout" NOT NULL DEFAULT 'LIST',
    "meetingBriefingsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "meetingBriefingsMinutesBefore" INTEGER NOT NULL DEFAULT 240,
    "meetingBriefsSendEmail" BOOLEAN NOT NULL DEFAULT true,
    "meetingRecorderEnabled" BOOLEAN NOT NULL DEFAULT false,
    "meetingRecorderJoinRule" "MeetingJoinRule" NOT NULL DEFAULT 'ALL',
    "meetingRecorderRecapEmailEnabled" BOOLEAN NOT NULL DEFAULT true,
    "meetingRecorderFollowUpDraftEnabled" BOOLEAN NOT NULL DEFAULT true,
    "filingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "filingPrompt" TEXT,
    "filingConfirmationSendEmail" BOOLEAN NOT NULL DEFAULT true,
    "followUpAwaitingReplyDays" DOUBLE PRECISION,
    "followUpNeedsReplyDays" DOUBLE PRECISION,
    "followUpAutoDraftEnabled" BOOLEAN NOT NULL DEFAULT true,
    "digestSendEmail" BOOLEAN NOT NULL DEFAULT true,
    "learnedWritingStyle" TEXT,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,

    CONSTRAINT "EmailAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailSplit" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MailSplitKind" NOT NULL,
    "value" TEXT,
    "order" INTEGER NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "MailSplit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "logo" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationRule" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "organizationId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "name" TEXT NOT NULL,
    "instructions" TEXT,
    "runOnThreads" BOOLEAN NOT NULL DEFAULT false,
    "conditionalOperator" "LogicalOperator" NOT NULL DEFAULT 'AND',
    "from" TEXT,
    "to" TEXT,
    "subject" TEXT,
    "body" TEXT,

    CONSTRAINT "OrganizationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationRuleAction" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "organizationRuleId" TEXT NOT NULL,
    "type" "ActionType" NOT NULL,
    "label" TEXT,
    "subject" TEXT,
    "content" TEXT,
    "to" TEXT,
    "cc" TEXT,
    "bcc" TEXT,
    "url" TEXT,
    "folderName" TEXT,
    "delayInMinutes" INTEGER,
    "staticAttachments" JSONB,

    CONSTRAINT "OrganizationRuleAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "allowOrgAdminAnalytics" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT,
    "status" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "inviterId" TEXT NOT NULL,

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ssoProvider" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "oidcConfig" TEXT,
    "samlConfig" TEXT,
    "emailAccountId" TEXT,
    "providerId" TEXT NOT NULL,
    "organizationId" TEXT,
    "domain" TEXT NOT NULL,

    CONSTRAINT "ssoProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scimProvider" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "scimToken" TEXT NOT NULL,
    "organizationId" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scimProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Digest" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "emailAccountId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "status" "DigestStatus" NOT NULL DEFAULT 'PENDING',

    CONSTRAINT "Digest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "messageId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "digestId" TEXT NOT NULL,
    "actionId" TEXT,
    "coldEmailId" TEXT,

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "intervalDays" INTEGER,
    "occurrences" INTEGER,
    "daysOfWeek" INTEGER,
    "timeOfDay" TIMESTAMP(3),
    "emailAccountId" TEXT NOT NULL,
    "lastOccurrenceAt" TIMESTAMP(3),
    "nextOccurrenceAt" TIMESTAMP(3),

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Premium" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "pendingInvites" TEXT[],
    "lemonSqueezyRenewsAt" TIMESTAMP(3),
    "lemonSqueezyCustomerId" INTEGER,
    "lemonSqueezySubscriptionId" INTEGER,
    "lemonSqueezySubscriptionItemId" INTEGER,
    "lemonSqueezyOrderId" INTEGER,
    "lemonSqueezyProductId" INTEGER,
    "lemonSqueezyVariantId" INTEGER,
    "lemonLicenseKey" TEXT,
    "lemonLicenseInstanceId" TEXT,
    "lemonSubscriptionStatus" TEXT,
    "stripeCustomerId" TEXT,
    "stripeSubscriptionId" TEXT,
    "stripeSubscriptionItemId" TEXT,
    "stripePriceId" TEXT,
    "stripeProductId" TEXT,
    "stripeSubscriptionStatus" TEXT,
    "stripeCancelAtPeriodEnd" BOOLEAN,
    "stripeRenewsAt" TIMESTAMP(3),
    "stripeTrialEnd" TIMESTAMP(3),
    "stripeTrialConvertedAt" TIMESTAMP(3),
    "stripeCancellationInitiatedAt" TIMESTAMP(3),
    "stripeCanceledAt" TIMESTAMP(3),
    "stripeEndedAt" TIMESTAMP(3),
    "stripeAiOverageLastInvoiceId" TEXT,
    "stripeAiOverageLastPeriodEnd" TIMESTAMP(3),
    "stripeAiOverageLastUnits" INTEGER,
    "stripeInvoiceEmailsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "appleOriginalTransactionId" TEXT,
    "appleLatestTransactionId" TEXT,
    "appleProductId" TEXT,
    "appleSubscriptionGroupIdentifier" TEXT,
    "appleAppAccountToken" TEXT,
    "appleSubscriptionStatus" TEXT,
    "appleEnvironment" TEXT,
    "applePurchaseDate" TIMESTAMP(3),
    "appleExpiresAt" TIMESTAMP(3),
    "appleRevokedAt" TIMESTAMP(3),
    "appleOfferDiscountType" TEXT,
    "adminGrantExpiresAt" TIMESTAMP(3),
    "adminGrantTier" "PremiumTier",
    "tier" "PremiumTier",
    "emailAccountsAccess" INTEGER,
    "unsubscribeMonth" INTEGER,
    "unsubscribeCredits" INTEGER,
    "aiMonth" INTEGER,
    "aiCredits" INTEGER,

    CONSTRAINT "Premium_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "gmailLabelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Label_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "automate" BOOLEAN NOT NULL DEFAULT true,
    "runOnThreads" BOOLEAN NOT NULL DEFAULT false,
    "emailAccountId" TEXT NOT NULL,
    "organizationRuleId" TEXT,
    "organizationRuleMemberEnabled" BOOLEAN,
    "conditionalOperator" "LogicalOperator" NOT NULL DEFAULT 'AND',
    "instructions" TEXT,
    "groupId" TEXT,
    "from" TEXT,
    "to" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "categoryFilterType" "CategoryFilterType",
    "systemType" "SystemType",
    "promptText" TEXT,

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "type" "ActionType" NOT NULL,
    "ruleId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,
    "messagingChannelId" TEXT,
    "messagingChannelEmailAccountId" TEXT,
    "label" TEXT,
    "labelId" TEXT,
    "subject" TEXT,
    "content" TEXT,
    "to" TEXT,
    "cc" TEXT,
    "bcc" TEXT,
    "url" TEXT,
    "folderName" TEXT,
    "folderId" TEXT,
    "delayInMinutes" INTEGER,
    "staticAttachments" JSONB,
    "integrationName" TEXT,
    "integrationToolName" TEXT,
    "integrationArgs" JSONB,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleHistory" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "triggerType" TEXT NOT NULL,
    "promptText" TEXT,
    "name" TEXT NOT NULL,
    "instructions" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "automate" BOOLEAN NOT NULL,
    "runOnThreads" BOOLEAN NOT NULL,
    "conditionalOperator" TEXT NOT NULL,
    "from" TEXT,
    "to" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "categoryFilterType" TEXT,
    "systemType" TEXT,
    "actions" JSONB NOT NULL,
    "categoryFilters" JSONB,

    CONSTRAINT "RuleHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutedRule" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "threadId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "status" "ExecutedRuleStatus" NOT NULL,
    "automated" BOOLEAN NOT NULL,
    "reason" TEXT,
    "matchMetadata" JSONB,
    "ruleId" TEXT,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "ExecutedRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExecutedAction" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "type" "ActionType" NOT NULL,
    "executionStatus" "ExecutedActionStatus",
    "executedAt" TIMESTAMP(3),
    "executionError" JSONB,
    "executedRuleId" TEXT NOT NULL,
    "messagingChannelId" TEXT,
    "messagingMessageId" TEXT,
    "messagingMessageSentAt" TIMESTAMP(3),
    "messagingMessageStatus" "MessagingMessageStatus",
    "label" TEXT,
    "labelId" TEXT,
    "subject" TEXT,
    "content" TEXT,
    "to" TEXT,
    "cc" TEXT,
    "bcc" TEXT,
    "url" TEXT,
    "folderName" TEXT,
    "folderId" TEXT,
    "staticAttachments" JSONB,
    "selectedAttachments" JSONB,
    "integrationName" TEXT,
    "integrationToolName" TEXT,
    "integrationArgs" JSONB,
    "draftId" TEXT,
    "draftStatus" "DraftEmailStatus",
    "wasDraftSent" BOOLEAN,
    "draftModelProvider" TEXT,
    "draftModelName" TEXT,
    "draftPipelineVersion" INTEGER,
    "draftContextMetadata" JSONB,

    CONSTRAINT "ExecutedAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledAction" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "executedRuleId" TEXT NOT NULL,
    "actionType" "ActionType" NOT NULL,
    "messageId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "emailAccountId" TEXT NOT NULL,
    "status" "ScheduledActionStatus" NOT NULL DEFAULT 'PENDING',
    "schedulingStatus" "SchedulingStatus" NOT NULL DEFAULT 'PENDING',
    "label" TEXT,
    "labelId" TEXT,
    "subject" TEXT,
    "content" TEXT,
    "to" TEXT,
    "cc" TEXT,
    "bcc" TEXT,
    "url" TEXT,
    "folderName" TEXT,
    "folderId" TEXT,
    "scheduledId" TEXT,
    "staticAttachments" JSONB,
    "selectedAttachments" JSONB,
    "executedAt" TIMESTAMP(3),
    "executedActionId" TEXT,

    CONSTRAINT "ScheduledAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SnoozedThread" (
    "id" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "threadId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "status" "SnoozedThreadStatus" NOT NULL DEFAULT 'PENDING',
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "SnoozedThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "prompt" TEXT,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupItem" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "groupId" TEXT,
    "type" "GroupItemType" NOT NULL,
    "value" TEXT NOT NULL,
    "exclude" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "threadId" TEXT,
    "messageId" TEXT,
    "source" "GroupItemSource",

    CONSTRAINT "GroupItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassificationFeedback" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sender" TEXT NOT NULL,
    "eventType" "ClassificationFeedbackEventType" NOT NULL,
    "ruleId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,

    CONSTRAINT "ClassificationFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Newsletter" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "status" "NewsletterStatus",
    "patternAnalyzed" BOOLEAN NOT NULL DEFAULT false,
    "lastAnalyzedAt" TIMESTAMP(3),
    "emailAccountId" TEXT NOT NULL,
    "categoryId" TEXT,

    CONSTRAINT "Newsletter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColdEmail" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "fromEmail" TEXT NOT NULL,
    "messageId" TEXT,
    "threadId" TEXT,
    "status" "ColdEmailStatus",
    "reason" TEXT,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "ColdEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "threadId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "from" TEXT NOT NULL,
    "fromName" TEXT,
    "fromDomain" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "unsubscribeLink" TEXT,
    "read" BOOLEAN NOT NULL,
    "sent" BOOLEAN NOT NULL,
    "draft" BOOLEAN NOT NULL,
    "inbox" BOOLEAN NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponseTime" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "threadId" TEXT NOT NULL,
    "sentMessageId" TEXT NOT NULL,
    "receivedMessageId" TEXT NOT NULL,
    "responseTimeMins" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "ResponseTime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreadTracker" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "threadId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "type" "ThreadTrackerType" NOT NULL,
    "followUpAppliedAt" TIMESTAMP(3),
    "followUpDraftId" TEXT,
    "followUpNotifications" JSONB,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "ThreadTracker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleanupJob" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "action" "CleanAction" NOT NULL DEFAULT 'ARCHIVE',
    "daysOld" INTEGER NOT NULL DEFAULT 7,
    "instructions" TEXT,
    "skipReply" BOOLEAN,
    "skipStarred" BOOLEAN,
    "skipCalendar" BOOLEAN,
    "skipReceipt" BOOLEAN,
    "skipAttachment" BOOLEAN,
    "skipConversation" BOOLEAN,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "CleanupJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleanupThread" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "threadId" TEXT NOT NULL,
    "archived" BOOLEAN NOT NULL,
    "jobId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "CleanupThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Knowledge" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Knowledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyMemory" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "content" TEXT NOT NULL,
    "kind" "ReplyMemoryKind" NOT NULL,
    "scopeType" "ReplyMemoryScopeType" NOT NULL,
    "scopeValue" TEXT NOT NULL,
    "isLearnedStyleEvidence" BOOLEAN NOT NULL DEFAULT false,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "ReplyMemory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyMemorySource" (
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "learnedWritingStyleAnalyzedAt" TIMESTAMP(3),
    "replyMemoryId" TEXT NOT NULL,
    "draftSendLogId" TEXT NOT NULL,

    CONSTRAINT "ReplyMemorySource_pkey" PRIMARY KEY ("replyMemoryId","draftSendLogId")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT,
    "hashedKey" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "scopes" "ApiKeyScope"[] DEFAULT ARRAY[]::"ApiKeyScope"[],
    "userId" TEXT NOT NULL,
    "emailAccountId" TEXT,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailToken" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "token" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "EmailToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "premiumId" TEXT,
    "processorType" "ProcessorType" NOT NULL DEFAULT 'LEMON_SQUEEZY',
    "processorId" TEXT,
    "processorSubscriptionId" TEXT,
    "processorCustomerId" TEXT,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tax" INTEGER NOT NULL,
    "taxInclusive" BOOLEAN NOT NULL,
    "refunded" BOOLEAN NOT NULL DEFAULT false,
    "refundedAt" TIMESTAMP(3),
    "refundedAmount" INTEGER,
    "billingReason" TEXT,
    "invoiceEmailSentAt" TIMESTAMP(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftSendLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "executedActionId" TEXT NOT NULL,
    "sentMessageId" TEXT NOT NULL,
    "similarityScore" DOUBLE PRECISION NOT NULL,
    "bodySimilarityScore" DOUBLE PRECISION,
    "bodySimilarityStatus" TEXT,
    "similarityMetadata" JSONB,
    "sentText" TEXT,
    "replyMemorySentText" TEXT,
    "replyMemoryAttemptCount" INTEGER NOT NULL DEFAULT 0,
    "replyMemoryProcessedAt" TIMESTAMP(3),

    CONSTRAINT "DraftSendLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "name" TEXT,
    "compactionCount" INTEGER NOT NULL DEFAULT 0,
    "lastSeenRulesRevision" INTEGER,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "role" TEXT NOT NULL,
    "parts" JSONB NOT NULL,
    "metadata" JSONB,
    "chatId" TEXT NOT NULL,

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatCompaction" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL,
    "messageCount" INTEGER NOT NULL,
    "compactedBeforeCreatedAt" TIMESTAMP(3) NOT NULL,
    "chatId" TEXT NOT NULL,

    CONSTRAINT "ChatCompaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatMemory" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "content" TEXT NOT NULL,
    "chatId" TEXT,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "ChatMemory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarConnection" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "expiresAt" TIMESTAMP(3),
    "isConnected" BOOLEAN NOT NULL DEFAULT true,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "CalendarConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Calendar" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "calendarId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "timezone" TEXT,
    "connectionId" TEXT NOT NULL,

    CONSTRAINT "Calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BookingLink" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "durationMinutes" INTEGER NOT NULL,
    "slotIntervalMinutes" INTEGER NOT NULL,
    "locationType" "BookingLinkLocationType" NOT NULL DEFAULT 'CUSTOM',
    "locationValue" TEXT,
    "minimumNoticeMinutes" INTEGER NOT NULL DEFAULT 120,
    "maxDaysAhead" INTEGER NOT NULL DEFAULT 90,
    "emailAccountId" TEXT NOT NULL,
    "destinationCalendarId" TEXT,
    "availabilityScheduleId" TEXT NOT NULL,

    CONSTRAINT "BookingLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilitySchedule" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "timezone" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "AvailabilitySchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityWindow" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinutes" INTEGER NOT NULL,
    "endMinutes" INTEGER NOT NULL,
    "availabilityScheduleId" TEXT NOT NULL,

    CONSTRAINT "AvailabilityWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "guestName" TEXT NOT NULL,
    "guestEmail" TEXT NOT NULL,
    "guestNote" TEXT,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'PENDING_PROVIDER_EVENT',
    "provider" TEXT,
    "providerConnectionId" TEXT,
    "providerCalendarId" TEXT,
    "providerEventId" TEXT,
    "videoConferenceLink" TEXT,
    "cancelTokenHash" TEXT NOT NULL,
    "cancellationReason" TEXT,
    "idempotencyToken" TEXT,
    "bookingLinkId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingBriefing" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calendarEventId" TEXT NOT NULL,
    "eventTitle" TEXT NOT NULL,
    "eventStartTime" TIMESTAMP(3) NOT NULL,
    "guestCount" INTEGER NOT NULL,
    "status" "MeetingBriefingStatus" NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "MeetingBriefing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactResearch" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email" TEXT NOT NULL,
    "researchStartedAt" TIMESTAMP(3) NOT NULL,
    "found" BOOLEAN NOT NULL,
    "role" TEXT,
    "confidence" TEXT,
    "company" JSONB,
    "sources" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "ContactResearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingRecording" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "botProvider" TEXT NOT NULL DEFAULT 'recall',
    "externalBotId" TEXT,
    "botName" TEXT,
    "externalRecordingId" TEXT,
    "transcriptRequestedAt" TIMESTAMP(3),
    "externalTranscriptId" TEXT,
    "meetingUrl" TEXT NOT NULL,
    "normalizedMeetingUrl" TEXT NOT NULL,
    "activeKey" TEXT,
    "meetingStartTime" TIMESTAMP(3) NOT NULL,
    "status" "MeetingRecordingStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "transcript" JSONB,
    "transcriptFetchedAt" TIMESTAMP(3),
    "mediaDeletedAt" TIMESTAMP(3),

    CONSTRAINT "MeetingRecording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "calendarEventId" TEXT NOT NULL,
    "eventTitle" TEXT NOT NULL,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "attendees" JSONB NOT NULL,
    "organizerEmail" TEXT,
    "joinOverride" BOOLEAN,
    "processingStatus" "MeetingProcessingStatus" NOT NULL DEFAULT 'PENDING',
    "processingAttempts" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "followUpDraftStartedAt" TIMESTAMP(3),
    "followUpDraftId" TEXT,
    "recapSentAt" TIMESTAMP(3),
    "recordingId" TEXT,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessagingChannel" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "provider" "MessagingProvider" NOT NULL,
    "isConnected" BOOLEAN NOT NULL DEFAULT true,
    "teamId" TEXT NOT NULL,
    "teamName" TEXT,
    "providerUserId" TEXT,
    "botUserId" TEXT,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "expiresAt" TIMESTAMP(3),
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "MessagingChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessagingRoute" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "purpose" "MessagingRoutePurpose" NOT NULL,
    "targetType" "MessagingRouteTargetType" NOT NULL,
    "targetId" TEXT NOT NULL,
    "messagingChannelId" TEXT NOT NULL,

    CONSTRAINT "MessagingRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationJob" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "prompt" TEXT,
    "cronExpression" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "messagingChannelId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "AutomationJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationJobRun" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "AutomationJobRunStatus" NOT NULL DEFAULT 'PENDING',
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),
    "outboundMessage" TEXT,
    "providerMessageId" TEXT,
    "error" TEXT,
    "automationJobId" TEXT NOT NULL,

    CONSTRAINT "AutomationJobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DriveConnection" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "expiresAt" TIMESTAMP(3),
    "isConnected" BOOLEAN NOT NULL DEFAULT true,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "DriveConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FilingFolder" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "folderId" TEXT NOT NULL,
    "folderName" TEXT NOT NULL,
    "folderPath" TEXT NOT NULL,
    "driveConnectionId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "FilingFolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentFiling" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "messageId" TEXT NOT NULL,
    "attachmentId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "folderId" TEXT,
    "folderPath" TEXT NOT NULL,
    "fileId" TEXT,
    "reasoning" TEXT,
    "confidence" DOUBLE PRECISION,
    "status" "DocumentFilingStatus" NOT NULL DEFAULT 'FILED',
    "wasAsked" BOOLEAN NOT NULL DEFAULT false,
    "wasCorrected" BOOLEAN NOT NULL DEFAULT false,
    "originalPath" TEXT,
    "correctedAt" TIMESTAMP(3),
    "feedbackPositive" BOOLEAN,
    "feedbackAt" TIMESTAMP(3),
    "notificationMessageId" TEXT,
    "notificationSentAt" TIMESTAMP(3),
    "driveConnectionId" TEXT NOT NULL,
    "emailAccountId" TEXT NOT NULL,

    CONSTRAINT "DocumentFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentSource" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "type" "AttachmentSourceType" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourcePath" TEXT,
    "ruleId" TEXT NOT NULL,
    "driveConnectionId" TEXT NOT NULL,

    CONSTRAINT "AttachmentSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentDocument" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "attachmentSourceId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "modifiedAt" TIMESTAMP(3),
    "summary" TEXT,
    "content" TEXT,
    "metadata" JSONB,
    "indexedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "AttachmentDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "referrerUserId" TEXT NOT NULL,
    "referredUserId" TEXT NOT NULL,
    "referralCodeUsed" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'PENDING',
    "rewardGrantedAt" TIMESTAMP(3),
    "stripeBalanceTransactionId" TEXT,
    "rewardAmount" INTEGER,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpIntegration" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "registeredServerUrl" TEXT,
    "registeredAuthorizationUrl" TEXT,
    "registeredTokenUrl" TEXT,
    "oauthClientId" TEXT,
    "oauthClientSecret" TEXT,

    CONSTRAINT "McpIntegration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpConnection" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "apiKey" TEXT,
    "expiresAt" TIMESTAMP(3),
    "integrationId" TEXT NOT NULL,
    "emailAccountId" TEXT,

    CONSTRAINT "McpConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "McpTool" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "schema" JSONB,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "isWrite" BOOLEAN NOT NULL DEFAULT false,
    "connectionId" TEXT NOT NULL,

    CONSTRAINT "McpTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobilePushToken" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "platform" "MobilePushPlatform" NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "MobilePushToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobilePushDelivery" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deduplicationKey" TEXT NOT NULL,
    "mobilePushTokenId" TEXT NOT NULL,

    CONSTRAINT "MobilePushDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_CategoryToRule" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CategoryToRule_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_activeOrganizationId_idx" ON "Session"("activeOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_referralCode_key" ON "User"("referralCode");

-- CreateIndex
CREATE UNIQUE INDEX "EmailAccount_email_key" ON "EmailAccount"("email");

-- CreateIndex
CREATE UNIQUE INDEX "EmailAccount_accountId_key" ON "EmailAccount"("accountId");

-- CreateIndex
CREATE INDEX "EmailAccount_userId_idx" ON "EmailAccount"("userId");

-- CreateIndex
CREATE INDEX "EmailAccount_lastSummaryEmailAt_idx" ON "EmailAccount"("lastSummaryEmailAt");

-- CreateIndex
CREATE INDEX "EmailAccount_lastInboxHealthEmailAt_idx" ON "EmailAccount"("lastInboxHealthEmailAt");

-- CreateIndex
CREATE INDEX "EmailAccount_watchEmailsSubscriptionId_idx" ON "EmailAccount"("watchEmailsSubscriptionId");

-- CreateIndex
CREATE INDEX "EmailAccount_watchEmailsSubscriptionHistory_idx" ON "EmailAccount" USING GIN ("watchEmailsSubscriptionHistory" jsonb_path_ops);

-- CreateIndex
CREATE UNIQUE INDEX "MailSplit_emailAccountId_name_key" ON "MailSplit"("emailAccountId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MailSplit_emailAccountId_order_key" ON "MailSplit"("emailAccountId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "OrganizationRule_organizationId_enabled_idx" ON "OrganizationRule"("organizationId", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationRule_organizationId_name_key" ON "OrganizationRule"("organizationId", "name");

-- CreateIndex
CREATE INDEX "OrganizationRuleAction_organizationRuleId_idx" ON "OrganizationRuleAction"("organizationRuleId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_organizationId_emailAccountId_key" ON "Member"("organizationId", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_emailAccountId_key" ON "Member"("emailAccountId");

-- CreateIndex
CREATE INDEX "invitation_organizationId_idx" ON "invitation"("organizationId");

-- CreateIndex
CREATE INDEX "invitation_inviterId_idx" ON "invitation"("inviterId");

-- CreateIndex
CREATE UNIQUE INDEX "ssoProvider_providerId_key" ON "ssoProvider"("providerId");

-- CreateIndex
CREATE INDEX "ssoProvider_emailAccountId_idx" ON "ssoProvider"("emailAccountId");

-- CreateIndex
CREATE INDEX "ssoProvider_organizationId_idx" ON "ssoProvider"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "scimProvider_providerId_key" ON "scimProvider"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "scimProvider_scimToken_key" ON "scimProvider"("scimToken");

-- CreateIndex
CREATE INDEX "scimProvider_organizationId_idx" ON "scimProvider"("organizationId");

-- CreateIndex
CREATE INDEX "scimProvider_userId_idx" ON "scimProvider"("userId");

-- CreateIndex
CREATE INDEX "Digest_emailAccountId_idx" ON "Digest"("emailAccountId");

-- CreateIndex
CREATE INDEX "DigestItem_actionId_idx" ON "DigestItem"("actionId");

-- CreateIndex
CREATE INDEX "DigestItem_coldEmailId_idx" ON "DigestItem"("coldEmailId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestItem_digestId_threadId_messageId_key" ON "DigestItem"("digestId", "threadId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "Schedule_emailAccountId_key" ON "Schedule"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Premium_stripeCustomerId_key" ON "Premium"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Premium_stripeSubscriptionId_key" ON "Premium"("stripeSubscriptionId");

-- CreateIndex
CREATE UNIQUE INDEX "Premium_stripeSubscriptionItemId_key" ON "Premium"("stripeSubscriptionItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Premium_appleOriginalTransactionId_key" ON "Premium"("appleOriginalTransactionId");

-- CreateIndex
CREATE UNIQUE INDEX "Premium_appleLatestTransactionId_key" ON "Premium"("appleLatestTransactionId");

-- CreateIndex
CREATE INDEX "Premium_pendingInvites_idx" ON "Premium"("pendingInvites");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "Label_emailAccountId_idx" ON "Label"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Label_gmailLabelId_emailAccountId_key" ON "Label"("gmailLabelId", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Label_name_emailAccountId_key" ON "Label"("name", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_groupId_key" ON "Rule"("groupId");

-- CreateIndex
CREATE INDEX "Rule_emailAccountId_enabled_idx" ON "Rule"("emailAccountId", "enabled");

-- CreateIndex
CREATE INDEX "Rule_organizationRuleId_idx" ON "Rule"("organizationRuleId");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_id_emailAccountId_key" ON "Rule"("id", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_name_emailAccountId_key" ON "Rule"("name", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_emailAccountId_systemType_key" ON "Rule"("emailAccountId", "systemType");

-- CreateIndex
CREATE UNIQUE INDEX "Rule_emailAccountId_organizationRuleId_key" ON "Rule"("emailAccountId", "organizationRuleId");

-- CreateIndex
CREATE INDEX "Action_ruleId_idx" ON "Action"("ruleId");

-- CreateIndex
CREATE INDEX "Action_emailAccountId_idx" ON "Action"("emailAccountId");

-- CreateIndex
CREATE INDEX "Action_messagingChannelId_messagingChannelEmailAccountId_idx" ON "Action"("messagingChannelId", "messagingChannelEmailAccountId");

-- CreateIndex
CREATE INDEX "RuleHistory_ruleId_createdAt_idx" ON "RuleHistory"("ruleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RuleHistory_ruleId_version_key" ON "RuleHistory"("ruleId", "version");

-- CreateIndex
CREATE INDEX "ExecutedRule_emailAccountId_threadId_messageId_ruleId_idx" ON "ExecutedRule"("emailAccountId", "threadId", "messageId", "ruleId");

-- CreateIndex
CREATE INDEX "ExecutedRule_emailAccountId_messageId_idx" ON "ExecutedRule"("emailAccountId", "messageId");

-- CreateIndex
CREATE INDEX "ExecutedRule_emailAccountId_status_createdAt_idx" ON "ExecutedRule"("emailAccountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ExecutedRule_emailAccountId_createdAt_idx" ON "ExecutedRule"("emailAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "ExecutedRule_emailAccountId_id_idx" ON "ExecutedRule"("emailAccountId", "id");

-- CreateIndex
CREATE INDEX "ExecutedRule_ruleId_idx" ON "ExecutedRule"("ruleId");

-- CreateIndex
CREATE INDEX "ExecutedAction_executedRuleId_idx" ON "ExecutedAction"("executedRuleId");

-- CreateIndex
CREATE INDEX "ExecutedAction_executionStatus_createdAt_idx" ON "ExecutedAction"("executionStatus", "createdAt");

-- CreateIndex
CREATE INDEX "ExecutedAction_messagingChannelId_createdAt_idx" ON "ExecutedAction"("messagingChannelId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledAction_executedActionId_key" ON "ScheduledAction"("executedActionId");

-- CreateIndex
CREATE INDEX "ScheduledAction_executedRuleId_idx" ON "ScheduledAction"("executedRuleId");

-- CreateIndex
CREATE INDEX "ScheduledAction_status_scheduledFor_idx" ON "ScheduledAction"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "ScheduledAction_emailAccountId_messageId_idx" ON "ScheduledAction"("emailAccountId", "messageId");

-- CreateIndex
CREATE INDEX "SnoozedThread_status_scheduledFor_idx" ON "SnoozedThread"("status", "scheduledFor");

-- CreateIndex
CREATE INDEX "SnoozedThread_emailAccountId_threadId_status_idx" ON "SnoozedThread"("emailAccountId", "threadId", "status");

-- CreateIndex
CREATE INDEX "Group_emailAccountId_idx" ON "Group"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_name_emailAccountId_key" ON "Group"("name", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupItem_groupId_type_value_key" ON "GroupItem"("groupId", "type", "value");

-- CreateIndex
CREATE INDEX "ClassificationFeedback_ruleId_idx" ON "ClassificationFeedback"("ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassificationFeedback_emailAccountId_sender_ruleId_message_key" ON "ClassificationFeedback"("emailAccountId", "sender", "ruleId", "messageId", "eventType");

-- CreateIndex
CREATE INDEX "Category_emailAccountId_idx" ON "Category"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Category_name_emailAccountId_key" ON "Category"("name", "emailAccountId");

-- CreateIndex
CREATE INDEX "Newsletter_emailAccountId_status_idx" ON "Newsletter"("emailAccountId", "status");

-- CreateIndex
CREATE INDEX "Newsletter_categoryId_idx" ON "Newsletter"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Newsletter_email_emailAccountId_key" ON "Newsletter"("email", "emailAccountId");

-- CreateIndex
CREATE INDEX "ColdEmail_emailAccountId_status_idx" ON "ColdEmail"("emailAccountId", "status");

-- CreateIndex
CREATE INDEX "ColdEmail_emailAccountId_createdAt_idx" ON "ColdEmail"("emailAccountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ColdEmail_emailAccountId_fromEmail_key" ON "ColdEmail"("emailAccountId", "fromEmail");

-- CreateIndex
CREATE INDEX "EmailMessage_emailAccountId_threadId_idx" ON "EmailMessage"("emailAccountId", "threadId");

-- CreateIndex
CREATE INDEX "EmailMessage_emailAccountId_date_idx" ON "EmailMessage"("emailAccountId", "date");

-- CreateIndex
CREATE INDEX "EmailMessage_emailAccountId_from_idx" ON "EmailMessage"("emailAccountId", "from");

-- CreateIndex
CREATE INDEX "EmailMessage_emailAccountId_fromName_idx" ON "EmailMessage"("emailAccountId", "fromName");

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_emailAccountId_threadId_messageId_key" ON "EmailMessage"("emailAccountId", "threadId", "messageId");

-- CreateIndex
CREATE INDEX "ResponseTime_emailAccountId_sentAt_idx" ON "ResponseTime"("emailAccountId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ResponseTime_emailAccountId_sentMessageId_key" ON "ResponseTime"("emailAccountId", "sentMessageId");

-- CreateIndex
CREATE INDEX "ThreadTracker_emailAccountId_resolved_idx" ON "ThreadTracker"("emailAccountId", "resolved");

-- CreateIndex
CREATE INDEX "ThreadTracker_emailAccountId_resolved_sentAt_type_idx" ON "ThreadTracker"("emailAccountId", "resolved", "sentAt", "type");

-- CreateIndex
CREATE INDEX "ThreadTracker_emailAccountId_type_resolved_sentAt_idx" ON "ThreadTracker"("emailAccountId", "type", "resolved", "sentAt");

-- CreateIndex
CREATE INDEX "ThreadTracker_emailAccountId_type_resolved_followUpAppliedA_idx" ON "ThreadTracker"("emailAccountId", "type", "resolved", "followUpAppliedAt", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ThreadTracker_emailAccountId_threadId_messageId_key" ON "ThreadTracker"("emailAccountId", "threadId", "messageId");

-- CreateIndex
CREATE INDEX "CleanupJob_emailAccountId_idx" ON "CleanupJob"("emailAccountId");

-- CreateIndex
CREATE INDEX "CleanupThread_jobId_idx" ON "CleanupThread"("jobId");

-- CreateIndex
CREATE INDEX "CleanupThread_emailAccountId_idx" ON "CleanupThread"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Knowledge_emailAccountId_title_key" ON "Knowledge"("emailAccountId", "title");

-- CreateIndex
CREATE INDEX "ReplyMemory_emailAccountId_updatedAt_idx" ON "ReplyMemory"("emailAccountId", "updatedAt");

-- CreateIndex
CREATE INDEX "ReplyMemory_emailAccountId_scopeType_scopeValue_idx" ON "ReplyMemory"("emailAccountId", "scopeType", "scopeValue");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyMemory_emailAccountId_kind_scopeType_scopeValue_conten_key" ON "ReplyMemory"("emailAccountId", "kind", "scopeType", "scopeValue", "content");

-- CreateIndex
CREATE INDEX "ReplyMemorySource_draftSendLogId_idx" ON "ReplyMemorySource"("draftSendLogId");

-- CreateIndex
CREATE INDEX "ReplyMemorySource_replyMemoryId_learnedWritingStyleAnalyzed_idx" ON "ReplyMemorySource"("replyMemoryId", "learnedWritingStyleAnalyzedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hashedKey_key" ON "ApiKey"("hashedKey");

-- CreateIndex
CREATE INDEX "ApiKey_userId_isActive_idx" ON "ApiKey"("userId", "isActive");

-- CreateIndex
CREATE INDEX "ApiKey_emailAccountId_isActive_idx" ON "ApiKey"("emailAccountId", "isActive");

-- CreateIndex
CREATE UNIQUE INDEX "EmailToken_token_key" ON "EmailToken"("token");

-- CreateIndex
CREATE INDEX "EmailToken_emailAccountId_idx" ON "EmailToken"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_processorId_key" ON "Payment"("processorId");

-- CreateIndex
CREATE INDEX "Payment_premiumId_createdAt_idx" ON "Payment"("premiumId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DraftSendLog_executedActionId_key" ON "DraftSendLog"("executedActionId");

-- CreateIndex
CREATE INDEX "DraftSendLog_executedActionId_idx" ON "DraftSendLog"("executedActionId");

-- CreateIndex
CREATE INDEX "DraftSendLog_replyMemoryProcessedAt_replyMemoryAttemptCount_idx" ON "DraftSendLog"("replyMemoryProcessedAt", "replyMemoryAttemptCount", "createdAt");

-- CreateIndex
CREATE INDEX "Chat_emailAccountId_idx" ON "Chat"("emailAccountId");

-- CreateIndex
CREATE INDEX "Chat_deletedAt_idx" ON "Chat"("deletedAt");

-- CreateIndex
CREATE INDEX "ChatMessage_chatId_idx" ON "ChatMessage"("chatId");

-- CreateIndex
CREATE INDEX "ChatCompaction_chatId_idx" ON "ChatCompaction"("chatId");

-- CreateIndex
CREATE INDEX "ChatMemory_emailAccountId_idx" ON "ChatMemory"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarConnection_emailAccountId_provider_email_key" ON "CalendarConnection"("emailAccountId", "provider", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Calendar_connectionId_calendarId_key" ON "Calendar"("connectionId", "calendarId");

-- CreateIndex
CREATE UNIQUE INDEX "BookingLink_slug_key" ON "BookingLink"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "BookingLink_emailAccountId_key" ON "BookingLink"("emailAccountId");

-- CreateIndex
CREATE INDEX "BookingLink_destinationCalendarId_idx" ON "BookingLink"("destinationCalendarId");

-- CreateIndex
CREATE INDEX "BookingLink_availabilityScheduleId_idx" ON "BookingLink"("availabilityScheduleId");

-- CreateIndex
CREATE INDEX "AvailabilitySchedule_emailAccountId_idx" ON "AvailabilitySchedule"("emailAccountId");

-- CreateIndex
CREATE INDEX "AvailabilitySchedule_emailAccountId_isDefault_idx" ON "AvailabilitySchedule"("emailAccountId", "isDefault");

-- CreateIndex
CREATE UNIQUE INDEX "AvailabilitySchedule_id_emailAccountId_key" ON "AvailabilitySchedule"("id", "emailAccountId");

-- CreateIndex
CREATE INDEX "AvailabilityWindow_availabilityScheduleId_idx" ON "AvailabilityWindow"("availabilityScheduleId");

-- CreateIndex
CREATE INDEX "Booking_bookingLinkId_startTime_endTime_idx" ON "Booking"("bookingLinkId", "startTime", "endTime");

-- CreateIndex
CREATE INDEX "Booking_emailAccountId_idx" ON "Booking"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_bookingLinkId_idempotencyToken_key" ON "Booking"("bookingLinkId", "idempotencyToken");

-- CreateIndex
CREATE INDEX "MeetingBriefing_emailAccountId_idx" ON "MeetingBriefing"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingBriefing_emailAccountId_calendarEventId_key" ON "MeetingBriefing"("emailAccountId", "calendarEventId");

-- CreateIndex
CREATE INDEX "ContactResearch_latest_idx" ON "ContactResearch"("email", "researchStartedAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "MeetingRecording_normalizedMeetingUrl_meetingStartTime_idx" ON "MeetingRecording"("normalizedMeetingUrl", "meetingStartTime");

-- CreateIndex
CREATE INDEX "MeetingRecording_status_meetingStartTime_idx" ON "MeetingRecording"("status", "meetingStartTime");

-- CreateIndex
CREATE INDEX "MeetingRecording_status_mediaDeletedAt_idx" ON "MeetingRecording"("status", "mediaDeletedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRecording_botProvider_externalBotId_key" ON "MeetingRecording"("botProvider", "externalBotId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRecording_activeKey_meetingStartTime_key" ON "MeetingRecording"("activeKey", "meetingStartTime");

-- CreateIndex
CREATE INDEX "Meeting_emailAccountId_startTime_idx" ON "Meeting"("emailAccountId", "startTime");

-- CreateIndex
CREATE INDEX "Meeting_recordingId_idx" ON "Meeting"("recordingId");

-- CreateIndex
CREATE INDEX "Meeting_processingStatus_updatedAt_idx" ON "Meeting"("processingStatus", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_emailAccountId_calendarEventId_key" ON "Meeting"("emailAccountId", "calendarEventId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_emailAccountId_recordingId_key" ON "Meeting"("emailAccountId", "recordingId");

-- CreateIndex
CREATE INDEX "MessagingChannel_emailAccountId_idx" ON "MessagingChannel"("emailAccountId");

-- CreateIndex
CREATE INDEX "MessagingChannel_provider_teamId_idx" ON "MessagingChannel"("provider", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "MessagingChannel_emailAccountId_provider_teamId_key" ON "MessagingChannel"("emailAccountId", "provider", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "MessagingChannel_id_emailAccountId_key" ON "MessagingChannel"("id", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "MessagingRoute_messagingChannelId_purpose_key" ON "MessagingRoute"("messagingChannelId", "purpose");

-- CreateIndex
CREATE INDEX "AutomationJob_emailAccountId_enabled_nextRunAt_idx" ON "AutomationJob"("emailAccountId", "enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "AutomationJob_enabled_nextRunAt_idx" ON "AutomationJob"("enabled", "nextRunAt");

-- CreateIndex
CREATE INDEX "AutomationJob_messagingChannelId_emailAccountId_idx" ON "AutomationJob"("messagingChannelId", "emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationJob_emailAccountId_key" ON "AutomationJob"("emailAccountId");

-- CreateIndex
CREATE INDEX "AutomationJobRun_automationJobId_createdAt_idx" ON "AutomationJobRun"("automationJobId", "createdAt");

-- CreateIndex
CREATE INDEX "AutomationJobRun_status_createdAt_idx" ON "AutomationJobRun"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationJobRun_automationJobId_scheduledFor_key" ON "AutomationJobRun"("automationJobId", "scheduledFor");

-- CreateIndex
CREATE INDEX "DriveConnection_emailAccountId_idx" ON "DriveConnection"("emailAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "DriveConnection_emailAccountId_provider_key" ON "DriveConnection"("emailAccountId", "provider");

-- CreateIndex
CREATE INDEX "FilingFolder_driveConnectionId_idx" ON "FilingFolder"("driveConnectionId");

-- CreateIndex
CREATE UNIQUE INDEX "FilingFolder_emailAccountId_folderId_key" ON "FilingFolder"("emailAccountId", "folderId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentFiling_notificationMessageId_key" ON "DocumentFiling"("notificationMessageId");

-- CreateIndex
CREATE INDEX "DocumentFiling_emailAccountId_status_idx" ON "DocumentFiling"("emailAccountId", "status");

-- CreateIndex
CREATE INDEX "DocumentFiling_driveConnectionId_idx" ON "DocumentFiling"("driveConnectionId");

-- CreateIndex
CREATE INDEX "DocumentFiling_messageId_idx" ON "DocumentFiling"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentFiling_emailAccountId_messageId_attachmentId_key" ON "DocumentFiling"("emailAccountId", "messageId", "attachmentId");

-- CreateIndex
CREATE INDEX "AttachmentSource_ruleId_idx" ON "AttachmentSource"("ruleId");

-- CreateIndex
CREATE INDEX "AttachmentSource_driveConnectionId_idx" ON "AttachmentSource"("driveConnectionId");

-- CreateIndex
CREATE UNIQUE INDEX "AttachmentSource_ruleId_driveConnectionId_type_sourceId_key" ON "AttachmentSource"("ruleId", "driveConnectionId", "type", "sourceId");

-- CreateIndex
CREATE INDEX "AttachmentDocument_attachmentSourceId_modifiedAt_idx" ON "AttachmentDocument"("attachmentSourceId", "modifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AttachmentDocument_attachmentSourceId_fileId_key" ON "AttachmentDocument"("attachmentSourceId", "fileId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_referredUserId_key" ON "Referral"("referredUserId");

-- CreateIndex
CREATE INDEX "Referral_referrerUserId_idx" ON "Referral"("referrerUserId");

-- CreateIndex
CREATE INDEX "Referral_status_idx" ON "Referral"("status");

-- CreateIndex
CREATE UNIQUE INDEX "McpIntegration_name_key" ON "McpIntegration"("name");

-- CreateIndex
CREATE UNIQUE INDEX "McpConnection_emailAccountId_integrationId_key" ON "McpConnection"("emailAccountId", "integrationId");

-- CreateIndex
CREATE UNIQUE INDEX "McpTool_connectionId_name_key" ON "McpTool"("connectionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "MobilePushToken_token_key" ON "MobilePushToken"("token");

-- CreateIndex
CREATE INDEX "MobilePushToken_userId_idx" ON "MobilePushToken"("userId");

-- CreateIndex
CREATE INDEX "MobilePushDelivery_createdAt_idx" ON "MobilePushDelivery"("createdAt");

-- CreateIndex
CREATE INDEX "MobilePushDelivery_mobilePushTokenId_idx" ON "MobilePushDelivery"("mobilePushTokenId");

-- CreateIndex
CREATE UNIQUE INDEX "MobilePushDelivery_key_token_key" ON "MobilePushDelivery"("deduplicationKey", "mobilePushTokenId");

-- CreateIndex
CREATE INDEX "_CategoryToRule_B_index" ON "_CategoryToRule"("B");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_activeOrganizationId_fkey" FOREIGN KEY ("activeOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_premiumId_fkey" FOREIGN KEY ("premiumId") REFERENCES "Premium"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_premiumAdminId_fkey" FOREIGN KEY ("premiumAdminId") REFERENCES "Premium"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailAccount" ADD CONSTRAINT "EmailAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailAccount" ADD CONSTRAINT "EmailAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailSplit" ADD CONSTRAINT "MailSplit_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationRule" ADD CONSTRAINT "OrganizationRule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationRuleAction" ADD CONSTRAINT "OrganizationRuleAction_organizationRuleId_fkey" FOREIGN KEY ("organizationRuleId") REFERENCES "OrganizationRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_inviterId_fkey" FOREIGN KEY ("inviterId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ssoProvider" ADD CONSTRAINT "ssoProvider_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ssoProvider" ADD CONSTRAINT "ssoProvider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scimProvider" ADD CONSTRAINT "scimProvider_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scimProvider" ADD CONSTRAINT "scimProvider_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Digest" ADD CONSTRAINT "Digest_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "Digest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "ExecutedAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_coldEmailId_fkey" FOREIGN KEY ("coldEmailId") REFERENCES "ColdEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Label" ADD CONSTRAINT "Label_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_organizationRuleId_fkey" FOREIGN KEY ("organizationRuleId") REFERENCES "OrganizationRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ruleId_emailAccountId_fkey" FOREIGN KEY ("ruleId", "emailAccountId") REFERENCES "Rule"("id", "emailAccountId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_messagingChannelId_messagingChannelEmailAccountId_fkey" FOREIGN KEY ("messagingChannelId", "messagingChannelEmailAccountId") REFERENCES "MessagingChannel"("id", "emailAccountId") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleHistory" ADD CONSTRAINT "RuleHistory_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutedRule" ADD CONSTRAINT "ExecutedRule_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutedRule" ADD CONSTRAINT "ExecutedRule_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutedAction" ADD CONSTRAINT "ExecutedAction_executedRuleId_fkey" FOREIGN KEY ("executedRuleId") REFERENCES "ExecutedRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExecutedAction" ADD CONSTRAINT "ExecutedAction_messagingChannelId_fkey" FOREIGN KEY ("messagingChannelId") REFERENCES "MessagingChannel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledAction" ADD CONSTRAINT "ScheduledAction_executedRuleId_fkey" FOREIGN KEY ("executedRuleId") REFERENCES "ExecutedRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledAction" ADD CONSTRAINT "ScheduledAction_executedActionId_fkey" FOREIGN KEY ("executedActionId") REFERENCES "ExecutedAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledAction" ADD CONSTRAINT "ScheduledAction_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnoozedThread" ADD CONSTRAINT "SnoozedThread_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupItem" ADD CONSTRAINT "GroupItem_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassificationFeedback" ADD CONSTRAINT "ClassificationFeedback_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassificationFeedback" ADD CONSTRAINT "ClassificationFeedback_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ColdEmail" ADD CONSTRAINT "ColdEmail_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseTime" ADD CONSTRAINT "ResponseTime_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreadTracker" ADD CONSTRAINT "ThreadTracker_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleanupJob" ADD CONSTRAINT "CleanupJob_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleanupThread" ADD CONSTRAINT "CleanupThread_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "CleanupJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleanupThread" ADD CONSTRAINT "CleanupThread_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Knowledge" ADD CONSTRAINT "Knowledge_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyMemory" ADD CONSTRAINT "ReplyMemory_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyMemorySource" ADD CONSTRAINT "ReplyMemorySource_replyMemoryId_fkey" FOREIGN KEY ("replyMemoryId") REFERENCES "ReplyMemory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyMemorySource" ADD CONSTRAINT "ReplyMemorySource_draftSendLogId_fkey" FOREIGN KEY ("draftSendLogId") REFERENCES "DraftSendLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailToken" ADD CONSTRAINT "EmailToken_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_premiumId_fkey" FOREIGN KEY ("premiumId") REFERENCES "Premium"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftSendLog" ADD CONSTRAINT "DraftSendLog_executedActionId_fkey" FOREIGN KEY ("executedActionId") REFERENCES "ExecutedAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chat" ADD CONSTRAINT "Chat_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatCompaction" ADD CONSTRAINT "ChatCompaction_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMemory" ADD CONSTRAINT "ChatMemory_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMemory" ADD CONSTRAINT "ChatMemory_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarConnection" ADD CONSTRAINT "CalendarConnection_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Calendar" ADD CONSTRAINT "Calendar_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CalendarConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingLink" ADD CONSTRAINT "BookingLink_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingLink" ADD CONSTRAINT "BookingLink_destinationCalendarId_fkey" FOREIGN KEY ("destinationCalendarId") REFERENCES "Calendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingLink" ADD CONSTRAINT "BookingLink_availabilityScheduleId_emailAccountId_fkey" FOREIGN KEY ("availabilityScheduleId", "emailAccountId") REFERENCES "AvailabilitySchedule"("id", "emailAccountId") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilitySchedule" ADD CONSTRAINT "AvailabilitySchedule_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityWindow" ADD CONSTRAINT "AvailabilityWindow_availabilityScheduleId_fkey" FOREIGN KEY ("availabilityScheduleId") REFERENCES "AvailabilitySchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_bookingLinkId_fkey" FOREIGN KEY ("bookingLinkId") REFERENCES "BookingLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingBriefing" ADD CONSTRAINT "MeetingBriefing_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "MeetingRecording"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagingChannel" ADD CONSTRAINT "MessagingChannel_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagingRoute" ADD CONSTRAINT "MessagingRoute_messagingChannelId_fkey" FOREIGN KEY ("messagingChannelId") REFERENCES "MessagingChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationJob" ADD CONSTRAINT "AutomationJob_messagingChannelId_emailAccountId_fkey" FOREIGN KEY ("messagingChannelId", "emailAccountId") REFERENCES "MessagingChannel"("id", "emailAccountId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationJobRun" ADD CONSTRAINT "AutomationJobRun_automationJobId_fkey" FOREIGN KEY ("automationJobId") REFERENCES "AutomationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriveConnection" ADD CONSTRAINT "DriveConnection_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FilingFolder" ADD CONSTRAINT "FilingFolder_driveConnectionId_fkey" FOREIGN KEY ("driveConnectionId") REFERENCES "DriveConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FilingFolder" ADD CONSTRAINT "FilingFolder_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFiling" ADD CONSTRAINT "DocumentFiling_driveConnectionId_fkey" FOREIGN KEY ("driveConnectionId") REFERENCES "DriveConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentFiling" ADD CONSTRAINT "DocumentFiling_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttachmentSource" ADD CONSTRAINT "AttachmentSource_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttachmentSource" ADD CONSTRAINT "AttachmentSource_driveConnectionId_fkey" FOREIGN KEY ("driveConnectionId") REFERENCES "DriveConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttachmentDocument" ADD CONSTRAINT "AttachmentDocument_attachmentSourceId_fkey" FOREIGN KEY ("attachmentSourceId") REFERENCES "AttachmentSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerUserId_fkey" FOREIGN KEY ("referrerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referredUserId_fkey" FOREIGN KEY ("referredUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "McpConnection" ADD CONSTRAINT "McpConnection_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "McpIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "McpConnection" ADD CONSTRAINT "McpConnection_emailAccountId_fkey" FOREIGN KEY ("emailAccountId") REFERENCES "EmailAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "McpTool" ADD CONSTRAINT "McpTool_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "McpConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobilePushToken" ADD CONSTRAINT "MobilePushToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobilePushDelivery" ADD CONSTRAINT "MobilePushDelivery_mobilePushTokenId_fkey" FOREIGN KEY ("mobilePushTokenId") REFERENCES "MobilePushToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CategoryToRule" ADD CONSTRAINT "_CategoryToRule_A_fkey" FOREIGN KEY ("A") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CategoryToRule" ADD CONSTRAINT "_CategoryToRule_B_fkey" FOREIGN KEY ("B") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
