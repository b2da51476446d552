//! The guided lessons for the page: the list, the open lesson with its live verdict, and
//! what the restarts panel found (the evidence of the restarts lesson).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::js::{property, to_js};
use super::lab::Lab;
use super::side::Side;
use crate::experiment::Experiment;
use crate::lessons::{
    self, questions, tasks, Evidence, Needs, RestartsSeen, Verdict, View, LESSONS,
};
use crate::through_depth::ThroughDepth;

/// One entry of the lessons menu.
#[derive(Serialize)]
struct LessonEntry {
    id: &'static str,
    /// The id of its part of the course (src/lessons/parts.rs).
    part: &'static str,
    steps: usize,
    view: View,
    compares: bool,
}

/// Every lesson in order: `[{id, part, steps, view, compares}]` (the page holds their words).
#[wasm_bindgen(js_name = lessonList)]
pub fn lesson_list() -> Result<JsValue, JsError> {
    let entries: Vec<LessonEntry> = LESSONS
        .iter()
        .map(|l| LessonEntry {
            id: l.id,
            part: lessons::parts::part_of(l.id).unwrap_or_default(),
            steps: l.steps,
            view: l.view,
            compares: l.compares(),
        })
        .collect();
    to_js(&entries)
}

/// The open lesson and its verdict now.
#[derive(Serialize)]
struct OpenLesson<'a> {
    id: &'static str,
    steps: usize,
    view: View,
    /// The restarts the lesson's verdict asks for (`{runs, steps, firstSeed}`), if any.
    restarts: Option<RestartAsk>,
    verdict: &'a Verdict,
    /// The question's number of answers and the right one's index.
    question: Option<QuestionAsk>,
    /// The lesson's tasks now: `[{id, done}]`.
    tasks: Vec<TaskNow>,
    /// The two training points its verdict compares through depth (`[i, j]`), which the page
    /// puts in the through-depth view's fields; `null` for a lesson that reads no such pair.
    points: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct QuestionAsk {
    choices: usize,
    correct: usize,
}

#[derive(Serialize)]
struct TaskNow {
    id: &'static str,
    done: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RestartAsk {
    runs: usize,
    steps: usize,
    first_seed: u64,
}

impl Lab {
    /// A's (and B's) through-depth views at each side's pair of the lesson's points
    /// ([`lessons::edge_points`]), as [`lessons::through_depth`] measures them, from the
    /// measurements kept per weights (the view at those points draws the same).
    fn through_now(&mut self) -> Option<(ThroughDepth, Option<ThroughDepth>)> {
        let points = |e: &Experiment| lessons::edge_points(&e.data().train);
        let (a_points, b_points) = (points(self.pair.a()), self.pair.b().map(points));
        let a = self.through_of(Side::A, a_points)?.clone().ok()?;
        let b = b_points.and_then(|p| self.through_of(Side::B, p)?.clone().ok());
        Some((a, b))
    }
}

/// The restarts lesson asks for seeds 1 to 20 at its `steps`.
const LESSON_RESTART_RUNS: usize = 20;

#[wasm_bindgen]
impl Lab {
    /// The open lesson, `{id, steps, view, restarts, verdict: {holds, message: {id, args}},
    /// question: {choices, correct}, tasks: [{id, done}], points: [i, j] or null}`,
    /// with the verdict computed from the current snapshot(s); `null` in the explorer.
    pub fn lesson(&mut self) -> Result<JsValue, JsError> {
        let Some(lesson) = lessons::find(&self.pair.config().lesson) else {
            return Ok(JsValue::NULL);
        };
        if lesson.needs == Needs::Curvature && self.curvature.is_none() {
            self.curvature = Some(lessons::curvature(self.pair.a_mut()));
        }
        let query = self.pair.config().to_query();
        let restarts = self
            .restarts_seen
            .as_ref()
            .filter(|(seen_for, _)| *seen_for == query && lesson.needs == Needs::Restarts)
            .map(|(_, seen)| seen.clone());
        let fresh = |start: &(String, _, _)| start.0 == query;
        if lesson.needs == Needs::Start && !self.start.as_ref().is_some_and(fresh) {
            self.start = lessons::start(self.pair.config()).map(|(a, b)| (query.clone(), a, b));
        }
        // Computed once per settings (~10–30 ms at 32 × 64), not per frame.
        if lesson.needs == Needs::Spectrum && self.spectra.as_ref().is_none_or(|s| s.0 != query) {
            self.spectra = lessons::spectra(self.pair.config()).map(|s| (query.clone(), s));
        }
        let spectra = (self.spectra.as_ref())
            .filter(|s| s.0 == query)
            .map(|s| s.1.clone());
        // Taken out while the verdict borrows the snapshots, and put back after.
        let start = self.start.take().filter(fresh);
        let curvature = self.curvature.clone();
        let (a_config, b_config) = (
            self.pair.config().clone(),
            self.pair.b().map(|b| b.config().clone()),
        );
        let through = (lesson.needs == Needs::ThroughDepth)
            .then(|| self.through_now())
            .flatten();
        let (a, b) = self.current_both();
        let verdict = lesson.verdict(&Evidence {
            a,
            b,
            curvature: curvature.as_ref(),
            restarts: restarts.as_ref(),
            start: start.as_ref().map(|(_, a, b)| (a, b.as_ref())),
            through: through.as_ref().map(|(a, b)| (a, b.as_ref())),
            spectra: spectra.as_ref(),
        });
        let seen = tasks::Seen {
            a: &a_config,
            b: b_config.as_ref().zip(b),
            snapshot: a,
            verdict: &verdict,
        };
        let tasks = (tasks::of(lesson.id).iter())
            .map(|t| TaskNow {
                id: t.id,
                done: (t.done)(&seen),
            })
            .collect();
        self.start = start;
        to_js(&OpenLesson {
            id: lesson.id,
            steps: lesson.steps,
            view: lesson.view,
            restarts: (lesson.needs == Needs::Restarts).then_some(RestartAsk {
                runs: LESSON_RESTART_RUNS,
                steps: lesson.steps,
                first_seed: 1,
            }),
            verdict: &verdict,
            question: questions::find(lesson.id).map(|q| QuestionAsk {
                choices: q.choices,
                correct: q.correct,
            }),
            tasks,
            points: through.as_ref().map(|(a, _)| a.points),
        })
    }

    /// Keeps what a finished restarts request (`{query, steps}` as `restartPlan` returned
    /// it) found (`{runs, solved, stuck}`): the restarts lesson's verdict reads it while the
    /// settings stay those it ran on.
    #[wasm_bindgen(js_name = restartsFinished)]
    pub fn restarts_finished(&mut self, request: JsValue, result: JsValue) {
        let get = |object: &JsValue, key: &str| property(object, key);
        let (Some(query), Some(steps)) = (
            get(&request, "query").as_string(),
            get(&request, "steps").as_f64(),
        ) else {
            return;
        };
        let runs = get(&result, "runs");
        if !js_sys::Array::is_array(&runs) {
            return;
        }
        let runs = js_sys::Array::from(&runs).length() as usize;
        let seen = RestartsSeen {
            runs,
            steps: steps as usize,
            solved: get(&result, "solved").as_f64().unwrap_or(f64::NAN),
            stuck: get(&result, "stuck").as_f64().unwrap_or(f64::NAN),
        };
        self.restarts_seen = Some((query, seen));
    }
}
