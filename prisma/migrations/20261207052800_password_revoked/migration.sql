-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordRevokedAt" TIMESTAMP(3);
