import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountOfApiToken } from "../../src/community/api-tokens.js";
import { systemClock } from "../../src/core/clock.js";
import { openDatabase } from "../../src/storage/open.js";
import { BACKENDS, createIsolatedDatabase, type IsolatedDatabase } from "../helpers/backends.js";
import { runCli } from "../helpers/cli.js";

describe.each(BACKENDS)("paperboy token (%s)", (backend) => {
  let directory: string;
  let server: IsolatedDatabase | null = null;
  let env: Record<string, string>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "paperboy-token-"));
    server = backend === "postgres" ? await createIsolatedDatabase() : null;
    env = {
      DATABASE_URL: server?.url ?? `sqlite:${join(directory, "cli.db")}`,
      SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    };
    expect(runCli(["user", "add", "ops@example.org"], env).status).toBe(0);
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(directory, { recursive: true, force: true });
  });

  const accountOf = async (token: string) => {
    const database = openDatabase(env.DATABASE_URL ?? "");
    try {
      return await accountOfApiToken({ database, clock: systemClock }, token);
    } finally {
      await database.close();
    }
  };

  it("creates a token that works, lists it by name, and revokes it by id", async () => {
    const created = runCli(["token", "create", "ops@example.org", "--name", "nightly"], env);
    expect(created.status).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^pb_[\w-]{43}$/);
    expect(created.stderr).toMatch(/^token \d+ "nightly" for ops@example.org/);
    expect((await accountOf(token))?.email).toBe("ops@example.org");

    const listed = runCli(["token", "list", "ops@example.org"], env);
    expect(listed.status).toBe(0);
    const [id, name] = listed.stdout.trim().split("\t");
    expect(name).toBe("nightly");
    expect(listed.stdout).not.toContain(token);

    const revoked = runCli(["token", "revoke", id ?? ""], env);
    expect(revoked.status).toBe(0);
    expect(await accountOf(token)).toBeNull();
    expect(runCli(["token", "list", "ops@example.org"], env).stdout).toBe("");
    const again = runCli(["token", "revoke", id ?? ""], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`no live token ${id}`);
  });

  it("says what is wrong in one line: an unknown account, a bad id, a bad command line", () => {
    const unknown = runCli(["token", "create", "nobody@example.org"], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      "paperboy: no account nobody@example.org: create it with paperboy user add nobody@example.org\n",
    );
    if (backend === "postgres") return; // The rest never reaches the database.
    expect(runCli(["token", "revoke", "seven"], env).stderr).toContain('"seven" is not a token id');
    expect(runCli(["token", "list", "ops@example.org", "--name", "x"], env).stderr).toContain(
      "usage: paperboy token create EMAIL",
    );
  });
});
