-- CreateIndex
CREATE UNIQUE INDEX "Member_teamId_email_key" ON "Member"("teamId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "member_email_team" ON "Member"("email", "teamId");
