//! No import circles between the files of `src/`.
//!
//! A circle (a.rs needs b.rs, which needs a.rs, perhaps through others) means neither file can
//! be read, tested or changed on its own. Issue #18 removed the last ones; this test keeps them
//! out. It reads every `.rs` file under `src/`, takes each file's references to the crate's
//! own modules, resolves each to the file that defines it, and fails on any group of two or
//! more files that reach each other (a strongly connected component), naming the references
//! that tie it.
//!
//! What counts as a reference:
//! - every path of a `use` line, grouped ones included (`use a::{b, c::{d, e}}`);
//! - every path written in the code: `crate::…`, `super::…`, `self::…`, and paths starting
//!   with a child module or a name a `use` brought in (`table::key(…)` after `mod table;`).
//!
//! How a path is resolved: to the file of the longest prefix that is a module, and, when the
//! next name is one that file re-exports (`pub use`), on to the file the name comes from. A
//! `pub use` is a door, not a need: it ties its own file only where that file's code uses
//! the name itself. Comments, strings and `mod tests { … }` blocks' `super::*` make no
//! reference to another file; macros (`names_of!`) are not followed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path below the crate root: `["config", "table"]`.
type ModulePath = Vec<String>;

/// One reference from a file to another: the file it lands in and the path as written.
#[derive(Clone, Debug)]
struct Edge {
    to: usize,
    written: String,
}

/// A `use` item, expanded: the absolute path it names, the name it binds (none for a glob or
/// `as _`), and whether it is a re-export.
#[derive(Clone, Debug)]
struct UseItem {
    path: Vec<String>,
    bound: Option<String>,
    public: bool,
    written: String,
}

/// One source file, read.
struct File {
    path: String,
    module: ModulePath,
    /// The code without comments, literals and `use` items.
    body: String,
    /// Inline modules `mod name { … }`: their byte span in `code` and name.
    inline_mods: Vec<(usize, usize, String)>,
    uses: Vec<UseItem>,
}

/// The module of a file path relative to the crate: `src/config/mod.rs` → `config`.
fn module_of(path: &str) -> ModulePath {
    let rel = path.strip_prefix("src/").unwrap_or(path);
    let rel = rel.strip_suffix(".rs").unwrap_or(rel);
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text with comments removed and every string and char literal emptied, so that no
/// path inside them is read. Lifetimes (`'a`) stay.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let prev = if i == 0 { ' ' } else { c[i - 1] };
        match c[i] {
            '/' if at(i + 1) == '/' => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            'r' if !is_ident(prev) || (prev == 'b' && !is_ident(at(i.wrapping_sub(2)))) => {
                let mut j = i + 1;
                while at(j) == '#' {
                    j += 1;
                }
                if at(j) != '"' {
                    out.push('r');
                    i += 1;
                    continue;
                }
                let hashes = j - i - 1;
                j += 1;
                loop {
                    if j >= c.len() {
                        break;
                    }
                    if c[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#') {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' if at(i + 1) == '\\' => {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            '\'' if at(i + 2) == '\'' => {
                i += 3;
                out.push_str("' '");
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

/// The byte index of the `}` closing the `{` at `open`.
fn closing_brace(code: &str, open: usize) -> usize {
    let mut depth = 0;
    for (k, b) in code.bytes().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// Where the keyword `word` stands alone in `code`, as byte offsets.
fn keyword_at(code: &str, word: &str) -> Vec<usize> {
    let bytes = code.as_bytes();
    code.match_indices(word)
        .map(|(k, _)| k)
        .filter(|&k| {
            let before = k == 0 || !is_ident(bytes[k - 1] as char);
            let after = bytes
                .get(k + word.len())
                .is_none_or(|b| !is_ident(*b as char));
            before && after
        })
        .collect()
}

/// Splits `text` at the commas that are not inside braces.
fn split_top(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (k, ch) in text.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The paths of one use tree (`a::{b, c::{d as e}, self, *}`), each with the name it binds.
fn expand_use(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, Option<String>)>) {
    let tree = tree.trim().trim_start_matches("::").trim();
    if tree.is_empty() {
        return;
    }
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let close = closing_brace(tree, open);
        let mut base = prefix.to_vec();
        base.extend(head);
        for part in split_top(&tree[open + 1..close]) {
            expand_use(&base, part, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    full.extend(path.split("::").map(|s| s.trim().to_string()));
    let last = full.pop().unwrap_or_default();
    let bound = match (last.as_str(), alias) {
        ("*", _) | (_, Some("_")) => None,
        (_, Some(a)) => Some(a.to_string()),
        ("self", None) => full.last().cloned(),
        (name, None) => Some(name.to_string()),
    };
    if last != "self" && last != "*" {
        full.push(last);
    }
    out.push((full, bound));
}

/// Whether the item ending just before `k` is public (`pub`, `pub(crate)`, `pub(super)`).
fn public_before(code: &str, k: usize) -> bool {
    let before = code[..k].trim_end();
    if before.ends_with("pub") {
        return true;
    }
    before.ends_with(')')
        && before
            .rfind('(')
            .is_some_and(|open| before[..open].trim_end().ends_with("pub"))
}

/// Reads one file: its module, code, inline modules and `use` items (paths still relative).
fn read_file(path: &str, text: &str) -> (File, Vec<(usize, UseItem)>) {
    let code = code_only(text);
    let mut body = code.clone();
    let mut raw_uses = Vec::new();
    for k in keyword_at(&code, "use") {
        let Some(end) = code[k..].find(';').map(|e| k + e) else {
            continue;
        };
        let tree = &code[k + 3..end];
        let public = public_before(&code, k);
        let mut items = Vec::new();
        expand_use(&[], tree, &mut items);
        let written = format!(
            "use {}",
            tree.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        for (path, bound) in items {
            raw_uses.push((
                k,
                UseItem {
                    path,
                    bound,
                    public,
                    written: written.clone(),
                },
            ));
        }
        body.replace_range(k..=end, &" ".repeat(end + 1 - k));
    }
    let mut inline_mods = Vec::new();
    for k in keyword_at(&code, "mod") {
        let rest = &code[k + 3..];
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| is_ident(*c))
            .collect();
        let after = rest.trim_start()[name.len()..].trim_start();
        if !name.is_empty() && after.starts_with('{') {
            let open = code.len() - after.len();
            inline_mods.push((open, closing_brace(&code, open), name));
        }
    }
    let file = File {
        path: path.to_string(),
        module: module_of(path),
        body,
        inline_mods,
        uses: Vec::new(),
    };
    (file, raw_uses)
}

/// The module a byte offset of `file` belongs to (inline modules included).
fn module_at(file: &File, at: usize) -> ModulePath {
    let mut module = file.module.clone();
    let mut mods: Vec<_> = file
        .inline_mods
        .iter()
        .filter(|(open, close, _)| *open < at && at < *close)
        .collect();
    mods.sort_by_key(|(open, _, _)| *open);
    module.extend(mods.into_iter().map(|(_, _, name)| name.clone()));
    module
}

/// The whole crate: every module (files and inline modules) and the file it lives in.
struct Crate {
    files: Vec<File>,
    modules: BTreeMap<ModulePath, usize>,
}

impl Crate {
    fn new(sources: &[(String, String)]) -> Crate {
        let mut files = Vec::new();
        let mut raw = Vec::new();
        for (path, text) in sources {
            let (file, uses) = read_file(path, text);
            files.push(file);
            raw.push(uses);
        }
        let mut modules = BTreeMap::new();
        for (k, file) in files.iter().enumerate() {
            modules.insert(file.module.clone(), k);
            for (open, _, _) in &file.inline_mods {
                modules.insert(module_at(file, open + 1), k);
            }
        }
        let mut krate = Crate { files, modules };
        // Two passes, so a `use` may start from a name another `use` brought in.
        for _ in 0..2 {
            for (k, uses) in raw.iter().enumerate() {
                let resolved: Vec<UseItem> = uses
                    .iter()
                    .filter_map(|(at, item)| {
                        let module = module_at(&krate.files[k], *at);
                        let path = krate.absolute(k, &module, &item.path)?;
                        Some(UseItem {
                            path,
                            ..item.clone()
                        })
                    })
                    .collect();
                krate.files[k].uses = resolved;
            }
        }
        krate
    }

    /// The absolute path of `path` as written in file `k` inside `module`; `None` for a
    /// path outside the crate (std, serde, a type's associated item).
    fn absolute(&self, k: usize, module: &[String], path: &[String]) -> Option<Vec<String>> {
        let first = path.first()?.as_str();
        let mut base: Vec<String> = match first {
            "crate" => Vec::new(),
            "self" => module.to_vec(),
            "super" => {
                let ups = path.iter().take_while(|s| *s == "super").count();
                let mut base = module.to_vec();
                base.truncate(module.len().checked_sub(ups)?);
                base.extend(path[ups..].iter().cloned());
                return Some(base);
            }
            _ => {
                if let Some(item) = self.files[k]
                    .uses
                    .iter()
                    .find(|u| u.bound.as_deref() == Some(first))
                {
                    let mut base = item.path.clone();
                    base.extend(path[1..].iter().cloned());
                    return Some(base);
                }
                let mut child = module.to_vec();
                child.push(first.to_string());
                if !self.modules.contains_key(&child) {
                    return None;
                }
                module.to_vec()
            }
        };
        let skip = usize::from(matches!(first, "crate" | "self"));
        base.extend(path[skip..].iter().cloned());
        Some(base)
    }

    /// The file that defines what `path` (absolute) names, through re-exports.
    fn target(&self, path: &[String]) -> Option<usize> {
        let mut path = path.to_vec();
        for _ in 0..16 {
            let (len, &file) = (0..=path.len())
                .rev()
                .find_map(|len| self.modules.get(&path[..len]).map(|f| (len, f)))?;
            let Some(name) = path.get(len) else {
                return Some(file);
            };
            let module = &path[..len];
            let export = self.files[file].uses.iter().find(|u| {
                u.public && u.bound.as_deref() == Some(name.as_str()) && u.path != path[..=len]
            });
            match export {
                Some(item) if self.modules.get(module) == Some(&file) => {
                    let mut next = item.path.clone();
                    next.extend(path[len + 1..].iter().cloned());
                    path = next;
                }
                _ => return Some(file),
            }
        }
        None
    }

    /// Every reference of file `k` to another file of the crate.
    fn edges(&self, k: usize) -> Vec<Edge> {
        let file = &self.files[k];
        let mut edges = Vec::new();
        for item in &file.uses {
            let used_here = || {
                item.bound
                    .as_deref()
                    .is_some_and(|name| !keyword_at(&file.body, name).is_empty())
            };
            if item.public && !used_here() {
                continue;
            }
            if let Some(to) = self.target(&item.path) {
                edges.push(Edge {
                    to,
                    written: item.written.clone(),
                });
            }
        }
        for (at, path) in inline_paths(&file.body) {
            let module = module_at(file, at);
            let Some(absolute) = self.absolute(k, &module, &path) else {
                continue;
            };
            if let Some(to) = self.target(&absolute) {
                edges.push(Edge {
                    to,
                    written: path.join("::"),
                });
            }
        }
        edges.retain(|e| e.to != k);
        edges
    }

    /// The groups of two or more files that reach each other, each file with the
    /// references that tie it to the others of its group.
    fn circles(&self) -> Vec<Vec<String>> {
        let edges: Vec<Vec<Edge>> = (0..self.files.len()).map(|k| self.edges(k)).collect();
        let graph: Vec<BTreeSet<usize>> = edges
            .iter()
            .map(|es| es.iter().map(|e| e.to).collect())
            .collect();
        strongly_connected(&graph)
            .into_iter()
            .filter(|group| group.len() > 1)
            .map(|group| {
                let mut lines = Vec::new();
                for &from in &group {
                    for e in edges[from].iter().filter(|e| group.contains(&e.to)) {
                        lines.push(format!(
                            "{} -> {}: {}",
                            self.files[from].path, self.files[e.to].path, e.written
                        ));
                    }
                }
                lines.sort();
                lines.dedup();
                lines
            })
            .collect()
    }

    fn has_edge(&self, from: &str, to: &str) -> bool {
        let index = |p: &str| self.files.iter().position(|f| f.path == p);
        let (Some(from), Some(to)) = (index(from), index(to)) else {
            return false;
        };
        self.edges(from).iter().any(|e| e.to == to)
    }
}

/// Every path of two or more segments written in `code` (`a::b`, `crate::x::y`), with its
/// offset; a path's tail after `::<` (turbofish) or a `{` is not part of it.
fn inline_paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let bytes = code.as_bytes();
    let ident_at = |k: usize| -> usize {
        let mut e = k;
        while e < bytes.len() && is_ident(bytes[e] as char) {
            e += 1;
        }
        e
    };
    let skip_space = |mut k: usize| {
        while k < bytes.len() && (bytes[k] as char).is_whitespace() {
            k += 1;
        }
        k
    };
    let mut found = Vec::new();
    let mut k = 0;
    while k < bytes.len() {
        let ch = bytes[k] as char;
        let starts = (ch.is_alphabetic() || ch == '_')
            && (k == 0 || !is_ident(bytes[k - 1] as char))
            && !code[..k].trim_end().ends_with("::");
        if !starts {
            k += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut end = ident_at(k);
        segments.push(code[k..end].to_string());
        loop {
            let sep = skip_space(end);
            if !code[sep..].starts_with("::") {
                break;
            }
            let next = skip_space(sep + 2);
            let next_end = ident_at(next);
            if next_end == next {
                break;
            }
            segments.push(code[next..next_end].to_string());
            end = next_end;
        }
        if segments.len() > 1 {
            found.push((k, segments));
        }
        k = end.max(k + 1);
    }
    found
}

/// Tarjan's strongly connected components of a graph given as adjacency sets.
fn strongly_connected(graph: &[BTreeSet<usize>]) -> Vec<Vec<usize>> {
    struct State<'g> {
        graph: &'g [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        groups: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in s.graph[v].iter() {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                group.push(w);
                if w == v {
                    break;
                }
            }
            group.sort_unstable();
            s.groups.push(group);
        }
    }
    let n = graph.len();
    let mut s = State {
        graph,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        groups: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.groups
}

/// Every `.rs` file under `dir`, as (path relative to the crate, text), sorted.
fn read_tree(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under the crate");
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            out.push((rel.to_string_lossy().replace('\\', "/"), text));
        }
    }
}

fn the_crate() -> Crate {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    read_tree(root, &root.join("src"), &mut sources);
    Crate::new(&sources)
}

fn tree(files: &[(&str, &str)]) -> Crate {
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    Crate::new(&sources)
}

#[test]
fn src_has_no_module_circles() {
    let circles = the_crate().circles();
    let listing: Vec<String> = circles
        .iter()
        .enumerate()
        .map(|(k, lines)| format!("circle {}:\n  {}", k + 1, lines.join("\n  ")))
        .collect();
    assert!(
        circles.is_empty(),
        "{} import circle(s) in src/:\n{}",
        circles.len(),
        listing.join("\n")
    );
}

#[test]
fn the_scan_reads_the_real_tree() {
    // Guards against a scan that finds no circle because it finds nothing at all.
    let krate = the_crate();
    assert!(krate.files.len() > 50, "{} files", krate.files.len());
    let edges: usize = (0..krate.files.len()).map(|k| krate.edges(k).len()).sum();
    assert!(edges > 150, "only {edges} references found");
    // `use crate::experiment::{Experiment, Snapshot};`
    assert!(krate.has_edge("src/compare.rs", "src/experiment.rs"));
    // `use crate::ConfigError;` goes through lib.rs's re-export to error.rs, not to lib.rs.
    assert!(krate.has_edge("src/compare.rs", "src/error.rs"));
    assert!(!krate.has_edge("src/compare.rs", "src/lib.rs"));
}

#[test]
fn an_inline_crate_path_in_a_function_body_closes_a_circle() {
    let krate = tree(&[
        ("src/lib.rs", "pub mod config;\npub mod lessons;\n"),
        (
            "src/config/mod.rs",
            "pub struct Config;\nfn open(id: &str) -> bool {\n    crate::lessons::find(id).is_some()\n}\n",
        ),
        (
            "src/lessons/mod.rs",
            "use crate::config::Config;\npub fn find(id: &str) -> Option<Config> { None }\n",
        ),
    ]);
    let circles = krate.circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    let joined = circles[0].join("\n");
    assert!(
        joined.contains("src/config/mod.rs -> src/lessons/mod.rs: crate::lessons::find"),
        "{joined}"
    );
}

#[test]
fn a_super_path_between_sibling_files_closes_a_circle() {
    let krate = tree(&[
        ("src/lib.rs", "pub mod web;\n"),
        ("src/web/mod.rs", "mod draw;\nmod views;\npub struct Lab;\n"),
        (
            "src/web/draw.rs",
            "use super::Lab;\npub fn property() {}\npub struct State {\n    landscape: super::views::LandscapeOptions,\n}\n",
        ),
        (
            "src/web/views.rs",
            "use super::draw::property;\npub struct LandscapeOptions;\n",
        ),
    ]);
    let circles = krate.circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert_eq!(
        circles[0],
        [
            "src/web/draw.rs -> src/web/views.rs: super::views::LandscapeOptions",
            "src/web/views.rs -> src/web/draw.rs: use super::draw::property",
        ]
    );
}

#[test]
fn a_grouped_use_is_read_branch_by_branch() {
    let krate = tree(&[
        ("src/lib.rs", "pub mod a;\npub mod b;\n"),
        (
            "src/a.rs",
            "use crate::{b::{self, inner::Deep as D}, a::Own};\npub struct Own;\n",
        ),
        ("src/b/mod.rs", "pub mod inner;\n"),
        ("src/b/inner.rs", "pub struct Deep;\nuse crate::a::*;\n"),
    ]);
    let circles = krate.circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(krate.has_edge("src/a.rs", "src/b/inner.rs"));
    assert!(krate.has_edge("src/a.rs", "src/b/mod.rs"));
    assert!(krate.has_edge("src/b/inner.rs", "src/a.rs"));
}

#[test]
fn a_child_that_needs_its_parents_own_item_closes_a_circle() {
    let krate = tree(&[
        ("src/lib.rs", "pub mod config;\n"),
        (
            "src/config/mod.rs",
            "mod table;\npub fn clip() {}\npub fn get() { table::key(); }\n",
        ),
        (
            "src/config/table.rs",
            "use super::clip;\npub fn key() { clip() }\n",
        ),
    ]);
    assert_eq!(krate.circles().len(), 1);
}

#[test]
fn comments_strings_test_modules_and_re_exports_make_no_circle() {
    let krate = tree(&[
        (
            "src/lib.rs",
            "//! See [`crate::config::table`].\npub mod config;\npub use config::Key;\n",
        ),
        (
            "src/config/mod.rs",
            "//! The rows live in [`table`]; `query` reads links.\nmod query;\nmod table;\npub use query::read;\npub use table::{key, Key};\n",
        ),
        (
            "src/config/table.rs",
            "/// Not `super::query::read`.\npub struct Key;\npub fn key() -> &'static str { \"crate::config::query::read\" }\n#[cfg(test)]\nmod tests {\n    use super::*;\n    #[test]\n    fn t() { let _c = 'x'; super::key(); }\n}\n",
        ),
        (
            "src/config/query.rs",
            "use super::Key;\npub fn read<'a>(s: &'a str) -> Option<Key> { crate::config::key(); let _ = r#\"super::query\"#; None }\n",
        ),
    ]);
    assert!(krate.circles().is_empty(), "{:?}", krate.circles());
    // The re-exports are followed to the file that defines the name.
    assert!(krate.has_edge("src/config/query.rs", "src/config/table.rs"));
    assert!(!krate.has_edge("src/config/query.rs", "src/config/mod.rs"));
    assert!(!krate.has_edge("src/config/table.rs", "src/config/query.rs"));
}
