//! Family storage: atomic saves with a backup, private files, and unreadable files set aside
//! rather than overwritten.

use rust_decimal::Decimal;
use yibao::domain::{Insurance, Relation};
use yibao::family::{BindingStatus, Family, Member};
use yibao::store::{FamilyStore, SaveStep, family_to_json};

fn family(label: &str, members: usize) -> Family {
    let mut family = Family::new("zhang", label, "qingdao");
    family.holder.name = "张喆".to_owned();
    family.holder.balance = Decimal::new(123_456, 2);
    for i in 0..members {
        family.members.push(Member {
            id: u32::try_from(i + 1).expect("small"),
            name: format!("家人{i}"),
            id_number: None,
            relation: Relation::Child,
            insurance: Insurance::Resident,
            region: "qingdao".to_owned(),
            status: BindingStatus::Planned,
            bound_on: None,
            ended_on: None,
            supported_by_others: false,
            notes: "备注".to_owned(),
        });
    }
    family
}

#[test]
fn a_saved_family_loads_back_exactly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path().join("families"));
    let original = family("张家", 3);
    let path = store.save(&original).expect("saved");
    let scan = store.load_all();
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    assert_eq!(scan.families, vec![original.clone()]);
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains("\"format\": \"yibao-family\"") && text.contains("\"version\": 1"));
    assert!(
        text.contains("\"balance\": \"1234.56\""),
        "money is stored as exact text"
    );
}

#[cfg(unix)]
#[test]
fn family_files_and_backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    store.save(&family("张家", 1)).expect("first");
    store.save(&family("张家", 2)).expect("second");
    for path in [store.path_of("zhang"), store.backup_of("zhang")] {
        let mode = std::fs::metadata(&path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
}

#[test]
fn a_save_interrupted_at_any_step_leaves_the_old_or_the_new_file() {
    let old = family("旧", 1);
    let new = family("新", 2);
    for step in SaveStep::ALL.iter().copied() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = FamilyStore::new(dir.path());
        store.save(&old).expect("old saved");
        store.save_until(&new, Some(step)).expect("stopped");
        let scan = store.load_all();
        assert!(scan.problems.is_empty(), "{step:?}: {:?}", scan.problems);
        assert_eq!(scan.families.len(), 1, "{step:?}");
        let loaded = &scan.families[0];
        assert!(
            *loaded == old || *loaded == new,
            "{step:?}: neither old nor new"
        );
        if step == SaveStep::Renamed {
            assert_eq!(*loaded, new);
        } else {
            assert_eq!(
                *loaded, old,
                "{step:?}: the old file stays until the rename"
            );
        }
        // Leftover temporary files from the "crash" are not mistaken for families.
        assert!(std::fs::read_dir(dir.path()).expect("dir").count() >= 1);
    }
}

#[test]
fn the_previous_version_is_kept_and_can_be_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    store.save(&family("第一版", 1)).expect("first");
    store.save(&family("第二版", 2)).expect("second");
    // Reading the backup writes nothing: the saved file is still the second version.
    let previous = store.read_backup("zhang").expect("backup");
    assert_eq!(previous.label, "第一版");
    assert_eq!(store.load_all().families[0].label, "第二版");
    // Saving the old version makes today's file the new backup: neither is lost.
    store.save(&previous).expect("saved");
    assert_eq!(store.load_all().families[0].label, "第一版");
    assert_eq!(store.read_backup("zhang").expect("backup").label, "第二版");
}

#[test]
fn a_corrupt_file_is_set_aside_not_overwritten_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    store.save(&family("好的", 1)).expect("saved");
    store
        .save(&family("好的", 2))
        .expect("saved again, so a backup exists");
    let broken = "{\"format\": \"yibao-family\", \"version\": 1, \"family\": {\"id\": ";
    std::fs::write(store.path_of("zhang"), broken).expect("corrupt it");
    let scan = store.load_all();
    // The version before the last save takes its place, and the user is told.
    assert_eq!(scan.families.len(), 1);
    assert_eq!(scan.families[0].members.len(), 1);
    assert_eq!(scan.problems.len(), 1);
    assert!(
        scan.problems[0].contains("已损坏") && scan.problems[0].contains("改用上一次保存前的备份"),
        "{}",
        scan.problems[0]
    );
    let aside: Vec<_> = std::fs::read_dir(store.set_aside_dir())
        .expect("set aside")
        .flatten()
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).expect("kept"),
        broken
    );
    assert_eq!(store.read_backup("zhang").expect("backup").members.len(), 1);
}

#[test]
fn a_file_from_a_newer_version_is_never_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    let newer = family_to_json(&family("新版", 1))
        .expect("serializes")
        .replace("\"version\": 1", "\"version\": 7");
    std::fs::write(store.path_of("zhang"), &newer).expect("write");
    let scan = store.load_all();
    assert!(scan.families.is_empty());
    assert!(scan.problems[0].contains("新版本"), "{}", scan.problems[0]);
    // In the English window the same problem is said in English.
    let english = scan.problems[0].text(yibao::text::Lang::En);
    assert!(english.contains("newer version"), "{english}");
    let error = store.save(&family("旧版覆盖", 1)).expect_err("refused");
    assert!(error.to_string().contains("新版本"));
    assert_eq!(
        std::fs::read_to_string(store.path_of("zhang")).expect("still there"),
        newer
    );
}

#[test]
fn garbage_and_foreign_json_files_do_not_crash_the_scan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    std::fs::write(dir.path().join("a.json"), [0xff, 0xfe, 0x00]).expect("write");
    std::fs::write(dir.path().join("b.json"), "{\"hello\": 1}").expect("write");
    std::fs::write(dir.path().join("c.json"), "").expect("write");
    let scan = store.load_all();
    assert!(scan.families.is_empty());
    assert_eq!(scan.problems.len(), 3, "{:?}", scan.problems);
}

#[test]
fn temporary_files_left_by_a_killed_save_are_removed_once_stale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    store.save(&family("v1", 1)).expect("save");
    // Two saves killed after writing their temporary file.
    store
        .save_until(&family("v2", 2), Some(SaveStep::TempWritten))
        .expect("interrupted save");
    store
        .save_until(&family("v3", 3), Some(SaveStep::TempSynced))
        .expect("interrupted save");
    let temps = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".tmp"))
            .collect()
    };
    assert_eq!(temps().len(), 2);
    // Fresh ones may belong to a save still running in another window: kept.
    store.load_all();
    assert_eq!(temps().len(), 2);
    let old = std::time::SystemTime::now() - yibao::store::STALE_TEMP_AGE * 2;
    for path in temps() {
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(old))
            .expect("age the file");
    }
    let scan = store.load_all();
    assert!(temps().is_empty());
    assert_eq!(scan.families.len(), 1);
    assert_eq!(scan.families[0].label, "v1");
}
