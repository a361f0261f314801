//! Kill during save: a child process saves a family over and over and is killed with SIGKILL
//! at a random moment; afterwards the file (and its backup) must parse and be a whole
//! version, never older than the one before the kill.
//!
//! The child is this test binary itself, running the ignored `save_loop_child` test.
//! `YIBAO_KILL_ITERATIONS` sets the number of kills (default 1000, about 5 s here);
//! `scripts/kill-test.sh` runs it and prints what the kills left behind.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rust_decimal::Decimal;
use yibao::domain::{Insurance, Relation};
use yibao::family::{BindingStatus, Family, Member};
use yibao::store::{FamilyStore, family_from_json};

const CHILD_DIR: &str = "YIBAO_KILL_CHILD_DIR";
const FAMILY_ID: &str = "kill-test";

/// Version `n` of the family: its size changes with `n`, and every part names `n`.
fn version(n: u64) -> Family {
    let mut family = Family::new(FAMILY_ID, &format!("v{n}"), "qingdao");
    family.holder.name = format!("持卡人{n}");
    family.holder.balance = Decimal::from(n);
    family.members = (0..(n % 40) + 1)
        .map(|i| Member {
            id: u32::try_from(i).unwrap_or(0),
            name: format!("家人{n}-{i}"),
            id_number: None,
            relation: Relation::Child,
            insurance: Insurance::Resident,
            region: "qingdao".to_owned(),
            status: BindingStatus::Planned,
            bound_on: None,
            ended_on: None,
            supported_by_others: false,
            notes: "备注".repeat(usize::try_from(n % 7).unwrap_or(0) * 50),
        })
        .collect();
    family
}

/// The version a file holds, checking that it is whole.
fn version_in(path: &Path) -> u64 {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} unreadable: {e}", path.display()));
    let family = family_from_json(&text, path)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    let n: u64 = family
        .label
        .strip_prefix('v')
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("bad label {}", family.label));
    assert_eq!(
        family,
        version(n),
        "{} is not a whole version",
        path.display()
    );
    n
}

/// The child: saves new versions until killed.
#[test]
#[ignore = "run as a child process by a_save_killed_at_any_moment_leaves_a_whole_file"]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let store = FamilyStore::new(&dir);
    let path = store.path_of(FAMILY_ID);
    let mut n = if path.exists() {
        version_in(&path) + 1
    } else {
        0
    };
    // One whole save first, so every kill lands in a later save (however slow the disk).
    store.save(&version(n)).expect("save");
    n += 1;
    #[allow(clippy::print_stdout)]
    {
        println!("ready");
    }
    loop {
        store.save(&version(n)).expect("save");
        n += 1;
    }
}

/// A small xorshift generator: the kill moments need no more.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_file() {
    let iterations: u32 = std::env::var("YIBAO_KILL_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = FamilyStore::new(dir.path());
    store.save(&version(0)).expect("first save");
    let exe = std::env::current_exe().expect("test binary");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64 | 1);
    let mut random = Random(seed);
    let mut last = 0;
    let mut advanced = 0;
    for kill in 0..iterations {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "kill::save_loop_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        let stdout = child.stdout.take().expect("stdout");
        let ready = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .any(|line| line.ends_with("ready"));
        assert!(ready, "the child never got ready (seed {seed})");
        std::thread::sleep(Duration::from_micros(random.below(4000)));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let now = version_in(&store.path_of(FAMILY_ID));
        // The child saved at least once before the kill, so the file moved on.
        assert!(
            now > last,
            "kill {kill} (seed {seed}): the file went from v{last} to v{now}"
        );
        let backup = store.backup_of(FAMILY_ID);
        if backup.exists() {
            let old = version_in(&backup);
            assert!(
                old <= now,
                "kill {kill}: backup v{old} newer than file v{now}"
            );
        }
        if now > last + 1 {
            advanced += 1;
        }
        last = now;
    }
    let leftovers = std::fs::read_dir(dir.path())
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count()
        })
        .unwrap_or(0);
    #[allow(clippy::print_stdout)]
    {
        println!(
            "kill-during-save: {iterations} kills (seed {seed}); {advanced} after two or more \
             whole saves; {leftovers} interrupted saves left a temporary file; last version v{last}"
        );
    }
    // Whatever the kills left behind, the folder still loads as exactly this family.
    let scan = store.load_all();
    assert!(scan.problems.is_empty(), "{:?}", scan.problems);
    assert_eq!(scan.families.len(), 1);
}
