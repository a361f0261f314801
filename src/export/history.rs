//! The lists exported on this computer, kept by day so a community worker can find today's
//! (and an earlier day's) lists again: open the file, or make it again from what it was made
//! from (the answers, or the family) in any format.
//!
//! Kept in the data folder as `exports.json` (`{"format": "yibao-exports", "version": 1,
//! "records": [...]}`), written atomically. A record holds what a file name already shows
//! (the masked name or the label the user typed), the answers and the family's id — never a
//! full name or ID number. A file that cannot be read is set aside, not overwritten.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::checklist::{Answers, Checklist, ChecklistError, evaluate, family_binding_checklist};
use crate::domain::Procedure;
use crate::family::{Family, PersonalData};
use crate::policy::PolicySet;
use crate::store::{StoreError, write_atomically};

/// The file's name in the data folder.
pub const HISTORY_FILE: &str = "exports.json";

/// How many records are kept (the oldest go first).
const KEPT: usize = 2000;

/// What a list was made from, so it can be made again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MadeFrom {
    /// A questionnaire's answers.
    Answers { answers: Answers },
    /// A family's binding list: the family's id in the family folder.
    Family {
        family: String,
        full_personal_data: bool,
    },
}

/// One exported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub written_at: NaiveDateTime,
    pub path: PathBuf,
    /// The file's format, by extension (`pdf`).
    pub format: String,
    pub procedure: Procedure,
    pub region: String,
    pub region_name: String,
    /// Whom the list is for, as its file name says it (masked, or a label the user typed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    pub made_from: MadeFrom,
    /// What the user had ticked.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub ticked: BTreeSet<String>,
    pub fingerprint: String,
}

impl ExportRecord {
    /// The record of `checklist` written to `path`.
    pub fn new(
        checklist: &Checklist,
        made_from: MadeFrom,
        who: Option<&str>,
        path: &Path,
        format: super::ExportFormat,
        written_at: NaiveDateTime,
    ) -> Self {
        ExportRecord {
            written_at,
            path: path.to_path_buf(),
            format: format.extension().to_owned(),
            procedure: checklist.procedure,
            region: checklist.region.clone(),
            region_name: checklist.region_name.clone(),
            who: who.map(str::to_owned),
            made_from,
            ticked: checklist.ticked.clone(),
            fingerprint: checklist.fingerprint.clone(),
        }
    }

    /// The file's name, for the list.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    /// Makes the list again from what it was made from, as of `today`, with the same ticks.
    /// `family` finds a family by its id.
    pub fn remake(
        &self,
        set: &PolicySet,
        family: impl Fn(&str) -> Option<Family>,
        today: NaiveDate,
    ) -> Result<Checklist, HistoryError> {
        let mut checklist = match &self.made_from {
            MadeFrom::Answers { answers } => {
                evaluate(set, self.procedure, &self.region, answers, today)?
            }
            MadeFrom::Family {
                family: id,
                full_personal_data,
            } => {
                let found = family(id).ok_or_else(|| HistoryError::FamilyGone(id.clone()))?;
                let personal = if *full_personal_data {
                    PersonalData::Included
                } else {
                    PersonalData::Masked
                };
                family_binding_checklist(set, &found, personal, today)?
            }
        };
        checklist.keep_ticks_shown(&self.ticked);
        Ok(checklist)
    }
}

/// Why a list could not be made again.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("这份清单的家庭（编号 {0}）已经不在家庭列表里，无法重新生成")]
    FamilyGone(String),
    #[error(transparent)]
    Checklist(#[from] ChecklistError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The file as written.
#[derive(Serialize, Deserialize)]
struct HistoryFile {
    format: String,
    version: u32,
    records: Vec<ExportRecord>,
}

const FORMAT: &str = "yibao-exports";
const VERSION: u32 = 1;

/// The exported lists, oldest first.
#[derive(Debug, Clone, Default)]
pub struct ExportHistory {
    /// Where the history is kept (`None`: not kept, e.g. no data folder).
    path: Option<PathBuf>,
    records: Vec<ExportRecord>,
}

impl ExportHistory {
    /// A history kept nowhere.
    pub fn in_memory() -> Self {
        ExportHistory::default()
    }

    /// Reads the history in `dir`. A file that cannot be read is renamed aside
    /// (`exports.json.damaged`) so nothing is lost, and the history starts empty; the problem
    /// is returned to be shown.
    pub fn load(dir: &Path) -> (Self, Option<StoreError>) {
        let path = dir.join(HISTORY_FILE);
        let mut history = ExportHistory {
            path: Some(path.clone()),
            records: Vec::new(),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return (history, None),
            Err(source) => return (history, Some(StoreError::Io { path, source })),
        };
        match serde_json::from_str::<HistoryFile>(&text) {
            Ok(file) if file.format == FORMAT && file.version <= VERSION => {
                history.records = file.records;
                (history, None)
            }
            Ok(file) if file.format == FORMAT => {
                // A newer version wrote it: leave it alone and keep nothing this session.
                history.path = None;
                (
                    history,
                    Some(StoreError::NewerVersion {
                        path,
                        version: file.version,
                    }),
                )
            }
            Ok(_) | Err(_) => {
                let aside = crate::store::unused_path(&path.with_extension("json.damaged"));
                let problem = match std::fs::rename(&path, &aside) {
                    Ok(()) => StoreError::Corrupt {
                        path: aside,
                        detail: "导出记录无法读取，已另存，重新开始记录".to_owned(),
                    },
                    Err(source) => {
                        history.path = None;
                        StoreError::Io { path, source }
                    }
                };
                (history, Some(problem))
            }
        }
    }

    /// Adds a record and saves the history.
    pub fn record(&mut self, record: ExportRecord) -> Result<(), StoreError> {
        self.records.push(record);
        if self.records.len() > KEPT {
            let extra = self.records.len() - KEPT;
            self.records.drain(..extra);
        }
        self.save()
    }

    fn save(&self) -> Result<(), StoreError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let file = HistoryFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            records: self.records.clone(),
        };
        let text = serde_json::to_string_pretty(&file).map_err(|error| StoreError::Serialize {
            detail: error.to_string(),
        })?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
        write_atomically(&dir, path, text.as_bytes())
    }

    /// Every record, oldest first.
    pub fn records(&self) -> &[ExportRecord] {
        &self.records
    }

    /// The records by day, newest day first and newest record first within a day.
    pub fn by_day(&self) -> Vec<(NaiveDate, Vec<&ExportRecord>)> {
        let mut days: BTreeMap<NaiveDate, Vec<&ExportRecord>> = BTreeMap::new();
        for record in &self.records {
            days.entry(record.written_at.date())
                .or_default()
                .push(record);
        }
        days.into_iter()
            .rev()
            .map(|(day, mut records)| {
                records.sort_by_key(|record| std::cmp::Reverse(record.written_at));
                (day, records)
            })
            .collect()
    }
}
