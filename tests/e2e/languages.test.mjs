// The page in four languages (issue #9): every table complete and translated with the same
// placeholders (the chart labels by the engine itself, below), each language's page
// loads cleanly with <html lang> following, the header's picker switches live keeping the
// run, the browser's language is used without ?lang=, an unknown lang falls back to English
// with a notice, engine errors are worded per language, and screenshots of each language.

import assert from "node:assert/strict";
import { test } from "node:test";
import { LANGUAGES, STRINGS } from "../../www/strings.js";
import { COMMON_VERDICTS, LESSONS } from "../../www/lessons-text.js";
import { templateNames } from "../../www/message-format.js";
import { canvasHash, screenshot, textOf, useServerAndBrowser } from "./helpers.mjs";

const env = useServerAndBrowser();
const OTHERS = LANGUAGES.map((l) => l.code).filter((code) => code !== "en");
const tables = Object.fromEntries(
  await Promise.all(OTHERS.map(async (code) => [code, await import(`../../www/i18n/${code}.js`)])),
);

/**
 * Strings that may equal English in a translation: symbols, formulas, names (σ, tanh, ReLU,
 * Glorot, He, Sigmoid as a name), and templates that are only a placeholder and a symbol.
 */
const SAME_ALLOWED = new Set([
  "heading", "noValue", "percent", "scaleLecun", "scaleGlorot", "scaleHe", "scaleHintLecun",
  "scaleHintGlorot", "scaleHintHe", "actSigmoid", "actTanh", "actRelu", "valueSigma",
  "valueBound", "valueBoundAbs", "valueLayers", "valuePlain", "valueSpan", "sideA", "sideB",
  "sideColumn", "colZStd", "vs.key", "fullStop",
]);

/** The names a template fills, `{name}` or `{name, plural, …}`: a translation may add plural forms, never names. */
const placeholders = (template) => templateNames(template).sort();

/** Checks one translated table against English: same keys, translated, same placeholders. */
function checkTable(code, what, english, translated) {
  assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `${code} ${what}: keys`);
  for (const [key, en] of Object.entries(english)) {
    const words = translated[key];
    assert.equal(typeof words, "string", `${code} ${what}.${key}`);
    assert.ok(words.trim().length > 0, `${code} ${what}.${key} is empty`);
    if (!SAME_ALLOWED.has(key)) assert.notEqual(words, en, `${code} ${what}.${key} is still English`);
    assert.deepEqual(placeholders(words), placeholders(en), `${code} ${what}.${key}: placeholders`);
  }
}

for (const code of OTHERS) {
  test(`${code}: every page string and lesson is translated with the English placeholders`, () => {
    checkTable(code, "strings", STRINGS.en, tables[code].strings);
    checkTable(code, "verdicts", COMMON_VERDICTS, tables[code].verdicts);
    assert.deepEqual(Object.keys(tables[code].lessons).sort(), Object.keys(LESSONS).sort());
    for (const [id, lesson] of Object.entries(LESSONS)) {
      const words = tables[code].lessons[id];
      checkTable(code, `${id}`, { title: lesson.title, text: lesson.text, look: lesson.look }, {
        title: words.title,
        text: words.text,
        look: words.look,
      });
      checkTable(code, `${id}.verdicts`, lesson.verdicts, words.verdicts);
    }
  });
}

test("every engine message id has a template in every language, with the engine's placeholders", async () => {
  await env.withPage("", async ({ page }) => {
    const messages = await page.evaluate(async () => (await import("/pkg/initlab.js")).errorMessages());
    assert.ok(messages.length >= 30, `${messages.length} messages`);
    const english = Object.fromEntries(messages);
    for (const code of OTHERS) checkTable(code, "errors", english, tables[code].errors);
  });
});

/** Chart labels that are symbols or formulas, the same in every language. */
const SAME_CHART_LABELS = new Set([
  "x1_axis", "x2_axis", "net_inputs_short", "net_sampled_short", "net_weight_text", "net_bias_text",
  // Typography, not words: languages may share a decimal sign or a line height.
  "decimal_sign", "line_height",
]);

test("every language's chart labels pass the engine's check and are translated; a broken table is refused", async () => {
  await env.withPage("", async ({ page }) => {
    const refusals = await page.evaluate(async (codes) => {
      const wasm = await import("/pkg/initlab.js");
      const attempt = (code, table) => {
        try {
          wasm.setChartLanguage(code, table);
          return null;
        } catch (error) {
          return String(error.message ?? error);
        }
      };
      const tables = await Promise.all(codes.map((code) => import(`/www/i18n/${code}.js`)));
      const { charts } = tables[0];
      return {
        real: codes.map((code, k) => attempt(code, tables[k].charts)),
        missing: attempt("x1", { ...charts, layer: undefined }),
        placeholder: attempt("x2", { ...charts, units: "units" }),
        english: attempt("en", undefined),
      };
    }, OTHERS);
    assert.deepEqual(refusals.real, OTHERS.map(() => null), "the engine accepts every table");
    assert.match(refusals.missing, /'x1'.*'layer' is missing/);
    assert.match(refusals.placeholder, /'x2'.*'units'.*placeholders/);
    assert.equal(refusals.english, null);
  });
  // Same keys everywhere; a label that no language changed would be English left in.
  const [first, ...rest] = OTHERS.map((code) => tables[code].charts);
  for (const table of rest) assert.deepEqual(Object.keys(table), Object.keys(first));
  for (const key of Object.keys(first)) {
    if (SAME_CHART_LABELS.has(key)) continue;
    const words = new Set(OTHERS.map((code) => tables[code].charts[key]));
    assert.equal(words.size, OTHERS.length, `chart label ${key} is the same in ${OTHERS.join(", ")}`);
  }
});

for (const { code } of LANGUAGES) {
  test(`?lang=${code} loads with no console errors, <html lang=${code}> and its words; screenshots`, async () => {
    const words = code === "en" ? STRINGS.en : tables[code].strings;
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      await env.withPage(`?lang=${code}&data=xor4&layers=3,3`, async ({ page }) => {
        assert.equal(await page.evaluate(() => document.documentElement.lang), code);
        assert.equal(await page.title(), words.title);
        assert.equal(await textOf(page, "play"), words.play);
        assert.equal(await page.locator("#language").inputValue(), code);
        assert.equal(await page.evaluate(() => window.initlab.language()), code);
        assert.ok((await page.evaluate(() => location.search)).includes(`lang=${code}`));
        await page.evaluate(() => window.initlab.step(40));
        await screenshot(page, `lang-${code}-${width}x${height}`);
      }, { width, height });
    }
  });
}

test("the picker switches the language live, keeping the settings, the step and the charts' state", async () => {
  await env.withPage("?sigma=0.5&act=relu&layers=4,4", async ({ page }) => {
    await page.evaluate(() => window.initlab.step(25));
    const before = await page.evaluate(() => ({ config: window.initlab.config(), loss: window.initlab.snapshot().loss }));
    const lossChart = await canvasHash(page, "chart-loss");
    await page.locator("#language").selectOption("ru");
    await page.waitForFunction(() => document.documentElement.lang === "ru");
    const after = await page.evaluate(() => ({ config: window.initlab.config(), snapshot: window.initlab.snapshot() }));
    assert.deepEqual(after.config, before.config);
    assert.equal(after.snapshot.step, 25);
    assert.equal(after.snapshot.loss, before.loss);
    assert.equal(await textOf(page, "play"), tables.ru.strings.play);
    assert.equal(await page.locator("#c-act option:checked").textContent(), "ReLU");
    assert.equal(await page.locator("#c-init option[value=truncnormal]").textContent(), tables.ru.strings.initTruncnormal);
    // The charts' words changed (same data, other labels), and the URL keeps the language.
    assert.notEqual((await canvasHash(page, "chart-loss")).hash, lossChart.hash);
    const search = await page.evaluate(() => location.search);
    assert.match(search, /sigma=0\.5/);
    assert.match(search, /lang=ru/);
    // Every later URL rewrite keeps it.
    await page.evaluate(() => window.initlab.configure({ lr: 0.05 }));
    assert.match(await page.evaluate(() => location.search), /lr=0\.05.*lang=ru|lang=ru.*lr=0\.05/);
    // Back to English: the same words as a fresh English page.
    await page.evaluate(() => window.initlab.setLanguage("en"));
    assert.equal(await textOf(page, "play"), STRINGS.en.play);
    assert.equal(await page.evaluate(() => window.initlab.snapshot().step), 25);
  });
});

test("a live switch relabels every marked element, B's controls and B's table columns included", async () => {
  await env.withPage("?vs=sigma%3D0.5", async ({ page }) => {
    await page.locator("#language").selectOption("hi");
    await page.waitForFunction(() => document.documentElement.lang === "hi");
    const marked = await page.evaluate(() =>
      [...document.querySelectorAll("[data-i18n]")].map((el) => [el.dataset.i18n, el.textContent]),
    );
    assert.ok(marked.length > 100, `${marked.length} marked elements`);
    for (const [key, shown] of marked) assert.equal(shown, tables.hi.strings[key], key);
    const bHead = await page.locator("#layers thead th.side-b-column").first().textContent();
    assert.equal(bHead, `B: ${tables.hi.strings.colUnits}`);
  });
});

test("without ?lang= the browser's language is used, and the URL does not gain one", async () => {
  await env.withPage("?sigma=0.5", async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh");
    assert.equal(await textOf(page, "play"), tables.zh.strings.play);
    assert.doesNotMatch(await page.evaluate(() => location.search), /lang=/);
  }, undefined, { locale: "zh-CN" });
});

test("an unknown lang falls back to English with a notice and keeps the other settings", async () => {
  await env.withPage("?lang=xx&sigma=0.5", async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.equal(await textOf(page, "play"), STRINGS.en.play);
    const notices = await page.locator("#notice-list li").allTextContents();
    assert.equal(notices.length, 1);
    assert.match(notices[0], /^lang: 'xx' is not a language InitLab has/);
    assert.equal(await page.evaluate(() => window.initlab.config().sigma), 0.5);
    assert.doesNotMatch(await page.evaluate(() => location.search), /lang=/);
    const refused = await page.evaluate(() => window.initlab.setLanguage("xx"));
    assert.equal(refused.ok, false);
    assert.match(refused.error, /'xx' is not a language/);
  });
});

test("engine errors and link notices are worded in the page's language", async () => {
  await env.withPage("?lang=zh&sigma=banana&layers=8,999", async ({ page }) => {
    const notices = await page.locator("#notice-list li").allTextContents();
    assert.deepEqual(notices, ["sigma: “banana”不是数字", "layers: 每个隐藏层需要 1 到 256 之间的整数个单元；“999”不符合"]);
    const outcome = await page.evaluate(() => window.initlab.configure({ lr: -1 }));
    assert.equal(outcome.ok, false);
    assert.match(outcome.error, /^lr: 必须是大于 0 且不超过 10，而不是 -1$/);
    const kept = tables.zh.strings.keptValue.replace("{key}", "lr").replace("{value}", "0.03");
    assert.equal(
      await page.locator('.field[data-key="lr"] .field-error').textContent(),
      `${outcome.error}${tables.zh.strings.fullStop} ${kept}`,
    );
  });
  // Nested: an error of B's key, in Russian, with a decimal comma in the number shown.
  await env.withPage("?lang=ru", async ({ page }) => {
    const outcome = await page.evaluate(() => window.initlab.compare({ sigma: 500 }));
    assert.equal(outcome.ok, false);
    assert.match(outcome.error, /^sigma: должно быть от 1e-9 до 100, а не 500$/);
  });
});

test("a refused restarts request is worded in the page's language, in the panel and the rejection", async () => {
  await env.withPage("?lang=zh", async ({ page }) => {
    const message = await page.evaluate(() => window.initlab.restarts({ runs: "many" }).then(() => null, (e) => e.message));
    const template = tables.zh.errors["restarts.number"].replace("{value}", "many");
    assert.equal(message, `runs: ${template}`);
    assert.equal(await textOf(page, "restarts-status"), message);
  });
});

test("refusals thrown by step and landscape are worded in the page's language too", async () => {
  await env.withPage("?lang=ru", async ({ page }) => {
    const refused = (call) => page.evaluate((c) => {
      try {
        window.initlab[c.name](c.arg);
        return null;
      } catch (error) {
        return error.message;
      }
    }, call);
    const step = await refused({ name: "step", arg: 2.5 });
    // Russian numbers take a decimal comma, in messages too.
    assert.equal(step, `step: ${tables.ru.errors["step.whole"].replace("{value}", "2,5")}`);
    assert.equal(await textOf(page, "config-error"), step);
    const landscape = await refused({ name: "landscape", arg: { n: 2 } });
    const template = tables.ru.errors["landscape.n"].replace("{min}", "3").replace("{max}", "101");
    assert.equal(landscape, `landscape: ${template.replace("{value}", "2")}`);
  });
});

test("a language switch rewords the restarts panel's status line and seed list", async () => {
  await env.withPage("?data=xor4&batch=4", async ({ page }) => {
    await page.evaluate(() => window.initlab.restarts({ runs: 3, steps: 50 }));
    const before = await textOf(page, "restarts-status");
    const seedBefore = await page.locator("#restarts-seeds button").first().textContent();
    assert.deepEqual(await page.evaluate(() => window.initlab.setLanguage("zh")), { ok: true });
    const after = await textOf(page, "restarts-status");
    assert.notEqual(after, before);
    assert.match(after, /[\u4e00-\u9fff]/, after);
    const seedAfter = await page.locator("#restarts-seeds button").first().textContent();
    assert.notEqual(seedAfter, seedBefore);
    assert.match(seedAfter, /[\u4e00-\u9fff]/, seedAfter);
  });
});
