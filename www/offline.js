// Offline and installable: registers the service worker (sw.js at the site's root, made by
// `make build`), and says when a new version has taken over, since this page still runs
// the old one until it is reloaded. A failed registration (file://, a browser or host
// without service workers, an offline first visit) only costs the offline copy.

import { text } from "./strings.js";

/** Registers ../sw.js; never throws, never rejects. */
export async function registerOffline() {
  let container;
  try {
    container = navigator.serviceWorker; // a getter that throws in some private modes
  } catch {
    return;
  }
  if (!container || !window.isSecureContext) return;
  const wasControlled = Boolean(container.controller);
  container.addEventListener("controllerchange", () => {
    if (wasControlled) showUpdated();
  });
  try {
    await container.register(new URL("../sw.js", import.meta.url));
  } catch (error) {
    console.warn(`InitLab works online only here: ${error.message}`);
  }
}

/** The note "a new version is ready", with a button that reloads the page. */
function showUpdated() {
  const note = document.getElementById("update-note");
  if (!note || !note.hidden) return;
  note.replaceChildren(document.createTextNode(text("offlineUpdated") + " "));
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = text("offlineReload");
  button.addEventListener("click", () => location.reload());
  note.append(button);
  note.hidden = false;
}
