// Another user of the server, for tests of sharing with people. Accounts are made by signing up, which local
// mode (the mode browser tests run in) does not offer, so the row is written straight into the test database,
// as Better Auth would write it.
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

const databaseFile = () => path.join(process.env.E2E_DATA_DIR ?? "/tmp/osmen-e2e", "e2e.db");

export function insertUser(name: string, email: string): { id: string; name: string; email: string } {
  const id = `e2e_${randomBytes(6).toString("hex")}`;
  const database = new Database(databaseFile());
  try {
    const now = new Date().toISOString();
    database
      .prepare('INSERT INTO "User" (id, name, email, emailVerified, role, banned, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, 0, ?, ?)')
      .run(id, name, email, "user", now, now);
  } finally {
    database.close();
  }
  return { id, name, email };
}
