//! The demo year's evidence pack as an evaluator receives it: `ruamjai
//! evidence verify` and an independent BagIt validator (the Library of
//! Congress's `bagit` for Python) both accept it, and verify refuses each
//! kind of tampering, naming what is wrong.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ruamjai_domain::calendar::FiscalYear;

const BIN: &str = env!("CARGO_BIN_EXE_ruamjai");

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).env("RUAMJAI_LOG", "warn").output().expect("ruamjai runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The demo loaded into a fresh SQLite file and packed for the 12-month round.
fn demo_pack() -> (Dir, String, PathBuf) {
    let dir = Dir(std::env::temp_dir().join(format!("ruamjai-evidence-cli-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let database = format!("sqlite://{}", dir.0.join("demo.db").display());
    let loaded = run(&["demo", "--load-only", "--database", &database]);
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    let year = FiscalYear::of(time::OffsetDateTime::now_utc()).be().to_string();
    let zip = dir.0.join("pack.zip");
    let packed = run(&[
        "evidence",
        "pack",
        "--database",
        &database,
        "--fiscal-year",
        &year,
        "--round",
        "12",
        "--out",
        zip.to_str().unwrap(),
    ]);
    assert!(packed.status.success(), "{}", String::from_utf8_lossy(&packed.stderr));
    assert!(stdout(&packed).starts_with("packed "), "{}", stdout(&packed));
    (dir, database, zip)
}

/// The archive's files, name and content, in order.
type Entries = Vec<(String, Vec<u8>)>;

fn entries(zip: &[u8]) -> Entries {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn write_zip(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn extract(zip: &Path, into: &Path) {
    for (name, bytes) in entries(&std::fs::read(zip).unwrap()) {
        let path = into.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

#[test]
fn the_demo_pack_verifies_with_ruamjai_and_with_an_independent_bagit_validator_and_tampering_is_named() {
    let (dir, database, zip) = demo_pack();

    let verified = run(&["evidence", "verify", zip.to_str().unwrap(), "--database", &database]);
    assert!(verified.status.success(), "{}{}", stdout(&verified), String::from_utf8_lossy(&verified.stderr));
    assert!(stdout(&verified).contains("pack valid"), "{}", stdout(&verified));
    assert!(stdout(&verified).contains("is in the live chain"), "{}", stdout(&verified));

    let unzipped = dir.0.join("unzipped");
    extract(&zip, &unzipped);
    let bag = std::fs::read_dir(&unzipped).unwrap().next().unwrap().unwrap().path();
    let python = Command::new("python3").args(["-m", "bagit", "--validate"]).arg(&bag).output();
    let python = python.expect("python3 runs");
    assert!(
        python.status.success(),
        "the bagit validator (pip install bagit; scripts/test installs it) refused the pack: {}",
        String::from_utf8_lossy(&python.stderr)
    );
    assert!(String::from_utf8_lossy(&python.stderr).contains("is valid"));

    let original = entries(&std::fs::read(&zip).unwrap());
    let root = original[0].0.split('/').next().unwrap().to_owned();
    let tampered = |name: &str, edit: &dyn Fn(&mut Entries)| {
        let mut all = original.clone();
        edit(&mut all);
        let path = dir.0.join(format!("{name}.zip"));
        write_zip(&path, &all);
        let output = run(&["evidence", "verify", path.to_str().unwrap()]);
        assert!(!output.status.success(), "{name} should be refused: {}", stdout(&output));
        stdout(&output)
    };
    let file = |all: &mut Entries, suffix: &str| -> usize {
        all.iter().position(|(n, _)| n.ends_with(suffix)).unwrap()
    };

    let said = tampered("one-byte", &|all| {
        let at = file(all, "/data/sar.pdf");
        let last = all[at].1.len() - 10;
        all[at].1[last] ^= 1;
    });
    assert!(said.contains("FAILED: `data/sar.pdf` does not match its hash"), "{said}");

    let said = tampered("added", &|all| all.push((format!("{root}/data/extra.pdf"), b"%PDF".to_vec())));
    assert!(said.contains("`data/extra.pdf` is in the bag but not in the manifest"), "{said}");

    let said = tampered("removed", &|all| {
        let at = file(all, "/data/index.html");
        all.remove(at);
    });
    assert!(said.contains("`data/index.html` is listed in the manifest but not in the bag"), "{said}");

    let said = tampered("manifest-line", &|all| {
        let at = file(all, "/manifest-sha256.txt");
        let text = String::from_utf8(all[at].1.clone()).unwrap();
        let line = text.lines().find(|l| l.ends_with("data/kpi.json")).unwrap().to_owned();
        let edited = format!("{}{}", "0".repeat(64), &line[64..]);
        all[at].1 = text.replace(&line, &edited).into_bytes();
    });
    assert!(said.contains("`data/kpi.json` does not match its hash"), "{said}");
    assert!(
        said.contains("`manifest-sha256.txt` does not match its hash in `tagmanifest-sha256.txt`"),
        "{said}"
    );

    let said = tampered("audit-line", &|all| {
        let at = file(all, "/data/audit/audit.jsonl");
        let text = String::from_utf8(all[at].1.clone()).unwrap();
        all[at].1 = text.replacen("\"action\":\"", "\"action\":\"x", 1).into_bytes();
    });
    assert!(said.contains("`data/audit/audit.jsonl` does not match its hash"), "{said}");
    assert!(said.contains("entry 1: its content does not match its hash"), "{said}");
}

/// Every name, e-mail address and phone the demo's public gave, and the
/// free text of their matters and comments.
async fn personal_data_of_the_public(store: &ruamjai_store::Store) -> Vec<String> {
    let queries = [
        "SELECT contact_name FROM submissions UNION SELECT contact_email FROM submissions
         UNION SELECT contact_phone FROM submissions UNION SELECT details FROM submissions",
        "SELECT name FROM registrations UNION SELECT email FROM registrations UNION SELECT phone FROM registrations",
        "SELECT name FROM contacts UNION SELECT email FROM contacts UNION SELECT phone FROM contacts",
        "SELECT respondent_name FROM responses UNION SELECT respondent_email FROM responses",
        "SELECT name FROM consultation_comments UNION SELECT email FROM consultation_comments
         UNION SELECT body FROM consultation_comments",
    ];
    let mut found = Vec::new();
    for sql in queries {
        let rows: Vec<(Option<String>,)> = sqlx::query_as(sql).fetch_all(store.pool()).await.unwrap();
        found.extend(rows.into_iter().filter_map(|(v,)| v).filter(|v| v.trim().chars().count() >= 4));
    }
    found
}

#[tokio::test]
async fn the_audit_log_of_the_demo_year_carries_no_name_contact_or_words_of_the_public() {
    let dir = Dir(std::env::temp_dir().join(format!("ruamjai-evidence-pii-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let database = format!("sqlite://{}", dir.0.join("demo.db").display());
    let loaded = run(&["demo", "--load-only", "--database", &database]);
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    let store = ruamjai_store::Store::open(&database).await.unwrap();
    let personal = personal_data_of_the_public(&store).await;
    assert!(personal.len() > 20, "the demo's public left their details: {}", personal.len());
    let (head, _) = store.audit_head().await.unwrap();
    let entries = store.audit_entries(0, head, i64::MAX).await.unwrap();
    assert!(entries.len() > 100, "a year of work: {}", entries.len());
    for entry in &entries {
        let logged = format!("{} {} {}", entry.record.entity_id, entry.record.before, entry.record.after);
        for data in &personal {
            assert!(
                !logged.contains(data.as_str()),
                "audit entry {} ({}) carries “{data}”",
                entry.record.seq,
                entry.record.action
            );
        }
    }
}
