import path from "node:path";
import { defineConfig } from "prisma/config";
import { createDriverAdapter, databaseTarget } from "./lib/server/db/driver";

// Prisma 6.19's WebAssembly schema engine works through the same driver adapter as the app, so
// the CLI runs offline (no native engine download). The app applies migrations with
// prisma/migrate.ts and creates them with prisma/new-migration.ts; see docs/operations.md (Migrations) for why.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createDriverAdapter(databaseTarget()),
});
