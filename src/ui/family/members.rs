//! The relatives: a card per member with the binding verdict and its reasons, the form that
//! adds or edits one (with a live preview of the verdict), and the widgets both forms share.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::forms::MemberForm;
use super::workspace::FamilyAction;
use super::{FamilyPanel, PAGE};
use crate::domain::{Insurance, Relation, Verdict};
use crate::family::{
    BindingQuery, BindingStatus, Family, FamilyEdit, FamilyReview, check_binding,
    check_id_number_term, mask,
};
use crate::policy::PolicySet;
use crate::text::{Lang, Word};
use crate::ui::{theme, word};

impl FamilyPanel {
    pub(super) fn members_ui(
        &mut self,
        ui: &mut egui::Ui,
        policies: &PolicySet,
        family: &Family,
        review: &FamilyReview,
    ) {
        let lang = crate::ui::lang(ui.ctx());
        ui.label(
            RichText::new(lang.with_note(
                Word::Relatives.text(lang),
                &match lang {
                    Lang::Zh => format!("{} 位", family.members.len()),
                    Lang::En => family.members.len().to_string(),
                },
            ))
            .strong(),
        );
        if family.members.is_empty() {
            ui.label(Word::NoRelativesYet.text(lang));
        }
        let mut remove = None;
        let mut edit = None;
        super::ledger::pager_ui(
            ui,
            "member_pager",
            Word::RelativesUnit.text(lang),
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
                            member.relation.label_in(lang),
                            member.insurance.label_in(lang),
                            region,
                            member.status.label_in(lang)
                        ));
                        if let Some(id) = &member.id_number {
                            ui.label(
                                RichText::new(format!(
                                    "{} {}",
                                    Word::IdNumber.text(lang),
                                    mask(id)
                                ))
                                .weak(),
                            );
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
                            RichText::new(format!("⚠ {}", problem.text(lang)))
                                .color(theme::warning_color(ui.visuals().dark_mode)),
                        );
                    }
                    if !member.notes.is_empty() {
                        ui.label(
                            RichText::new(lang.labelled(Word::Notes.text(lang), &member.notes))
                                .weak(),
                        );
                    }
                    ui.horizontal_wrapped(|ui| {
                        let short = short_name(&member.name);
                        if ui
                            .button(format!("{} {short}", Word::Edit.text(lang)))
                            .on_hover_text(format!("{} {}", Word::Edit.text(lang), member.name))
                            .clicked()
                        {
                            edit = Some(member.clone());
                        }
                        if ui
                            .button(format!("{} {short}", Word::Delete.text(lang)))
                            .on_hover_text(format!("{} {}", Word::Delete.text(lang), member.name))
                            .clicked()
                        {
                            remove = Some(member.id);
                        }
                    });
                });
        }
        if let Some(id) = remove {
            self.edit(FamilyEdit::RemoveMember(id));
            self.reset_forms();
        }
        if let Some(member) = edit {
            self.member_form = MemberForm::of(&member);
        }
    }

    pub(super) fn member_form_ui(
        &mut self,
        ui: &mut egui::Ui,
        policies: &PolicySet,
        family: &Family,
    ) {
        let today = self.today;
        let lang = crate::ui::lang(ui.ctx());
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let editing = self.member_form.editing;
                ui.label(
                    RichText::new(if editing.is_some() {
                        Word::EditRelative.text(lang)
                    } else {
                        Word::AddRelative.text(lang)
                    })
                    .strong(),
                );
                let form = &mut self.member_form;
                egui::Grid::new("member_form")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        let label = ui.label(Word::RelativeName.text(lang));
                        ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(200.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(Word::RelativeId.text(lang));
                        ui.horizontal_wrapped(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut form.id_text).desired_width(220.0),
                            )
                            .labelled_by(label.id);
                            id_hint_ui(ui, &form.id_text, today);
                        });
                        ui.end_row();
                        let label = ui.label(Word::Relation.text(lang));
                        egui::ComboBox::from_id_salt("member_relation")
                            .selected_text(form.relation.map_or_else(
                                || Word::PleaseChoose.text(lang).to_owned(),
                                |r| r.label_in(lang).into_owned(),
                            ))
                            .height(400.0)
                            .show_ui(ui, |ui| {
                                for relation in Relation::ALL {
                                    ui.selectable_value(
                                        &mut form.relation,
                                        Some(*relation),
                                        relation.label_in(lang),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(Word::RelativeInsurance.text(lang));
                        insurance_combo_ui(
                            ui,
                            "member_insurance",
                            label.id,
                            &mut form.insurance,
                            Insurance::ALL,
                        );
                        ui.end_row();
                        let label = ui.label(Word::RelativeInsuredIn.text(lang));
                        region_combo_ui(ui, "member_region", label.id, policies, &mut form.region);
                        ui.end_row();
                        let label = ui.label(Word::BindingStatus.text(lang));
                        egui::ComboBox::from_id_salt("member_status")
                            .selected_text(form.status.label_in(lang))
                            .show_ui(ui, |ui| {
                                for status in BindingStatus::ALL.iter().copied() {
                                    ui.selectable_value(
                                        &mut form.status,
                                        status,
                                        status.label_in(lang),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        ui.label("");
                        ui.checkbox(
                            &mut form.supported_by_others,
                            Word::SupportedByOthers.text(lang),
                        );
                        ui.end_row();
                        let label = ui.label(Word::Notes.text(lang));
                        ui.add(egui::TextEdit::singleline(&mut form.notes).desired_width(260.0))
                            .labelled_by(label.id);
                        ui.end_row();
                    });

                // Live preview of the verdict, so the reason shows before adding; only once
                // the relation and the insurance are chosen (nothing is assumed).
                match (self.member_form.relation, self.member_form.insurance) {
                    (Some(relation), Some(member_insurance)) => {
                        let preview = check_binding(
                            policies,
                            &BindingQuery {
                                holder_region: &family.holder.region,
                                holder_insurance: family.holder.insurance,
                                relation,
                                member_insurance,
                                member_region: Some(&self.member_form.region),
                                supported_by_others: self.member_form.supported_by_others,
                            },
                        );
                        ui.label(RichText::new(Word::PreviewResult.text(lang)).small().weak());
                        match &preview {
                            Ok(verdict) => {
                                ui.horizontal(|ui| binding_badge_ui(ui, verdict.verdict));
                                binding_verdict_ui(ui, verdict);
                            }
                            Err(error) => {
                                ui.label(error.to_string());
                            }
                        }
                    }
                    _ => {
                        ui.label(RichText::new(Word::ChooseRelationFirst.text(lang)).weak());
                    }
                }
                if let Some(error) = &self.member_form.error {
                    ui.label(
                        RichText::new(format!("⚠ {error}"))
                            .color(theme::status_color(ui.visuals(), true)),
                    );
                }
                ui.horizontal(|ui| {
                    let action = if editing.is_some() {
                        Word::SaveChanges.text(lang)
                    } else {
                        Word::AddRelative.text(lang)
                    };
                    if ui.button(action).clicked() {
                        self.apply_member_form();
                    }
                    if editing.is_some() && ui.button(Word::CancelEdit.text(lang)).clicked() {
                        self.reset_forms();
                    }
                });
            });
    }

    fn apply_member_form(&mut self) {
        let previous = self
            .member_form
            .editing
            .and_then(|id| self.current_family().and_then(|f| f.member(id)).cloned());
        let Some(member) =
            self.member_form
                .checked_member(previous.as_ref(), self.today, self.lang)
        else {
            return;
        };
        let edit = if self.member_form.editing.is_some() {
            FamilyEdit::UpdateMember(member)
        } else {
            FamilyEdit::AddMember(member)
        };
        // A refused edit (a duplicate ID number) is said in the form, where it was typed.
        if self.workspace.apply(FamilyAction::Edit(edit)) {
            self.reset_forms();
        } else {
            self.member_form.error = self.workspace.status().map(|s| s.text(self.lang));
        }
    }
}

/// The ID number's problem next to the field, as it is typed: shown once the number is long
/// enough to judge (or has a wrong character), gone when it is corrected.
pub(super) fn id_hint_ui(ui: &mut egui::Ui, text: &str, today: NaiveDate) {
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
    match check_id_number_term(Some(typed), today) {
        Ok(_) => {
            ui.label(
                RichText::new(word(ui, Word::FormatOk))
                    .color(theme::status_color(ui.visuals(), false)),
            );
        }
        Err(problem) => {
            ui.label(
                RichText::new(format!(
                    "⚠ {}",
                    match crate::ui::lang(ui.ctx()) {
                        Lang::Zh => &problem.zh,
                        Lang::En => &problem.en,
                    }
                ))
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

/// A choice of insurance among `choices` (a holder's is always known; a relative's may be
/// 不清楚).
pub(super) fn insurance_combo_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    value: &mut Option<Insurance>,
    choices: &[Insurance],
) {
    let lang = crate::ui::lang(ui.ctx());
    egui::ComboBox::from_id_salt(id)
        .selected_text(value.map_or_else(
            || Word::PleaseChoose.text(lang).to_owned(),
            |i| i.label_in(lang).into_owned(),
        ))
        .show_ui(ui, |ui| {
            for insurance in choices {
                ui.selectable_value(value, Some(*insurance), insurance.label_in(lang));
            }
        })
        .response
        .labelled_by(label);
}

pub(super) fn region_combo_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    policies: &PolicySet,
    value: &mut String,
) {
    crate::ui::place_picker::place_combo_ui(ui, id, label, policies, value);
}

fn binding_verdict_ui(ui: &mut egui::Ui, verdict: &crate::family::BindingVerdict) {
    let lang = crate::ui::lang(ui.ctx());
    let uses: Vec<String> = verdict
        .allowed_uses
        .iter()
        .map(|u| u.label_in(lang).into_owned())
        .collect();
    ui.label(lang.labelled(
        Word::MayPay.text(lang),
        &if uses.is_empty() {
            Word::Nothing.text(lang).to_owned()
        } else {
            uses.join(lang.list_separator())
        },
    ));
    for reason in &verdict.reasons {
        ui.label(format!("· {}", reason.text_in(lang)));
    }
    let mut citations: Vec<String> = verdict
        .reasons
        .iter()
        .flat_map(|r| r.sources.iter().map(|s| s.source.citation()))
        .collect();
    citations.sort();
    citations.dedup();
    if !citations.is_empty() {
        egui::CollapsingHeader::new(lang.with_note(
            Word::Basis.text(lang),
            &format!("{} {}", citations.len(), Word::Sources.text(lang)),
        ))
        .id_salt(ui.next_auto_id())
        .show(ui, |ui| {
            for citation in &citations {
                ui.label(
                    RichText::new(lang.labelled(Word::Source.text(lang), citation))
                        .small()
                        .weak(),
                );
            }
        });
    }
    for warning in verdict.warnings.iter().map(|w| w.text(lang)) {
        ui.label(
            RichText::new(lang.labelled(Word::Caution.text(lang), &warning))
                .color(theme::warning_color(ui.visuals().dark_mode)),
        );
    }
}

fn binding_badge_ui(ui: &mut egui::Ui, verdict: Verdict) {
    let text = word(
        ui,
        match verdict {
            Verdict::Eligible => Word::CanBind,
            Verdict::NotEligible => Word::CannotBind,
            Verdict::ConfirmLocally => Word::ConfirmLocally,
        },
    );
    crate::ui::cards::verdict_badge_ui(ui, verdict, text);
}
