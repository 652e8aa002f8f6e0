//! A bag written by `BagWriter` verifies, and every kind of tampering an
//! evaluator must catch is refused with the file it concerns.

use std::io::{Cursor, Read, Write};

use ruamjai_bagit::{Bag, BagInfo, BagWriter, Problem};

fn demo_bag() -> Vec<u8> {
    let mut bag = BagWriter::new(Cursor::new(Vec::new()), "ruamjai-2570-r12").unwrap();
    bag.add("sar.pdf", &b"%PDF-1.7 the report"[..]).unwrap();
    bag.add("step-1-channels/รายงานการมีส่วนร่วม.xlsx", &b"PK workbook"[..]).unwrap();
    bag.add("audit/audit.jsonl", &b"{\"seq\":1}\n"[..]).unwrap();
    bag.add("100% done.txt", &b"percent"[..]).unwrap();
    let info = BagInfo::default().with("Source-Organization", "ศูนย์เทคโนโลยีสารสนเทศ\nกระทรวงมหาดไทย");
    let (out, _manifest_sha) = bag.finish(&info).unwrap();
    out.into_inner()
}

fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
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

/// The archive someone would make after editing the unzipped folder.
fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn edited(edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> Vec<Problem> {
    let mut all = entries(&demo_bag());
    edit(&mut all);
    problems(&rezip(&all))
}

fn problems(zip: &[u8]) -> Vec<Problem> {
    Bag::open(Cursor::new(zip)).unwrap().verify(|_| {}).unwrap().problems
}

fn find<'a>(all: &'a mut [(String, Vec<u8>)], suffix: &str) -> &'a mut Vec<u8> {
    &mut all.iter_mut().find(|(name, _)| name.ends_with(suffix)).unwrap().1
}

#[test]
fn a_written_bag_verifies_with_its_payload_counted() {
    let zip = demo_bag();
    let mut bag = Bag::open(Cursor::new(&zip)).unwrap();
    let verified = bag.verify(|_| {}).unwrap();
    assert_eq!(verified.problems, []);
    assert_eq!((verified.files, verified.bytes), (4, 19 + 11 + 10 + 7));
    assert_eq!(bag.root(), "ruamjai-2570-r12");
    let info = bag.info().unwrap();
    assert!(info.contains(&("Payload-Oxum".into(), "47.4".into())), "{info:?}");
    assert!(info.contains(&("Source-Organization".into(), "ศูนย์เทคโนโลยีสารสนเทศ กระทรวงมหาดไทย".into())));
}

#[test]
fn manifests_list_every_file_with_its_sha256_and_percent_encoded_names() {
    let all = entries(&demo_bag());
    let manifest =
        String::from_utf8(all.iter().find(|(n, _)| n.ends_with("/manifest-sha256.txt")).unwrap().1.clone());
    let manifest = manifest.unwrap();
    assert!(
        manifest.contains(&format!("{}  data/sar.pdf\n", ruamjai_bagit::sha256_hex(b"%PDF-1.7 the report")))
    );
    assert!(manifest.contains("  data/100%25 done.txt\n"));
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    for tag in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"] {
        assert!(names.contains(&format!("ruamjai-2570-r12/{tag}").as_str()), "{tag}");
    }
}

#[test]
fn one_byte_changed_in_a_file_names_that_file() {
    let found = edited(|all| find(all, "data/sar.pdf")[0] = b'X');
    assert_eq!(found, [Problem::Changed("data/sar.pdf".into())]);
}

#[test]
fn a_file_added_to_the_payload_is_named() {
    let found = edited(|all| all.push(("ruamjai-2570-r12/data/extra.pdf".into(), b"slipped in".to_vec())));
    assert_eq!(
        found,
        [
            Problem::Unlisted("data/extra.pdf".into()),
            Problem::OxumMismatch { declared: "47.4".into(), found: "57.5".into() },
        ]
    );
}

#[test]
fn a_file_added_beside_the_tag_files_is_named() {
    let found = edited(|all| all.push(("ruamjai-2570-r12/notes.txt".into(), b"x".to_vec())));
    assert_eq!(found, [Problem::TagUnlisted("notes.txt".into())]);
}

#[test]
fn a_file_removed_is_named_and_the_oxum_no_longer_adds_up() {
    let found = edited(|all| all.retain(|(name, _)| !name.ends_with("audit/audit.jsonl")));
    assert_eq!(
        found,
        [
            Problem::Missing("data/audit/audit.jsonl".into()),
            Problem::OxumMismatch { declared: "47.4".into(), found: "37.3".into() },
        ]
    );
}

#[test]
fn a_manifest_line_edited_to_match_a_changed_file_still_breaks_the_tag_manifest() {
    let found = edited(|all| {
        find(all, "data/sar.pdf")[0] = b'X';
        let forged = ruamjai_bagit::sha256_hex(&find(all, "data/sar.pdf").clone());
        let original = ruamjai_bagit::sha256_hex(b"%PDF-1.7 the report");
        let manifest = find(all, "/manifest-sha256.txt");
        *manifest = String::from_utf8(manifest.clone()).unwrap().replace(&original, &forged).into_bytes();
    });
    assert_eq!(found, [Problem::TagChanged("manifest-sha256.txt".into())]);
}

#[test]
fn a_manifest_line_that_does_not_parse_is_named_by_its_number() {
    let found = edited(|all| {
        let manifest = find(all, "/manifest-sha256.txt");
        manifest.splice(0..0, b"not a line\n".iter().copied());
    });
    assert!(found.contains(&Problem::BadManifestLine { file: "manifest-sha256.txt", line: 1 }), "{found:?}");
    assert!(found.contains(&Problem::TagChanged("manifest-sha256.txt".into())), "{found:?}");
}

#[test]
fn a_damaged_archive_names_the_file_it_cannot_read() {
    let mut zip = demo_bag();
    let at = zip.windows(8).position(|w| w == b"%PDF-1.7").unwrap();
    zip[at + 2] ^= 0xff;
    let found = problems(&zip);
    assert!(
        matches!(found.as_slice(), [Problem::Unreadable { path, .. }] if path == "data/sar.pdf"),
        "{found:?}"
    );
}

#[test]
fn files_outside_the_bag_folder_and_a_missing_declaration_are_named() {
    let found = edited(|all| {
        all.retain(|(name, _)| !name.ends_with("/bagit.txt"));
        all.push(("elsewhere.txt".into(), b"x".to_vec()));
    });
    assert!(found.contains(&Problem::OutsideTheBag("elsewhere.txt".into())), "{found:?}");
    assert!(found.contains(&Problem::TagFileMissing("bagit.txt")), "{found:?}");
    assert!(found.contains(&Problem::TagMissing("bagit.txt".into())), "{found:?}");
}

#[test]
fn a_path_that_would_leave_the_bag_is_refused_when_writing() {
    let mut bag = BagWriter::new(Cursor::new(Vec::new()), "b").unwrap();
    assert!(bag.add("../escape", &b""[..]).is_err());
    bag.add("a.txt", &b""[..]).unwrap();
    assert!(bag.add("a.txt", &b""[..]).is_err(), "the same path twice");
}
