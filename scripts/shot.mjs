// Scratch: screenshots of a query at 1280×800 and 390×844 (not part of the tests).
import { launchBrowser } from "./chromium.mjs";
import { startServer } from "./static-server.mjs";
const [query = "?", name = "shot", action = ""] = process.argv.slice(2);
const server = await startServer(process.cwd());
const browser = await launchBrowser();
for (const [w, h] of [[1280, 800], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/${query}`);
  await page.evaluate(() => window.initlab.ready);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/shots/${name}-${w}.png` });
  if (action === "run") {
    await page.click("#lesson-run");
    await page.waitForFunction(() => !document.getElementById("play").getAttribute("aria-pressed").includes("true"), null, { timeout: 60000 });
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shots/${name}-run-${w}.png` });
  }
  console.log(w, JSON.stringify(await page.evaluate(() => window.initlab.lesson())), errors);
}
await browser.close();
server.close();
