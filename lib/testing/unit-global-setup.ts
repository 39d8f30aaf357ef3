import type { TestProject } from "vitest/node";
import { createPgliteDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
  }
}

/** Migrates one PGlite directory; every test file starts from a copy of it (see unit-setup.ts). */
export default async function setup(project: TestProject) {
  const template = await createPgliteDatabase("template");
  if (template.target.kind !== "pglite") throw new Error("unreachable");
  project.provide("pgliteTemplateDir", template.target.dataDir);
  return () => template.dispose();
}
