import type { TestProject } from "vitest/node";
import { makeTemplates } from "./helpers/database-templates.js";

/** Runs once before any suite: the migrated databases test instances start as copies of. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { templates, remove } = await makeTemplates();
  project.provide("databaseTemplates", templates);
  return remove;
}
