// End-to-end: the built page in headless Chromium, driven through window.initlab.
// Run by `make test` (after `make build`), or alone with `node --test tests/e2e/*.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  ROOT,
  openPage,
  screenshot,
  startServer,
  textOf,
  useServerAndBrowser,
} from "./helpers.mjs";

const env = useServerAndBrowser();

test("the page loads its wasm as application/wasm with no console errors", async () => {
  const { page, errors, wasm, close } = await openPage(env.browser, `${env.server.url}/`);
  try {
    assert.equal(wasm.length, 1, "exactly one .wasm response");
    assert.equal(wasm[0].status(), 200);
    assert.equal(wasm[0].headers()["content-type"], "application/wasm");
    assert.equal(await textOf(page, "step-count"), "0");
    assert.match(await textOf(page, "loss"), /^\d+\.\d{4}$/, "a finite loss before training");
    assert.equal(await page.locator("#notices").isHidden(), true, "a clean URL raises no notice");
    await page.evaluate(() => window.initlab.step(100));
    await screenshot(page, "desktop-1280x800");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("training XOR for 200 steps changes the loss shown in the page", async () => {
  const { page, errors, close } = await openPage(
    env.browser,
    `${env.server.url}/?data=xor4&act=tanh&layers=4`,
  );
  try {
    const config = await page.evaluate(() => window.initlab.config());
    assert.equal(config.data, "xor4");
    assert.equal(config.act, "tanh");
    const before = await textOf(page, "loss");
    const snapshot = await page.evaluate(() => window.initlab.step(200));
    assert.equal(snapshot.step, 200);
    assert.equal(snapshot.diverged, false);
    assert.equal(await textOf(page, "step-count"), "200");
    const afterText = await textOf(page, "loss");
    assert.notEqual(afterText, before, `loss text still ${before} after 200 steps`);
    assert.equal(afterText, snapshot.loss.toFixed(4), "the page shows the snapshot's loss");
    assert.equal(snapshot.layers.length, 2, "one hidden layer, then the output layer");
    assert.equal(await page.locator("#layer-rows tr").count(), 2);

    // Reset reproduces the very same run.
    await page.evaluate(() => window.initlab.reset());
    assert.equal(await textOf(page, "step-count"), "0");
    assert.equal(await textOf(page, "loss"), before);
    const again = await page.evaluate(() => window.initlab.step(200));
    assert.deepEqual(again.history, snapshot.history, "same seed, same history");

    // Play runs on animation frames; pause stops it.
    await page.evaluate(() => window.initlab.play());
    await page.waitForFunction(() => window.initlab.snapshot().step >= 260);
    await page.evaluate(() => window.initlab.pause());
    const paused = await page.evaluate(() => window.initlab.snapshot().step);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.initlab.snapshot().step), paused);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("bad URL values show a notice naming each key, and the page still trains", async () => {
  const { page, errors, close } = await openPage(env.browser, `${env.server.url}/?act=banana&sigma=-1`);
  try {
    const notices = page.locator("#notices");
    assert.equal(await notices.isVisible(), true);
    const lines = await page.locator("#notice-list li").allTextContents();
    for (const key of ["act", "sigma"]) {
      assert.ok(lines.some((line) => line.startsWith(`${key}: `)), `no notice names ${key}: ${lines}`);
    }
    const config = await page.evaluate(() => window.initlab.config());
    assert.notEqual(config.act, "banana", "the bad value falls back to the default");
    const snapshot = await page.evaluate(() => window.initlab.step(10));
    assert.equal(snapshot.step, 10);
    assert.equal(await textOf(page, "step-count"), "10");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("nothing from the URL is inserted as HTML", async () => {
  const payload = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const { page, errors, close } = await openPage(env.browser, `${env.server.url}/?act=${payload}&${payload}=1`);
  try {
    assert.equal(await page.locator("#notices").isVisible(), true);
    assert.equal(await page.locator("img").count(), 0, "no element was created from the URL");
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("a bad configure() returns ok:false naming the key and changes nothing", async () => {
  const { page, errors, close } = await openPage(env.browser, `${env.server.url}/?data=xor4&act=tanh`);
  try {
    const result = await page.evaluate(() => {
      const { initlab } = window;
      const trained = initlab.step(20);
      const config = initlab.config();
      const url = location.href;
      const outcome = initlab.configure({ lr: -1 });
      return { trained, config, url, outcome, now: initlab.snapshot(), nowConfig: initlab.config(), nowUrl: location.href };
    });
    assert.equal(result.outcome.ok, false);
    assert.match(result.outcome.error, /\blr\b/, "the message names the key");
    assert.deepEqual(result.nowConfig, result.config, "the settings are unchanged");
    assert.equal(result.now.step, 20, "training state kept");
    assert.deepEqual(result.now.history, result.trained.history);
    assert.equal(result.nowUrl, result.url, "the URL is unchanged");

    // Non-objects and unknown keys are refused the same way, without throwing.
    for (const partial of [null, 42, "lr=0.1", [1, 2], { banana: 1 }]) {
      const outcome = await page.evaluate((p) => window.initlab.configure(p), partial);
      assert.equal(outcome.ok, false, `configure(${JSON.stringify(partial)})`);
      assert.equal(typeof outcome.error, "string");
    }

    // A good change to the learning rate applies, keeps training state and updates the URL.
    const good = await page.evaluate(() => {
      const outcome = window.initlab.configure({ lr: 0.05 });
      return { outcome, step: window.initlab.snapshot().step, search: location.search };
    });
    assert.deepEqual(good.outcome, { ok: true });
    assert.equal(good.step, 20, "changing only lr keeps the training state");
    assert.match(good.search, /[?&]lr=0\.05(&|$)/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("on a 390×844 phone the page has no horizontal scroll", async () => {
  const { page, errors, close } = await openPage(
    env.browser,
    `${env.server.url}/?data=xor4&act=tanh&layers=8,8&sigma=-1`,
    { width: 390, height: 844 },
    { deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  );
  try {
    await page.evaluate(() => window.initlab.step(200));
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    assert.ok(widths.scroll <= widths.inner, `scrollWidth ${widths.scroll} > innerWidth ${widths.inner}`);
    for (const id of ["play", "step", "step10", "reset"]) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, `#${id} is a 44 px touch target`);
      assert.ok(box.x >= 0 && box.x + box.width <= widths.inner, `#${id} is on screen`);
    }
    await screenshot(page, "phone-390x844");
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test("dist/ works on its own from a static host", { skip: !existsSync(join(ROOT, "dist", "index.html")) && "no dist/ (run `make dist`; `make test` does)" }, async () => {
  const dist = await startServer(join(ROOT, "dist"));
  try {
    const { page, errors, wasm, close } = await openPage(env.browser, `${dist.url}/?data=xor4`);
    try {
      assert.equal(wasm[0]?.headers()["content-type"], "application/wasm");
      const snapshot = await page.evaluate(() => window.initlab.step(20));
      assert.equal(snapshot.step, 20);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  } finally {
    await dist.close();
  }
});
