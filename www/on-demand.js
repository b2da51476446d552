// Loading on demand: the page's first load carries only what the default explorer needs;
// a feature's code (and its stylesheet) is fetched the first time it is used. The service
// worker caches these files too (scripts/build-sw.mjs), so they load offline as well.

/**
 * `importer` run on the first call, and every call returns the same promise; after a
 * failure (offline before the files were cached) the next call tries again.
 */
export function once(importer) {
  let loading = null;
  return () =>
    (loading ??= importer().catch((error) => {
      loading = null;
      throw error;
    }));
}

/** Adds the stylesheet www/`name` to the page (once); resolves when it applies. */
export function loadStylesheet(name) {
  const href = new URL(`./${name}`, import.meta.url).href;
  const present = [...document.querySelectorAll('link[rel="stylesheet"]')].find((link) => link.href === href);
  if (present) return Promise.resolve();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  const loaded = new Promise((resolve) => {
    // A failed stylesheet costs only its looks, never the feature.
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  document.head.append(link);
  return loaded;
}

/**
 * Runs `task` once the page is idle, after the frame being built is painted: for work the
 * first frame does not show (a chart below the fold). At most `wait` ms later, busy or not.
 */
export function whenIdle(task, wait = 500) {
  if (window.requestIdleCallback) requestIdleCallback(() => task(), { timeout: wait });
  else setTimeout(task, 0);
}
