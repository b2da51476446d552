//! The percent-coding of a URL query: `a=1&b=x%2Cy` to and from (key, value) pairs. It
//! knows nothing of the keys; [`query`](super::query) reads them.

/// A query's `key=value` pairs, percent-decoded, in the order given.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
}

/// `text` with `+` read as a space and every `%XX` as its byte (an unreadable `%` stays).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b'+' => out.push(b' '),
            b'%' if k + 2 < bytes.len() => {
                // The two characters after `%`, read straight from the text (`get` refuses
                // a cut inside a character), rather than re-checking the bytes as UTF-8.
                match text
                    .get(k + 1..k + 3)
                    .map(|hex| u8::from_str_radix(hex, 16))
                {
                    Some(Ok(b)) => {
                        out.push(b);
                        k += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        k += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` with every byte but letters, digits and `-_.~,` written as `%XX`.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
