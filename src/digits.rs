//! The handwritten digits: a real image task, read from the project's compact file.
//!
//! Every other data set in InitLab is a point cloud in the plane. These are the 1,797
//! images of the test set of UCI's "Optical Recognition of Handwritten Digits" (Alpaydin &
//! Kaynak, 1998, CC BY 4.0): 8×8 pixels, each a count 0–16 of the ink in a 4×4 block of a
//! 32×32 scan, and ten classes, 0 to 9. `scripts/digits.py` writes them from scikit-learn's
//! copy into `data/digits.bin`, which the page fetches on demand (it is not part of the first
//! load), so this module only reads bytes and never touches the network or the page.
//!
//! The file (format version 1) is a header and the images one after another:
//!
//! ```text
//! offset  bytes  meaning
//! 0       6      magic: the ASCII letters "DIGITS"
//! 6       1      format version: 1
//! 7       1      width in pixels: 8
//! 8       1      height in pixels: 8
//! 9       2      number of images, unsigned little-endian: 1797
//! 11      65·n   per image, 64 pixel bytes (0–16, row by row from the top left), then its label (0–9)
//! ```
//!
//! One byte per pixel because 17 levels do not fit in 4 bits; the header is there so that a
//! wrong file (an HTML error page, an older format, a download cut short) is refused with a
//! sentence that says which, as a [`DigitsError`], rather than trained on.
//!
//! What the network sees ([`Digits::split`]):
//! - a **fixed stratified split**, 80 % train and 20 % test in every class, shuffled by its own
//!   constant [`SPLIT_SEED`] and not by the experiment's `seed`, so that restarts and A/B
//!   compare networks trained on the same images;
//! - pixels **scaled to [0, 1]** (pixel/16), then **centred by the training mean** of each
//!   pixel. Centring matters for the init lessons: the first layer's `Var(z) = fan_in ·
//!   Var(w) · E[x²]`, and without centring about 70 % of `E[x²]` would be the offset that
//!   every image shares (over the whole file `E[x²]` is 0.235 for pixel/16 and 0.073 once
//!   centred), a signal the same for every image that the network would first have to
//!   cancel. Only the training images set the mean (the test images are centred with it
//!   too), so nothing about the test set leaks into training. The pixels are not divided by
//!   their spread: 3 pixels are never inked (spread 0), and others so rarely that dividing
//!   would make a faint stroke a huge input (pixel 56 is inked in 1 image of the 1,797, at
//!   1/16: standardised over the file it would be an input of 42).

use crate::error::ErrorText;
use crate::rng::Rng;
use std::fmt;
use std::sync::OnceLock;

/// Where the file lives, relative to the repository's root and to the page (`index.html`).
/// Outside `www/`, so that the service worker does not pre-cache it (`scripts/build-sw.mjs`).
pub const FILE: &str = "data/digits.bin";

/// The SHA-256 of [`FILE`], in hex: the page checks a download against it (SubtleCrypto),
/// and `tests/digits.rs` checks it against the file and against `data/digits.sha256`.
pub const SHA256: &str = "f0e36674f6c77408232cdefe593ed58e23c9b5a6e7eaf75273e33fb0fc8df8d2";

/// The first bytes of the file: a file that does not start with them is something else.
pub const MAGIC: [u8; 6] = *b"DIGITS";
/// The format version this module reads.
pub const VERSION: u8 = 1;
/// An image's width and height in pixels.
pub const SIDE: usize = 8;
/// Pixels per image: the network's 64 inputs.
pub const PIXELS: usize = SIDE * SIDE;
/// The most ink a pixel can hold: it counts the set bits of a 4×4 block.
pub const MAX_PIXEL: u8 = 16;
/// The ten digits.
pub const CLASSES: usize = 10;
/// Images in UCI's test set, the whole file.
pub const IMAGES: usize = 1797;
/// Bytes before the first image: magic, version, width, height, count (u16).
pub const HEADER_BYTES: usize = MAGIC.len() + 3 + 2;
/// Bytes per image: its pixels and its label.
pub const RECORD_BYTES: usize = PIXELS + 1;

/// The seed of the train/test split, a constant apart from the experiment's `seed` so that
/// every run, restart and A/B side trains on the same images. Any number would do; 1998 is
/// the year the data set was published.
pub const SPLIT_SEED: u64 = 1998;

/// Why a file is not the digits, each in a sentence a learner can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigitsError {
    /// It does not start with [`MAGIC`]: another file came back (an error page, say).
    NotDigits,
    /// A format version this code does not read.
    Version { found: u8 },
    /// Images of another size than 8×8.
    Shape { width: u8, height: u8 },
    /// The header announces another number of images than UCI's 1,797.
    Count { found: usize },
    /// Fewer bytes than the header and its images need: the download stopped early.
    Truncated { bytes: usize, needed: usize },
    /// More bytes than the images need.
    ExtraBytes { bytes: usize, needed: usize },
    /// A pixel above [`MAX_PIXEL`] (`image` and `pixel` count from 0).
    Pixel {
        image: usize,
        pixel: usize,
        value: u8,
    },
    /// A label that is not a digit 0–9.
    Label { image: usize, value: u8 },
}

impl DigitsError {
    /// A stable id per kind of error, for the page's tables of messages in other languages.
    pub fn id(&self) -> &'static str {
        match self {
            DigitsError::NotDigits => "digits.notDigits",
            DigitsError::Version { .. } => "digits.version",
            DigitsError::Shape { .. } => "digits.shape",
            DigitsError::Count { .. } => "digits.count",
            DigitsError::Truncated { .. } => "digits.truncated",
            DigitsError::ExtraBytes { .. } => "digits.extraBytes",
            DigitsError::Pixel { .. } => "digits.pixel",
            DigitsError::Label { .. } => "digits.label",
        }
    }
}

impl DigitsError {
    /// The sentence as a message id and its arguments, for the page's tables of messages
    /// (the English templates are in `crate::error::MESSAGES`, under [`DigitsError::id`]).
    pub fn text(&self) -> ErrorText {
        let text = ErrorText::new(self.id());
        let n = |x: usize| x.to_string();
        match *self {
            DigitsError::NotDigits => text,
            DigitsError::Version { found } => text
                .with("found", n(found.into()))
                .with("version", n(VERSION.into())),
            DigitsError::Shape { width, height } => text
                .with("width", n(width.into()))
                .with("height", n(height.into()))
                .with("side", n(SIDE))
                .with("inputs", n(PIXELS)),
            DigitsError::Count { found } => text.with("found", n(found)).with("images", n(IMAGES)),
            DigitsError::Truncated { bytes, needed } => {
                text.with("bytes", n(bytes)).with("needed", n(needed))
            }
            DigitsError::ExtraBytes { bytes, needed } => text
                .with("bytes", n(bytes))
                .with("extra", n(bytes - needed))
                .with("images", n(IMAGES)),
            DigitsError::Pixel {
                image,
                pixel,
                value,
            } => text
                .with("pixel", n(pixel))
                .with("image", n(image))
                .with("value", n(value.into()))
                .with("max", n(MAX_PIXEL.into())),
            DigitsError::Label { image, value } => {
                text.with("image", n(image)).with("value", n(value.into()))
            }
        }
    }
}

impl fmt::Display for DigitsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().english())
    }
}

impl std::error::Error for DigitsError {}

/// The 1,797 images as stored: raw pixels 0–16 and labels 0–9, in the file's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digits {
    /// Pixels, image after image, 64 per image, row by row from the top left.
    pixels: Vec<u8>,
    /// The digit each image shows.
    labels: Vec<u8>,
}

impl Digits {
    /// Reads the file's bytes, checking every field of the header and every byte of the images.
    pub fn parse(bytes: &[u8]) -> Result<Digits, DigitsError> {
        if bytes.len() < HEADER_BYTES {
            // Too short to say what it is: if it starts like the digits, it was cut short.
            let prefix = bytes.len().min(MAGIC.len());
            return Err(if bytes[..prefix] == MAGIC[..prefix] {
                DigitsError::Truncated {
                    bytes: bytes.len(),
                    needed: HEADER_BYTES + IMAGES * RECORD_BYTES,
                }
            } else {
                DigitsError::NotDigits
            });
        }
        if bytes[..MAGIC.len()] != MAGIC {
            return Err(DigitsError::NotDigits);
        }
        let (version, width, height) = (bytes[6], bytes[7], bytes[8]);
        if version != VERSION {
            return Err(DigitsError::Version { found: version });
        }
        if usize::from(width) != SIDE || usize::from(height) != SIDE {
            return Err(DigitsError::Shape { width, height });
        }
        let count = usize::from(u16::from_le_bytes([bytes[9], bytes[10]]));
        if count != IMAGES {
            return Err(DigitsError::Count { found: count });
        }
        let needed = HEADER_BYTES + count * RECORD_BYTES;
        if bytes.len() < needed {
            return Err(DigitsError::Truncated {
                bytes: bytes.len(),
                needed,
            });
        }
        if bytes.len() > needed {
            return Err(DigitsError::ExtraBytes {
                bytes: bytes.len(),
                needed,
            });
        }
        let mut pixels = Vec::with_capacity(count * PIXELS);
        let mut labels = Vec::with_capacity(count);
        for (image, record) in bytes[HEADER_BYTES..].chunks_exact(RECORD_BYTES).enumerate() {
            let (ink, label) = record.split_at(PIXELS);
            if let Some(pixel) = ink.iter().position(|&p| p > MAX_PIXEL) {
                let value = ink[pixel];
                return Err(DigitsError::Pixel {
                    image,
                    pixel,
                    value,
                });
            }
            if usize::from(label[0]) >= CLASSES {
                let value = label[0];
                return Err(DigitsError::Label { image, value });
            }
            pixels.extend_from_slice(ink);
            labels.push(label[0]);
        }
        Ok(Digits { pixels, labels })
    }

    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The 64 raw pixels (0–16) of image `i`, row by row: what a chart draws.
    pub fn image(&self, i: usize) -> &[u8] {
        &self.pixels[i * PIXELS..(i + 1) * PIXELS]
    }

    /// The digit image `i` shows.
    pub fn label(&self, i: usize) -> usize {
        usize::from(self.labels[i])
    }

    /// The label of every image, in the file's order.
    pub fn labels(&self) -> &[u8] {
        &self.labels
    }

    /// How many images each digit has.
    pub fn class_counts(&self) -> [usize; CLASSES] {
        let mut counts = [0; CLASSES];
        for &label in &self.labels {
            counts[usize::from(label)] += 1;
        }
        counts
    }

    /// Which images train and which test, by the constant [`SPLIT_SEED`] (see
    /// [`stratified_split`]).
    pub fn split_indices(&self) -> SplitIndices {
        stratified_split(&self.labels, SPLIT_SEED)
    }

    /// The images as the network sees them: the fixed split, scaled to [0, 1] and centred by
    /// the training mean of each pixel (the module's doc says why).
    pub fn split(&self) -> DigitsSplit {
        let SplitIndices { train, test } = self.split_indices();
        let scaled = |i: usize| self.image(i).iter().map(|&p| f64::from(p) / 16.0);
        let mut train_mean = [0.0; PIXELS];
        for &i in &train {
            for (sum, x) in train_mean.iter_mut().zip(scaled(i)) {
                *sum += x;
            }
        }
        for sum in &mut train_mean {
            *sum /= train.len() as f64;
        }
        let images = |source: Vec<usize>| {
            let mut x = Vec::with_capacity(source.len() * PIXELS);
            for &i in &source {
                x.extend(scaled(i).zip(&train_mean).map(|(p, mean)| p - mean));
            }
            let y = source.iter().map(|&i| self.label(i)).collect();
            Images { x, y, source }
        };
        DigitsSplit {
            train: images(train),
            test: images(test),
            train_mean,
        }
    }
}

/// Which images of the file train and which test, each list in the file's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitIndices {
    pub train: Vec<usize>,
    pub test: Vec<usize>,
}

/// Images a class of `n` puts in training: round(0.8·n), in integers. 0.8·n is never
/// halfway between two integers (that would need 8n = 10k + 5, even = odd), so there is no
/// tie to break.
pub fn train_share(n: usize) -> usize {
    (8 * n + 5) / 10
}

/// A stratified split of images labelled `labels`: for each digit 0 to 9 in turn, the
/// images of that digit (in the file's order) are shuffled by one generator seeded by
/// `seed`, and the first [`train_share`] of them train, the rest test. Stratified, so each
/// digit is 80 % / 20 % within one image, and a small test set still holds every digit.
/// Both lists are then sorted back into the file's order: the training loop draws its
/// batches in its own seeded order, and a sorted list reads the same whatever the shuffle.
pub fn stratified_split(labels: &[u8], seed: u64) -> SplitIndices {
    let mut rng = Rng::seed_from(seed);
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for class in 0..CLASSES {
        let mut members: Vec<usize> = (0..labels.len())
            .filter(|&i| usize::from(labels[i]) == class)
            .collect();
        rng.shuffle(&mut members);
        let (to_train, to_test) = members.split_at(train_share(members.len()));
        train.extend_from_slice(to_train);
        test.extend_from_slice(to_test);
    }
    train.sort_unstable();
    test.sort_unstable();
    SplitIndices { train, test }
}

/// One side of the split, ready for an MLP with 64 inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Images {
    /// Inputs, row-major and contiguous: image after image, 64 values each, pixel/16 minus
    /// the training mean of that pixel, so each lies in [−1, 1].
    pub x: Vec<f64>,
    /// The class of each image, 0–9 (an index into the output layer).
    pub y: Vec<usize>,
    /// Which image of the file each row is, for drawing it (e.g. the misclassified ones).
    pub source: Vec<usize>,
}

impl Images {
    pub fn len(&self) -> usize {
        self.y.len()
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// The 64 inputs of row `i`.
    pub fn input(&self, i: usize) -> &[f64] {
        &self.x[i * PIXELS..(i + 1) * PIXELS]
    }
}

/// The digits as the network sees them: the fixed split and the mean that centred it.
#[derive(Clone, Debug, PartialEq)]
pub struct DigitsSplit {
    /// About 80 % of each digit: 1,438 images.
    pub train: Images,
    /// The other 20 %: 359 images, centred with the training mean too.
    pub test: Images,
    /// The mean of pixel/16 over the training images, per pixel (in [0, 1]).
    pub train_mean: [f64; PIXELS],
}

/// The digits once read, for every experiment of this process (page or test) to share.
static INSTALLED: OnceLock<Digits> = OnceLock::new();

/// Reads the file's bytes once and keeps the digits for [`installed`]: the page calls this
/// when its download has arrived, a native test with the committed file. A second call
/// changes nothing (the file is the same) and returns the digits already kept, so that an
/// experiment never sees its data change under it.
pub fn install(bytes: &[u8]) -> Result<&'static Digits, DigitsError> {
    if let Some(digits) = INSTALLED.get() {
        return Ok(digits);
    }
    let digits = Digits::parse(bytes)?;
    Ok(INSTALLED.get_or_init(|| digits))
}

/// The digits, if [`install`] has read them: `data=digits` needs them, and is refused in
/// words until the page's download has arrived.
pub fn installed() -> Option<&'static Digits> {
    INSTALLED.get()
}
