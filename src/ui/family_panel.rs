//! 家庭共济绑定: the family-binding editor. Families are kept in the user's data folder; the
//! holder, his relatives with their verdicts and reasons, and a simulation of paying their
//! bills from the account. Every change goes through `FamilyDocument::apply` (undo/redo).

use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::checklist::family_binding_checklist;
use crate::domain::{Insurance, InsuredStatus, Relation, Use, Verdict};
use crate::family::{
    BindingQuery, BindingStatus, Expense, Family, FamilyDocument, FamilyEdit, FamilyReview, Holder,
    Ledger, Member, PersonalData, check_binding, check_id_number, format_yuan, fresh_family_id,
    is_safe_family_id, mask, mask_name, parse_amount, review_family, simulate,
};
use crate::policy::PolicySet;
use crate::store::{
    FamilyStore, RecycledFamily, family_from_json, family_to_json, write_atomically,
};
use crate::ui::export_bar::ExportBar;
use crate::ui::theme;

/// The holder's fields as typed, before they are applied.
#[derive(Debug, Clone, Default)]
struct HolderForm {
    open: bool,
    label: String,
    name: String,
    id_text: String,
    insurance: Option<Insurance>,
    status: Option<InsuredStatus>,
    region: String,
    balance_text: String,
    errors: Vec<String>,
}

/// A relative's fields as typed (adding a new one, or editing `editing`).
#[derive(Debug, Clone)]
struct MemberForm {
    editing: Option<u32>,
    name: String,
    id_text: String,
    relation: Relation,
    insurance: Insurance,
    region: String,
    status: BindingStatus,
    supported_by_others: bool,
    notes: String,
    error: Option<String>,
}

impl MemberForm {
    fn empty(region: &str) -> Self {
        MemberForm {
            editing: None,
            name: String::new(),
            id_text: String::new(),
            relation: Relation::Spouse,
            insurance: Insurance::Resident,
            region: region.to_owned(),
            status: BindingStatus::Planned,
            supported_by_others: false,
            notes: String::new(),
            error: None,
        }
    }
}

/// An expense as typed.
#[derive(Debug, Clone)]
struct ExpenseForm {
    member: Option<u32>,
    date_text: String,
    category: Use,
    amount_text: String,
    error: Option<String>,
}

/// What the tab shows of a family, computed once per change rather than every frame.
struct Derived {
    revision: u64,
    family: Family,
    review: FamilyReview,
    ledger: Ledger,
}

/// Member cards and ledger rows shown per page.
const PAGE: usize = 20;

/// State of the family tab.
pub struct FamilyPanel {
    store: Option<FamilyStore>,
    export_dir: Option<PathBuf>,
    documents: Vec<FamilyDocument>,
    current: Option<usize>,
    /// Problems found when loading the folder (files set aside or left alone).
    load_problems: Vec<String>,
    /// The last action's outcome: text and whether it is an error.
    status: Option<(String, bool)>,
    holder_form: HolderForm,
    member_form: MemberForm,
    expense_form: ExpenseForm,
    default_region: String,
    today: NaiveDate,
    /// Export of the binding checklist for the members.
    binding_export: ExportBar,
    /// Whether that export shows full names and ID numbers (masked by default).
    include_personal_data: bool,
    derived: Option<Rc<Derived>>,
    /// First member card and first ledger row shown.
    member_page: usize,
    ledger_page: usize,
    /// A question waiting for the user's answer (remove a family, write full ID numbers).
    confirm: Option<Confirm>,
    /// The family removed last, so Ctrl+Z (or 撤销移除) brings it back right away.
    last_removed: Option<Removed>,
    /// The recycle folder's families, read when it changes (not every frame).
    recycled: Vec<RecycledFamily>,
    /// The family's printable list was asked for (toolbar button or Ctrl+E on this tab).
    binding_export_requested: bool,
    /// Whether to open the system's file dialogs (see `AppStorage::native_dialogs`).
    native_dialogs: bool,
    /// Commands the tab's buttons sent this frame, applied by the app in one place with the
    /// keyboard's (`YibaoApp::run_commands`).
    sent: Vec<crate::ui::commands::UiCommand>,
}

/// What a confirmation dialog is about.
#[derive(Debug, Clone, PartialEq)]
enum Confirm {
    /// Move the current family to the recycle folder.
    Remove,
    /// Write the raw family file (full names and ID numbers) with the dialog, or to the
    /// default folder.
    Backup { with_dialog: bool },
}

/// A family just removed: its document (as it was, unsaved changes included) and where its
/// file went.
struct Removed {
    document: FamilyDocument,
    index: usize,
    recycled: Option<PathBuf>,
}

impl FamilyPanel {
    /// Loads the saved families from `store` (none when there is no data folder).
    pub fn new(
        store: Option<FamilyStore>,
        export_dir: Option<PathBuf>,
        default_region: &str,
        today: NaiveDate,
        native_dialogs: bool,
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
            None => (
                Vec::new(),
                vec!["找不到保存数据的文件夹，家庭信息无法保存。".to_owned()],
            ),
        };
        let mut panel = FamilyPanel {
            store,
            export_dir: export_dir.clone(),
            current: if documents.is_empty() { None } else { Some(0) },
            documents,
            load_problems,
            status: None,
            holder_form: HolderForm::default(),
            member_form: MemberForm::empty(default_region),
            expense_form: ExpenseForm {
                member: None,
                date_text: today.format("%Y-%m-%d").to_string(),
                category: Use::MedicalSelfPay,
                amount_text: String::new(),
                error: None,
            },
            default_region: default_region.to_owned(),
            today,
            binding_export: ExportBar::new("binding_export", export_dir, native_dialogs),
            native_dialogs,
            include_personal_data: false,
            derived: None,
            member_page: 0,
            ledger_page: 0,
            confirm: None,
            last_removed: None,
            recycled: Vec::new(),
            binding_export_requested: false,
            sent: Vec::new(),
        };
        panel.refresh_recycled();
        panel.reset_forms();
        panel
    }

    /// Re-reads the recycle folder (after a removal or a restore).
    fn refresh_recycled(&mut self) {
        let Some(store) = &self.store else {
            return;
        };
        let (recycled, problems) = store.recycled();
        self.recycled = recycled;
        for problem in problems {
            crate::log::warn(&problem);
            if !self.load_problems.contains(&problem) {
                self.load_problems.push(problem);
            }
        }
    }

    /// Shows the outcome of an action; failures are also logged (without personal data:
    /// callers pass paths and kinds of problem, never names or ID numbers).
    fn report(&mut self, message: String, is_error: bool) {
        if is_error {
            crate::log::error(&format!("family tab: {message}"));
        }
        self.status = Some((message, is_error));
    }

    /// Whether any family has changes not yet saved, or the holder form holds typing that
    /// could not be applied yet (an amount with a comma, say): closing asks first.
    pub fn has_unsaved_changes(&self) -> bool {
        self.documents.iter().any(FamilyDocument::is_dirty)
            || (self.holder_form.open && !self.holder_form.errors.is_empty())
    }

    /// The family shown, if any.
    pub fn current_family(&self) -> Option<&Family> {
        self.current
            .and_then(|i| self.documents.get(i))
            .map(FamilyDocument::family)
    }

    fn document_mut(&mut self) -> Option<&mut FamilyDocument> {
        self.current.and_then(|i| self.documents.get_mut(i))
    }

    fn reset_forms(&mut self) {
        let region = self
            .current_family()
            .map_or_else(|| self.default_region.clone(), |f| f.holder.region.clone());
        self.member_form = MemberForm::empty(&region);
        self.holder_form = match self.current_family() {
            Some(family) => holder_form_of(family, family.holder.name.is_empty()),
            None => HolderForm::default(),
        };
        self.expense_form.member = self
            .current_family()
            .and_then(|f| f.members.first())
            .map(|m| m.id);
    }

    /// Saves every family with unsaved changes. Returns false if any save failed.
    pub fn save_all(&mut self) -> bool {
        let Some(store) = self.store.clone() else {
            self.report("没有可以保存的文件夹，无法保存。".to_owned(), true);
            return false;
        };
        let mut saved = Vec::new();
        for document in self.documents.iter_mut().filter(|d| d.is_dirty()) {
            match store.save(document.family()) {
                Ok(path) => {
                    document.mark_saved();
                    saved.push(path);
                }
                Err(error) => {
                    self.report(format!("保存失败：{error}"), true);
                    return false;
                }
            }
        }
        self.status = Some(match saved.as_slice() {
            [] => ("没有需要保存的修改。".to_owned(), false),
            [one] => (format!("已保存到 {}", one.display()), false),
            many => (
                format!("已保存 {} 个家庭到 {}", many.len(), store.dir().display()),
                false,
            ),
        });
        true
    }

    /// Ctrl+Z: takes back a removal made just before, or the last edit of the family shown.
    pub fn undo(&mut self) {
        if self.last_removed.is_some() {
            self.undo_remove();
            return;
        }
        if let Some(document) = self.document_mut()
            && document.undo()
        {
            self.status = Some(("已撤销".to_owned(), false));
            self.reset_forms();
        }
    }

    /// Ctrl+Shift+Z.
    pub fn redo(&mut self) {
        if let Some(document) = self.document_mut()
            && document.redo()
        {
            self.status = Some(("已重做".to_owned(), false));
            self.reset_forms();
        }
    }

    fn apply(&mut self, edit: FamilyEdit) -> bool {
        self.last_removed = None;
        let Some(document) = self.document_mut() else {
            return false;
        };
        match document.apply(edit) {
            Ok(()) => true,
            Err(error) => {
                self.status = Some((error.to_string(), true));
                false
            }
        }
    }

    /// The commands the tab's buttons sent since the last call.
    pub fn take_sent_commands(&mut self) -> Vec<crate::ui::commands::UiCommand> {
        std::mem::take(&mut self.sent)
    }

    /// Asks for the family's printable binding list through the save dialog (the toolbar
    /// button, Ctrl+E on this tab); carried out while the tab is drawn.
    pub fn request_binding_export(&mut self) {
        self.binding_export_requested = true;
    }

    /// Ids of the families open now.
    fn taken_ids(&self) -> Vec<String> {
        self.documents
            .iter()
            .map(|d| d.family().id.clone())
            .collect()
    }

    fn new_family(&mut self) {
        self.last_removed = None;
        let number = self.documents.len() + 1;
        let taken = self.taken_ids();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let family = Family::new(
            &fresh_family_id(&taken),
            &format!("家庭 {number}"),
            &self.default_region,
        );
        self.documents.push(FamilyDocument::new_unsaved(family));
        self.current = Some(self.documents.len() - 1);
        self.reset_forms();
        self.holder_form.open = true;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        egui::Panel::left("family_list")
            .resizable(false)
            .default_size(170.0)
            .show(ui, |ui| self.list_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            self.toolbar_ui(ui);
            if self.current_family().is_none() {
                ui.add_space(20.0);
                ui.heading("家庭共济绑定");
                ui.label("录入职工医保参保人和他的家人，逐一检查能否绑定、个人账户可以为谁支付哪些费用，并模拟用余额付款。");
                ui.label("点左边的“新建家庭”开始。数据只保存在这台电脑上。");
                return;
            }
            let Some(derived) = self.derived(policies) else {
                return;
            };
            let (family, review, ledger) = (&derived.family, &derived.review, &derived.ledger);
            egui::ScrollArea::vertical().id_salt("family_scroll").show(ui, |ui| {
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
        let document = self.current.and_then(|i| self.documents.get(i))?;
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
        ui.label(RichText::new("家庭").strong());
        if ui.button("＋ 新建家庭").clicked() {
            self.new_family();
        }
        ui.add_space(6.0);
        let mut chosen = None;
        for (index, document) in self.documents.iter().enumerate() {
            let family = document.family();
            let mut label = family.label.clone();
            if !family.holder.name.is_empty() {
                label.push_str(&format!("（{}）", family.holder.name));
            }
            if document.is_dirty() {
                label.push_str(" ●");
            }
            if ui
                .selectable_label(self.current == Some(index), label)
                .clicked()
            {
                chosen = Some(index);
            }
        }
        if let Some(index) = chosen {
            self.last_removed = None;
            self.current = Some(index);
            self.member_page = 0;
            self.ledger_page = 0;
            self.reset_forms();
        }
        if !self.recycled.is_empty() {
            ui.add_space(8.0);
            let mut restore = None;
            egui::CollapsingHeader::new(format!("回收站（{}）", self.recycled.len()))
                .id_salt("recycle_bin")
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("移除的家庭在这里，点“恢复”放回列表。")
                            .small()
                            .weak(),
                    );
                    for (index, entry) in self.recycled.iter().enumerate() {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!("{} · {}", entry.family.label, entry.removed_at));
                            if ui.button(format!("恢复 {}", entry.family.label)).clicked() {
                                restore = Some(index);
                            }
                        });
                    }
                });
            if let Some(index) = restore {
                self.restore_recycled(index);
            }
        }
        if !self.load_problems.is_empty() {
            ui.add_space(8.0);
            let color = theme::warning_color(ui.visuals().dark_mode);
            ui.label(RichText::new("⚠ 有文件没有打开：").color(color));
            for problem in &self.load_problems {
                ui.label(RichText::new(problem).small().color(color));
            }
        }
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        let has_family = self.current.is_some();
        ui.horizontal_wrapped(|ui| {
            let dirty = self.has_unsaved_changes();
            if ui
                .add_enabled(dirty, egui::Button::new("保存"))
                .on_hover_text(crate::ui::commands::UiCommand::Save.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(crate::ui::commands::UiCommand::Save);
            }
            let (can_undo, can_redo) = self
                .current
                .and_then(|i| self.documents.get(i))
                .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
            if ui
                .add_enabled(can_undo, egui::Button::new("撤销"))
                .on_hover_text(crate::ui::commands::UiCommand::Undo.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(crate::ui::commands::UiCommand::Undo);
            }
            if ui
                .add_enabled(can_redo, egui::Button::new("重做"))
                .on_hover_text(crate::ui::commands::UiCommand::Redo.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(crate::ui::commands::UiCommand::Redo);
            }
            if ui
                .add_enabled(
                    has_family,
                    egui::Button::new(RichText::new("导出家庭共济清单（打印用）…").strong()),
                )
                .on_hover_text(crate::ui::commands::UiCommand::Export.tooltip(ui.ctx()))
                .clicked()
            {
                self.sent.push(crate::ui::commands::UiCommand::Export);
            }
            ui.menu_button("备份与恢复", |ui| {
                if ui
                    .add_enabled(has_family, egui::Button::new("备份家庭文件…"))
                    .on_hover_text(
                        "备份文件含完整姓名和身份证号，用于换电脑或留底，不是打印用的清单",
                    )
                    .clicked()
                {
                    self.confirm = Some(Confirm::Backup { with_dialog: true });
                    ui.close();
                }
                if ui
                    .add_enabled(has_family, egui::Button::new("备份到默认文件夹"))
                    .clicked()
                {
                    self.confirm = Some(Confirm::Backup { with_dialog: false });
                    ui.close();
                }
                if ui.button("导入家庭文件…").clicked() {
                    self.import_with_dialog();
                    ui.close();
                }
                if ui
                    .add_enabled(
                        has_family,
                        egui::Button::new("从备份恢复上一次保存前的版本"),
                    )
                    .clicked()
                {
                    self.restore_backup();
                    ui.close();
                }
            });
            if ui
                .add_enabled(has_family, egui::Button::new("移除此家庭…"))
                .clicked()
            {
                self.confirm = Some(Confirm::Remove);
            }
            if dirty {
                ui.label(
                    RichText::new("有未保存的修改")
                        .color(theme::warning_color(ui.visuals().dark_mode)),
                );
            }
        });
        if let Some((message, is_error)) = self.status.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(message).color(theme::status_color(ui.visuals(), is_error)));
                if self.last_removed.is_some()
                    && ui
                        .button("撤销移除")
                        .on_hover_text(crate::ui::commands::UiCommand::Undo.tooltip(ui.ctx()))
                        .clicked()
                {
                    self.sent.push(crate::ui::commands::UiCommand::Undo);
                }
            });
        }
        ui.separator();
        self.confirm_ui(ui);
    }

    /// The open confirmation, as a window over the tab.
    fn confirm_ui(&mut self, ui: &mut egui::Ui) {
        let Some(confirm) = self.confirm.clone() else {
            return;
        };
        let label = self
            .current_family()
            .map(|f| f.label.clone())
            .unwrap_or_default();
        let (title, text, yes) = match confirm {
            Confirm::Remove => (
                "移除家庭",
                format!(
                    "把“{label}”移到回收站？移除后它不在列表里，可以在左边的“回收站”里恢复，也可以马上按“撤销移除”。"
                ),
                "移到回收站",
            ),
            Confirm::Backup { .. } => (
                "备份家庭文件",
                "备份文件里有这个家庭全部人员的完整姓名和身份证号，任何拿到文件的人都能看到。它用于换电脑或留底；要打印带去办理的，请用“导出家庭共济清单”（默认隐藏姓名和身份证号）。继续备份吗？".to_owned(),
                "我知道，继续备份",
            ),
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("family_confirm")).show(ui.ctx(), |ui| {
            ui.set_max_width(460.0);
            ui.heading(title);
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button(yes).clicked() {
                    answer = Some(true);
                }
                if ui.button("取消").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                self.confirm = None;
                match confirm {
                    Confirm::Remove => self.remove_current(),
                    Confirm::Backup { with_dialog: true } if self.native_dialogs => {
                        self.export_with_dialog();
                    }
                    Confirm::Backup { .. } => self.export_to_default_folder(),
                }
            }
            Some(false) => self.confirm = None,
            None => {}
        }
    }

    fn holder_ui(
        &mut self,
        ui: &mut egui::Ui,
        policies: &PolicySet,
        family: &Family,
        review: &FamilyReview,
    ) {
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new("参保人（账户持有人）").strong());
                if self.holder_form.open {
                    self.holder_form_ui(ui, policies, family);
                    return;
                }
                let holder = &family.holder;
                let region = policies
                    .region(&holder.region)
                    .map_or(holder.region.as_str(), |r| r.name());
                let status = holder.status.map_or("", |s| s.label());
                ui.label(format!(
                    "{} · {}{} · {} · 身份证 {}",
                    if holder.name.is_empty() {
                        "（未填姓名）"
                    } else {
                        &holder.name
                    },
                    holder.insurance.label(),
                    if holder.insurance == Insurance::Employee {
                        format!("（{status}）")
                    } else {
                        String::new()
                    },
                    region,
                    holder
                        .id_number
                        .as_deref()
                        .map_or_else(|| "未填".to_owned(), mask),
                ));
                ui.label(
                    RichText::new(format!("个人账户余额：{}", format_yuan(holder.balance)))
                        .strong(),
                );
                for problem in &review.holder_problems {
                    ui.label(
                        RichText::new(format!("⚠ {problem}"))
                            .color(theme::warning_color(ui.visuals().dark_mode)),
                    );
                }
                if ui.button("修改参保人…").clicked() {
                    self.holder_form = holder_form_of(family, true);
                }
            });
    }

    fn holder_form_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, family: &Family) {
        let before = self.holder_form.clone();
        let form = &mut self.holder_form;
        egui::Grid::new("holder_form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("家庭名称");
                ui.add(egui::TextEdit::singleline(&mut form.label).desired_width(200.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("姓名");
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(200.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("身份证号（可不填）");
                ui.horizontal_wrapped(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut form.id_text).desired_width(220.0))
                        .labelled_by(label.id);
                    id_hint_ui(ui, &form.id_text, self.today);
                });
                ui.end_row();
                let label = ui.label("参保类型");
                insurance_combo_ui(ui, "holder_insurance", label.id, &mut form.insurance);
                ui.end_row();
                let label = ui.label("在职/退休");
                egui::ComboBox::from_id_salt("holder_status")
                    .selected_text(form.status.map_or("未填", |s| s.label()))
                    .show_ui(ui, |ui| {
                        for status in InsuredStatus::ALL {
                            ui.selectable_value(&mut form.status, Some(*status), status.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("参保地");
                region_combo_ui(ui, "holder_region", label.id, policies, &mut form.region);
                ui.end_row();
                let label = ui.label("个人账户余额（元）");
                ui.add(egui::TextEdit::singleline(&mut form.balance_text).desired_width(140.0))
                    .labelled_by(label.id);
                ui.end_row();
            });
        // Every change is applied to the family as it is typed (one undo step per stretch
        // of typing); what cannot be applied yet stays in the form, and closing asks first.
        if !same_holder_fields(&before, &self.holder_form) {
            self.apply_holder_form(true);
        }
        let color = theme::status_color(ui.visuals(), true);
        for error in &self.holder_form.errors {
            ui.label(RichText::new(format!("⚠ {error}")).color(color));
        }
        ui.horizontal(|ui| {
            if ui.button("完成").clicked() {
                self.apply_holder_form(false);
            }
            if !family.holder.name.is_empty() && ui.button("收起").clicked() {
                self.holder_form.open = false;
                if let Some(document) = self.document_mut() {
                    document.end_typing();
                }
            }
        });
    }

    /// Applies the holder form to the family. `typing`: while typing, the form stays open and
    /// the change merges with the previous one in the undo history; otherwise (完成) it is
    /// closed when valid.
    fn apply_holder_form(&mut self, typing: bool) {
        let form = &mut self.holder_form;
        form.errors.clear();
        if form.name.trim().is_empty() {
            form.errors.push("请填写参保人姓名".to_owned());
        }
        let id_number = match check_id_number(Some(&form.id_text), self.today) {
            Ok(id) => id.map(|id| id.as_str().to_owned()),
            Err(_) => {
                form.errors
                    .push("身份证号有误，请按输入框旁的提示改正".to_owned());
                None
            }
        };
        let balance = match parse_amount(&form.balance_text) {
            Ok(amount) => Some(amount),
            Err(error) => {
                form.errors.push(format!("个人账户余额：{error}"));
                None
            }
        };
        let (Some(balance), Some(insurance), true) =
            (balance, form.insurance, form.errors.is_empty())
        else {
            if form.insurance.is_none() {
                form.errors.push("请选择参保类型".to_owned());
            }
            return;
        };
        let holder = Holder {
            name: form.name.trim().to_owned(),
            id_number,
            insurance,
            status: if insurance == Insurance::Employee {
                form.status
            } else {
                None
            },
            region: form.region.clone(),
            balance,
        };
        // A family still called by its number gets the holder's surname (王喆 → 王家).
        let typed_label = form.label.trim().to_owned();
        let label = if typed_label.starts_with("家庭 ") && !holder.name.is_empty() {
            format!("{}家", holder.name.chars().next().unwrap_or('某'))
        } else if typed_label.is_empty() {
            "未命名家庭".to_owned()
        } else {
            typed_label
        };
        let label_changed = self.current_family().is_some_and(|f| f.label != label);
        let region = holder.region.clone();
        self.last_removed = None;
        let Some(document) = self.document_mut() else {
            return;
        };
        let mut applied = document.apply_typing("holder", FamilyEdit::SetHolder(holder));
        if applied.is_ok() && label_changed {
            applied = document.apply_typing("holder", FamilyEdit::SetLabel(label.clone()));
        }
        if applied.is_ok() {
            // The field shows the name the family now has (家庭 1 → 王家).
            self.holder_form.label = label;
        }
        match applied {
            Ok(()) => {
                // Relatives are usually insured where the holder is.
                if self.member_form.editing.is_none() && self.member_form.name.is_empty() {
                    self.member_form.region = region;
                }
                if !typing {
                    self.holder_form.open = false;
                    if let Some(document) = self.document_mut() {
                        document.end_typing();
                    }
                }
            }
            Err(error) => self.holder_form.errors.push(error.to_string()),
        }
    }

    fn members_ui(
        &mut self,
        ui: &mut egui::Ui,
        policies: &PolicySet,
        family: &Family,
        review: &FamilyReview,
    ) {
        ui.label(RichText::new(format!("家人（{} 位）", family.members.len())).strong());
        if family.members.is_empty() {
            ui.label("还没有家人。在下面“添加家人”里填写。");
        }
        let mut remove = None;
        let mut edit = None;
        pager_ui(
            ui,
            "member_pager",
            "位家人",
            family.members.len(),
            &mut self.member_page,
        );
        for member in family.members.iter().skip(self.member_page).take(PAGE) {
            let Some(member_review) = review.member(member.id) else {
                continue;
            };
            egui::Frame::group(ui.style())
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        binding_badge_ui(ui, member_review.verdict_id());
                        let region = policies
                            .region(&member.region)
                            .map_or(member.region.as_str(), |r| r.name());
                        // A long name is cut with an ellipsis and shown whole on hover, so
                        // it never pushes the buttons off the card.
                        ui.add(egui::Label::new(RichText::new(&member.name).strong()).truncate())
                            .on_hover_text(&member.name);
                        ui.label(format!(
                            "{} · {} · {} · {}",
                            member.relation.label(),
                            member.insurance.label(),
                            region,
                            member.status.label()
                        ));
                        if let Some(id) = &member.id_number {
                            ui.label(RichText::new(format!("身份证 {}", mask(id))).weak());
                        }
                    });
                    match &member_review.verdict {
                        Ok(verdict) => binding_verdict_ui(ui, verdict),
                        Err(error) => {
                            ui.label(
                                RichText::new(error.to_string())
                                    .color(theme::warning_color(ui.visuals().dark_mode)),
                            );
                        }
                    }
                    for problem in &member_review.problems {
                        ui.label(
                            RichText::new(format!("⚠ {problem}"))
                                .color(theme::warning_color(ui.visuals().dark_mode)),
                        );
                    }
                    if !member.notes.is_empty() {
                        ui.label(RichText::new(format!("备注：{}", member.notes)).weak());
                    }
                    ui.horizontal_wrapped(|ui| {
                        let short = short_name(&member.name);
                        if ui
                            .button(format!("修改 {short}"))
                            .on_hover_text(format!("修改 {}", member.name))
                            .clicked()
                        {
                            edit = Some(member.clone());
                        }
                        if ui
                            .button(format!("删除 {short}"))
                            .on_hover_text(format!("删除 {}", member.name))
                            .clicked()
                        {
                            remove = Some(member.id);
                        }
                    });
                });
        }
        if let Some(id) = remove {
            self.apply(FamilyEdit::RemoveMember(id));
            self.reset_forms();
        }
        if let Some(member) = edit {
            self.member_form = MemberForm {
                editing: Some(member.id),
                name: member.name.clone(),
                id_text: member.id_number.clone().unwrap_or_default(),
                relation: member.relation,
                insurance: member.insurance,
                region: member.region.clone(),
                status: member.status,
                supported_by_others: member.supported_by_others,
                notes: member.notes.clone(),
                error: None,
            };
        }
    }

    /// The binding checklist for the members, to print and carry to the service window.
    fn binding_checklist_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, family: &Family) {
        if family.members.is_empty() {
            if std::mem::take(&mut self.binding_export_requested) {
                self.report("还没有家人，先添加家人再导出清单。".to_owned(), true);
            }
            return;
        }
        egui::Frame::group(ui.style())
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new("绑定办理清单").strong());
                ui.label(
                    RichText::new(
                        "为每位家人列出能否绑定、办理渠道、要带的材料和步骤，打印后带去办理。",
                    )
                    .small()
                    .weak(),
                );
                ui.checkbox(
                    &mut self.include_personal_data,
                    "导出时包含完整姓名和身份证号",
                )
                .on_hover_text("不勾选时，姓名只显示姓，身份证号只显示前4位和后4位。");
                let asked = std::mem::take(&mut self.binding_export_requested)
                    .then_some(crate::ui::export_bar::ExportRequest::Dialog);
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
                        }
                        Err(error) => self.binding_export.fail(format!("无法生成清单：{error}")),
                    }
                }
            });
    }

    /// The file written by the last binding-checklist export.
    pub fn last_binding_export(&self) -> Option<&std::path::Path> {
        self.binding_export.last_export()
    }

    fn member_form_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, family: &Family) {
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let editing = self.member_form.editing;
                ui.label(
                    RichText::new(if editing.is_some() {
                        "修改家人"
                    } else {
                        "添加家人"
                    })
                    .strong(),
                );
                let form = &mut self.member_form;
                egui::Grid::new("member_form")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        let label = ui.label("家人姓名");
                        ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(200.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("家人身份证号（可不填）");
                        ui.horizontal_wrapped(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut form.id_text).desired_width(220.0),
                            )
                            .labelled_by(label.id);
                            id_hint_ui(ui, &form.id_text, self.today);
                        });
                        ui.end_row();
                        let label = ui.label("关系");
                        egui::ComboBox::from_id_salt("member_relation")
                            .selected_text(form.relation.label())
                            .height(400.0)
                            .show_ui(ui, |ui| {
                                for relation in Relation::ALL {
                                    ui.selectable_value(
                                        &mut form.relation,
                                        *relation,
                                        relation.label(),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("家人自己的医保");
                        let mut insurance = Some(form.insurance);
                        insurance_combo_ui(ui, "member_insurance", label.id, &mut insurance);
                        if let Some(insurance) = insurance {
                            form.insurance = insurance;
                        }
                        ui.end_row();
                        let label = ui.label("家人参保地");
                        region_combo_ui(ui, "member_region", label.id, policies, &mut form.region);
                        ui.end_row();
                        let label = ui.label("绑定状态");
                        egui::ComboBox::from_id_salt("member_status")
                            .selected_text(form.status.label())
                            .show_ui(ui, |ui| {
                                for status in BindingStatus::ALL {
                                    ui.selectable_value(&mut form.status, status, status.label());
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        ui.label("");
                        ui.checkbox(&mut form.supported_by_others, "还有其他职工在为他共济");
                        ui.end_row();
                        let label = ui.label("备注");
                        ui.add(egui::TextEdit::singleline(&mut form.notes).desired_width(260.0))
                            .labelled_by(label.id);
                        ui.end_row();
                    });

                // Live preview of the verdict, so the reason shows before adding.
                let preview = check_binding(
                    policies,
                    &BindingQuery {
                        holder_region: &family.holder.region,
                        holder_insurance: family.holder.insurance,
                        relation: self.member_form.relation,
                        member_insurance: self.member_form.insurance,
                        member_region: Some(&self.member_form.region),
                        supported_by_others: self.member_form.supported_by_others,
                    },
                );
                ui.label(RichText::new("检查结果（预览）").small().weak());
                match &preview {
                    Ok(verdict) => {
                        ui.horizontal(|ui| binding_badge_ui(ui, verdict.verdict));
                        binding_verdict_ui(ui, verdict);
                    }
                    Err(error) => {
                        ui.label(error.to_string());
                    }
                }
                if let Some(error) = &self.member_form.error {
                    ui.label(
                        RichText::new(format!("⚠ {error}"))
                            .color(theme::warning_color(ui.visuals().dark_mode)),
                    );
                }
                ui.horizontal(|ui| {
                    let action = if editing.is_some() {
                        "保存修改"
                    } else {
                        "添加家人"
                    };
                    if ui.button(action).clicked() {
                        self.apply_member_form();
                    }
                    if editing.is_some() && ui.button("取消修改").clicked() {
                        self.reset_forms();
                    }
                });
            });
    }

    fn apply_member_form(&mut self) {
        let form = &self.member_form;
        if form.name.trim().is_empty() {
            self.member_form.error = Some("请填写家人姓名".to_owned());
            return;
        }
        let id_number = match check_id_number(Some(&form.id_text), self.today) {
            Ok(id) => id.map(|id| id.as_str().to_owned()),
            // The problem itself is shown next to the field.
            Err(_) => {
                self.member_form.error = Some("身份证号有误，请按输入框旁的提示改正".to_owned());
                return;
            }
        };
        let previous = form
            .editing
            .and_then(|id| self.current_family().and_then(|f| f.member(id)).cloned());
        let member = Member {
            id: form.editing.unwrap_or(0),
            name: form.name.trim().to_owned(),
            id_number,
            relation: form.relation,
            insurance: form.insurance,
            region: form.region.clone(),
            status: form.status,
            bound_on: previous
                .as_ref()
                .and_then(|m| m.bound_on)
                .or_else(|| (form.status == BindingStatus::Bound).then_some(self.today)),
            ended_on: previous
                .as_ref()
                .and_then(|m| m.ended_on)
                .or_else(|| (form.status == BindingStatus::Ended).then_some(self.today)),
            supported_by_others: form.supported_by_others,
            notes: form.notes.trim().to_owned(),
        };
        let edit = if form.editing.is_some() {
            FamilyEdit::UpdateMember(member)
        } else {
            FamilyEdit::AddMember(member)
        };
        self.last_removed = None;
        let Some(document) = self.document_mut() else {
            return;
        };
        // A refused edit (a duplicate ID number) is said in the form, where it was typed.
        match document.apply(edit) {
            Ok(()) => self.reset_forms(),
            Err(error) => self.member_form.error = Some(error.to_string()),
        }
    }

    fn expenses_ui(&mut self, ui: &mut egui::Ui, family: &Family, ledger: &Ledger) {
        ui.label(RichText::new("费用模拟：用个人账户为家人付款").strong());
        if family.members.is_empty() {
            ui.label("先添加家人，再录入他的费用。");
            return;
        }
        let name_of = |id: u32| family.member(id).map_or("（已删除）", |m| m.name.as_str());
        let mut remove = None;
        pager_ui(
            ui,
            "ledger_pager",
            "笔费用",
            ledger.rows.len(),
            &mut self.ledger_page,
        );
        let first_row = self.ledger_page;
        egui::Grid::new("ledger")
            .striped(true)
            .num_columns(8)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for header in [
                    "日期",
                    "家人",
                    "类别",
                    "金额",
                    "账户支付",
                    "自己付",
                    "账户余额",
                    "",
                ] {
                    ui.label(RichText::new(header).strong());
                }
                ui.end_row();
                for row in ledger.rows.iter().skip(first_row).take(PAGE) {
                    ui.label(row.date.format("%Y-%m-%d").to_string());
                    ui.label(name_of(row.member));
                    ui.label(row.category.label());
                    ui.label(format_yuan(row.amount));
                    ui.label(format_yuan(row.from_account));
                    let out = ui.label(format_yuan(row.out_of_pocket));
                    if let Some(why) = &row.not_allowed {
                        out.on_hover_text(why);
                    }
                    ui.label(format_yuan(row.balance_after));
                    if ui
                        .small_button(format!("删除第 {} 笔", row.expense + 1))
                        .clicked()
                    {
                        remove = Some(row.expense);
                    }
                    ui.end_row();
                }
            });
        for row in ledger.rows.iter().filter(|r| r.not_allowed.is_some()) {
            if let Some(why) = &row.not_allowed {
                ui.label(
                    RichText::new(format!(
                        "· {} {} {}：{}，全部自己付",
                        row.date.format("%m-%d"),
                        name_of(row.member),
                        format_yuan(row.amount),
                        why
                    ))
                    .small()
                    .color(theme::warning_color(ui.visuals().dark_mode)),
                );
            }
        }
        if !ledger.rows.is_empty() {
            ui.label(
                RichText::new(format!(
                    "合计：账户支付 {}，自己付 {}；余额 {} → {}",
                    format_yuan(ledger.total.from_account),
                    format_yuan(ledger.total.out_of_pocket),
                    format_yuan(ledger.opening_balance),
                    format_yuan(ledger.closing_balance)
                ))
                .strong(),
            );
            let per_member: Vec<String> = ledger
                .by_member
                .iter()
                .map(|(id, t)| {
                    format!(
                        "{}：账户 {} / 自付 {}",
                        name_of(*id),
                        format_yuan(t.from_account),
                        format_yuan(t.out_of_pocket)
                    )
                })
                .collect();
            ui.label(RichText::new(format!("按家人：{}", per_member.join("；"))).small());
            let per_category: Vec<String> = ledger
                .by_category
                .iter()
                .map(|(c, t)| {
                    format!(
                        "{}：账户 {} / 自付 {}",
                        c.label(),
                        format_yuan(t.from_account),
                        format_yuan(t.out_of_pocket)
                    )
                })
                .collect();
            ui.label(RichText::new(format!("按类别：{}", per_category.join("；"))).small());
        }
        if let Some(index) = remove {
            self.apply(FamilyEdit::RemoveExpense(index));
        }

        ui.add_space(6.0);
        let form = &mut self.expense_form;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("家人");
            egui::ComboBox::from_id_salt("expense_member")
                .selected_text(form.member.map_or("选择家人", |id| name_of(id)))
                .show_ui(ui, |ui| {
                    for member in &family.members {
                        ui.selectable_value(&mut form.member, Some(member.id), &member.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("类别");
            egui::ComboBox::from_id_salt("expense_category")
                .selected_text(form.category.label())
                .show_ui(ui, |ui| {
                    for category in Use::ALL {
                        ui.selectable_value(&mut form.category, *category, category.label());
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("日期");
            ui.add(egui::TextEdit::singleline(&mut form.date_text).desired_width(110.0))
                .labelled_by(label.id);
            let label = ui.label("金额（元）");
            ui.add(egui::TextEdit::singleline(&mut form.amount_text).desired_width(100.0))
                .labelled_by(label.id);
        });
        if let Some(error) = &self.expense_form.error {
            ui.label(
                RichText::new(format!("⚠ {error}"))
                    .color(theme::warning_color(ui.visuals().dark_mode)),
            );
        }
        if ui.button("添加费用").clicked() {
            self.apply_expense_form();
        }
    }

    fn apply_expense_form(&mut self) {
        let form = &mut self.expense_form;
        let Some(member) = form.member else {
            form.error = Some("请选择家人".to_owned());
            return;
        };
        let Ok(date) = NaiveDate::parse_from_str(form.date_text.trim(), "%Y-%m-%d") else {
            form.error = Some(format!(
                "日期“{}”不对，请按 2026-03-01 的格式填写",
                form.date_text.trim()
            ));
            return;
        };
        let amount = match parse_amount(&form.amount_text) {
            Ok(amount) => amount,
            Err(error) => {
                form.error = Some(format!("金额：{error}"));
                return;
            }
        };
        let expense = Expense {
            member,
            date,
            category: form.category,
            amount,
            note: String::new(),
        };
        if self.apply(FamilyEdit::AddExpense(expense)) {
            self.expense_form.amount_text.clear();
            self.expense_form.error = None;
        }
    }

    /// Writes the raw family file (a backup, full names and ID numbers) to `path`.
    fn export_to(&mut self, path: PathBuf) {
        let Some(family) = self.current_family() else {
            return;
        };
        let json = match family_to_json(family) {
            Ok(json) => json,
            Err(error) => {
                self.report(format!("备份失败：{error}"), true);
                return;
            }
        };
        let dir = path.parent().map(PathBuf::from).unwrap_or_default();
        match write_atomically(&dir, &path, json.as_bytes()) {
            Ok(()) => self.report(
                format!(
                    "已备份到 {}（含完整姓名和身份证号，请妥善保管）",
                    path.display()
                ),
                false,
            ),
            Err(error) => self.report(format!("备份失败：{error}"), true),
        }
    }

    fn export_with_dialog(&mut self) {
        let Some(family) = self.current_family() else {
            return;
        };
        let file_name = format!(
            "家庭备份-{}-{}.json",
            crate::export::file_name_part(&family.label),
            self.today.format("%Y%m%d")
        );
        let picked = rfd::FileDialog::new()
            .set_title("备份家庭文件（含完整姓名和身份证号）")
            .set_file_name(&file_name)
            .add_filter("家庭文件", &["json"])
            .save_file();
        match picked {
            Some(path) => self.export_to(path),
            None => {
                self.status = Some((
                    "没有选择位置（如果没有弹出窗口，请用“备份到默认文件夹”）。".to_owned(),
                    false,
                ));
            }
        }
    }

    fn export_to_default_folder(&mut self) {
        let Some(folder) = self.export_dir.clone() else {
            self.report("找不到默认导出文件夹。".to_owned(), true);
            return;
        };
        let Some(family) = self.current_family() else {
            return;
        };
        let path = crate::export::unused_path(&folder.join(format!(
            "家庭备份-{}-{}.json",
            crate::export::file_name_part(&family.label),
            self.today.format("%Y%m%d")
        )));
        self.export_to(path);
    }

    fn import_with_dialog(&mut self) {
        let picked = rfd::FileDialog::new()
            .set_title("导入家庭文件")
            .add_filter("家庭文件", &["json"])
            .pick_file();
        let Some(path) = picked else {
            let folder = self
                .export_dir
                .clone()
                .map(|f| f.display().to_string())
                .unwrap_or_default();
            self.status = Some((
                format!("没有选择文件（如果没有弹出窗口，可以把家庭文件放进 {folder} 后再试）。"),
                false,
            ));
            return;
        };
        self.import_file(&path);
    }

    /// Adds the family in `path` as a new, unsaved family.
    pub fn import_file(&mut self, path: &std::path::Path) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                self.report(format!("无法读取 {}：{error}", path.display()), true);
                return;
            }
        };
        match family_from_json(&text, path) {
            Ok(mut family) => {
                // An id that is not a safe file name (`../../x`) or already open gets a fresh
                // one: the family is saved inside the families folder, never elsewhere.
                let taken = self.taken_ids();
                if !is_safe_family_id(&family.id) || taken.contains(&family.id) {
                    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
                    family.id = fresh_family_id(&taken);
                }
                self.last_removed = None;
                self.documents.push(FamilyDocument::new_unsaved(family));
                self.current = Some(self.documents.len() - 1);
                self.reset_forms();
                self.status = Some(("已导入，记得保存。".to_owned(), false));
            }
            Err(error) => self.report(format!("导入失败：{error}"), true),
        }
    }

    fn restore_backup(&mut self) {
        let (Some(store), Some(index)) = (self.store.clone(), self.current) else {
            return;
        };
        let id = self.documents[index].family().id.clone();
        match store.restore_backup(&id) {
            Ok(family) => {
                self.documents[index] = FamilyDocument::new(family);
                self.reset_forms();
                self.status = Some(("已从备份恢复上一次保存前的版本。".to_owned(), false));
            }
            Err(error) => self.report(error.to_string(), true),
        }
    }

    /// Moves the current family to the recycle folder (asked first, see `confirm_ui`); it can
    /// be restored from the list, or with Ctrl+Z right after.
    fn remove_current(&mut self) {
        let Some(index) = self.current else {
            return;
        };
        let id = self.documents[index].family().id.clone();
        let moved = match &self.store {
            Some(store) => store.remove(&id),
            None => Ok(None),
        };
        match moved {
            Ok(recycled) => {
                let document = self.documents.remove(index);
                let label = document.family().label.clone();
                self.current = if self.documents.is_empty() {
                    None
                } else {
                    Some(index.min(self.documents.len() - 1))
                };
                self.reset_forms();
                self.derived = None;
                self.report(
                    match &recycled {
                        Some(_) => format!("已把“{label}”移到回收站（左边列表下方），可以恢复。"),
                        None => format!("已移除“{label}”（还没有保存过）。"),
                    },
                    false,
                );
                self.last_removed = Some(Removed {
                    document,
                    index,
                    recycled,
                });
                self.refresh_recycled();
            }
            Err(error) => self.report(format!("移除失败：{error}"), true),
        }
    }

    /// Takes back the removal just made: the family returns to its place in the list, with
    /// its unsaved changes if it had any.
    fn undo_remove(&mut self) {
        let Some(removed) = self.last_removed.take() else {
            return;
        };
        let mut document = removed.document;
        if let (Some(store), Some(path)) = (self.store.clone(), removed.recycled.as_ref()) {
            let taken = self.taken_ids();
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            match store.restore_recycled(path, &taken) {
                Ok(family) if family.id != document.family().id => {
                    // Restored under a fresh id: keep the saved version.
                    document = FamilyDocument::new(family);
                }
                Ok(_) => {}
                Err(error) => {
                    self.report(format!("无法撤销移除：{error}"), true);
                    self.refresh_recycled();
                    return;
                }
            }
        }
        let label = document.family().label.clone();
        let index = removed.index.min(self.documents.len());
        self.documents.insert(index, document);
        self.current = Some(index);
        self.derived = None;
        self.reset_forms();
        self.refresh_recycled();
        self.report(format!("已恢复“{label}”。"), false);
    }

    /// Restores a family from the recycle folder list.
    fn restore_recycled(&mut self, index: usize) {
        let (Some(store), Some(entry)) = (self.store.clone(), self.recycled.get(index).cloned())
        else {
            return;
        };
        let taken = self.taken_ids();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        match store.restore_recycled(&entry.path, &taken) {
            Ok(family) => {
                let label = family.label.clone();
                self.documents.push(FamilyDocument::new(family));
                self.current = Some(self.documents.len() - 1);
                self.last_removed = None;
                self.derived = None;
                self.reset_forms();
                self.report(format!("已从回收站恢复“{label}”。"), false);
            }
            Err(error) => self.report(format!("恢复失败：{error}"), true),
        }
        self.refresh_recycled();
    }
}

/// Whether two holder forms hold the same typed values (the form changed this frame when not).
fn same_holder_fields(a: &HolderForm, b: &HolderForm) -> bool {
    a.label == b.label
        && a.name == b.name
        && a.id_text == b.id_text
        && a.insurance == b.insurance
        && a.status == b.status
        && a.region == b.region
        && a.balance_text == b.balance_text
}

/// The ID number's problem next to the field, as it is typed: shown once the number is long
/// enough to judge (or has a wrong character), gone when it is corrected.
fn id_hint_ui(ui: &mut egui::Ui, text: &str, today: NaiveDate) {
    let typed = text.trim();
    if typed.is_empty() {
        return;
    }
    let judged = typed.chars().count() >= 18
        || typed
            .chars()
            .any(|c| !(c.is_ascii_digit() || matches!(c, 'x' | 'X' | '０'..='９' | 'Ｘ' | 'ｘ')));
    if !judged {
        return;
    }
    match check_id_number(Some(typed), today) {
        Ok(_) => {
            ui.label(RichText::new("✓ 格式正确").color(theme::status_color(ui.visuals(), false)));
        }
        Err(problem) => {
            ui.label(
                RichText::new(format!("⚠ {problem}"))
                    .color(theme::status_color(ui.visuals(), true)),
            );
        }
    }
}

/// A name short enough for a button (the whole name is in the tooltip).
fn short_name(name: &str) -> String {
    const MAX: usize = 8;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        format!("{}…", name.chars().take(MAX).collect::<String>())
    }
}

/// `王喆` → `王某` for file names (DOMAIN.md: display masks stay 王**).
fn file_name_mask(name: &str) -> String {
    let masked = mask_name(name.trim());
    match masked.chars().next() {
        Some(first) if masked.chars().count() > 1 => format!("{first}某"),
        _ => masked,
    }
}

fn holder_form_of(family: &Family, open: bool) -> HolderForm {
    let holder = &family.holder;
    HolderForm {
        open,
        label: family.label.clone(),
        name: holder.name.clone(),
        id_text: holder.id_number.clone().unwrap_or_default(),
        insurance: Some(holder.insurance),
        status: holder.status,
        region: holder.region.clone(),
        balance_text: holder.balance.to_string(),
        errors: Vec::new(),
    }
}

fn insurance_combo_ui(ui: &mut egui::Ui, id: &str, label: egui::Id, value: &mut Option<Insurance>) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.map_or("请选择", |i| i.label()))
        .show_ui(ui, |ui| {
            for insurance in Insurance::ALL {
                ui.selectable_value(value, Some(*insurance), insurance.label());
            }
        })
        .response
        .labelled_by(label);
}

fn region_combo_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    policies: &PolicySet,
    value: &mut String,
) {
    let shown = policies
        .region(value)
        .map_or(value.as_str(), |r| r.name())
        .to_owned();
    egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for region in policies.regions_in_tree_order() {
                ui.selectable_value(value, region.id().to_owned(), region.name());
            }
        })
        .response
        .labelled_by(label);
}

/// Allowed uses, reasons with their sources, and warnings.
fn binding_verdict_ui(ui: &mut egui::Ui, verdict: &crate::family::BindingVerdict) {
    let uses: Vec<&str> = verdict.allowed_uses.iter().map(|u| u.label()).collect();
    ui.label(format!(
        "可以支付：{}",
        if uses.is_empty() {
            "无".to_owned()
        } else {
            uses.join("、")
        }
    ));
    for reason in &verdict.reasons {
        ui.label(format!("· {}", reason.text));
    }
    let mut citations: Vec<String> = verdict
        .reasons
        .iter()
        .flat_map(|r| r.sources.iter().map(|s| s.source.citation()))
        .collect();
    citations.sort();
    citations.dedup();
    if !citations.is_empty() {
        egui::CollapsingHeader::new(format!("依据（{} 份资料）", citations.len()))
            .id_salt(ui.next_auto_id())
            .show(ui, |ui| {
                for citation in &citations {
                    ui.label(RichText::new(format!("来源：{citation}")).small().weak());
                }
            });
    }
    for warning in &verdict.warnings {
        ui.label(
            RichText::new(format!("注意：{warning}"))
                .color(theme::warning_color(ui.visuals().dark_mode)),
        );
    }
}

/// 可以绑定 / 不能绑定 / 需向当地确认.
fn binding_badge_ui(ui: &mut egui::Ui, verdict: Verdict) {
    let text = match verdict {
        Verdict::Eligible => "可以绑定",
        Verdict::NotEligible => "不能绑定",
        Verdict::ConfirmLocally => "需向当地确认",
    };
    crate::ui::cards::verdict_badge_ui(ui, verdict, text);
}

/// "第 21–40 位家人，共 500 位" with previous/next buttons, when there is more than a page.
fn pager_ui(ui: &mut egui::Ui, id: &str, unit: &str, total: usize, start: &mut usize) {
    if *start >= total {
        *start = total.saturating_sub(1) / PAGE * PAGE;
    }
    if total <= PAGE {
        return;
    }
    ui.push_id(id, |ui| {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(*start > 0, egui::Button::new("上一页"))
                .clicked()
            {
                *start = start.saturating_sub(PAGE);
            }
            let end = (*start + PAGE).min(total);
            ui.label(format!("第 {}–{end} {unit}，共 {total} {unit}", *start + 1));
            if ui
                .add_enabled(end < total, egui::Button::new("下一页"))
                .clicked()
            {
                *start += PAGE;
            }
        });
    });
}
