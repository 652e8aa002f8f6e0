use std::collections::BTreeSet;

use super::*;

fn keys(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .collect()
}

#[test]
fn thai_and_english_have_the_same_messages() {
    let (th, en) = (keys(TH_FTL), keys(EN_FTL));
    assert_eq!(th.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new(), "only in Thai");
    assert_eq!(en.difference(&th).collect::<Vec<_>>(), Vec::<&String>::new(), "only in English");
}

#[test]
fn every_key_used_by_a_template_or_the_code_exists() {
    let known = keys(TH_FTL);
    let root = env!("CARGO_MANIFEST_DIR");
    let mut missing = Vec::new();
    let mut files = Vec::new();
    for dir in ["templates", "src", "../app/src"] {
        files_under(&std::path::Path::new(root).join(dir), &mut files);
    }
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for part in text.split(".t(\"").skip(1).chain(text.split(".ta(\"").skip(1)) {
            let key = part.split('"').next().unwrap_or_default();
            if !known.contains(key) {
                missing.push(format!("{}: {key}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "keys without a translation: {missing:#?}");
}

fn files_under(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, files);
        } else {
            files.push(path);
        }
    }
}

#[test]
fn messages_take_arguments_without_isolation_marks() {
    let text = Locale::En.ta("login-throttled", &[("minutes", 3.into())]);
    assert!(text.contains('3') && !text.contains('\u{2068}'), "{text}");
}

#[test]
fn every_kind_status_and_channel_has_a_label_in_both_languages() {
    use ruamjai_domain::participation::{Channel, Kind, Status};

    use crate::kit::labels::LabelKey;
    let (th, en) = (keys(TH_FTL), keys(EN_FTL));
    let kinds = Kind::ALL.iter().map(LabelKey::label_key);
    let statuses = Status::ALL.iter().map(LabelKey::label_key);
    let channels = Channel::ALL.iter().map(LabelKey::label_key);
    for key in kinds.chain(statuses).chain(channels) {
        assert!(th.contains(&key) && en.contains(&key), "{key}");
    }
}

#[test]
fn every_mail_purpose_has_a_label_in_both_languages() {
    let (th, en) = (keys(TH_FTL), keys(EN_FTL));
    for purpose in ruamjai_domain::mail::Purpose::ALL {
        let key = format!("outbox-purpose-{}", purpose.code());
        assert!(th.contains(&key) && en.contains(&key), "{key}");
    }
}

#[test]
fn every_report_sheet_and_heading_key_exists_in_both_languages() {
    let (th, en) = (keys(TH_FTL), keys(EN_FTL));
    let docs = include_str!("../../../docs/src/participation.rs");
    for part in docs.split("labels.text(\"").skip(1) {
        let key = part.split('"').next().unwrap_or_default();
        assert!(th.contains(key) && en.contains(key), "{key}");
    }
}

#[test]
fn every_consultation_phase_and_subject_has_a_label_in_both_languages() {
    use ruamjai_domain::participation::consultation::{Phase, Subject};

    use crate::kit::labels::LabelKey;
    let (th, en) = (keys(TH_FTL), keys(EN_FTL));
    let phases = [Phase::Upcoming, Phase::Open, Phase::Closed, Phase::Responded].map(|p| p.label_key());
    let subjects = Subject::ALL.map(|s| s.label_key());
    for key in phases.iter().chain(&subjects) {
        assert!(th.contains(key) && en.contains(key), "{key}");
    }
}
