// The words of "predict first" and "Try this" in every language: each language's question
// table has every lesson of English's, with as many answers as English and one sentence on
// each, and each task's words wherever English has them. (That English has as many answers
// as the engine's src/lessons/questions.rs says is checked in tests/e2e/predict.test.mjs,
// against the built engine.)

import { test } from "node:test";
import assert from "node:assert/strict";
import { QUESTIONS } from "../../www/lessons-questions.js";
import { TASKS } from "../../www/lessons-tasks.js";

const LANGUAGES = ["ru", "zh", "hi"];

test("English: every question has 2 to 4 answers, a sentence on each, and no empty words", () => {
  assert.equal(Object.keys(QUESTIONS).length, 20, Object.keys(QUESTIONS).join(", "));
  for (const [id, q] of Object.entries(QUESTIONS)) {
    assert.ok(q.text.endsWith("?"), `${id}: a question`);
    assert.ok(q.choices.length >= 2 && q.choices.length <= 4, id);
    assert.equal(q.why.length, q.choices.length, id);
    for (const words of [...q.choices, ...q.why]) assert.ok(words.trim().length > 10, `${id}: ${words}`);
    assert.equal(new Set(q.choices).size, q.choices.length, `${id}: the answers differ`);
  }
});

for (const code of LANGUAGES) {
  test(`${code}: the questions and tasks have English's shape, in their own words`, async () => {
    const { questions, tasks } = await import(`../../www/i18n/${code}.js`);
    assert.deepEqual(Object.keys(questions).sort(), Object.keys(QUESTIONS).sort());
    for (const [id, q] of Object.entries(QUESTIONS)) {
      const theirs = questions[id];
      assert.equal(theirs.choices.length, q.choices.length, `${code} ${id}: answers`);
      assert.equal(theirs.why.length, q.why.length, `${code} ${id}: sentences`);
      assert.notEqual(theirs.text, q.text, `${code} ${id}: translated`);
      theirs.choices.forEach((c, i) => assert.notEqual(c, q.choices[i], `${code} ${id}: answer ${i} translated`));
    }
    assert.deepEqual(Object.keys(tasks).sort(), Object.keys(TASKS).sort());
    for (const [id, named] of Object.entries(TASKS)) {
      assert.deepEqual(Object.keys(tasks[id]).sort(), Object.keys(named).sort(), `${code} ${id}`);
      for (const name of Object.keys(named)) assert.notEqual(tasks[id][name], named[name], `${code} ${id}.${name}`);
    }
  });
}
