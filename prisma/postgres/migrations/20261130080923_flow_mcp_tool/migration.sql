-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "mcpExposed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mcpToolDescription" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "mcpToolName" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Flow_ownerId_mcpToolName_key" ON "Flow"("ownerId", "mcpToolName");

