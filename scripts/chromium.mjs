// Debian's Chromium, headless, through playwright-core, with the flags this sandbox-less
// machine needs (see SETUP.md). Shared by the e2e tests and the browser benchmark.

import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** `extraArgs`: more command-line switches (the phone benchmark's self-signed HTTPS). */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...extraArgs,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
