import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/core/clock.js";
import { personalFeedToken, subscriptionLinks } from "../../src/digests/links.js";
import { getSubscription } from "../../src/storage/subscriptions.js";
import { buildApp } from "../../src/web/app.js";
import { redactAddress } from "../../src/web/secret-addresses.js";
import { addSubscriber } from "../digests/helpers.js";
import { signedInClient } from "../helpers/accounts.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const BASE_URL = "https://papers.example.org";
const clock = fixedClock("2026-07-01T12:00:00Z");

describe("addresses written to logs", () => {
  it("hide credentials in queries and personal feed paths, and keep the rest", () => {
    expect(redactAddress("/login/verify?token=abc.def&next=%2Fsettings")).toBe(
      "/login/verify?token=[redacted]&next=%2Fsettings",
    );
    expect(redactAddress("/feeds/personal/12-abcdefabcdefabcdefabcdefabcdefab.atom")).toBe(
      "/feeds/personal/[redacted]",
    );
    expect(redactAddress("/search?q=token&api_key=1")).toBe("/search?q=token&api_key=[redacted]");
    expect(redactAddress("/papers/2606.00001")).toBe("/papers/2606.00001");
  });
});

describe.each(BACKENDS)("private answers and the request log (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  const log: string[] = [];
  let links: { preferences: string; unsubscribe: string; confirm: string; feed: string };

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock, env: { BASE_URL, LOG_LEVEL: "info" } });
    app = await buildApp(instance.services, { logStream: { write: (line) => void log.push(line) } });
    const id = await addSubscriber(instance, "reader@example.org");
    const subscription = await getSubscription(instance.services.database, id);
    const secret = instance.config.secretKey ?? "";
    links = {
      ...subscriptionLinks("", secret, id, clock.now()),
      feed: `/feeds/personal/${personalFeedToken(secret, id, subscription?.feedKey ?? "")}.atom`,
    };
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("answers pages reached by a signed link or a session with no-store, and never logs the secret", async () => {
    const { client } = await signedInClient(app, instance.services, "member@example.org");
    const visits = [
      { url: links.preferences },
      { url: links.unsubscribe },
      { url: links.confirm },
      { url: links.feed },
      { url: "/login/verify?token=not-a-real-token-but-secret" },
    ];
    for (const visit of visits) {
      const response = await app.inject(visit);
      expect(response.headers["cache-control"], visit.url).toBe("no-store");
    }
    expect((await client.get("/settings")).headers["cache-control"]).toBe("no-store");
    const text = log.join("");
    expect(text).toContain("/subscribe/preferences?token=[redacted]");
    for (const visit of visits) {
      const secret = /token=([^&]+)/.exec(visit.url)?.[1] ?? /personal\/([^.]+)/.exec(visit.url)?.[1];
      if (secret) expect(text).not.toContain(secret);
    }
  });

  it("sends HSTS when the public address is https, and keeps public pages cacheable", async () => {
    const response = await app.inject("/about");
    expect(response.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(response.headers["cache-control"]).not.toBe("no-store");
  });
});
