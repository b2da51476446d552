// End-to-end: the phone's one screen (issue #9). On a phone the distribution and the σ
// slider sit in the activation view, sticky below the transport bar, so that after opening
// a lesson the slider and the chart are on one screen; dragging σ with a finger changes
// the histograms (z_std) without scrolling the page; sliders are at least 44 px tall and
// pinch-zoom stays allowed. On a wide screen the same controls are back in the settings.
// In every language at 390×844 no label, button, heading or menu of the settings (A's and
// B's) and of a lesson's panel is cut off, and the page does not scroll sideways; the sticky
// transport bar keeps its buttons on one row and takes at most a quarter of the screen.
// Run by `make test`, or alone with `node --test tests/e2e/phone.test.mjs`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { screenshot, scrollSettled, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const { withPage } = env;

const PHONES = [
  ["390x844", { width: 390, height: 844 }],
  ["360x640", { width: 360, height: 640 }],
];
const TOUCH = { hasTouch: true, isMobile: true };

/** The box of `selector` in viewport coordinates, and whether all of it is on screen. */
function onScreen(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel).getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    return { top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: box.height, inside, screen: innerHeight };
  }, selector);
}

/** A one-finger drag from (x0, y) to (x1, y + wobble) in small moves, as a thumb does it. */
async function drag(page, x0, x1, y, wobble) {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x, yy) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y: yy }] });
  await touch("touchStart", x0, y);
  const moves = 12;
  for (let k = 1; k <= moves; k++) {
    await touch("touchMove", x0 + ((x1 - x0) * k) / moves, y + (wobble * k) / moves);
  }
  await touch("touchEnd");
}

for (const [name, viewport] of PHONES) {
  test(`${name}: after a lesson's Run it, the σ slider and the activation chart share the screen`, async () => {
    await withPage("?lesson=too-large&predict=0", async ({ page }) => {
      await page.click("#lesson-run");
      await scrollSettled(page);
      const slider = await onScreen(page, "#c-sigma");
      assert.ok(slider.inside, `slider ${JSON.stringify(slider)}`);
      assert.ok(await page.locator("#core-quick #c-sigma").count(), "σ sits in the activation view");
      assert.ok(await page.locator("#core-quick #c-init").isVisible(), "the distribution too");
      const chart = await onScreen(page, "#chart-activation");
      // The chart starts below the slider, on screen, with at least a layer's panel of it visible.
      assert.ok(chart.top >= slider.bottom - 1, `chart ${JSON.stringify(chart)}`);
      assert.ok(chart.screen - chart.top > 150, `chart ${JSON.stringify(chart)}`);
      await screenshot(page, `phone-lesson-${name}`, { fullPage: false });
      // Scrolling on through the histograms keeps the slider in sight (sticky).
      await page.evaluate(() => window.scrollBy(0, 400));
      await page.waitForTimeout(100);
      assert.ok((await onScreen(page, "#c-sigma")).inside, "the slider stays while the view is on screen");
      await screenshot(page, `phone-sticky-${name}`, { fullPage: false });
    }, viewport, TOUCH);
  });

  test(`${name}: dragging σ with a finger changes z_std and does not scroll the page`, async () => {
    await withPage("?act=tanh&layers=16,16&init=normal&scale=manual&sigma=0.1", async ({ page }) => {
      await page.locator("#chart-activation").scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => window.initlab.snapshot().layers[0].z_std);
      const box = await page.locator("#c-sigma").boundingBox();
      assert.ok(box.height >= 44, `slider height ${box.height}`);
      const scrolled = await page.evaluate(() => scrollY);
      const chartTop = (await onScreen(page, "#chart-activation")).top;
      // From near the left end to near the right end, with the vertical wobble of a real thumb.
      await drag(page, box.x + box.width * 0.15, box.x + box.width * 0.9, box.y + box.height / 2, 18);
      const after = await page.evaluate(() => window.initlab.snapshot().layers[0].z_std);
      const sigma = (await page.evaluate(() => window.initlab.config())).sigma;
      assert.ok(sigma > 0.1, `σ grew: ${sigma}`);
      // z_std of the first layer grows in proportion to σ (2 standardised inputs, fixed data).
      assert.ok(after > before * 2, `z_std ${before} → ${after}`);
      assert.equal(await page.evaluate(() => scrollY), scrolled, "the page did not scroll");
      assert.equal((await onScreen(page, "#chart-activation")).top, chartTop, "the histograms did not move");
    }, viewport, TOUCH);
  });
}

test("every slider is at least 44 px tall on a phone, and pinch-zoom is allowed", async () => {
  await withPage("", async ({ page }) => {
    await page.click("#settings-toggle");
    const heights = await page.evaluate(() =>
      [...document.querySelectorAll('input[type="range"]')]
        .filter((el) => el.offsetParent !== null)
        .map((el) => [el.id, el.getBoundingClientRect().height]),
    );
    assert.ok(heights.length >= 5, JSON.stringify(heights));
    for (const [id, height] of heights) assert.ok(height >= 44, `${id}: ${height}px`);
    const viewportMeta = await page.locator('meta[name="viewport"]').getAttribute("content");
    assert.doesNotMatch(viewportMeta, /user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/);
  }, { width: 390, height: 844 }, TOUCH);
});

test("on a wide screen σ and the distribution are back in the settings panel", async () => {
  await withPage("?init=normal&scale=manual", async ({ page }) => {
    assert.equal(await page.locator("#settings-body #c-sigma").count(), 1);
    assert.equal(await page.locator("#settings-body #c-init").count(), 1);
    assert.equal(await page.locator("#core-quick").isHidden(), true);
    // Resizing to a phone moves them, and back.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.querySelector("#core-quick #c-sigma") !== null);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.querySelector("#settings-body #c-sigma") !== null);
    // Each field is back where the key table puts it: the distribution, its constant and
    // jitter (the noise that breaks a constant's symmetry), then the scale rule.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll("#settings-body .field[data-key]")].map((f) => f.dataset.key).slice(0, 5),
    );
    assert.deepEqual(order, ["preset", "init", "const", "jitter", "scale"]);
  });
});

/**
 * In the page: every shown piece of text under `selector` that is cut off, as
 * "element: why «text»". Text is cut when its box clips it (overflow other than visible and
 * scrollWidth > clientWidth), when it runs outside the box it is laid out in, when its box
 * or its text reaches past the screen's edges, or when a menu's choice is wider than the
 * menu and does not end in "…". A box that scrolls sideways (the layer table's) is exempt:
 * what it hides is a swipe away.
 */
function cutTexts(selector) {
  const screenWidth = document.documentElement.clientWidth;
  const scrollsSideways = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth;
  const layoutBox = (el) => {
    while (["inline", "contents"].includes(getComputedStyle(el).display)) el = el.parentElement;
    return el.getBoundingClientRect();
  };
  /** A menu's choice wider than the menu: a copy of the menu sized to its choice. */
  const choiceTooWide = (menu) => {
    const copy = menu.cloneNode(false);
    copy.append(new Option(menu.selectedOptions[0]?.textContent ?? ""));
    Object.assign(copy.style, { width: "auto", minWidth: "0", position: "absolute", visibility: "hidden" });
    menu.after(copy);
    const wider = copy.offsetWidth > menu.offsetWidth + 1;
    copy.remove();
    return wider && getComputedStyle(menu).textOverflow !== "ellipsis";
  };
  const cut = [];
  let checked = 0;
  for (const el of document.querySelectorAll(`:is(${selector}) *`)) {
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest(".visually-hidden")) continue;
    let at = el.parentElement;
    while (at && !scrollsSideways(at)) at = at.parentElement;
    if (at) continue;
    const texts = [...el.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    const isMenu = el.tagName === "SELECT";
    if (!texts.length && !isMenu && el.tagName !== "BUTTON") continue;
    checked += 1;
    const key = el.closest("[data-key]")?.dataset.key;
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${key ? ` [${key}]` : ""}`;
    const words = (isMenu ? el.selectedOptions[0]?.textContent : el.textContent)?.trim();
    const report = (why) => cut.push(`${name}: ${why} «${words}»`);
    const box = el.getBoundingClientRect();
    if (box.left < -0.5 || box.right > screenWidth + 0.5) report(`box ${box.left}..${box.right} leaves the screen`);
    if (getComputedStyle(el).overflowX !== "visible" && !isMenu && el.scrollWidth > el.clientWidth + 1)
      report(`clipped: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    if (isMenu && choiceTooWide(el)) report("choice wider than the menu, cut without an ellipsis");
    const outer = layoutBox(el);
    for (const node of texts) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.left < Math.max(outer.left, 0) - 1 || line.right > Math.min(outer.right, screenWidth) + 1)
          report(`text ${line.left}..${line.right} outside its box ${outer.left}..${outer.right}`);
      }
    }
  }
  return { cut: [...new Set(cut)], checked, pageWidth: document.scrollingElement.scrollWidth };
}

/** What each language is checked on: Settings A, Settings B, and three lessons' panels. */
const CUT_CHECKS = [
  ["Settings A", "", "#settings-body, #core-quick, .transport"],
  ["Settings B", "?vs=act%3Dtanh", "#b-settings, .compare, #core-quick"],
  ["edge-of-chaos, its question", "?lesson=edge-of-chaos", "#lesson-stage, #core-quick"],
  ["orthogonal-depth", "?lesson=orthogonal-depth&predict=0", "#lesson-stage, #lesson-tasks, #core-quick"],
  ["digits-scale", "?lesson=digits-scale&predict=0", "#lesson-stage, #lesson-tasks, #core-quick"],
];

for (const lang of ["en", "zh", "ru", "hi"]) {
  test(`${lang}, 390×844: no label, button, heading or menu in the settings and the lesson is cut off`, async () => {
    for (const [what, query, selector] of CUT_CHECKS) {
      const url = `${query}${query ? "&" : "?"}lang=${lang}`;
      await withPage(url, async ({ page }) => {
        if (!query.includes("lesson=")) await page.click("#settings-toggle");
        const { cut, checked, pageWidth } = await page.evaluate(cutTexts, `${selector}, #settings-body`);
        assert.ok(checked >= 10, `${what} (${url}): only ${checked} texts on screen to check`);
        assert.deepEqual(cut, [], `${what} (${url})`);
        assert.ok(pageWidth <= 390, `${what} (${url}): the page scrolls sideways, ${pageWidth} px wide`);
      }, { width: 390, height: 844 }, TOUCH);
    }
  });
}

test("390×844, every language, with and without B: the sticky transport bar's five buttons are one row, it takes at most a quarter of the screen, and B's numbers stand under A's", async () => {
  for (const lang of ["en", "zh", "ru", "hi"]) {
    for (const query of [`?lang=${lang}`, `?lang=${lang}&vs=act%3Dtanh`]) {
      await withPage(query, async ({ page }) => {
        await page.evaluate(() => window.scrollTo(0, 2000));
        const bar = await page.evaluate(() => {
          const transport = document.querySelector(".transport");
          const buttons = [...transport.querySelectorAll(".buttons button")].filter((b) => b.checkVisibility());
          return {
            sticky: getComputedStyle(transport).position,
            top: transport.getBoundingClientRect().top,
            height: transport.getBoundingClientRect().height,
            rows: new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size,
            buttons: buttons.length,
          };
        });
        assert.equal(bar.sticky, "sticky", query);
        assert.equal(bar.top, 0, `${query}: the bar stays at the top`);
        assert.equal(bar.buttons, 5, `${query}: Play, Step, Step ×10, Reset, Share`);
        assert.equal(bar.rows, 1, `${query}: the buttons take ${bar.rows} rows`);
        assert.ok(bar.height <= 844 / 4, `${query}: the bar is ${bar.height} px of the screen's 844`);
        if (query.includes("vs=")) {
          // B's numbers stand under A's: loss under loss, accuracy under accuracy.
          const lefts = await page.evaluate(() =>
            ["loss", "test-loss", "accuracy", "test-accuracy"].map((id) => [
              document.getElementById(id).getBoundingClientRect().left,
              document.getElementById(`b-${id}`).getBoundingClientRect().left,
            ]),
          );
          for (const [a, b] of lefts) assert.ok(Math.abs(a - b) < 1, `${query}: B's number at ${b} px, A's at ${a}`);
        }
      }, { width: 390, height: 844 }, TOUCH);
    }
  }
});
