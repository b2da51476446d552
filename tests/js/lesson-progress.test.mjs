// www/lesson-progress.js: a lesson's state only rises (new → opened → answered → tasks done),
// is saved in localStorage when there is one, and lasts as long as the page when storage
// throws or holds something else.

import { test } from "node:test";
import assert from "node:assert/strict";

/** A fresh copy of the module (its state is per page) over `storage` as localStorage. */
async function freshModule(storage) {
  globalThis.localStorage = storage;
  return import(`../../www/lesson-progress.js?copy=${Math.random()}`);
}

/** A localStorage stand-in that keeps what it is given. */
function memoryStorage(initial = {}) {
  const items = { ...initial };
  return {
    items,
    getItem: (key) => (key in items ? items[key] : null),
    setItem: (key, value) => {
      items[key] = String(value);
    },
  };
}

test("a state rises, never falls, is saved, and reports each change", async () => {
  const storage = memoryStorage();
  const progress = await freshModule(storage);
  const heard = [];
  progress.onProgress((id, state) => heard.push(`${id}:${state}`));
  assert.equal(progress.stateOf("saddle"), "new");
  progress.markOpened("saddle");
  progress.markTasksDone("saddle");
  progress.markAnswered("saddle"); // lower than tasks done: no change
  progress.markOpened("saddle");
  assert.equal(progress.stateOf("saddle"), "tasks-done");
  assert.deepEqual(heard, ["saddle:opened", "saddle:tasks-done"]);
  assert.deepEqual(JSON.parse(storage.items["initlab.lessonProgress"]), { saddle: "tasks-done" });
  // A new page reads it back.
  const again = await freshModule(storage);
  assert.equal(again.stateOf("saddle"), "tasks-done");
});

test("storage that throws, or holds something else, leaves the states to the page", async () => {
  const throwing = {
    getItem() {
      throw new Error("blocked");
    },
    setItem() {
      throw new Error("blocked");
    },
  };
  const progress = await freshModule(throwing);
  progress.markAnswered("xavier");
  assert.equal(progress.stateOf("xavier"), "answered");
  const odd = await freshModule(memoryStorage({ "initlab.lessonProgress": '{"xavier": "wizard", "saddle": "opened"}' }));
  assert.equal(odd.stateOf("xavier"), "new");
  assert.equal(odd.stateOf("saddle"), "opened");
  const broken = await freshModule(memoryStorage({ "initlab.lessonProgress": "not json" }));
  assert.equal(broken.stateOf("saddle"), "new");
});
