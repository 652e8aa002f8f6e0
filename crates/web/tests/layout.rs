//! The web crate is laid out by area, and areas stand side by side: none
//! imports another, so that a change in one cannot break another's pages
//! and a newcomer finds an area whole in its folder. What areas share lives
//! in `kit` (or below it: `auth`, `page`, `error`, `i18n`, …), which in turn
//! knows no area. The site (`site/`) is the one place that names them all;
//! `state.rs`, built once for every area, holds the one cache that belongs
//! to an area (the citizen manuals in force, with their rendered pages).

use std::path::{Path, PathBuf};

const AREAS: &[&str] =
    &["accounts", "audit", "catalog", "engagement", "kpi", "manuals", "participation", "satisfaction"];

/// Modules every area may use: none of them reaches back into an area.
const FOUNDATIONS: &[&str] = &[
    "kit",
    "assets",
    "auth",
    "config",
    "download",
    "error",
    "i18n",
    "mail",
    "metrics",
    "observe",
    "page",
    "pdf_cache",
    "security",
    "sheet",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files_under(dir: &Path, files: &mut Vec<PathBuf>, extension: &str) {
    for entry in std::fs::read_dir(dir).expect("the folder reads").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, files, extension);
        } else if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    files_under(dir, files, "rs");
}

/// Every `crate::<module>` a file names (in `use` lines and in paths).
fn crate_paths(text: &str) -> Vec<String> {
    text.match_indices("crate::")
        .filter(|(at, _)| !text[..*at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        .map(|(at, m)| {
            text[at + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .collect()
}

/// The modules a file uses by `crate::` paths, including `use crate::{a, b}`.
fn modules_named(text: &str) -> Vec<String> {
    let mut named = crate_paths(text);
    for (at, m) in text.match_indices("crate::{") {
        let group = &text[at + m.len()..];
        let group = &group[..group.find('}').unwrap_or(group.len())];
        named.extend(
            group.split(',').map(|part| part.trim().split("::").next().unwrap_or_default().to_owned()),
        );
    }
    named
}

fn offences(files: &[PathBuf], allowed: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("the source file reads");
        for module in modules_named(&text) {
            if (AREAS.contains(&module.as_str()) || module == "site") && !allowed(&module) {
                found.push(format!(
                    "{} names crate::{module}",
                    file.strip_prefix(src()).unwrap_or(file).display()
                ));
            }
        }
        // `super::super::` climbs out of a sub-module; from an area's top it
        // would reach the crate root and, through it, other areas.
        if text.contains("super::super::") {
            found.push(format!("{} climbs with super::super::", file.display()));
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn no_area_imports_another() {
    let mut found = Vec::new();
    for area in AREAS {
        let mut files = Vec::new();
        rust_files(&src().join(area), &mut files);
        assert!(!files.is_empty(), "the area {area} has its folder");
        found.extend(offences(&files, |module| module == *area));
    }
    assert!(found.is_empty(), "areas import each other: {found:#?}");
}

#[test]
fn the_foundations_know_no_area() {
    let mut files = Vec::new();
    for module in FOUNDATIONS {
        let dir = src().join(module);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
        let file = src().join(format!("{module}.rs"));
        if file.is_file() {
            files.push(file);
        }
    }
    let found = offences(&files, |_| false);
    assert!(found.is_empty(), "foundations import areas: {found:#?}");
}

#[test]
fn every_source_file_belongs_to_an_area_the_site_or_a_foundation() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let strays: Vec<_> = files
        .iter()
        .filter_map(|file| {
            let first = file.strip_prefix(src()).ok()?.components().next()?.as_os_str().to_str()?.to_owned();
            let module = first.trim_end_matches(".rs");
            let known = ["lib", "site", "state"].contains(&module)
                || AREAS.contains(&module)
                || FOUNDATIONS.contains(&module);
            (!known).then_some(first)
        })
        .collect();
    assert!(strays.is_empty(), "files outside the layout (add them to an area or a foundation): {strays:?}");
}

#[test]
fn every_template_sits_with_its_area_or_the_site() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut templates = Vec::new();
    files_under(&root, &mut templates, "html");
    let strays: Vec<_> = templates
        .iter()
        .filter_map(|t| {
            let relative = t.strip_prefix(&root).ok()?.to_str()?.to_owned();
            let first = relative.split('/').next()?;
            let shared = ["layout.html", "staff_layout.html", "error.html", "kit.html"].contains(&first);
            (!shared && first != "site" && !AREAS.contains(&first)).then_some(relative)
        })
        .collect();
    assert!(strays.is_empty(), "templates outside an area's folder: {strays:?}");
}

#[test]
fn templates_name_no_area_module() {
    let mut found = Vec::new();
    let mut templates = Vec::new();
    files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"), &mut templates, "html");
    for template in templates {
        let text = std::fs::read_to_string(&template).expect("the template reads");
        found.extend(
            modules_named(&text)
                .into_iter()
                .filter(|m| AREAS.contains(&m.as_str()))
                .map(|m| format!("{} names crate::{m}", template.display())),
        );
    }
    assert!(found.is_empty(), "templates reach into areas: {found:#?}");
}

#[test]
fn the_checks_see_an_import_across_areas() {
    let text = "use crate::kit::Names;\nuse crate::{AppState, participation};\nlet x = crate::engagement::qr_svg(c);";
    assert_eq!(modules_named(text).iter().filter(|m| AREAS.contains(&m.as_str())).count(), 2);
    assert!(modules_named("use ruamjai_app::participation;").iter().all(|m| m != "participation"));
}

/// The names of the types a file derives `ToSchema` for.
fn schema_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("ToSchema") {
        let Some(derive_start) = text[..at].rfind("#[derive(") else { continue };
        if text[derive_start..at].contains(']') {
            continue; // a `use` or a bound, not this derive
        }
        let after = &text[at..];
        let item =
            after.find("pub struct ").map(|i| i + 11).or_else(|| after.find("pub enum ").map(|i| i + 9));
        if let Some(item) = item {
            names.push(after[item..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
    }
    names
}

#[test]
fn the_schema_scan_reads_each_derived_type() {
    let text = "use utoipa::ToSchema;\n#[derive(Serialize, ToSchema)]\npub struct A {\n}\n#[derive(ToSchema)]\n#[serde(x)]\npub enum B {}";
    assert_eq!(schema_names(text), ["A", "B"]);
}

/// The OpenAPI document keys schemas by their type's name, so two types of
/// one name in different modules silently overwrite each other there.
#[test]
fn every_schema_type_has_a_name_of_its_own() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut names = std::collections::BTreeMap::<String, Vec<String>>::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("the source file reads");
        for name in schema_names(&text) {
            names
                .entry(name)
                .or_default()
                .push(file.strip_prefix(src()).unwrap_or(&file).display().to_string());
        }
    }
    let shared: Vec<_> = names.iter().filter(|(_, places)| places.len() > 1).collect();
    assert!(names.len() > 20, "the scan finds the schema types");
    assert!(shared.is_empty(), "schema names used twice: {shared:?}");
}
