import path from "node:path";
import { defineConfig } from "prisma/config";
import { createDriverAdapter, databaseTarget } from "./lib/server/db/driver";

// Prisma 6.19's WebAssembly schema engine migrates through the same driver adapter as the app,
// so `migrate deploy` works offline on both PGlite and PostgreSQL (no native engine download).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createDriverAdapter(databaseTarget()),
});
