import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, createIsolatedDatabase, type IsolatedDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";

describe.each(BACKENDS)("paperboy account (%s)", (backend) => {
  let directory: string;
  let server: IsolatedDatabase | null = null;
  let env: Record<string, string>;
  let handle = "";

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-account-"));
    server = backend === "postgres" ? await createIsolatedDatabase() : null;
    env = {
      DATABASE_URL: server?.url ?? `sqlite:${join(directory, "cli.db")}`,
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    };
    const added = runCli(["user", "add", "grace@example.org"], env);
    expect(added.status).toBe(0);
    handle = / as (reader-[0-9a-f]{8}) \(member\)/.exec(added.stdout)?.[1] ?? "";
    expect(runCli(["token", "create", "grace@example.org", "--name", "nightly"], env).status).toBe(0);
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("prints an account's data as JSON, then deletes the account only with --yes", () => {
    const exported = runCli(["account", "export", "grace@example.org"], env);
    expect(exported.status).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(handle).not.toBe("");
    expect(data.account).toMatchObject({ handle, email: "grace@example.org" });
    expect(data.apiTokens).toEqual([expect.objectContaining({ name: "nightly" })]);
    expect(exported.stdout).not.toMatch(/pb_/);

    const unconfirmed = runCli(["account", "delete", "grace@example.org"], env);
    expect(unconfirmed.status).not.toBe(0);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    const deleted = runCli(["account", "delete", "grace@example.org", "--yes"], env);
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain("deleted grace@example.org");
    const gone = runCli(["account", "export", "grace@example.org"], env);
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toMatch(/no account/);
    expect(runCli(["account", "frobnicate", "x@example.org"], env).stderr).toMatch(/usage/);
  });
});
