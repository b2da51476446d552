//! Each lesson's "predict first" question, as plain data: how many answers it offers and
//! which one is right. The words (the question, its answers and one sentence on each) live
//! with the lesson's other words in the page's tables; which answer is right is a fact of
//! the maths the lesson's verdict then shows, so it lives here, next to the verdicts.

/// One lesson's question.
pub struct Question {
    /// The lesson's id.
    pub lesson: &'static str,
    /// How many answers the learner chooses from (2 to 4).
    pub choices: usize,
    /// The index of the right one.
    pub correct: usize,
}

/// A question of `choices` answers of which `correct` is right.
const fn question(lesson: &'static str, choices: usize, correct: usize) -> Question {
    Question {
        lesson,
        choices,
        correct,
    }
}

/// Every lesson's question, in the lessons' order. Each right answer is what the lesson's
/// verdict shows on its own settings (the wrong ones are the misconceptions it corrects):
/// - zero-tanh: every weight stays exactly 0 (its gradient is exactly 0);
/// - zero-sigmoid: the weights move, but every unit stays a copy of the others;
/// - unfreeze: the output's weights first, then the layers below one per step at most;
/// - no-hidden: zero init and random init reach the same loss;
/// - constant: the units stay identical to each other;
/// - break-symmetry: noise of 0.001 is enough, training widens it;
/// - xor-2-1: every gradient is exactly 0, the net never leaves its start;
/// - digits-symmetry: A's 16 receptive fields stay identical, and it stays far below B;
/// - saddle: a lower point lies nearby, though no single axis curves down;
/// - xor-restarts: stuck runs sit on plateaus, not in local minima;
/// - truncated: neither net starts with saturated units (B cut and its std corrected);
/// - relu-bias: B (bias 0.1) has fewer dead units;
/// - too-small: almost nothing of the input reaches the last layer;
/// - too-large: most units sit in tanh's flat tails;
/// - xavier: Glorot's average keeps both directions within 1.58× a layer;
/// - he-relu: He's 2/n_in keeps std(z) level;
/// - digits-scale: A stays at chance (10 %, loss ln 10) while B passes 90 %;
/// - edge-of-chaos: A keeps the two points' correlation, B's falls towards 0;
/// - orthogonal-depth: the std(δ) ratios hardly differ, the singular values' spreads differ by
///   six orders of magnitude or more;
/// - in-practice: He's rule trains far better than PyTorch's default here.
pub const QUESTIONS: &[Question] = &[
    question("zero-tanh", 3, 1),
    question("zero-sigmoid", 3, 2),
    question("unfreeze", 3, 1),
    question("no-hidden", 3, 0),
    question("constant", 3, 2),
    question("break-symmetry", 3, 0),
    question("xor-2-1", 3, 2),
    question("digits-symmetry", 3, 1),
    question("saddle", 3, 2),
    question("xor-restarts", 3, 2),
    question("truncated", 3, 1),
    question("relu-bias", 3, 0),
    question("too-small", 3, 1),
    question("too-large", 3, 0),
    question("xavier", 3, 1),
    question("he-relu", 3, 1),
    question("digits-scale", 3, 2),
    question("edge-of-chaos", 3, 1),
    question("orthogonal-depth", 3, 1),
    question("in-practice", 3, 2),
];

/// The question of lesson `id`.
pub fn find(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.lesson == id)
}
