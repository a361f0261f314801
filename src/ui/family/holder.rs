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
use crate::text::Word;
use crate::ui::{theme, word};

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
                ui.label(RichText::new(word(ui, Word::Holder)).strong());
                if self.holder_form.open {
                    self.holder_form_ui(ui, policies, family);
                    return;
                }
                let holder = &family.holder;
                let region = policies
                    .region(&holder.region)
                    .map_or(holder.region.as_str(), |r| r.name());
                let status = holder.status.map_or_else(String::new, |s| {
                    s.label_in(crate::ui::lang(ui.ctx())).into_owned()
                });
                let lang = crate::ui::lang(ui.ctx());
                ui.label(format!(
                    "{} · {}{} · {} · {} {}",
                    if holder.name.is_empty() {
                        Word::NoName.text(lang)
                    } else {
                        &holder.name
                    },
                    holder.insurance.label_in(lang),
                    if holder.insurance == Insurance::Employee {
                        lang.with_note("", &status)
                    } else {
                        String::new()
                    },
                    region,
                    Word::IdNumber.text(lang),
                    holder
                        .id_number
                        .as_deref()
                        .map_or_else(|| Word::NotFilled.text(lang).to_owned(), mask),
                ));
                ui.label(
                    RichText::new(lang.labelled(
                        Word::AccountBalance.text(lang),
                        &format_yuan(holder.balance),
                    ))
                    .strong(),
                );
                for problem in &review.holder_problems {
                    ui.label(
                        RichText::new(format!("⚠ {}", problem.text(lang)))
                            .color(theme::warning_color(ui.visuals().dark_mode)),
                    );
                }
                if ui.button(word(ui, Word::EditHolder)).clicked() {
                    self.holder_form = HolderForm::of(family, true);
                }
            });
    }

    fn holder_form_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet, family: &Family) {
        let before = self.holder_form.clone();
        let today = self.today;
        let mut left_number_field = false;
        let form = &mut self.holder_form;
        let lang = crate::ui::lang(ui.ctx());
        egui::Grid::new("holder_form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(word(ui, Word::FamilyName));
                ui.add(egui::TextEdit::singleline(&mut form.label).desired_width(200.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(word(ui, Word::Name));
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(200.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(word(ui, Word::IdNumberOptional));
                ui.horizontal_wrapped(|ui| {
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut form.id_text).desired_width(220.0))
                        .labelled_by(label.id);
                    left_number_field |= field.lost_focus();
                    id_hint_ui(ui, &form.id_text, today);
                });
                ui.end_row();
                let label = ui.label(word(ui, Word::InsuranceKind));
                insurance_combo_ui(
                    ui,
                    "holder_insurance",
                    label.id,
                    &mut form.insurance,
                    Insurance::FOR_HOLDER,
                );
                ui.end_row();
                let label = ui.label(word(ui, Word::WorkStatus));
                egui::ComboBox::from_id_salt("holder_status")
                    .selected_text(form.status.map_or_else(
                        || Word::NotFilled.text(lang).to_owned(),
                        |s| s.label_in(lang).into_owned(),
                    ))
                    .show_ui(ui, |ui| {
                        for status in InsuredStatus::ALL {
                            ui.selectable_value(
                                &mut form.status,
                                Some(*status),
                                status.label_in(lang),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(word(ui, Word::InsuredIn));
                region_combo_ui(ui, "holder_region", label.id, policies, &mut form.region);
                ui.end_row();
                let label = ui.label(word(ui, Word::BalanceYuan));
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
            if ui.button(word(ui, Word::Done)).clicked() {
                self.apply_holder_form(false);
            }
            let settled = !self.holder_form.pending && self.holder_form.errors.is_empty();
            if !family.holder.name.is_empty()
                && ui
                    .add_enabled(settled, egui::Button::new(word(ui, Word::Collapse)))
                    .on_disabled_hover_text(word(ui, Word::FixHolderFirst))
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
        let Some((holder, label)) = self.holder_form.checked_holder(self.today, self.lang) else {
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
                self.holder_form.errors.push(status.text(self.lang));
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
