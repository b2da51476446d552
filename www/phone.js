// The phone's one screen. Where the settings fold away (narrow screens), the controls a
// learner drags most — the distribution and σ (or the gain) — move into the activation
// view, in a row that stays just below the transport bar while that view is on screen: a
// thumb drags σ and the eye sees the histograms move, with no scrolling in between. On
// wider screens the same elements go back to the settings panel: one control per key.

/** Where the settings panel folds (www/settings.css). */
const FOLDED = "(max-width: 55.99rem)";

/** The keys whose fields move: the distribution, then its value or scale. */
const QUICK_KEYS = ["init", "const", "sigma", "gain"];

const $ = (id) => document.getElementById(id);

/** Moves the quick fields between the settings panel and the activation view as the width changes. */
export function createQuickControls() {
  const row = $("core-quick");
  const fields = QUICK_KEYS.map((key) => document.querySelector(`#settings-body .field[data-key="${key}"]`));
  // A marker where each field lives in the settings panel, to put it back.
  const homes = fields.map((field) => {
    const marker = document.createComment(`${field.dataset.key} goes here on wide screens`);
    field.before(marker);
    return marker;
  });

  function place(folded) {
    fields.forEach((field, k) => (folded ? row.append(field) : homes[k].after(field)));
    row.hidden = !folded;
  }
  const media = matchMedia(FOLDED);
  media.addEventListener("change", (e) => place(e.matches));
  place(media.matches);

  // The row sticks right below the transport bar, whose height changes with its readouts.
  // The observer's first report comes with the first frame's layout (none is forced here).
  const transport = document.querySelector(".transport");
  const measure = ([entry]) =>
    document.documentElement.style.setProperty("--transport-height", `${entry.borderBoxSize?.[0]?.blockSize ?? transport.offsetHeight}px`);
  new ResizeObserver(measure).observe(transport, { box: "border-box" });
}
