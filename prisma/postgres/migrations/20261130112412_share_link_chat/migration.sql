-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "chatEnabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ChatSession" ADD COLUMN     "visitorId" TEXT;

-- CreateIndex
CREATE INDEX "ChatSession_visitorId_idx" ON "ChatSession"("visitorId");

