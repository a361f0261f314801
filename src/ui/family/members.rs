//! The relatives: a card per member with the binding verdict and its reasons, the form that
//! adds or edits one (with a live preview of the verdict), and the widgets both forms share.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::forms::MemberForm;
use super::workspace::FamilyAction;
use super::{FamilyPanel, PAGE};
use crate::domain::{Insurance, Relation, Verdict};
use crate::family::{
    BindingQuery, BindingStatus, Family, FamilyEdit, FamilyReview, check_binding, check_id_number,
    mask,
};
use crate::policy::PolicySet;
use crate::ui::theme;

impl FamilyPanel {
    pub(super) fn members_ui(
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
        super::ledger::pager_ui(
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
                            id_hint_ui(ui, &form.id_text, today);
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
                                for status in BindingStatus::ALL.iter().copied() {
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
                            .color(theme::status_color(ui.visuals(), true)),
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
        let previous = self
            .member_form
            .editing
            .and_then(|id| self.current_family().and_then(|f| f.member(id)).cloned());
        let Some(member) = self
            .member_form
            .checked_member(previous.as_ref(), self.today)
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
            self.member_form.error = self.workspace.status().map(|s| s.text.clone());
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

pub(super) fn insurance_combo_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    value: &mut Option<Insurance>,
) {
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

pub(super) fn region_combo_ui(
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

fn binding_badge_ui(ui: &mut egui::Ui, verdict: Verdict) {
    let text = match verdict {
        Verdict::Eligible => "可以绑定",
        Verdict::NotEligible => "不能绑定",
        Verdict::ConfirmLocally => "需向当地确认",
    };
    crate::ui::cards::verdict_badge_ui(ui, verdict, text);
}
