-- A column added in place: redefining "Run" would drop and copy the table, and dropping it cascades to
-- its events when foreign keys are on.
ALTER TABLE "Run" ADD COLUMN "pinned" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Run_pinned_createdAt_idx" ON "Run"("pinned", "createdAt");
