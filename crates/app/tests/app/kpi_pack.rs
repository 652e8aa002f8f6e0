//! The evidence pack of a round: a BagIt bag an evaluator checks offline,
//! holding each step's documents and uploaded files, the period's audit
//! entries that recompute to the recorded head, and nothing personal of
//! the public; refused when tampered with, never left half-written.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ruamjai_app::kpi::pack::{self, Packed, Progress, verify};
use ruamjai_app::kpi::{self};
use ruamjai_app::{App, Caller, Error};
use ruamjai_bagit::{Bag, BagInfo, BagWriter};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::attachment::NewAttachment;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;
use ruamjai_domain::participation::Channel;

use crate::kpi_facts::{NOW, answer, center, file_through, held_activity, write_minutes};
use crate::support::staff;

crate::app_tests!(
    a_round_s_pack_is_a_bag_of_every_step_s_evidence_that_verifies_offline,
    a_pack_re_bagged_after_an_audit_line_was_edited_is_refused_for_its_chain,
    an_evidence_file_that_no_longer_matches_its_hash_fails_the_pack_by_name_and_leaves_no_file,
    the_audit_log_of_a_year_of_work_carries_no_name_or_contact_of_the_public,
    every_staff_role_may_pack_the_evidence_and_the_public_may_not,
);

fn out_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ruamjai-pack-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("pack.zip")
}

fn json(_: &ruamjai_domain::kpi::Evaluation, _: &ruamjai_domain::catalog::Catalog) -> Vec<u8> {
    b"{\"fiscal_year\":2570}".to_vec()
}

async fn pack_of(app: &App, caller: &Caller, out: &Path) -> (Result<Packed, Error>, Vec<Progress>) {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let log = heard.clone();
    let on_progress: pack::OnProgress = Arc::new(move |p| log.lock().unwrap().push(p));
    let year = FiscalYear::of(app.now());
    let packed = pack::pack(app, caller, (year, Round::Six), out, Arc::new(json), on_progress).await;
    let heard = heard.lock().unwrap().clone();
    (packed, heard)
}

fn read(zip: &[u8], path: &str) -> Vec<u8> {
    let mut bag = Bag::open(Cursor::new(zip)).unwrap();
    let mut bytes = Vec::new();
    bag.file(path).unwrap().unwrap_or_else(|| panic!("{path} in the pack")).read_to_end(&mut bytes).unwrap();
    bytes
}

fn payload_paths(zip: &[u8]) -> Vec<String> {
    let manifest = String::from_utf8(read(zip, "manifest-sha256.txt")).unwrap();
    manifest.lines().map(|l| l.split_once("  ").unwrap().1.to_owned()).collect()
}

/// A year with steps 1 and 2 done, and step 1 signed off with a file.
async fn year_of_work(app: &App) -> Caller {
    let center = center(app).await;
    let director = center.director.clone();
    for code in file_through(app, &director, &[Channel::Web, Channel::Telephone, Channel::Letter]).await {
        answer(app, &director, &code).await;
    }
    let meeting = held_activity(app, &director).await;
    write_minutes(app, &director, meeting).await;
    let minutes = NewAttachment::check("รายงานการประชุม.pdf", b"%PDF-1.7 minutes".to_vec()).unwrap();
    let year = FiscalYear::of(app.now());
    kpi::sign_off(app, &director, year, "4", (1, true, "ช่องทางครบตามเกณฑ์"), &[minutes]).await.unwrap();
    director
}

async fn a_round_s_pack_is_a_bag_of_every_step_s_evidence_that_verifies_offline(app: App) {
    let app = app.as_of(NOW);
    let director = year_of_work(&app).await;
    // Decided again later with another file: the earlier file stays in the pack as history.
    let letter = NewAttachment::check("หนังสือเวียน.pdf", b"%PDF-1.7 circular".to_vec()).unwrap();
    let later = app.as_of(NOW + time::Duration::hours(1));
    kpi::sign_off(&later, &director, FiscalYear::of(NOW), "4", (1, true, "ยืนยันอีกครั้ง"), &[letter])
        .await
        .unwrap();
    let app = later;
    let out = out_path("whole");
    let (packed, heard) = pack_of(&app, &director, &out).await;
    let packed = packed.unwrap();
    assert_eq!(packed.path, out);
    assert!(!pack::partial_path(&out).exists(), "the temporary file is renamed, not left behind");

    let checked = verify::verify(&out, |_| {}).unwrap();
    assert!(checked.holds(), "{:?}", checked.problems());
    assert_eq!(checked.bag.files, packed.files);
    assert!(checked.audit_entries > 10, "the period's entries are recomputed: {}", checked.audit_entries);
    let (head_seq, head_hash) = app.store().audit_head().await.unwrap();
    assert_eq!(checked.head, Some((head_seq, head_hash.clone())));
    assert_eq!((packed.audit_seq, packed.audit_head.as_str()), (head_seq, head_hash.as_str()));
    let live = verify::against_live(app.store(), &(head_seq, head_hash)).await.unwrap();
    assert!(live.head_in_chain && live.changed_since.is_empty());

    let zip = std::fs::read(&out).unwrap();
    let paths = payload_paths(&zip);
    for expected in [
        "data/sar.pdf",
        "data/kpi.json",
        "data/step-1-channels/participation-report-2570-h1.xlsx",
        "data/step-2-relationships/activity-1.pdf",
        "data/audit/audit.jsonl",
        "data/audit/head.json",
        "data/index.html",
    ] {
        assert!(paths.iter().any(|p| p == expected), "{expected} in {paths:#?}");
    }
    let uploaded: Vec<&String> =
        paths.iter().filter(|p| p.starts_with("data/step-1-channels/uploaded/")).collect();
    assert_eq!(uploaded.len(), 2, "both sign-offs' files: {uploaded:?}");
    let minutes =
        uploaded.iter().find(|p| p.ends_with("-รายงานการประชุม.pdf")).expect("the first sign-off's file");
    assert_eq!(read(&zip, minutes), b"%PDF-1.7 minutes");
    assert!(uploaded.iter().any(|p| p.ends_with("-หนังสือเวียน.pdf")));
    assert!(read(&zip, "data/sar.pdf").starts_with(b"%PDF"));
    assert_eq!(read(&zip, "data/kpi.json"), b"{\"fiscal_year\":2570}", "the JSON the caller hands in");

    let info = String::from_utf8(read(&zip, "bag-info.txt")).unwrap();
    for label in [
        "Source-Organization: ",
        "Contact-Phone: ",
        "External-Identifier: ruamjai-kpi-2570-r6",
        "Bagging-Date: 2027-01-15",
        "Payload-Oxum: ",
        "Ruamjai-Personal-Data: ",
    ] {
        assert!(info.contains(label), "{label} in {info}");
    }
    let index = String::from_utf8(read(&zip, "data/index.html")).unwrap();
    assert!(index.contains("href=\"step-2-relationships/activity-1.pdf\""), "{index}");
    assert!(index.contains("ขั้นตอนที่ 1"), "steps are headed by their criterion");

    let last = heard.last().copied().unwrap();
    assert_eq!(last.done, last.total, "the progress ends complete");
    assert_eq!(heard.first().map(|p| p.done), Some(0));
    assert_eq!(last.bytes, packed.bytes, "every payload byte is counted");
}

/// The pack re-made as someone would after editing a file of the unzipped
/// folder: a fresh bag with every manifest recomputed, so only the chain
/// can tell.
fn rebag(zip: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut bag = Bag::open(Cursor::new(zip)).unwrap();
    let root = bag.root().to_owned();
    let info = bag.info().unwrap();
    let mut out = BagWriter::new(Cursor::new(Vec::new()), &root).unwrap();
    for path in payload_paths(zip) {
        let bytes = edit(&path, read(zip, &path));
        out.add(path.strip_prefix("data/").unwrap(), bytes.as_slice()).unwrap();
    }
    let info =
        info.iter().filter(|(l, _)| l != "Payload-Oxum").fold(BagInfo::default(), |i, (l, v)| i.with(l, v));
    out.finish(&info).unwrap().0.into_inner()
}

async fn a_pack_re_bagged_after_an_audit_line_was_edited_is_refused_for_its_chain(app: App) {
    let app = app.as_of(NOW);
    let director = year_of_work(&app).await;
    let out = out_path("tampered");
    pack_of(&app, &director, &out).await.0.unwrap();
    let zip = std::fs::read(&out).unwrap();

    let untouched = out.with_file_name("rebagged.zip");
    std::fs::write(&untouched, rebag(&zip, |_, bytes| bytes)).unwrap();
    assert!(verify::verify(&untouched, |_| {}).unwrap().holds(), "re-bagging alone changes nothing");

    let edited = out.with_file_name("edited.zip");
    let forged = rebag(&zip, |path, bytes| {
        if path != "data/audit/audit.jsonl" {
            return bytes;
        }
        let text = String::from_utf8(bytes).unwrap();
        text.replacen("director@ict.go.th", "someone-else@ict.go.th", 1).into_bytes()
    });
    std::fs::write(&edited, forged).unwrap();
    let checked = verify::verify(&edited, |_| {}).unwrap();
    assert!(checked.bag.is_valid(), "the bag itself is consistent again");
    assert!(!checked.holds());
    let problems = checked.problems();
    assert!(
        problems.len() == 1
            && problems[0].contains("audit.jsonl")
            && problems[0].contains("does not match its hash"),
        "{problems:?}"
    );
}

async fn an_evidence_file_that_no_longer_matches_its_hash_fails_the_pack_by_name_and_leaves_no_file(
    app: App,
) {
    let app = app.as_of(NOW);
    let director = year_of_work(&app).await;
    sqlx::query("UPDATE attachments SET content = $1 WHERE file_name = $2")
        .bind(b"%PDF-1.7 rewritten".as_slice())
        .bind("รายงานการประชุม.pdf")
        .execute(app.store().pool())
        .await
        .unwrap();
    let out = out_path("corrupt");
    let (packed, heard) = pack_of(&app, &director, &out).await;
    let Err(Error::Internal(message)) = packed else { panic!("the pack should fail: {packed:?}") };
    assert!(message.contains("รายงานการประชุม.pdf"), "{message}");
    assert!(!out.exists() && !pack::partial_path(&out).exists(), "nothing is left where the pack would be");
    let last = heard.last().unwrap();
    assert!(last.done < last.total, "the progress stops short of its total");
}

async fn the_audit_log_of_a_year_of_work_carries_no_name_or_contact_of_the_public(app: App) {
    let app = app.as_of(NOW);
    year_of_work(&app).await;
    let (head, _) = app.store().audit_head().await.unwrap();
    let entries = app.store().audit_entries(0, head, i64::MAX).await.unwrap();
    assert!(entries.len() > 20);
    // What the year's public filed and registered with (kpi_facts): names,
    // e-mails, and the free text of their matters.
    let personal =
        ["สมชาย ใจดี", "somchai@example.com", "ผู้แทนคนที่", "guest0@example.com", "จังหวัดต้องการห้องประชุม"];
    for entry in &entries {
        let line = format!("{:?}", entry.record);
        for data in personal {
            assert!(
                !line.contains(data),
                "entry {} ({}) carries “{data}”: {line}",
                entry.record.seq,
                entry.record.action
            );
        }
    }
}

async fn every_staff_role_may_pack_the_evidence_and_the_public_may_not(app: App) {
    let app = app.as_of(NOW);
    let out = out_path("who");
    for (email, role, division) in [
        ("evaluator@ict.go.th", Role::Evaluator, None),
        ("officer@ict.go.th", Role::Officer, Some("strategy")),
    ] {
        let caller = staff(&app, email, role, division).await;
        pack_of(&app, &caller, &out).await.0.unwrap_or_else(|e| panic!("{role:?} reads the evidence: {e:?}"));
        std::fs::remove_file(&out).unwrap();
    }
    let refused = pack_of(&app, &crate::support::public(9), &out).await.0;
    assert!(matches!(refused, Err(Error::Unauthenticated)), "{refused:?}");
    assert!(!out.exists());
}
