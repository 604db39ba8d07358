-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Run_pinned_createdAt_idx" ON "Run"("pinned", "createdAt");

