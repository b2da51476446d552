// `make serve` (after building) or `npm run serve [-- PORT [FOLDER]]`: serve the built site
// (default: the repository root on port 8000; `make build` first), compressed as static
// hosts serve it (scripts/static-server.mjs).

import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./static-server.mjs";

const port = Number(process.argv[2] ?? 8000);
const root = resolve(process.argv[3] ?? fileURLToPath(new URL("..", import.meta.url)));
const { url } = await startServer(root, port);
console.log(`InitLab: ${url}/   (serving ${root}; Ctrl-C to stop)`);
