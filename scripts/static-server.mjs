// A tiny static file server for the site: serves a folder on 127.0.0.1 with the right
// content types (.wasm as application/wasm), compressed as static hosts serve it (brotli
// when the browser accepts it, else gzip; Content-Encoding and Vary: Accept-Encoding), so
// that what the tests and the benchmark load weighs what a visitor downloads. Used by the
// e2e tests, the browser benchmark and `make serve` (scripts/serve.mjs).

import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
};

/**
 * Types worth compressing (PNG already is). The digits (.bin, 116,816 bytes) shrink to
 * 45,522 with gzip level 6 and 46,638 with brotli quality 5 (40,870 at quality 11).
 */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".webmanifest", ".svg", ".ts", ".bin"]);

/**
 * Brotli at quality 5 and gzip at level 6, as hosts that compress on the fly do: the wasm
 * takes ~0.1 s once per test process (quality 9 is 1 % smaller and twice as slow; quality
 * 11, for files compressed once at deploy, 10 % smaller and 5 s).
 */
const ENCODERS = {
  br: (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (bytes) => gzipSync(bytes, { level: 6 }),
};

/**
 * Compressed bodies, by encoding, path, modification time and size: compressing the wasm
 * takes tens of ms, once per build for the whole process (all servers of a test run share it).
 */
const compressed = new Map();

/** The encoding to answer `accept` (an Accept-Encoding header) with: "br", "gzip" or null. */
function chooseEncoding(accept = "") {
  const offered = accept.split(",").map((part) => part.trim().split(";")[0]);
  return ["br", "gzip"].find((encoding) => offered.includes(encoding)) ?? null;
}

/** The body of `file` (whose stat is `info`) in `encoding`, from the cache when it is fresh. */
async function encodedBody(file, info, encoding) {
  const key = `${encoding} ${file}`;
  const stamp = `${info.mtimeMs} ${info.size}`;
  const hit = compressed.get(key);
  if (hit?.stamp === stamp) return hit.body;
  const body = ENCODERS[encoding](await readFile(file));
  compressed.set(key, { stamp, body });
  return body;
}

/**
 * Serves `root` on 127.0.0.1:`port` (0: a free port); resolves to {url, close}. With `tls`
 * ({key, cert}, PEM), over HTTPS with HTTP/2, as static hosts serve (one connection carries
 * every request; HTTP/1.1 lets a browser open 6 per host and queues the rest).
 */
export async function startServer(root, port = 0, { tls } = {}) {
  const handler = async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw new Error("outside the root");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const info = await stat(file);
      const type = extname(file);
      const headers = { "content-type": TYPES[type] ?? "application/octet-stream", "cache-control": "no-store" };
      let body;
      if (COMPRESSIBLE.has(type)) {
        headers.vary = "Accept-Encoding";
        const encoding = chooseEncoding(request.headers["accept-encoding"]);
        if (encoding) headers["content-encoding"] = encoding;
        body = encoding ? await encodedBody(file, info, encoding) : await readFile(file);
      } else {
        body = await readFile(file);
      }
      headers["content-length"] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("not found");
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer(handler);
  const sockets = new Set();
  server.on(tls ? "secureConnection" : "connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
}
