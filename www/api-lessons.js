// The lessons' part of window.initlab (README, "JS API"). Opening a lesson, reading it and
// answering its question answer at once (the engine checks and decides); the lesson panel's
// words (its explanation, question, verdict and tasks' sentences) are fetched the first time
// a lesson opens, so until `lessonShown()` resolves those texts of `lesson()` are null.

/**
 * The lesson functions of the API, on `lessons()`: the page's lessons (lesson-core.js
 * createLessons), which throws while the engine is still loading.
 */
export function lessonsApi(lessons) {
  return {
    /** Every guided lesson, in order: [{id, title, part}] (part: "symmetry", "stuck", "scale", "practice"). */
    lessons: () => lessons().list(),

    /**
     * The open lesson, {id, title, steps, view, verdict, question, tasks} (README), or null.
     * Until lessonShown() has resolved once, its texts (verdict, question, tasks) are null.
     */
    lesson: () => lessons().current(),

    /** A Promise of lesson() once the open lesson is shown with all its words (null: none open). */
    lessonShown: async () => lessons().shown(),

    /** Answers the open lesson's question (index from 0, null: "Show me"): {correct, explanation}; throws on bad input. */
    answer: (index) => lessons().answer(index),

    /**
     * Opens a lesson (pausing first): {ok: true} or {ok: false, error}; null or "" closes it.
     * `course` (lesson ids, array or "a,b"; null: every lesson) sets what Previous / Next go through.
     */
    openLesson: (id, course) => lessons().open(id, course),
  };
}
