-- DropIndex
DROP INDEX "User_handle_key";
