-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Flow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "graph" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "mcpExposed" BOOLEAN NOT NULL DEFAULT false,
    "mcpToolName" TEXT,
    "mcpToolDescription" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Flow_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Flow" ("createdAt", "description", "graph", "id", "name", "ownerId", "updatedAt", "version") SELECT "createdAt", "description", "graph", "id", "name", "ownerId", "updatedAt", "version" FROM "Flow";
DROP TABLE "Flow";
ALTER TABLE "new_Flow" RENAME TO "Flow";
CREATE INDEX "Flow_ownerId_updatedAt_idx" ON "Flow"("ownerId", "updatedAt");
CREATE INDEX "Flow_updatedAt_idx" ON "Flow"("updatedAt");
CREATE INDEX "Flow_name_idx" ON "Flow"("name");
CREATE UNIQUE INDEX "Flow_ownerId_mcpToolName_key" ON "Flow"("ownerId", "mcpToolName");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

