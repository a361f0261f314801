//! The family tab without pixels: the open families with their edit histories, which one is
//! shown, saving, importing, backups, the recycle folder and the outcome of the last action.
//! The panel lays out and sends [`FamilyAction`]s; [`FamilyWorkspace::apply`] carries them out
//! here, where unit tests drive them directly. No egui in this file.
//!
//! Over 600 lines with its unit tests (about 150 of them); the actions are one state machine.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::family::{Family, FamilyDocument, FamilyEdit, fresh_family_id, is_safe_family_id};
use crate::store::{
    FamilyStore, RecycledFamily, family_from_json, family_to_json, write_atomically,
};
use crate::text::{Lang, Say, Sentence};

/// Something the user did on the family tab.
#[derive(Debug, Clone)]
pub enum FamilyAction {
    /// A new, empty family, shown.
    NewFamily,
    /// Show the family at this place in the list.
    Select(usize),
    /// An edit of the family shown (one undo step).
    Edit(FamilyEdit),
    /// An edit made while typing in `form`: one stretch of typing is one undo step.
    Typing {
        form: &'static str,
        edit: FamilyEdit,
    },
    /// The typing stretch ended (the form was closed).
    EndTyping,
    /// Ctrl+Z: the removal just made, or the last edit.
    Undo,
    /// Ctrl+Shift+Z.
    Redo,
    /// Ctrl+S: every family with unsaved changes.
    SaveAll,
    /// Move the family shown to the recycle folder.
    Remove,
    /// Put a family of the recycle folder back (its place in [`FamilyWorkspace::recycled`]).
    RestoreRecycled(usize),
    /// Delete a family of the recycle folder for good (asked first by the panel).
    PurgeRecycled(usize),
    /// Go back to the family's version before its last save, as an undoable change.
    RestoreBackup,
    /// Add the family in this file, unsaved.
    Import(PathBuf),
    /// Write the family shown, whole (names and ID numbers), to this file.
    Backup(PathBuf),
}

/// The outcome of the last action, shown under the toolbar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What happened, as a sentence id (the panel says it in the window's language).
    pub said: Sentence,
    pub is_error: bool,
}

impl Status {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.said.text(lang)
    }
}

/// A family just removed: its document as it was and where its file went.
struct Removed {
    document: FamilyDocument,
    index: usize,
    recycled: Option<PathBuf>,
}

/// The families of the tab and everything done to them.
pub struct FamilyWorkspace {
    store: Option<FamilyStore>,
    export_dir: Option<PathBuf>,
    documents: Vec<FamilyDocument>,
    current: Option<usize>,
    /// Problems found when loading the folder (files set aside or left alone).
    load_problems: Vec<Sentence>,
    status: Option<Status>,
    last_removed: Option<Removed>,
    recycled: Vec<RecycledFamily>,
    default_region: String,
    today: NaiveDate,
}

impl FamilyWorkspace {
    /// Loads the saved families from `store` (none when there is no data folder).
    pub fn new(
        store: Option<FamilyStore>,
        export_dir: Option<PathBuf>,
        default_region: &str,
        today: NaiveDate,
    ) -> Self {
        let (documents, load_problems) = match &store {
            Some(store) => {
                let scan = store.load_all();
                (
                    scan.families
                        .into_iter()
                        .map(FamilyDocument::new)
                        .collect::<Vec<_>>(),
                    scan.problems,
                )
            }
            None => (Vec::new(), vec![Say::NoDataFolder.into()]),
        };
        for problem in &load_problems {
            crate::log::warn(problem);
        }
        let mut workspace = FamilyWorkspace {
            store,
            export_dir,
            current: if documents.is_empty() { None } else { Some(0) },
            documents,
            load_problems,
            status: None,
            last_removed: None,
            recycled: Vec::new(),
            default_region: default_region.to_owned(),
            today,
        };
        workspace.refresh_recycled();
        workspace
    }

    /// Carries out `action`. Returns false when it failed or was refused (the status says
    /// why).
    pub fn apply(&mut self, action: FamilyAction) -> bool {
        match action {
            FamilyAction::NewFamily => self.new_family(),
            FamilyAction::Select(index) => self.select(index),
            FamilyAction::Edit(edit) => self.edit(edit),
            FamilyAction::Typing { form, edit } => self.edit_typing(form, edit),
            FamilyAction::EndTyping => {
                if let Some(document) = self.document_mut() {
                    document.end_typing();
                }
                true
            }
            FamilyAction::Undo => self.undo(),
            FamilyAction::Redo => self.redo(),
            FamilyAction::SaveAll => self.save_all(),
            FamilyAction::Remove => self.remove_current(),
            FamilyAction::RestoreRecycled(index) => self.restore_recycled(index),
            FamilyAction::PurgeRecycled(index) => self.purge_recycled(index),
            FamilyAction::RestoreBackup => self.restore_backup(),
            FamilyAction::Import(path) => self.import_file(&path),
            FamilyAction::Backup(path) => self.backup_to(&path),
        }
    }

    // ---- what the panel reads -------------------------------------------------------------

    /// The families, in list order.
    pub fn documents(&self) -> &[FamilyDocument] {
        &self.documents
    }

    /// The place of the family shown.
    pub fn current_index(&self) -> Option<usize> {
        self.current
    }

    /// Where a new family's holder is insured by default.
    pub fn set_default_region(&mut self, region: &str) {
        if !region.is_empty() {
            region.clone_into(&mut self.default_region);
        }
    }

    /// A family of the list by its id, as it is now.
    pub fn family_by_id(&self, id: &str) -> Option<Family> {
        self.documents
            .iter()
            .map(FamilyDocument::family)
            .find(|family| family.id == id)
            .cloned()
    }

    /// The family shown, if any.
    pub fn current_family(&self) -> Option<&Family> {
        self.current
            .and_then(|i| self.documents.get(i))
            .map(FamilyDocument::family)
    }

    /// The document of the family shown (undo state, revision).
    pub fn current_document(&self) -> Option<&FamilyDocument> {
        self.current.and_then(|i| self.documents.get(i))
    }

    /// Whether any family has changes not yet saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.documents.iter().any(FamilyDocument::is_dirty)
    }

    /// The outcome of the last action.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Problems found when loading the folder.
    pub fn load_problems(&self) -> &[Sentence] {
        &self.load_problems
    }

    /// The families in the recycle folder.
    pub fn recycled(&self) -> &[RecycledFamily] {
        &self.recycled
    }

    /// Whether Ctrl+Z would bring back a family just removed.
    pub fn can_undo_remove(&self) -> bool {
        self.last_removed.is_some()
    }

    /// Where backups without a dialog go.
    pub fn export_dir(&self) -> Option<&Path> {
        self.export_dir.as_deref()
    }

    /// The default file name of a backup of the family shown.
    pub fn backup_file_name(&self) -> Option<String> {
        self.current_family().map(|family| {
            format!(
                "家庭备份-{}-{}.json",
                crate::export::file_name_part(&family.label),
                self.today.format("%Y%m%d")
            )
        })
    }

    /// Shows an outcome (not logged: it may name people).
    pub fn report(&mut self, say: Say, is_error: bool) {
        self.status = Some(Status {
            said: say.into(),
            is_error,
        });
    }

    /// Shows why an edit or a restore was not done (the error says what, in plain words).
    fn refused(&mut self, error: &dyn std::fmt::Display) {
        self.report(
            Say::Refused {
                error: error.to_string(),
            },
            true,
        );
    }

    /// Shows a failure and logs `log`, which says what failed without names or ID numbers.
    fn fail(&mut self, say: Say, log: &str) {
        crate::log::error(&format!("family tab: {log}"));
        self.report(say, true);
    }

    // ---- the actions ----------------------------------------------------------------------

    fn document_mut(&mut self) -> Option<&mut FamilyDocument> {
        self.current.and_then(|i| self.documents.get_mut(i))
    }

    fn taken_ids(&self) -> Vec<String> {
        self.documents
            .iter()
            .map(|d| d.family().id.clone())
            .collect()
    }

    fn fresh_id(&self) -> String {
        fresh_family_id(&self.taken_ids())
    }

    fn new_family(&mut self) -> bool {
        self.last_removed = None;
        let number = self.documents.len() + 1;
        let family = Family::new(
            &self.fresh_id(),
            &format!("家庭 {number}"),
            &self.default_region,
        );
        self.documents.push(FamilyDocument::new_unsaved(family));
        self.current = Some(self.documents.len() - 1);
        true
    }

    fn select(&mut self, index: usize) -> bool {
        if index >= self.documents.len() {
            return false;
        }
        // A stretch of typing ends with the family it was typed in.
        if let Some(document) = self.document_mut() {
            document.end_typing();
        }
        self.last_removed = None;
        self.current = Some(index);
        true
    }

    fn edit(&mut self, edit: FamilyEdit) -> bool {
        self.last_removed = None;
        let Some(document) = self.document_mut() else {
            return false;
        };
        match document.apply(edit) {
            Ok(()) => true,
            Err(error) => {
                self.refused(&error);
                false
            }
        }
    }

    fn edit_typing(&mut self, form: &'static str, edit: FamilyEdit) -> bool {
        self.last_removed = None;
        let Some(document) = self.document_mut() else {
            return false;
        };
        match document.apply_typing(form, edit) {
            Ok(()) => true,
            Err(error) => {
                self.refused(&error);
                false
            }
        }
    }

    fn undo(&mut self) -> bool {
        if self.last_removed.is_some() {
            return self.undo_remove();
        }
        let undone = self.document_mut().is_some_and(FamilyDocument::undo);
        if undone {
            self.report(Say::Undone, false);
        }
        undone
    }

    fn redo(&mut self) -> bool {
        let redone = self.document_mut().is_some_and(FamilyDocument::redo);
        if redone {
            self.report(Say::Redone, false);
        }
        redone
    }

    fn save_all(&mut self) -> bool {
        let Some(store) = self.store.clone() else {
            self.fail(Say::NoSaveFolder, "no folder to save families in");
            return false;
        };
        let mut saved = Vec::new();
        let mut failed: Vec<(String, String)> = Vec::new();
        // Every family is tried; one that fails does not stop the others.
        for document in self.documents.iter_mut().filter(|d| d.is_dirty()) {
            match store.save(document.family()) {
                Ok(path) => {
                    document.mark_saved();
                    saved.push(path);
                }
                Err(error) => failed.push((document.family().label.clone(), error.to_string())),
            }
        }
        if !failed.is_empty() {
            let list: Vec<String> = failed
                .iter()
                .map(|(label, error)| format!("“{label}”：{error}"))
                .collect();
            let log: Vec<&str> = failed.iter().map(|(_, error)| error.as_str()).collect();
            self.fail(
                Say::SomeNotSaved {
                    failed: failed.len(),
                    saved: saved.len(),
                    list: list.join("；"),
                },
                &format!("save failed: {}", log.join("; ")),
            );
            return false;
        }
        match saved.as_slice() {
            [] => self.report(Say::NothingToSave, false),
            [one] => self.report(
                Say::SavedTo {
                    path: one.display().to_string(),
                },
                false,
            ),
            many => self.report(
                Say::SavedMany {
                    count: many.len(),
                    dir: store.dir().display().to_string(),
                },
                false,
            ),
        }
        true
    }

    fn refresh_recycled(&mut self) {
        let Some(store) = &self.store else {
            return;
        };
        let (recycled, problems) = store.recycled();
        self.recycled = recycled;
        for problem in problems {
            if !self.load_problems.contains(&problem) {
                crate::log::warn(&problem);
                self.load_problems.push(problem);
            }
        }
    }

    fn remove_current(&mut self) -> bool {
        let Some(index) = self.current else {
            return false;
        };
        let id = self.documents[index].family().id.clone();
        // What is on screen goes to the recycle folder: unsaved changes (or a family never
        // saved) are saved first, so the bin holds what the user saw.
        if let Some(store) = self.store.clone()
            && self.documents[index].is_dirty()
        {
            match store.save(self.documents[index].family()) {
                Ok(_) => self.documents[index].mark_saved(),
                Err(error) => {
                    self.fail(
                        Say::SaveBeforeRemoveFailed {
                            error: error.to_string(),
                        },
                        &format!("save before removal failed: {error}"),
                    );
                    return false;
                }
            }
        }
        let moved = match &self.store {
            Some(store) => store.remove(&id),
            None => Ok(None),
        };
        let recycled = match moved {
            Ok(recycled) => recycled,
            Err(error) => {
                self.fail(
                    Say::RemoveFailed {
                        error: error.to_string(),
                    },
                    &format!("remove failed: {error}"),
                );
                return false;
            }
        };
        let document = self.documents.remove(index);
        let label = document.family().label.clone();
        self.current = if self.documents.is_empty() {
            None
        } else {
            Some(index.min(self.documents.len() - 1))
        };
        self.report(
            match &recycled {
                Some(_) => Say::MovedToRecycleBin { label },
                None => Say::RemovedNeverSaved { label },
            },
            false,
        );
        self.last_removed = Some(Removed {
            document,
            index,
            recycled,
        });
        self.refresh_recycled();
        true
    }

    fn undo_remove(&mut self) -> bool {
        let Some(removed) = self.last_removed.take() else {
            return false;
        };
        let mut document = removed.document;
        if let (Some(store), Some(path)) = (self.store.clone(), removed.recycled.clone()) {
            let taken = self.taken_ids();
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            match store.restore_recycled(&path, &taken) {
                Ok(family) if family.id != document.family().id => {
                    // Restored under a fresh id (the file was saved before removal, so the
                    // saved version is what was on screen).
                    document = FamilyDocument::new(family);
                }
                Ok(_) => {}
                Err(error) => {
                    // Kept for another try: nothing is lost.
                    self.last_removed = Some(Removed {
                        document,
                        index: removed.index,
                        recycled: Some(path),
                    });
                    self.fail(
                        Say::UndoRemoveFailed {
                            error: error.to_string(),
                        },
                        &format!("undo removal failed: {error}"),
                    );
                    self.refresh_recycled();
                    return false;
                }
            }
        }
        let label = document.family().label.clone();
        let index = removed.index.min(self.documents.len());
        self.documents.insert(index, document);
        self.current = Some(index);
        self.refresh_recycled();
        self.report(Say::RestoredFamily { label }, false);
        true
    }

    fn restore_recycled(&mut self, index: usize) -> bool {
        let (Some(store), Some(entry)) = (self.store.clone(), self.recycled.get(index).cloned())
        else {
            return false;
        };
        let taken = self.taken_ids();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let restored = match store.restore_recycled(&entry.path, &taken) {
            Ok(family) => {
                let label = family.label.clone();
                self.documents.push(FamilyDocument::new(family));
                self.current = Some(self.documents.len() - 1);
                self.last_removed = None;
                self.report(Say::RestoredFromRecycleBin { label }, false);
                true
            }
            Err(error) => {
                self.fail(
                    Say::RestoreFailed {
                        error: error.to_string(),
                    },
                    &format!("restore from the recycle folder failed: {error}"),
                );
                false
            }
        };
        self.refresh_recycled();
        restored
    }

    fn purge_recycled(&mut self, index: usize) -> bool {
        let (Some(store), Some(entry)) = (self.store.clone(), self.recycled.get(index).cloned())
        else {
            return false;
        };
        let done = match store.purge_recycled(&entry.path) {
            Ok(()) => {
                self.report(
                    Say::DeletedForever {
                        label: entry.family.label.clone(),
                    },
                    false,
                );
                true
            }
            Err(error) => {
                self.fail(
                    Say::DeleteFailed {
                        error: error.to_string(),
                    },
                    &format!("purge from the recycle folder failed: {error}"),
                );
                false
            }
        };
        self.refresh_recycled();
        done
    }

    fn restore_backup(&mut self) -> bool {
        let (Some(store), Some(index)) = (self.store.clone(), self.current) else {
            return false;
        };
        let id = self.documents[index].family().id.clone();
        match store.read_backup(&id) {
            // An ordinary change: Ctrl+Z takes it back, and saving makes today's file the
            // new backup, so neither version is lost.
            Ok(family) => {
                let applied = self.edit(FamilyEdit::Replace(family));
                if applied {
                    self.report(Say::WentBackToBackup, false);
                }
                applied
            }
            Err(error) => {
                self.refused(&error);
                false
            }
        }
    }

    fn import_file(&mut self, path: &Path) -> bool {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                self.fail(
                    Say::CannotReadFile {
                        path: path.display().to_string(),
                        error: error.to_string(),
                    },
                    &format!("import: cannot read the file ({})", error.kind()),
                );
                return false;
            }
        };
        match family_from_json(&text, path) {
            Ok(mut family) => {
                // An id that is not a safe file name (`../../x`) or already open gets a
                // fresh one: the family is saved inside the families folder, never elsewhere.
                if !is_safe_family_id(&family.id) || self.taken_ids().contains(&family.id) {
                    family.id = self.fresh_id();
                }
                self.last_removed = None;
                self.documents.push(FamilyDocument::new_unsaved(family));
                self.current = Some(self.documents.len() - 1);
                self.report(Say::Imported, false);
                true
            }
            Err(error) => {
                self.fail(
                    Say::ImportFailed {
                        error: error.to_string(),
                    },
                    "import: not a family file",
                );
                false
            }
        }
    }

    fn backup_to(&mut self, path: &Path) -> bool {
        let Some(family) = self.current_family() else {
            return false;
        };
        let json = match family_to_json(family) {
            Ok(json) => json,
            Err(error) => {
                self.fail(
                    Say::BackupFailed {
                        error: error.to_string(),
                    },
                    &format!("backup: {error}"),
                );
                return false;
            }
        };
        let dir = path.parent().map(PathBuf::from).unwrap_or_default();
        match write_atomically(&dir, path, json.as_bytes()) {
            Ok(()) => {
                self.report(
                    Say::BackedUpTo {
                        path: path.display().to_string(),
                    },
                    false,
                );
                true
            }
            Err(error) => {
                self.fail(
                    Say::BackupFailed {
                        error: error.to_string(),
                    },
                    "backup: could not write the file",
                );
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::Holder;

    fn workspace(dir: &Path) -> FamilyWorkspace {
        FamilyWorkspace::new(
            Some(FamilyStore::new(dir.join("families"))),
            Some(dir.join("exports")),
            "nanjing",
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        )
    }

    fn named(workspace: &mut FamilyWorkspace, name: &str) {
        let mut holder: Holder = workspace.current_family().expect("family").holder.clone();
        holder.name = name.to_owned();
        assert!(workspace.apply(FamilyAction::Edit(FamilyEdit::SetHolder(holder))));
    }

    #[test]
    fn a_new_family_is_saved_removed_undone_and_restored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workspace = workspace(dir.path());
        assert!(workspace.apply(FamilyAction::NewFamily));
        named(&mut workspace, "王喆");
        assert!(workspace.has_unsaved_changes());
        assert!(workspace.apply(FamilyAction::SaveAll));
        assert!(!workspace.has_unsaved_changes());
        assert!(workspace.apply(FamilyAction::Remove));
        assert!(workspace.current_family().is_none());
        assert_eq!(workspace.recycled().len(), 1);
        assert!(workspace.apply(FamilyAction::Undo));
        assert_eq!(
            workspace.current_family().expect("back").holder.name,
            "王喆"
        );
        assert!(workspace.recycled().is_empty());
        assert!(workspace.apply(FamilyAction::Remove));
        assert!(workspace.apply(FamilyAction::RestoreRecycled(0)));
        assert_eq!(workspace.documents().len(), 1);
        // A fresh workspace over the folder finds it again.
        assert_eq!(self::workspace(dir.path()).documents().len(), 1);
    }

    #[test]
    fn what_happened_is_said_in_the_window_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workspace = workspace(dir.path());
        workspace.apply(FamilyAction::NewFamily);
        named(&mut workspace, "王喆");
        let label = workspace.current_family().expect("family").label.clone();
        workspace.apply(FamilyAction::Remove);
        let status = workspace.status().expect("a status");
        assert!(
            status.text(Lang::Zh).contains("回收站"),
            "{}",
            status.text(Lang::Zh)
        );
        let english = status.text(Lang::En);
        assert!(
            english.contains("recycle bin") && english.contains(&label),
            "{english}"
        );
    }

    #[test]
    fn typing_is_one_undo_step_and_a_backup_is_written_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workspace = workspace(dir.path());
        workspace.apply(FamilyAction::NewFamily);
        for name in ["王", "王喆"] {
            let mut holder = workspace.current_family().expect("family").holder.clone();
            holder.name = name.to_owned();
            workspace.apply(FamilyAction::Typing {
                form: "holder",
                edit: FamilyEdit::SetHolder(holder),
            });
        }
        assert!(workspace.apply(FamilyAction::Undo));
        assert!(
            workspace
                .current_family()
                .expect("family")
                .holder
                .name
                .is_empty()
        );
        named(&mut workspace, "王喆");
        let file = dir.path().join("backup.json");
        assert!(workspace.apply(FamilyAction::Backup(file.clone())));
        assert!(
            std::fs::read_to_string(&file)
                .expect("written")
                .contains("王喆")
        );
        // Importing it again gives a second family with its own id.
        assert!(workspace.apply(FamilyAction::Import(file)));
        let ids: Vec<&str> = workspace
            .documents()
            .iter()
            .map(|d| d.family().id.as_str())
            .collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn a_failure_is_reported_as_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workspace = workspace(dir.path());
        assert!(!workspace.apply(FamilyAction::Import(dir.path().join("missing.json"))));
        assert!(workspace.status().is_some_and(|s| s.is_error));
    }

    #[test]
    fn a_family_never_saved_goes_to_the_recycle_folder_as_shown() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workspace = workspace(dir.path());
        workspace.apply(FamilyAction::NewFamily);
        named(&mut workspace, "王喆");
        assert!(workspace.apply(FamilyAction::Remove));
        assert_eq!(workspace.recycled().len(), 1);
        assert_eq!(workspace.recycled()[0].family.holder.name, "王喆");
    }

    #[test]
    fn going_back_to_the_backup_is_an_undoable_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut workspace = workspace(dir.path());
        workspace.apply(FamilyAction::NewFamily);
        named(&mut workspace, "第一版");
        workspace.apply(FamilyAction::SaveAll);
        named(&mut workspace, "第二版");
        workspace.apply(FamilyAction::SaveAll);
        assert!(workspace.apply(FamilyAction::RestoreBackup));
        assert_eq!(
            workspace.current_family().expect("family").holder.name,
            "第一版"
        );
        assert!(workspace.has_unsaved_changes(), "not written until saved");
        assert!(workspace.apply(FamilyAction::Undo));
        assert_eq!(
            workspace.current_family().expect("family").holder.name,
            "第二版"
        );
    }
}
