#!/usr/bin/env python3
"""The handwritten digits in InitLab's compact form: data/digits.bin and its SHA-256.

The data is the test set of UCI's "Optical Recognition of Handwritten Digits" (Alpaydin &
Kaynak, 1998, CC BY 4.0): 1,797 images of 8x8 pixels, each pixel a count 0-16 of the ink
in a 4x4 block of a 32x32 bitmap, and a label 0-9. scikit-learn ships it as
sklearn/datasets/data/digits.csv.gz (one row per image: 64 pixels, then the label), so this
script takes it from scikit-learn's wheel and writes one byte per pixel and one per label
(17 levels do not fit in 4 bits). The result is committed, so builds never need the network.

    python3 scripts/digits.py              downloads scikit-learn's wheel with pip, rewrites the files
    python3 scripts/digits.py WHEEL        the same from a wheel already downloaded
    python3 scripts/digits.py --check      checks the committed file against its hash (no network)

The format (version 1), read by src/digits.rs, whose errors name each check below:

    offset  bytes  meaning
    0       6      magic: the ASCII letters "DIGITS", so that a wrong file is refused at once
    6       1      format version: 1
    7       1      width of an image in pixels: 8
    8       1      height of an image in pixels: 8
    9       2      number of images, unsigned little-endian: 1797
    11      ...    the images one after another, each width*height pixel bytes (0-16,
                   row by row from the top left) followed by one label byte (0-9)

Only the standard library: no numpy, no scikit-learn install, just its wheel (a zip file).
"""

import csv
import gzip
import hashlib
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "digits.bin"
HASH = ROOT / "data" / "digits.sha256"
MEMBER = "sklearn/datasets/data/digits.csv.gz"

MAGIC = b"DIGITS"
VERSION = 1
WIDTH = HEIGHT = 8
PIXELS = WIDTH * HEIGHT
MAX_PIXEL = 16
CLASSES = 10
HEADER = len(MAGIC) + 3 + 2

# The test set's class sizes, from the data set's description (optdigits.names, "Class
# distribution", testing set): the images must be exactly these.
UCI_TEST_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]


def fail(message):
    print(f"digits.py: {message}", file=sys.stderr)
    sys.exit(1)


def rows_from_wheel(wheel):
    """The CSV's rows, each 64 pixels and a label as ints, checked for range."""
    with zipfile.ZipFile(wheel) as archive:
        if MEMBER not in archive.namelist():
            fail(f"{wheel} has no {MEMBER}: is it scikit-learn's wheel?")
        text = gzip.decompress(archive.read(MEMBER)).decode("ascii")
    rows = []
    for number, fields in enumerate(csv.reader(io.StringIO(text)), start=1):
        if len(fields) != PIXELS + 1:
            fail(f"row {number} has {len(fields)} fields, not {PIXELS + 1}")
        values = [float(f) for f in fields]
        if any(v != int(v) for v in values):
            fail(f"row {number} has a value that is not a whole number")
        values = [int(v) for v in values]
        pixels, label = values[:PIXELS], values[PIXELS]
        if any(not 0 <= p <= MAX_PIXEL for p in pixels):
            fail(f"row {number} has a pixel outside 0-{MAX_PIXEL}")
        if not 0 <= label < CLASSES:
            fail(f"row {number} has the label {label}, not 0-9")
        rows.append((pixels, label))
    return rows


def encode(rows):
    """The bytes of the compact form (see the table above)."""
    out = bytearray(MAGIC)
    out += bytes([VERSION, WIDTH, HEIGHT])
    out += len(rows).to_bytes(2, "little")
    for pixels, label in rows:
        out += bytes(pixels)
        out.append(label)
    return bytes(out)


def decode(data):
    """The rows of a compact file, every field checked: the Python twin of src/digits.rs."""
    if data[: len(MAGIC)] != MAGIC:
        fail("not a digits file: it does not start with DIGITS")
    version, width, height = data[6], data[7], data[8]
    if version != VERSION or (width, height) != (WIDTH, HEIGHT):
        fail(f"version {version}, {width}x{height}: expected version {VERSION}, {WIDTH}x{HEIGHT}")
    count = int.from_bytes(data[9:11], "little")
    if len(data) != HEADER + count * (PIXELS + 1):
        fail(f"{len(data)} bytes, but the header announces {count} images")
    rows = []
    for i in range(count):
        start = HEADER + i * (PIXELS + 1)
        pixels, label = list(data[start : start + PIXELS]), data[start + PIXELS]
        if max(pixels) > MAX_PIXEL or label >= CLASSES:
            fail(f"image {i} has a pixel above {MAX_PIXEL} or a label above 9")
        rows.append((pixels, label))
    return rows


def check_classes(rows):
    """1,797 images, and each class as large as in UCI's test set."""
    counts = [0] * CLASSES
    for _, label in rows:
        counts[label] += 1
    if len(rows) != sum(UCI_TEST_COUNTS) or counts != UCI_TEST_COUNTS:
        fail(f"{len(rows)} images, class sizes {counts}: UCI's test set has 1797, {UCI_TEST_COUNTS}")
    print(f"{len(rows)} images; per class 0-9: {counts} (as UCI's test set: {min(counts)}-{max(counts)} each)")


def sha256_line(data):
    """A line in sha256sum's format, so `cd data && sha256sum -c digits.sha256` checks it too."""
    return f"{hashlib.sha256(data).hexdigest()}  {OUT.name}\n"


def check():
    data = OUT.read_bytes()
    committed = HASH.read_text()
    if sha256_line(data) != committed:
        fail(f"{OUT} does not match {HASH}: rerun `python3 scripts/digits.py`")
    check_classes(decode(data))
    print(f"{OUT.relative_to(ROOT)}: {len(data)} bytes, SHA-256 {committed.split()[0]} (matches {HASH.name})")


def download_wheel(folder):
    """scikit-learn's wheel for this machine, by pip (only the wheel, no dependencies)."""
    command = [sys.executable, "-m", "pip", "download", "scikit-learn", "--no-deps", "-d", folder]
    print(" ".join(command))
    subprocess.run(command, check=True)
    wheels = sorted(pathlib.Path(folder).glob("scikit_learn-*.whl"))
    if not wheels:
        fail(f"pip left no scikit-learn wheel in {folder}")
    return wheels[0]


def write(wheel):
    print(f"reading {MEMBER} from {pathlib.Path(wheel).name}")
    rows = rows_from_wheel(wheel)
    check_classes(rows)
    data = encode(rows)
    if decode(data) != rows:
        fail("the encoded file does not decode to the CSV's rows")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_bytes(data)
    HASH.write_text(sha256_line(data))
    print(f"wrote {OUT.relative_to(ROOT)} ({len(data)} bytes) and {HASH.relative_to(ROOT)}: {sha256_line(data).split()[0]}")


def main(args):
    if args == ["--check"]:
        check()
    elif len(args) == 1:
        write(args[0])
    elif not args:
        with tempfile.TemporaryDirectory() as folder:
            write(download_wheel(folder))
    else:
        fail(__doc__.split("\n\n")[2])


if __name__ == "__main__":
    main(sys.argv[1:])
