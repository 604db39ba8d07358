-- AlterTable
ALTER TABLE "Run" ALTER COLUMN "graph" DROP NOT NULL;

-- AlterTable
ALTER TABLE "RunEvent" ADD COLUMN     "endSeq" INTEGER;

