-- CreateIndex
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");
