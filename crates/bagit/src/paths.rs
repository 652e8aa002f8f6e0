//! Paths inside a bag: relative, `/`-separated, never leaving the bag, and
//! written in manifests with the three characters RFC 8493 §2.1.3 encodes.

/// Whether `path` can name a file inside a bag: no empty, `.` or `..`
/// segment, no backslash, no control character.
pub(crate) fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.chars().any(|c| c == '\\' || c.is_control())
        && path.split('/').all(|segment| !matches!(segment, "" | "." | ".."))
}

/// A path as a manifest line writes it: `%`, CR and LF percent-encoded.
pub(crate) fn encode(path: &str) -> String {
    path.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A manifest line's path back to the file's name.
pub(crate) fn decode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3).map(str::to_ascii_uppercase);
        let decoded = match code.as_deref() {
            Some("25") => Some('%'),
            Some("0D") => Some('\r'),
            Some("0A") => Some('\n'),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[at + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_may_not_climb_out_of_the_bag_or_be_absolute() {
        assert!(is_safe("data/step-1/รายงาน.pdf"));
        for bad in ["", "/etc/passwd", "data/../x", "data//x", "./x", "data\\x", "a\u{0}b", "data/"] {
            assert!(!is_safe(bad), "{bad:?}");
        }
    }

    #[test]
    fn percent_signs_and_line_breaks_survive_a_manifest() {
        let name = "data/100% done\r\nnext.txt";
        assert_eq!(encode(name), "data/100%25 done%0D%0Anext.txt");
        assert_eq!(decode(&encode(name)), name);
        assert_eq!(decode("a%250Ab%2"), "a%0Ab%2");
    }
}
