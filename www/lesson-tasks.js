// "Try this": a lesson ends with one or two tasks that the page checks live. The engine
// checks them (src/lessons/tasks.rs, `lesson().tasks: [{id, done}]`); this module words
// them (lessons-tasks.js, `tasks` in www/i18n/<code>.js) and ticks them off.

import { TASKS } from "./lessons-tasks.js";
import { activeTable, text } from "./strings.js";

const $ = (id) => document.getElementById(id);

/** The words of task `id` ("<lesson>.<name>") in the page's language, else English. */
function taskWords(id) {
  const dot = id.indexOf(".");
  const [lesson, name] = [id.slice(0, dot), id.slice(dot + 1)];
  return activeTable("tasks")?.[lesson]?.[name] ?? TASKS[lesson]?.[name] ?? id;
}

/** The lesson's tasks as the API gives them: `[{text, done}]`. */
export function tasksApi(lesson) {
  return (lesson.tasks ?? []).map(({ id, done }) => ({ text: taskWords(id), done }));
}

/** Shows the lesson's tasks (when `shown`), each ticked off once done. */
export function showTasks(lesson, shown) {
  const tasks = tasksApi(lesson);
  $("lesson-tasks").hidden = !shown || tasks.length === 0;
  if ($("lesson-tasks").hidden) return;
  const list = $("lesson-task-list");
  const key = JSON.stringify(tasks) + text("lessonTaskDone");
  if (list.dataset.key === key) return; // every frame: rebuild only on a change
  list.dataset.key = key;
  list.replaceChildren(
    ...tasks.map(({ text: words, done }) => {
      const item = document.createElement("li");
      item.classList.toggle("done", done);
      item.textContent = done ? `${words} ${text("lessonTaskDone")}` : words;
      return item;
    }),
  );
}
