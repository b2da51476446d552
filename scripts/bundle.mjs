// `node scripts/bundle.mjs DIST`: bundles the page's scripts in DIST (`make dist`, after the
// source's www/ was copied there). esbuild follows www/main.js's imports and writes, into
// DIST/www/, main.js with the code of its static imports, each `import()`ed module as its own
// file under its source's name (fetched when first used, as in the source), and the code
// shared between them as shared chunks: the first-load modules in one or two (importFirst,
// below). The bundled sources are removed from DIST/www/, DIST/index.html's modulepreload
// links are rewritten to name main.js's static chunks instead of the source's modules, and
// its stylesheets are bundled into one (bundleStyles).
//
// Why: a warm visit on a phone (issue #18) fetched the source's 25 first-load modules and 6
// stylesheets one by one through the service worker, each request a few tasks of the main
// thread at 4× CPU; bundled, they are 3 scripts and 1 stylesheet. The source tree stays one
// file per module (`make serve`: edit and reload).
//
// What stays apart: the engine's glue (../pkg/initlab.js, which finds its wasm next to
// itself) and the workers (new Worker(new URL("./x.js", import.meta.url)), which esbuild does
// not follow): they are minified file by file by scripts/minify.mjs like the stylesheets.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";
import { staticImports } from "./first-load.mjs";

const ENTRY = "www/main.js";
/** Imported by path, not bundled: the glue finds its wasm by its own URL (import.meta.url). */
const GLUE = "../pkg/initlab.js";

/** A path of esbuild's metafile (relative to the working directory) as a path under `root`. */
const under = (root, path) => relative(root, resolve(path)).split(sep).join("/");

/** esbuild's options for bundling `entryPoints` (paths) of the site at `root` into its www/. */
function options(root, entryPoints, plugins = []) {
  return {
    entryPoints,
    plugins,
    bundle: true,
    splitting: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    charset: "utf8", // the translations' characters as themselves, not \uXXXX (larger)
    external: [GLUE],
    outbase: join(root, "www"),
    outdir: join(root, "www"),
    // Each entry keeps its source's name (www/compare.js, www/i18n/ru.js); shared chunks are
    // named by their content.
    entryNames: "[dir]/[name]",
    chunkNames: "chunk-[hash]",
    metafile: true,
    write: false,
    logLevel: "warning",
  };
}

/**
 * Bundles `root`/www/main.js into `root`/www/; returns {inputs, outputs, firstLoad} (paths
 * under root). Every module the page `import()`s is an entry point too, so that it keeps its
 * source's name: what is fetched on demand is named as in the source (tests and README).
 */
export async function bundle(root) {
  const entry = resolve(root, ENTRY);
  // esbuild makes each import()ed module a chunk of its own: the first pass finds them.
  const found = await build(options(root, [entry]));
  const onDemand = Object.values(found.metafile.outputs).flatMap((output) => output.entryPoint ?? []);
  // main.js's static imports, as absolute paths, in main.js's order.
  const mainImports = staticImports(readFileSync(entry, "utf8")).map((specifier) => resolve(dirname(entry), specifier));
  const firstLoad = staticInputs(found.metafile.inputs, under(".", entry));
  const late = onDemand.map((path) => resolve(path)).filter((path) => !firstLoad.has(under(".", path)));
  const entries = [...new Set([entry, ...onDemand.map((path) => resolve(path))])];
  const result = await build(options(root, entries, [importFirst(mainImports, late)]));
  const inputs = Object.keys(result.metafile.inputs).map((path) => under(root, path));
  // The bundled sources go first: the entries' outputs carry their sources' names.
  for (const input of inputs) rmSync(join(root, input));
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.contents);
  }
  const outputs = result.metafile.outputs;
  const main = Object.keys(outputs).find((path) => under(root, path) === ENTRY);
  return {
    inputs,
    outputs: Object.keys(outputs).map((path) => under(root, path)),
    firstLoad: staticClosure(outputs, main).map((path) => under(root, path)),
  };
}

/** The inputs (metafile paths) `entry` reaches by static imports, itself included. */
function staticInputs(inputs, entry) {
  const seen = new Set([entry]);
  for (const path of seen) {
    for (const { path: next, kind } of inputs[path]?.imports ?? []) if (kind === "import-statement") seen.add(next);
  }
  return seen;
}

/**
 * An esbuild plugin that makes each module of `files` (absolute paths) import `modules`
 * (absolute paths: main.js's static imports) before its own imports. Then every first-load
 * module is reached by every entry, and esbuild puts them in one shared chunk rather than one
 * per set of entries that use them (8 files at first load, some of 100 bytes). Only for the
 * on-demand modules that main.js's static imports do not reach: they run after main.js, whose
 * modules are then evaluated already, so the imports change what is in which file, never
 * what runs when.
 */
function importFirst(modules, files) {
  const wanted = new Set(files);
  return {
    name: "import-first-load-first",
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!wanted.has(args.path)) return undefined;
        const from = dirname(args.path);
        const imports = modules.map((module) => `import ${JSON.stringify(`./${relative(from, module).split(sep).join("/")}`.replace(/^\.\/\.\.\//, "../"))};\n`);
        return { contents: imports.join("") + readFileSync(args.path, "utf8"), loader: "js", resolveDir: from };
      });
    },
  };
}

/** `entry` and the outputs it imports statically, transitively (what its first run fetches). */
function staticClosure(outputs, entry) {
  const seen = [entry];
  for (let i = 0; i < seen.length; i++) {
    for (const { path, kind } of outputs[seen[i]].imports) {
      if (kind === "import-statement" && !seen.includes(path) && outputs[path]) seen.push(path);
    }
  }
  return seen;
}

/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this line has all its
 * functions compiled as it streams in, on a background thread, instead of each on the main
 * thread at its first call. Only on the first-load scripts, whose code runs at start: in a
 * traced warm visit the main thread's JS compile fell from 13 to 1 ms of CPU without the 4×
 * throttle (~50 ms at 4×), and V8's code cache written during the visit grew by 2 ms.
 * Browsers without it read a comment. scripts/minify.mjs keeps the line.
 */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** Puts COMPILE_HINT at the top of each of `files` (paths under `root`). */
function hintCompile(root, files) {
  for (const file of files) {
    const path = join(root, file);
    const source = readFileSync(path, "utf8");
    if (!source.startsWith(COMPILE_HINT)) writeFileSync(path, `${COMPILE_HINT}\n${source}`);
  }
}

/** The first-load stylesheet of dist/: the source's stylesheets of index.html, in their order. */
export const STYLESHEET = "www/first-load.css";

/**
 * Bundles the stylesheets `sheets` (paths under `root`, in the cascade's order) into
 * `root`/STYLESHEET with esbuild, and removes them: one request instead of one per sheet.
 */
export async function bundleStyles(root, sheets) {
  const result = await build({
    stdin: { contents: sheets.map((sheet) => `@import "./${sheet}";`).join("\n"), resolveDir: root, loader: "css" },
    bundle: true,
    minify: true,
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  });
  for (const sheet of sheets) rmSync(join(root, sheet));
  writeFileSync(join(root, STYLESHEET), result.outputFiles[0].contents);
}

/** The www/ files `html`'s links of `rel` name, in their order. */
export const linked = (html, rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="(www/[^"]+)">`, "g"))].map((match) => match[1]);

/**
 * `html` with its links of `rel` to www/ files replaced by one per file of `files`, where the
 * first of the old links stood (other links, such as the glue's modulepreload, stay).
 */
export function relinked(html, rel, files) {
  const old = new RegExp(`^[ \\t]*<link rel="${rel}" href="www/[^"]+">\\n`, "gm");
  const first = html.search(old);
  if (first < 0) throw new Error(`index.html has no ${rel} link of www/ to replace`);
  const indent = /^[ \t]*/.exec(html.slice(first))[0];
  const links = files.map((file) => `${indent}<link rel="${rel}" href="${file}">\n`).join("");
  const rest = html.replace(old, "");
  return rest.slice(0, first) + links + rest.slice(first);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = process.argv[2];
  if (!root) {
    console.error("usage: node scripts/bundle.mjs <dist>");
    process.exit(1);
  }
  const index = join(root, "index.html");
  let html = readFileSync(index, "utf8");
  const { inputs, outputs, firstLoad } = await bundle(root);
  // main.js's static chunks, which the browser would otherwise find one level at a time.
  const chunks = firstLoad.filter((file) => file !== ENTRY);
  html = relinked(html, "modulepreload", chunks);
  // The glue (www/main.js imports it by this path) is run at start as well.
  hintCompile(root, [...firstLoad, join("www", GLUE)]);
  const sheets = linked(html, "stylesheet");
  await bundleStyles(root, sheets);
  html = relinked(html, "stylesheet", [STYLESHEET]);
  writeFileSync(index, html);
  console.log(
    `bundled ${inputs.length} modules into ${outputs.length} files (the first load runs ${ENTRY} and ` +
      `${chunks.length} shared chunks, preloaded by index.html), and ${sheets.length} stylesheets into ${STYLESHEET}`,
  );
}
