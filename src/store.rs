//! Where the app keeps its files on this computer, and how family files are saved: versioned
//! JSON, written atomically (temporary file, fsync, rename), the previous version kept as a
//! backup, readable only by the user. A file that cannot be read is set aside, never
//! overwritten.
//!
//! Format (`docs/family-format.md`): `{"format": "yibao-family", "version": 1,
//! "family": {...}}`.
//!
//! Over 600 lines: saving, loading with recovery, the recycle folder and the no-clobber writer
//! all guard the same files and share their error type; the recycle folder is the natural
//! next module.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::family::{Family, fresh_family_id, is_safe_family_id};
use crate::text::{Say, Sentence};

/// The format name written in every family file.
pub const FAMILY_FORMAT: &str = "yibao-family";
/// The version this build writes and reads.
pub const FAMILY_VERSION: u32 = 1;

/// Why a family file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("无法读写 {path}：{source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} 已损坏，无法读取（{detail}）")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} 是新版本（格式版本 {version}）保存的，请用新版本打开；本版本不会改动它")]
    NewerVersion { path: PathBuf, version: u32 },
    #[error("{path} 不是家庭文件")]
    NotAFamilyFile { path: PathBuf },
    #[error("{path} 太大（{bytes} 字节），不是本程序保存的家庭文件，没有打开")]
    TooLarge { path: PathBuf, bytes: u64 },
    #[error("没有 {0} 的备份")]
    NoBackup(String),
    #[error("家庭编号“{0}”不能用作文件名（只能用小写字母、数字、- 和 _），没有保存")]
    UnsafeId(String),
    #[error("无法把这个家庭写成文件（{detail}），已保存的文件没有改动")]
    Serialize { detail: String },
    #[error("回收站里没有 {0}")]
    NotInRecycleBin(PathBuf),
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    family: &'a Family,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct FileIn {
    family: Family,
}

/// Serializes a family in the file format.
pub fn family_to_json(family: &Family) -> Result<String, StoreError> {
    let out = FileOut {
        format: FAMILY_FORMAT,
        version: FAMILY_VERSION,
        family,
    };
    serde_json::to_string_pretty(&out).map_err(|error| StoreError::Serialize {
        detail: format!("{:?}", error.classify()),
    })
}

/// Parses a family file's text, checking its format and version first.
pub fn family_from_json(text: &str, path: &Path) -> Result<Family, StoreError> {
    // Where and what kind, never serde's own text: it can quote a value (an ID number).
    let corrupt = |error: serde_json::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: format!(
            "第 {} 行第 {} 列：{}",
            error.line(),
            error.column(),
            match error.classify() {
                serde_json::error::Category::Syntax => "不是有效的 JSON",
                serde_json::error::Category::Eof => "文件不完整",
                serde_json::error::Category::Data => "内容与家庭文件的格式不符",
                serde_json::error::Category::Io => "读取出错",
            }
        ),
    };
    let header: Header = serde_json::from_str(text).map_err(corrupt)?;
    if header.format.as_deref() != Some(FAMILY_FORMAT) {
        return Err(StoreError::NotAFamilyFile {
            path: path.to_path_buf(),
        });
    }
    match header.version {
        Some(FAMILY_VERSION) => {}
        Some(version) if version > FAMILY_VERSION => {
            return Err(StoreError::NewerVersion {
                path: path.to_path_buf(),
                version,
            });
        }
        _ => {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: "缺少或无法识别格式版本".to_owned(),
            });
        }
    }
    let file: FileIn = serde_json::from_str(text).map_err(corrupt)?;
    Ok(file.family)
}

/// Parses a family file's bytes (which must be UTF-8).
fn parse_family_bytes(bytes: &[u8], path: &Path) -> Result<Family, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|_| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: "不是 UTF-8 文本".to_owned(),
    })?;
    family_from_json(text, path)
}

/// The steps of a save, in order; a crash can stop it after any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, strum::VariantArray)]
pub enum SaveStep {
    /// The previous version was copied to the backup.
    BackupWritten,
    /// The new content is in a temporary file, not yet synced.
    TempWritten,
    /// The temporary file is synced to disk.
    TempSynced,
    /// The temporary file replaced the family file.
    Renamed,
}

impl SaveStep {
    pub const ALL: &'static [SaveStep] = <SaveStep as strum::VariantArray>::VARIANTS;
}

/// What scanning the folder found.
#[derive(Debug, Default)]
pub struct StoreScan {
    pub families: Vec<Family>,
    /// Files not loaded, with what was done with them (set aside or left alone), and a
    /// folder that could not be read at all.
    pub problems: Vec<Sentence>,
}

/// A family in the recycle folder: removed from the list, restorable in one click.
#[derive(Debug, Clone)]
pub struct RecycledFamily {
    pub path: PathBuf,
    pub family: Family,
    /// When it was removed (from the file name), as `2026-11-30 14:05`.
    pub removed_at: String,
}

/// A family file larger than this is not read (a family of 500 members is about 150 KB).
pub const MAX_FAMILY_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// How old a leftover temporary file must be before loading deletes it.
pub const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(120);

/// The folder of family files.
#[derive(Debug, Clone)]
pub struct FamilyStore {
    dir: PathBuf,
}

impl FamilyStore {
    /// A store in `dir` (created on first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FamilyStore { dir: dir.into() }
    }

    /// The store in the user's data directory.
    pub fn in_data_dir() -> Option<Self> {
        crate::paths::data_dir().map(|d| FamilyStore::new(d.join("families")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of a family. Only a safe id (see [`is_safe_family_id`]) names a file inside
    /// the folder; saving checks it first.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// The backup of a family's previous version.
    pub fn backup_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json.bak"))
    }

    /// Where removed families wait (回收站), restorable from the window.
    pub fn recycle_dir(&self) -> PathBuf {
        self.dir.join("recycle")
    }

    /// Where unreadable files are moved.
    pub fn set_aside_dir(&self) -> PathBuf {
        self.dir.join("set-aside")
    }

    /// Loads every family file. Corrupt files are moved to `set-aside/`; files from a newer
    /// version are left where they are, untouched. Both are reported.
    pub fn load_all(&self) -> StoreScan {
        let mut scan = StoreScan::default();
        self.remove_stale_temp_files();
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            // Nothing saved yet: no folder, no families, nothing to report.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return scan,
            Err(error) => {
                scan.problems.push(
                    Say::FamiliesFolderUnreadable {
                        dir: self.dir.display().to_string(),
                        error: error.to_string(),
                    }
                    .into(),
                );
                return scan;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        let mut taken: Vec<String> = Vec::new();
        for path in paths {
            match self.load_file(&path) {
                Ok(mut family) => {
                    // The file's name is the family's id (a copy made by a file manager,
                    // `x (copy).json`, is a second family, not a second `x`); a name that
                    // cannot be an id gets a fresh one, unique among those loaded.
                    let stem = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if is_safe_family_id(&stem) && !taken.contains(&stem) {
                        family.id = stem;
                    } else if !is_safe_family_id(&family.id) || taken.contains(&family.id) {
                        family.id = fresh_family_id(&taken);
                    }
                    taken.push(family.id.clone());
                    scan.families.push(family);
                }
                Err(StoreError::NewerVersion { path, version }) => scan.problems.push(
                    Say::NewerVersionFile {
                        path: path.display().to_string(),
                        version,
                    }
                    .into(),
                ),
                Err(error) => {
                    let moved = self.set_aside(&path);
                    let backup = path.with_extension("json.bak");
                    // The version before the last save is used instead, and said so.
                    let recovered = match (&moved, backup.exists()) {
                        (Ok(_), true) => self.load_file(&backup).ok().and_then(|family| {
                            let bytes = fs::read(&backup).ok()?;
                            write_atomically(&self.dir, &path, &bytes).ok()?;
                            Some(family)
                        }),
                        _ => None,
                    };
                    let error = error.to_string();
                    scan.problems.push(
                        match (&moved, &recovered) {
                            (Ok(to), Some(_)) => Say::DamagedUsedBackup {
                                error,
                                to: to.display().to_string(),
                            },
                            (Ok(to), None) => Say::DamagedSetAside {
                                error,
                                to: to.display().to_string(),
                            },
                            (Err(move_error), _) => Say::DamagedNotMoved {
                                error,
                                move_error: move_error.to_string(),
                            },
                        }
                        .into(),
                    );
                    if let Some(mut family) = recovered {
                        let stem = path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        family.id = if is_safe_family_id(&stem) && !taken.contains(&stem) {
                            stem
                        } else {
                            fresh_family_id(&taken)
                        };
                        taken.push(family.id.clone());
                        scan.families.push(family);
                    }
                }
            }
        }
        scan
    }

    /// Deletes temporary files that a save killed halfway left behind (they hold personal
    /// data and are never read). Only files older than [`STALE_TEMP_AGE`] go, so a save
    /// running in another window is not disturbed.
    pub fn remove_stale_temp_files(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age >= STALE_TEMP_AGE);
            if name.starts_with(".saving-")
                && name.ends_with(".tmp")
                && stale
                && let Err(error) = fs::remove_file(entry.path())
            {
                // Not fatal: the file is never read; say so once in the log.
                crate::log::warn(&format!(
                    "could not delete a stale temporary file in {}: {error}",
                    self.dir.display()
                ));
            }
        }
    }

    fn load_file(&self, path: &Path) -> Result<Family, StoreError> {
        let size = fs::metadata(path).map_err(io_error(path))?.len();
        if size > MAX_FAMILY_FILE_BYTES {
            return Err(StoreError::TooLarge {
                path: path.to_path_buf(),
                bytes: size,
            });
        }
        let bytes = fs::read(path).map_err(io_error(path))?;
        parse_family_bytes(&bytes, path)
    }

    fn set_aside(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let dir = self.set_aside_dir();
        fs::create_dir_all(&dir).map_err(io_error(&dir))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let name = path.file_name().map_or_else(
            || "family.json".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        let target = dir.join(format!("{stamp}-{name}"));
        fs::rename(path, &target).map_err(io_error(path))?;
        Ok(target)
    }

    /// Saves a family safely; returns the file written.
    pub fn save(&self, family: &Family) -> Result<PathBuf, StoreError> {
        self.save_until(family, None)
    }

    /// Saves, stopping after `stop` as if the process had been killed there (for tests of
    /// crash safety). `None` runs the whole save.
    pub fn save_until(
        &self,
        family: &Family,
        stop: Option<SaveStep>,
    ) -> Result<PathBuf, StoreError> {
        if !is_safe_family_id(&family.id) {
            return Err(StoreError::UnsafeId(family.id.clone()));
        }
        // Serialise first: a family that cannot be written never touches the saved file.
        let json = family_to_json(family)?;
        fs::create_dir_all(&self.dir).map_err(io_error(&self.dir))?;
        let path = self.path_of(&family.id);
        // Never overwrite what this version cannot read back.
        if path.exists() {
            let previous = fs::read(&path).map_err(io_error(&path))?;
            match parse_family_bytes(&previous, &path) {
                Err(error @ StoreError::NewerVersion { .. }) => return Err(error),
                Ok(_) => {
                    write_atomically(&self.dir, &self.backup_of(&family.id), &previous)?;
                }
                // A file that cannot be read is set aside, not overwritten (the backup of the
                // last good version stays as it is).
                Err(_) => {
                    self.set_aside(&path)?;
                }
            }
        }
        if stop == Some(SaveStep::BackupWritten) {
            return Ok(path);
        }
        let mut temp = tempfile::Builder::new()
            .prefix(".saving-")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(io_error(&self.dir))?;
        temp.write_all(json.as_bytes())
            .map_err(io_error(temp.path()))?;
        if stop == Some(SaveStep::TempWritten) {
            // A crash leaves the temporary file behind; keep it to mimic that.
            temp.keep().map_err(|e| StoreError::Io {
                path: e.file.path().to_path_buf(),
                source: e.error,
            })?;
            return Ok(path);
        }
        temp.as_file().sync_all().map_err(io_error(temp.path()))?;
        if stop == Some(SaveStep::TempSynced) {
            temp.keep().map_err(|e| StoreError::Io {
                path: e.file.path().to_path_buf(),
                source: e.error,
            })?;
            return Ok(path);
        }
        set_private(temp.path())?;
        temp.persist(&path).map_err(|e| StoreError::Io {
            path: path.clone(),
            source: e.error,
        })?;
        sync_dir(&self.dir);
        Ok(path)
    }

    /// The version of a family before its last save (nothing is written: the caller applies
    /// it as an undoable change, and saving makes the current file the new backup).
    pub fn read_backup(&self, id: &str) -> Result<Family, StoreError> {
        let backup = self.backup_of(id);
        if !backup.exists() {
            return Err(StoreError::NoBackup(id.to_owned()));
        }
        let mut family = self.load_file(&backup)?;
        family.id = id.to_owned();
        Ok(family)
    }

    /// Removes a family from the list by moving its file (and its backup) to the recycle
    /// folder; nothing is deleted. Returns where it went (`None`: never saved).
    pub fn remove(&self, id: &str) -> Result<Option<PathBuf>, StoreError> {
        if !is_safe_family_id(id) {
            return Err(StoreError::UnsafeId(id.to_owned()));
        }
        let path = self.path_of(id);
        if !path.exists() {
            return Ok(None);
        }
        let dir = self.recycle_dir();
        fs::create_dir_all(&dir).map_err(io_error(&dir))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let target = dir.join(format!("{stamp}-{id}.json"));
        // The backup first, then the family: if the family cannot move, the backup goes
        // back, so a failure leaves both where they were.
        let backup = self.backup_of(id);
        let kept = dir.join(format!("{stamp}-{id}.json.bak"));
        let backup_moved = backup.exists();
        if backup_moved {
            fs::rename(&backup, &kept).map_err(io_error(&backup))?;
        }
        if let Err(error) = fs::rename(&path, &target) {
            if backup_moved && let Err(back) = fs::rename(&kept, &backup) {
                crate::log::error(&format!(
                    "could not put a backup back from the recycle folder: {back}"
                ));
            }
            return Err(io_error(&path)(error));
        }
        sync_dir(&self.dir);
        Ok(Some(target))
    }

    /// The families in the recycle folder, most recently removed first. Files that cannot
    /// be read are reported in `problems`, not hidden.
    pub fn recycled(&self) -> (Vec<RecycledFamily>, Vec<Sentence>) {
        let dir = self.recycle_dir();
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return (found, problems);
            }
            Err(error) => {
                problems.push(
                    Say::RecycleBinUnreadable {
                        dir: dir.display().to_string(),
                        error: error.to_string(),
                    }
                    .into(),
                );
                return (found, problems);
            }
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            match self.load_file(&path) {
                Ok(family) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    found.push(RecycledFamily {
                        removed_at: removal_time(&name),
                        path,
                        family,
                    });
                }
                Err(error) => problems.push(
                    Say::RecycledFileUnreadable {
                        error: error.to_string(),
                    }
                    .into(),
                ),
            }
        }
        found.sort_by(|a, b| b.path.cmp(&a.path));
        (found, problems)
    }

    /// Puts a recycled family back in the folder; a family saved meanwhile under the same id
    /// keeps it, and the restored one gets a fresh id. Returns the family as restored.
    pub fn restore_recycled(&self, path: &Path, taken: &[&str]) -> Result<Family, StoreError> {
        if path.parent() != Some(self.recycle_dir().as_path()) || !path.exists() {
            return Err(StoreError::NotInRecycleBin(path.to_path_buf()));
        }
        let mut family = self.load_file(path)?;
        let backup = path.with_extension("json.bak");
        if !is_safe_family_id(&family.id)
            || taken.contains(&family.id.as_str())
            || self.path_of(&family.id).exists()
        {
            // Another family has the id now: a copy under a fresh id, then the bin's file
            // goes (a failure after the copy leaves a duplicate, never a loss).
            family.id = fresh_family_id(taken);
            self.save(&family)?;
            fs::remove_file(path).map_err(io_error(path))?;
        } else {
            // The file moves back as it is, in one step.
            fs::create_dir_all(&self.dir).map_err(io_error(&self.dir))?;
            fs::rename(path, self.path_of(&family.id)).map_err(io_error(path))?;
        }
        if backup.exists() {
            fs::rename(&backup, self.backup_of(&family.id)).map_err(io_error(&backup))?;
        }
        sync_dir(&self.dir);
        Ok(family)
    }

    /// Deletes a family from the recycle folder for good (with its backup): the only place
    /// the app deletes family data, and only when the user asks.
    pub fn purge_recycled(&self, path: &Path) -> Result<(), StoreError> {
        if path.parent() != Some(self.recycle_dir().as_path()) || !path.exists() {
            return Err(StoreError::NotInRecycleBin(path.to_path_buf()));
        }
        fs::remove_file(path).map_err(io_error(path))?;
        let backup = path.with_extension("json.bak");
        if backup.exists() {
            fs::remove_file(&backup).map_err(io_error(&backup))?;
        }
        Ok(())
    }
}

/// `20261130-140501-family-….json` → `2026-11-30 14:05`.
fn removal_time(name: &str) -> String {
    let digits: Vec<char> = name.chars().take(15).collect();
    if digits.len() == 15 && digits[8] == '-' {
        let d: String = digits.iter().collect();
        format!(
            "{}-{}-{} {}:{}",
            &d[0..4],
            &d[4..6],
            &d[6..8],
            &d[9..11],
            &d[11..13]
        )
    } else {
        String::new()
    }
}

/// `path`, or the first of `name (2).ext`, `name (3).ext`, … that does not exist yet.
pub fn unused_path(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let dir = path.parent().unwrap_or(Path::new(""));
    (2u32..)
        .map(|n| dir.join(format!("{stem} ({n}){extension}")))
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Writes `bytes` as a new file at `path`, or at the first free numbered name beside it
/// (`name (2).ext`): an existing file is never replaced, even one that appears while
/// writing. Returns the path written.
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    fs::create_dir_all(&dir).map_err(io_error(&dir))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".saving-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_error(&dir))?;
    temp.write_all(bytes).map_err(io_error(temp.path()))?;
    temp.as_file().sync_all().map_err(io_error(temp.path()))?;
    set_private(temp.path())?;
    for _ in 0..1000 {
        let candidate = unused_path(path);
        match temp.persist_noclobber(&candidate) {
            Ok(_) => {
                sync_dir(&dir);
                return Ok(candidate);
            }
            // Taken between the check and the rename: the next number.
            Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => {
                temp = error.file;
            }
            Err(error) => {
                return Err(StoreError::Io {
                    path: candidate,
                    source: error.error,
                });
            }
        }
    }
    Err(StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other("no free file name"),
    })
}

/// Writes `bytes` to `path` through a synced temporary file in `dir` and a rename, so `path`
/// holds either the old or the new content, never a mix. The file is readable only by the
/// user.
pub fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".saving-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_error(dir))?;
    temp.write_all(bytes).map_err(io_error(temp.path()))?;
    temp.as_file().sync_all().map_err(io_error(temp.path()))?;
    set_private(temp.path())?;
    temp.persist(path).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        source: e.error,
    })?;
    sync_dir(dir);
    Ok(())
}

#[cfg(unix)]
fn set_private(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).map_err(io_error(path))
}

#[cfg(not(unix))]
fn set_private(_path: &Path) -> Result<(), StoreError> {
    Ok(())
}

/// Makes the rename itself durable (best effort: not every platform can sync a directory,
/// and the renamed file is already complete, so a failure here is not reported).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        // Best effort by design (see above).
        handle.sync_all().ok();
    }
}
