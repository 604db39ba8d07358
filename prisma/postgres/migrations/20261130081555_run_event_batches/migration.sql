-- AlterTable
ALTER TABLE "Run" ALTER COLUMN "graph" DROP NOT NULL;

-- AlterTable
ALTER TABLE "RunEvent" DROP COLUMN "createdAt",
ADD COLUMN     "endSeq" INTEGER;

