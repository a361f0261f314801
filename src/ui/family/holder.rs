//! The holder's card and form: the account holder's details, applied to the family as they
//! are typed (one undo step per stretch of typing).

use eframe::egui::{self, RichText};

use super::FamilyPanel;
use super::forms::HolderForm;
use super::members::{id_hint_ui, insurance_combo_ui, region_combo_ui};
use super::workspace::FamilyAction;
use crate::domain::{Insurance, InsuredStatus};
use crate::family::{Family, FamilyEdit, FamilyReview, format_yuan, mask};
use crate::policy::PolicySet;
use crate::ui::theme;

impl FamilyPanel {
    pub(super) fn holder_ui(
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
                    self.holder_form = HolderForm::of(family, true);
                }
            });
    }

    fn holder_form_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, family: &Family) {
        let before = self.holder_form.clone();
        let today = self.today;
        let mut left_number_field = false;
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
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut form.id_text).desired_width(220.0))
                        .labelled_by(label.id);
                    left_number_field |= field.lost_focus();
                    id_hint_ui(ui, &form.id_text, today);
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
                let field = ui
                    .add(egui::TextEdit::singleline(&mut form.balance_text).desired_width(140.0))
                    .labelled_by(label.id);
                left_number_field |= field.lost_focus();
                ui.end_row();
            });
        // Every change is applied to the family as it is typed (one undo step per stretch
        // of typing); what cannot be applied yet stays in the form, and closing asks first.
        // The ID number and the balance are applied when their field is left.
        if self.holder_form.only_numbers_differ(&before) {
            self.holder_form.pending = true;
        } else if !before.same_fields(&self.holder_form) || left_number_field {
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
            let settled = !self.holder_form.pending && self.holder_form.errors.is_empty();
            if !family.holder.name.is_empty()
                && ui
                    .add_enabled(settled, egui::Button::new("收起"))
                    .on_disabled_hover_text("先改正参保人信息，或点“完成”")
                    .clicked()
            {
                self.holder_form.open = false;
                self.workspace.apply(FamilyAction::EndTyping);
            }
        });
    }

    /// Applies the holder form to the family. `typing`: while typing the form stays open and
    /// the change merges with the previous one in the undo history; otherwise (完成) it is
    /// closed when valid.
    pub(super) fn apply_holder_form(&mut self, typing: bool) {
        let Some((holder, label)) = self.holder_form.checked_holder(self.today) else {
            return;
        };
        self.holder_form.pending = false;
        let label_changed = self.current_family().is_some_and(|f| f.label != label);
        let region = holder.region.clone();
        let mut applied = self.workspace.apply(FamilyAction::Typing {
            form: "holder",
            edit: FamilyEdit::SetHolder(holder),
        });
        if applied && label_changed {
            applied = self.workspace.apply(FamilyAction::Typing {
                form: "holder",
                edit: FamilyEdit::SetLabel(label.clone()),
            });
        }
        if !applied {
            if let Some(status) = self.workspace.status() {
                self.holder_form.errors.push(status.text.clone());
            }
            return;
        }
        // The field shows the name the family now has (家庭 1 → 王家).
        self.holder_form.label = label;
        // Relatives are usually insured where the holder is.
        if self.member_form.editing.is_none() && self.member_form.name.is_empty() {
            self.member_form.region = region;
        }
        if !typing {
            self.holder_form.open = false;
            self.workspace.apply(FamilyAction::EndTyping);
        }
    }
}
