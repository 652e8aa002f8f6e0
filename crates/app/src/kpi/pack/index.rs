//! `data/index.html`: a plain page, readable offline in any browser, that
//! lists every file of the pack by step, with what each step came to.

use std::collections::BTreeMap;
use std::fmt::Write;

use ruamjai_domain::kpi::{Evaluation, Kind};
use ruamjai_i18n::Locale;

use ruamjai_docs::streamed::escape;

use super::Listed;
use super::plan::{step_folders, value_folder};

/// A link's path, each segment percent-encoded where a URL needs it.
fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            other => {
                let _ = write!(out, "%{other:02X}");
            }
        }
    }
    out
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}

/// The headings of the folders: each step's criterion and verdict.
fn headings(locale: Locale, evaluation: &Evaluation) -> BTreeMap<String, String> {
    let mut headings = BTreeMap::new();
    headings.insert(String::new(), locale.t("pack-index-main"));
    headings.insert("audit".to_owned(), locale.t("pack-index-audit"));
    for result in &evaluation.indicators {
        let code = result.indicator.code.clone();
        headings.insert(value_folder(result), locale.ta("pack-index-values", &[("code", code.into())]));
    }
    for (folder, result, step) in step_folders(evaluation) {
        let Kind::Milestone { steps, .. } = &result.indicator.kind else { continue };
        let criterion =
            steps.get(usize::from(step.number) - 1).map(|s| locale.pick(&s.criterion_th, &s.criterion_en));
        let verdict = locale.t(if step.met { "pack-index-met" } else { "pack-index-not-met" });
        let heading = locale.ta("pack-index-step", &[("number", step.number.into())]);
        headings.insert(folder, format!("{heading}: {} ({verdict})", criterion.unwrap_or_default()));
    }
    headings
}

/// The top folder a file belongs to: its step, `audit`, or the pack's root.
fn section(listed: &Listed, headings: &BTreeMap<String, String>) -> String {
    let folder = listed.folder.trim_end_matches("/uploaded");
    if headings.contains_key(folder) { folder.to_owned() } else { listed.folder.clone() }
}

pub(super) fn page(locale: Locale, bag: &str, evaluation: &Evaluation, listing: &[Listed]) -> String {
    let headings = headings(locale, evaluation);
    // In the order the pack was written: the report, each step, the audit log.
    let mut sections: Vec<(String, Vec<&Listed>)> = Vec::new();
    for listed in listing {
        let folder = section(listed, &headings);
        match sections.iter_mut().find(|(f, _)| *f == folder) {
            Some((_, files)) => files.push(listed),
            None => sections.push((folder, vec![listed])),
        }
    }
    let title = escape(&locale.t("pack-index-title"));
    let mut html = format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} {bag}</title>\
         <style>body{{font-family:sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5}}\
         table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ccc;padding:.25rem;text-align:left;\
         overflow-wrap:anywhere}}td.n{{text-align:right;white-space:nowrap}}</style></head><body>\n\
         <h1>{title}</h1>\n<p>{bag} · {as_of}</p>\n<p>{lead}</p>\n",
        lang = locale.code(),
        bag = escape(bag),
        as_of = escape(&locale.ta("pack-index-as-of", &[("day", locale.day(&evaluation.as_of).into())])),
        lead = escape(&locale.t("pack-index-lead")),
    );
    for (folder, files) in &sections {
        let heading = headings.get(folder).cloned().unwrap_or_else(|| folder.clone());
        let _ = write!(html, "<h2>{}</h2>\n<table><tbody>\n", escape(&heading));
        for listed in files {
            let _ = writeln!(
                html,
                "<tr><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td></tr>",
                href(&listed.path),
                escape(&listed.path),
                size(listed.bytes)
            );
        }
        html.push_str("</tbody></table>\n");
    }
    let _ = write!(html, "<p>{}</p>\n</body></html>\n", escape(&locale.t("pack-personal-data")));
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_links_encoded() {
        assert_eq!(escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
        assert_eq!(href("step-1/ภาพ 1.jpg"), "step-1/%E0%B8%A0%E0%B8%B2%E0%B8%9E%201.jpg");
    }
}
