// The guided lessons' words, in English (src/lessons holds their settings and verdicts).
// Per lesson: its title, 2–4 sentences of explanation, one "what to look at" line, and the
// verdict sentences by message id (the Rust verdict's `message.id` is "<lesson>.<name>";
// `{arg}` is replaced by the verdict's argument of that name, numbers formatted by the page).
// The other languages (issue #9) copy this shape.

/** Verdict sentences every lesson may use. */
export const COMMON_VERDICTS = {
  "lesson.needsB": "This lesson compares A with B, and B is switched off: open the lesson again to bring B back.",
  "lesson.pending": "(verdict not written yet)",
};

export const LESSONS = {
  "zero-tanh": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "zero-sigmoid": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "constant": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "break-symmetry": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "xor-2-1": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "saddle": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "xor-restarts": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "truncated": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "relu-bias": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "too-small": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "too-large": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "xavier": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
  "he-relu": {
    title: "",
    text: "",
    look: "",
    verdicts: {},
  },
};
