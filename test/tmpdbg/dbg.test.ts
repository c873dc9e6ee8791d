import { it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createServices } from "../../src/services.js";
import { buildApp } from "../../src/web/app.js";

it("timing", async () => {
  const services = await createServices(
    loadConfig({
      DATABASE_URL: "sqlite:/tmp/tmp.nuRI51jsWB/b.db",
      SECRET_KEY: "bench-secret-key-that-is-long-enough-0123456789",
      LOG_LEVEL: "silent",
    }),
  );
  const app = await buildApp(services);
  for (const headers of [
    { "accept-encoding": "br" },
    {},
    { cookie: "a=1" },
    { cookie: "a=1", "accept-encoding": "br" },
  ]) {
    await app.inject({ url: "/papers", headers });
    const t = performance.now();
    let size = 0;
    for (let i = 0; i < 50; i++) size = (await app.inject({ url: "/papers", headers })).rawPayload.length;
    console.log(JSON.stringify(headers), ((performance.now() - t) / 50).toFixed(2), "ms", size);
  }
  await app.close();
  await services.close();
}, 120000);
