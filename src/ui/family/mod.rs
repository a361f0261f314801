//! 家庭共济绑定: the family-binding editor's panel. It only lays out and sends actions: the
//! families, saving, undo, the recycle folder and backups live in the egui-free
//! [`workspace::FamilyWorkspace`]; what is typed becomes edits in [`forms`]. The holder, the
//! relatives and the expense simulation are drawn by `holder`, `members` and `ledger`.

mod forms;
mod holder;
mod ledger;
mod members;
mod toolbar;
pub mod workspace;

use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::checklist::family_binding_checklist;
use crate::family::{
    Family, FamilyEdit, FamilyReview, Ledger, PersonalData, file_name_mask, review_family, simulate,
};
use crate::policy::PolicySet;
use crate::store::FamilyStore;
use crate::text::{Say, Word};
use crate::ui::commands::UiCommand;
use crate::ui::export_bar::{ExportBar, ExportRequest};
use crate::ui::{theme, word};
use forms::{ExpenseForm, HolderForm, MemberForm};
use workspace::{FamilyAction, FamilyWorkspace};

/// What the tab shows of a family, computed once per change rather than every frame.
struct Derived {
    revision: u64,
    family: Family,
    review: FamilyReview,
    ledger: Ledger,
}

/// Member cards and ledger rows shown per page.
const PAGE: usize = 20;

/// What a confirmation dialog is about.
#[derive(Debug, Clone, PartialEq)]
enum Confirm {
    /// Move the current family to the recycle folder.
    Remove,
    /// Write the raw family file (full names and ID numbers), with the dialog or to the
    /// default folder.
    Backup { with_dialog: bool },
    /// Go back to the version before the last save.
    RestoreBackup,
    /// Delete a family of the recycle folder for good (its place in the list).
    Purge(usize),
}

/// State of the family tab: the workspace, the forms as typed, and what is only on screen.
pub struct FamilyPanel {
    workspace: FamilyWorkspace,
    holder_form: HolderForm,
    member_form: MemberForm,
    expense_form: ExpenseForm,
    today: NaiveDate,
    /// The window's language in this frame (the forms' messages follow it).
    lang: crate::text::Lang,
    /// Export of the binding checklist for the members.
    binding_export: ExportBar,
    /// Whether that export shows full names and ID numbers (masked by default).
    include_personal_data: bool,
    derived: Option<Rc<Derived>>,
    /// First member card and first ledger row shown.
    member_page: usize,
    ledger_page: usize,
    /// A question waiting for the user's answer.
    confirm: Option<Confirm>,
    /// The family's printable list was asked for (toolbar button or Ctrl+E on this tab).
    binding_export_requested: bool,
    /// Whether to open the system's file dialogs (see `AppStorage::native_dialogs`).
    native_dialogs: bool,
    /// Commands the tab's buttons sent this frame, applied by the app in one place with the
    /// keyboard's (`YibaoApp::run_commands`).
    sent: Vec<UiCommand>,
    /// Lists written and not yet taken into the export history.
    exported: Vec<crate::export::history::ExportRecord>,
}

impl FamilyPanel {
    /// The lists written since last asked, for the export history.
    pub fn take_exported(&mut self) -> Vec<crate::export::history::ExportRecord> {
        std::mem::take(&mut self.exported)
    }

    /// Where a new family's holder is insured by default (the start page's place).
    pub fn set_default_region(&mut self, region: &str) {
        self.workspace.set_default_region(region);
    }

    /// A family of the list by its id, as it is now (for making a list again).
    pub fn family_by_id(&self, id: &str) -> Option<crate::family::Family> {
        self.workspace.family_by_id(id)
    }

    /// Loads the saved families from `store` (none when there is no data folder).
    pub fn new(
        store: Option<FamilyStore>,
        export_dir: Option<PathBuf>,
        default_region: &str,
        today: NaiveDate,
        native_dialogs: bool,
    ) -> Self {
        let mut panel = FamilyPanel {
            workspace: FamilyWorkspace::new(store, export_dir.clone(), default_region, today),
            holder_form: HolderForm::default(),
            member_form: MemberForm::empty(default_region),
            expense_form: ExpenseForm::new(today),
            today,
            lang: crate::text::Lang::Zh,
            binding_export: ExportBar::new("binding_export", export_dir, native_dialogs),
            include_personal_data: false,
            derived: None,
            member_page: 0,
            ledger_page: 0,
            confirm: None,
            binding_export_requested: false,
            native_dialogs,
            sent: Vec::new(),
            exported: Vec::new(),
        };
        panel.reset_forms();
        panel
    }

    /// The families and everything done to them.
    pub fn workspace(&self) -> &FamilyWorkspace {
        &self.workspace
    }

    /// Whether any family has changes not yet saved, or a form holds typing not yet in the
    /// family (a holder's amount with a comma, a relative typed but not added): closing asks
    /// first.
    pub fn has_unsaved_changes(&self) -> bool {
        self.workspace.has_unsaved_changes() || self.forms_hold_typing()
    }

    /// Whether the holder form holds typing it could not apply, or a relative or expense is
    /// typed but not added.
    fn forms_hold_typing(&self) -> bool {
        (self.holder_form.open && (self.holder_form.pending || !self.holder_form.errors.is_empty()))
            || !self.member_form.name.trim().is_empty()
            || !self.expense_form.amount_text.trim().is_empty()
    }

    /// The family shown, if any.
    pub fn current_family(&self) -> Option<&Family> {
        self.workspace.current_family()
    }

    /// Carries out an action and refreshes the forms when the family shown changed.
    fn act(&mut self, action: FamilyAction) -> bool {
        let before = self.workspace.current_document().map(|d| d.revision());
        let index = self.workspace.current_index();
        let done = self.workspace.apply(action);
        let after = self.workspace.current_document().map(|d| d.revision());
        if index != self.workspace.current_index() {
            // Another family: every form starts from it, and full names are not exported
            // for it until asked again.
            self.member_page = 0;
            self.ledger_page = 0;
            self.include_personal_data = false;
            self.reset_forms();
        } else if before != after && !self.holder_form.open {
            // The same family changed (undo, a relative added): the holder's card follows;
            // a relative or an expense half typed stays.
            if let Some(family) = self.current_family() {
                self.holder_form = HolderForm::of(family, false);
            }
        }
        done
    }

    /// Whether the holder form holds typing that is not in the family; says so in the
    /// error colour (used before saving or switching family).
    fn holder_typing_blocks(&mut self) -> bool {
        if self.holder_form.open {
            self.apply_holder_form(true);
        }
        let blocked = self.holder_form.open && !self.holder_form.errors.is_empty();
        if blocked {
            self.workspace.report(Say::HolderFormHasErrors, true);
        }
        blocked
    }

    /// Ctrl+S. Returns false if any save failed (or the holder form has typing that cannot
    /// be applied: saving would write the last good value as if it were the typed one).
    pub fn save_all(&mut self) -> bool {
        if self.holder_typing_blocks() {
            return false;
        }
        self.act(FamilyAction::SaveAll)
    }

    /// Ctrl+Z.
    pub fn undo(&mut self) {
        if self.act(FamilyAction::Undo) {
            self.reset_forms();
        }
    }

    /// Ctrl+Shift+Z.
    pub fn redo(&mut self) {
        if self.act(FamilyAction::Redo) {
            self.reset_forms();
        }
    }

    /// Adds the family in `path` as a new, unsaved family.
    pub fn import_file(&mut self, path: &std::path::Path) {
        self.act(FamilyAction::Import(path.to_path_buf()));
    }

    /// The file written by the last binding-checklist export.
    pub fn last_binding_export(&self) -> Option<&std::path::Path> {
        self.binding_export.last_export()
    }

    /// The commands the tab's buttons sent since the last call.
    pub fn take_sent_commands(&mut self) -> Vec<UiCommand> {
        std::mem::take(&mut self.sent)
    }

    /// Asks for the family's printable binding list through the save dialog (the toolbar
    /// button, Ctrl+E on this tab); carried out while the tab is drawn.
    pub fn request_binding_export(&mut self) {
        if self.current_family().is_some() {
            self.binding_export_requested = true;
        } else {
            self.workspace.report(Say::NewOrSelectFamilyFirst, true);
        }
    }

    fn reset_forms(&mut self) {
        let region = self.current_family().map_or_else(
            || self.member_form.region.clone(),
            |f| f.holder.region.clone(),
        );
        self.member_form = MemberForm::empty(&region);
        self.holder_form = match self.current_family() {
            Some(family) => HolderForm::of(family, family.holder.name.is_empty()),
            None => HolderForm::default(),
        };
        self.expense_form.member = self
            .current_family()
            .and_then(|f| f.members.first())
            .map(|m| m.id);
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        self.lang = crate::ui::lang(ui.ctx());
        egui::Panel::left("family_list")
            .resizable(false)
            .default_size(170.0)
            .show(ui, |ui| self.list_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            self.toolbar_ui(ui);
            if self.current_family().is_none() {
                ui.add_space(20.0);
                ui.heading(word(ui, Word::TabFamily));
                ui.label(word(ui, Word::FamilyIntro));
                ui.label(word(ui, Word::FamilyStart));
                return;
            }
            let Some(derived) = self.derived(policies) else {
                return;
            };
            let (family, review, ledger) = (&derived.family, &derived.review, &derived.ledger);
            egui::ScrollArea::vertical()
                .id_salt("family_scroll")
                .show(ui, |ui| {
                    self.holder_ui(ui, policies, family, review);
                    ui.add_space(8.0);
                    self.members_ui(ui, policies, family, review);
                    ui.add_space(8.0);
                    self.binding_checklist_ui(ui, policies, family);
                    ui.add_space(8.0);
                    self.member_form_ui(ui, policies, family);
                    ui.add_space(8.0);
                    self.expenses_ui(ui, family, ledger);
                });
        });
    }

    /// The current family with its review and ledger, recomputed only when it changed.
    fn derived(&mut self, policies: &PolicySet) -> Option<Rc<Derived>> {
        let document = self.workspace.current_document()?;
        let revision = document.revision();
        if let Some(derived) = &self.derived
            && derived.revision == revision
        {
            return Some(Rc::clone(derived));
        }
        let family = document.family().clone();
        let review = review_family(policies, &family, self.today);
        let ledger = simulate(&family, &review);
        let derived = Rc::new(Derived {
            revision,
            family,
            review,
            ledger,
        });
        self.derived = Some(Rc::clone(&derived));
        Some(derived)
    }

    fn list_ui(&mut self, ui: &mut egui::Ui) {
        let lang = crate::ui::lang(ui.ctx());
        ui.label(RichText::new(Word::Families.text(lang)).strong());
        if ui.button(Word::NewFamily.text(lang)).clicked() {
            self.act(FamilyAction::NewFamily);
            self.holder_form.open = true;
        }
        ui.add_space(6.0);
        let mut chosen = None;
        for (index, document) in self.workspace.documents().iter().enumerate() {
            let family = document.family();
            let mut label = family.label.clone();
            if !family.holder.name.is_empty() {
                label.push_str(&format!("（{}）", family.holder.name));
            }
            if document.is_dirty() {
                label.push_str(" ●");
            }
            let selected = self.workspace.current_index() == Some(index);
            if ui.selectable_label(selected, label).clicked() {
                chosen = Some(index);
            }
        }
        if let Some(index) = chosen
            && !self.holder_typing_blocks()
        {
            self.act(FamilyAction::Select(index));
        }
        let mut restore = None;
        let mut purge = None;
        if !self.workspace.recycled().is_empty() {
            ui.add_space(8.0);
            egui::CollapsingHeader::new(lang.with_note(
                Word::RecycleBin.text(lang),
                &self.workspace.recycled().len().to_string(),
            ))
            .id_salt("recycle_bin")
            .show(ui, |ui| {
                ui.label(RichText::new(Word::RecycleHint.text(lang)).small().weak());
                for (index, entry) in self.workspace.recycled().iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!("{} · {}", entry.family.label, entry.removed_at));
                        if ui
                            .button(format!(
                                "{} {}",
                                Word::Restore.text(lang),
                                entry.family.label
                            ))
                            .clicked()
                        {
                            restore = Some(index);
                        }
                        if ui
                            .small_button(format!(
                                "{} {}",
                                Word::DeleteForever.text(lang),
                                entry.family.label
                            ))
                            .clicked()
                        {
                            purge = Some(index);
                        }
                    });
                }
            });
        }
        if let Some(index) = restore {
            self.act(FamilyAction::RestoreRecycled(index));
        }
        if let Some(index) = purge {
            self.confirm = Some(Confirm::Purge(index));
        }
        if !self.workspace.load_problems().is_empty() {
            ui.add_space(8.0);
            let color = theme::warning_color(ui.visuals().dark_mode);
            ui.label(RichText::new(Word::FilesNotOpened.text(lang)).color(color));
            for problem in self.workspace.load_problems() {
                ui.label(RichText::new(problem.text(lang)).small().color(color));
            }
        }
    }

    /// The binding checklist for the members, to print and carry to the service window.
    fn binding_checklist_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, family: &Family) {
        if family.members.is_empty() {
            if std::mem::take(&mut self.binding_export_requested) {
                self.workspace.report(Say::AddRelativesBeforeExport, true);
            }
            return;
        }
        egui::Frame::group(ui.style())
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(word(ui, Word::BindingList)).strong());
                ui.label(
                    RichText::new(word(ui, Word::BindingListHint))
                        .small()
                        .weak(),
                );
                let lang = crate::ui::lang(ui.ctx());
                ui.checkbox(
                    &mut self.include_personal_data,
                    Word::FullNamesInExport.text(lang),
                )
                .on_hover_text(Word::MaskedHint.text(lang));
                let asked = std::mem::take(&mut self.binding_export_requested)
                    .then_some(ExportRequest::Dialog);
                if let Some(request) = self.binding_export.ui(ui).or(asked) {
                    let personal = if self.include_personal_data {
                        PersonalData::Included
                    } else {
                        PersonalData::Masked
                    };
                    match family_binding_checklist(policies, family, personal, self.today) {
                        Ok(checklist) => {
                            // Whose list, in the file name: the holder's masked name (王某),
                            // or the full name when the user chose to include it.
                            let who = if family.holder.name.trim().is_empty() {
                                family.label.clone()
                            } else if self.include_personal_data {
                                family.holder.name.clone()
                            } else {
                                file_name_mask(&family.holder.name)
                            };
                            self.binding_export.run(request, &checklist, Some(&who));
                            if let Some((path, format)) = self.binding_export.take_written() {
                                self.exported
                                    .push(crate::export::history::ExportRecord::new(
                                        &checklist,
                                        crate::export::history::MadeFrom::Family {
                                            family: family.id.clone(),
                                            full_personal_data: self.include_personal_data,
                                        },
                                        Some(&who),
                                        &path,
                                        format,
                                        self.today.and_time(chrono::Local::now().time()),
                                    ));
                            }
                        }
                        Err(error) => self.binding_export.fail_to_make(&error),
                    }
                }
            });
    }

    /// Applies an edit of the family shown; a refused edit is reported.
    fn edit(&mut self, edit: FamilyEdit) -> bool {
        self.act(FamilyAction::Edit(edit))
    }
}
