// End-to-end: accessibility (issue #9). axe-core (pinned in package.json) finds no serious
// or critical violation on the explorer, on every lesson, in the embed mode, in each language, at a desktop and a phone size,
// in light and dark colour schemes; every control is reachable by keyboard with a visible
// focus ring; prefers-reduced-motion stops the smooth scroll.
// Run by `make test`, or alone with `node --test tests/e2e/a11y.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * The serious and critical axe violations of the page as it is now, one line each. axe is
 * evaluated through the debugging protocol, which the page's Content-Security-Policy does
 * not govern (a <script> tag would be refused, as it should be).
 */
export async function seriousViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

const LESSON_IDS = ["zero-tanh", "constant", "saddle", "xor-restarts", "truncated", "xavier"];

for (const colorScheme of ["light", "dark"]) {
  for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]]) {
    test(`axe: the explorer, ${size}, ${colorScheme}: no serious or critical violation`, async () => {
      await withPage("?vs=init%3Dzeros", async ({ page }) => {
        await page.evaluate(() => window.initlab.step(20));
        assert.deepEqual(await seriousViolations(page), []);
      }, viewport, { colorScheme });
    });
  }
}

test("axe: the embed mode (640×480 and 360×640, explorer and lesson) has no serious or critical violation", async () => {
  for (const viewport of [{ width: 640, height: 480 }, { width: 360, height: 640 }]) {
    for (const query of ["?embed=1", "?embed=1&lesson=zero-tanh"]) {
      await withPage(query, async ({ page }) => {
        assert.deepEqual(await seriousViolations(page), [], `${query} at ${viewport.width}`);
      }, viewport);
    }
  }
});

test("axe: each language's page (explorer and a lesson) has no serious or critical violation", async () => {
  for (const lang of ["zh", "ru", "hi"]) {
    for (const query of [`?lang=${lang}`, `?lang=${lang}&lesson=xavier`]) {
      await withPage(query, async ({ page }) => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await seriousViolations(page), [], query);
      });
    }
  }
});

test("axe: every lesson's page has no serious or critical violation", async () => {
  const ids = await (async () => {
    let list = [];
    await withPage("", async ({ page }) => {
      list = (await page.evaluate(() => window.initlab.lessons())).map(({ id }) => id);
    });
    return list;
  })();
  assert.ok(ids.length >= LESSON_IDS.length);
  for (const id of ids) {
    await withPage(`?lesson=${id}`, async ({ page }) => {
      assert.deepEqual(await seriousViolations(page), [], id);
    });
  }
});

test("every control is reachable with Tab, and the focused one shows a visible ring", async () => {
  await withPage("", async ({ page }) => {
    const reachable = new Set();
    for (let k = 0; k < 200; k++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
        return { id: el.id, ring, shadow: style.boxShadow !== "none" };
      });
      if (!focused) continue;
      assert.ok(focused.ring || focused.shadow, `#${focused.id} has no visible focus`);
      if (focused.id) reachable.add(focused.id);
    }
    for (const id of ["play", "step", "reset", "lesson-start-go", "lesson-start-menu", "export-png", "restarts-run"]) {
      assert.ok(reachable.has(id), `#${id} is not reachable by keyboard`);
    }
  });
});

test("prefers-reduced-motion: Run it jumps to the view instead of scrolling smoothly", async () => {
  await withPage("?lesson=he-relu&predict=0", async ({ page }) => {
    await page.click("#lesson-run");
    // With reduced motion the jump is immediate: the view is in place in the same task.
    const top = await page.evaluate(() => document.querySelector(".lesson-focus").getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 300, `view top ${top}`);
  }, undefined, { reducedMotion: "reduce" });
});

test("the live summary says the loss, each layer and the verdict, at most once a second", async () => {
  await withPage("?lesson=zero-sigmoid", async ({ page }) => {
    await page.evaluate(() => {
      window.__spoken = [];
      const region = document.getElementById("live-summary");
      new MutationObserver(() => window.__spoken.push([performance.now(), region.textContent])).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    assert.equal(await page.locator("#live-summary").getAttribute("aria-live"), "polite");
    // Predict first: the summary says the verdict once the question is answered ("Show me").
    await page.evaluate(() => window.initlab.answer(null));
    await page.evaluate(() => window.initlab.play());
    // Three announcements while training: two gaps to check.
    await page.waitForFunction(() => window.__spoken.length >= 3, null, { timeout: 10_000 });
    const pausedAt = await page.evaluate(() => {
      window.initlab.pause();
      return window.initlab.snapshot().step;
    });
    // The last state is said within a second of the last change.
    await page.waitForFunction(
      (step) => window.__spoken.at(-1)[1].startsWith(`Step ${step}:`),
      pausedAt,
      { timeout: 1200 },
    );
    const spoken = await page.evaluate(() => window.__spoken);
    assert.ok(spoken.length >= 2, `${spoken.length} announcements`);
    for (let k = 1; k < spoken.length; k++) {
      const gap = spoken[k][0] - spoken[k - 1][0];
      assert.ok(gap >= 990, `announcements ${gap.toFixed(0)} ms apart`);
    }
    const s = await page.evaluate(() => window.initlab.snapshot());
    const lesson = await page.evaluate(() => window.initlab.lesson());
    const said = spoken.at(-1)[1];
    assert.match(said, new RegExp(`^Step ${s.step}: training loss ${s.loss.toFixed(3)}`));
    const distinct = s.layers[0].distinct_units;
    const units = `${distinct} distinct ${distinct === 1 ? "unit" : "units"} of ${s.layers[0].size}`;
    assert.ok(said.includes(units), said);
    assert.ok(said.endsWith(`Verdict: ${lesson.verdict.text}`), said);
  });
});
