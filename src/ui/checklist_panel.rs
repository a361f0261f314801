//! 提取资格清单: the questionnaire, live verdicts with reasons, the checklist with tick boxes,
//! and export to files to print (through the save dialog, or straight to the export folder).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::checklist::{Answers, CaseResult, Checklist, Questionnaires, evaluate, questions_for};
use crate::domain::Procedure;
use crate::policy::PolicySet;
use crate::ui::export_bar::{ExportBar, ExportRequest};
use crate::ui::theme;

/// Questions with more values than this get a drop-down instead of radio buttons.
const MAX_RADIOS: usize = 4;
/// The choice that leaves a question unanswered.
const UNKNOWN: &str = "不清楚";

/// State of the checklist tab.
pub struct ChecklistPanel {
    procedure: Procedure,
    region: String,
    /// Each procedure's own answers and ticks (answers include those to questions no longer
    /// asked, so changing an earlier answer back restores them). Kept across restarts.
    sessions: Questionnaires,
    /// Who the list is for, as the user wrote it (a label such as 王阿姨): in the file name.
    who: String,
    export: ExportBar,
    today: NaiveDate,
}

impl ChecklistPanel {
    pub fn new(
        default_region: &str,
        export_dir: Option<PathBuf>,
        today: NaiveDate,
        sessions: Questionnaires,
        native_dialogs: bool,
    ) -> Self {
        ChecklistPanel {
            procedure: Procedure::Withdrawal,
            region: default_region.to_owned(),
            sessions,
            who: String::new(),
            export: ExportBar::new("checklist_export", export_dir, native_dialogs),
            today,
        }
    }

    /// The answers given so far to the procedure shown.
    pub fn answers(&self) -> &Answers {
        &self.sessions.get(self.procedure).answers
    }

    /// Every procedure's answers and ticks, to keep across restarts.
    pub fn sessions(&self) -> &Questionnaires {
        &self.sessions
    }

    /// The procedure shown.
    pub fn procedure(&self) -> Procedure {
        self.procedure
    }

    fn answers_mut(&mut self) -> &mut Answers {
        &mut self.sessions.get_mut(self.procedure).answers
    }

    /// The file written by the last export.
    pub fn last_export(&self) -> Option<&Path> {
        self.export.last_export()
    }

    /// The list of the procedure shown, from its own answers, with what the user ticked.
    fn checklist(
        &self,
        policies: &PolicySet,
    ) -> Result<Checklist, crate::checklist::ChecklistError> {
        let session = self.sessions.get(self.procedure);
        let mut checklist = evaluate(
            policies,
            self.procedure,
            &self.region,
            &session.answers,
            self.today,
        )?;
        checklist.keep_ticks_shown(&session.ticked);
        Ok(checklist)
    }

    /// Who the list is for, for the file name (none when not written).
    fn who(&self) -> Option<&str> {
        Some(self.who.trim()).filter(|w| !w.is_empty())
    }

    /// Ctrl+E: the save dialog; the format follows the chosen file's extension.
    pub fn export_with_dialog(&mut self, policies: &PolicySet) {
        self.export_to(ExportRequest::Dialog, policies);
    }

    /// Saves in the default export folder without any dialog.
    pub fn export_to_default_folder(&mut self, policies: &PolicySet) {
        self.export_to(ExportRequest::DefaultFolder, policies);
    }

    fn export_to(&mut self, request: ExportRequest, policies: &PolicySet) {
        match self.checklist(policies) {
            Ok(checklist) => {
                let who = self.who().map(str::to_owned);
                self.export.run(request, &checklist, who.as_deref());
            }
            Err(error) => self.export.fail(format!("无法生成清单：{error}")),
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("办理事项").strong());
            for procedure in Procedure::ALL.iter().copied() {
                ui.selectable_value(&mut self.procedure, procedure, procedure.label());
            }
            ui.add_space(12.0);
            let label = ui.label("参保地");
            let shown = policies
                .region(&self.region)
                .map_or(self.region.as_str(), |r| r.name())
                .to_owned();
            egui::ComboBox::from_id_salt("checklist_region")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for region in policies.regions_in_tree_order() {
                        ui.selectable_value(
                            &mut self.region,
                            region.id().to_owned(),
                            region.name(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if ui
                .button("新的一位")
                .on_hover_text("为下一个人重新开始：清空这个办理事项的回答、勾选和称呼")
                .clicked()
            {
                self.sessions.start_over(self.procedure);
                self.who.clear();
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("清单给谁（称呼，用于文件名，可不填）");
            ui.add(
                egui::TextEdit::singleline(&mut self.who)
                    .hint_text("例如 王阿姨")
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
        });
        ui.separator();
        egui::Panel::left("questions")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("questions_scroll")
                    .show(ui, |ui| {
                        self.questions_ui(ui, policies);
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.export_ui(ui, policies);
            ui.separator();
            let checklist = match self.checklist(policies) {
                Ok(checklist) => checklist,
                Err(error) => {
                    ui.label(
                        RichText::new(format!("无法生成清单：{error}"))
                            .color(theme::status_color(ui.visuals(), true)),
                    );
                    return;
                }
            };
            egui::ScrollArea::vertical()
                .id_salt("checklist_scroll")
                .show(ui, |ui| {
                    self.checklist_ui(ui, &checklist);
                });
        });
    }

    fn questions_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        ui.label(RichText::new("请回答下面的问题").strong());
        ui.label(
            RichText::new("不清楚的可以选“不清楚”，结果会告诉您还需要确认什么。")
                .small()
                .weak(),
        );
        let answers = self.answers().clone();
        let questions = match questions_for(policies, &self.region, self.procedure, &answers) {
            Ok(questions) => questions,
            Err(error) => {
                ui.label(
                    RichText::new(format!("无法显示问题：{error}"))
                        .color(theme::status_color(ui.visuals(), true)),
                );
                return;
            }
        };
        for question in questions.iter().filter(|q| q.shown) {
            ui.add_space(6.0);
            let label = ui.label(RichText::new(&question.text).strong());
            if let Some(help) = &question.help {
                ui.label(RichText::new(help).small().weak());
            }
            let current = self.answers().get(&question.fact).cloned();
            if question.values.len() > MAX_RADIOS {
                // A long list (such as the relation) reads better as a drop-down.
                let shown = question
                    .values
                    .iter()
                    .find(|(value, _)| current.as_deref() == Some(*value))
                    .map_or(UNKNOWN, |(_, label)| *label);
                egui::ComboBox::from_id_salt(("question", question.fact.id()))
                    .selected_text(shown)
                    .width(220.0)
                    .height(480.0)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), UNKNOWN).clicked() {
                            self.answers_mut().remove(&question.fact);
                        }
                        for (value, value_label) in &question.values {
                            let selected = current.as_deref() == Some(*value);
                            if ui.selectable_label(selected, *value_label).clicked() {
                                self.answers_mut()
                                    .insert(question.fact, (*value).to_owned());
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                for (value, value_label) in &question.values {
                    let selected = current.as_deref() == Some(*value);
                    if ui.radio(selected, *value_label).clicked() {
                        self.answers_mut()
                            .insert(question.fact, (*value).to_owned());
                    }
                }
                if ui.radio(current.is_none(), UNKNOWN).clicked() {
                    self.answers_mut().remove(&question.fact);
                }
            });
        }
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        if let Some(request) = self.export.ui(ui) {
            self.export_to(request, policies);
        }
    }

    fn checklist_ui(&mut self, ui: &mut egui::Ui, checklist: &Checklist) {
        ui.heading(format!(
            "{} · {}",
            checklist.procedure_label, checklist.region_name
        ));
        ui.label(
            RichText::new(
                "仅供参考，以当地医保部门最新规定为准。官方办理不收费。医保服务热线 12393（手机拨打加区号）。",
            )
            .small()
            .weak(),
        );
        let actionable: Vec<&CaseResult> = checklist.actionable().collect();
        if actionable.is_empty() {
            let text = if self.answers().is_empty() {
                "请先回答左边的问题。"
            } else if checklist.pending().next().is_some() {
                "请继续回答左边的问题。"
            } else {
                "根据目前的回答，没有可以办理的情形。"
            };
            ui.label(RichText::new(text).strong());
        }
        for case in actionable {
            self.case_ui(ui, checklist, case, true);
        }
        let pending: Vec<&CaseResult> = checklist.pending().collect();
        if !pending.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("还要回答问题才能判断").strong());
            for case in pending {
                ui.label(format!(
                    "· {}：请回答“{}”",
                    case.title,
                    case.pending_questions.join("”“")
                ));
            }
        }
        let rejected: Vec<&CaseResult> = checklist.rejected().collect();
        if !rejected.is_empty() {
            ui.add_space(8.0);
            egui::CollapsingHeader::new(format!("不符合的情形（{}）", rejected.len()))
                .default_open(
                    // Open when nothing else is left to show, or to correct a claim.
                    checklist.cases.len() == rejected.len()
                        || rejected
                            .iter()
                            .any(|c| c.correction.is_some() && c.reasons.len() == 1),
                )
                .show(ui, |ui| {
                    for case in rejected {
                        self.case_ui(ui, checklist, case, false);
                    }
                });
        }
        if !checklist.ignored_answers.is_empty() {
            // Kept, not counted: changing the earlier answer back brings them back.
            ui.add_space(8.0);
            ui.label(RichText::new("没有用上的回答").strong());
            for ignored in &checklist.ignored_answers {
                let label = ignored
                    .fact
                    .values()
                    .iter()
                    .find(|(id, _)| *id == ignored.value)
                    .map_or(ignored.value.as_str(), |(_, l)| l);
                ui.label(format!(
                    "· {}：{}。{}",
                    ignored.fact.label(),
                    label,
                    ignored.reason
                ));
            }
        }
        if !checklist.balance_can.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("余额还可以这样用").strong());
            for reason in &checklist.balance_can {
                ui.label(format!("· {}", reason.text));
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new("注意").strong());
        for warning in &checklist.warnings {
            ui.label(
                RichText::new(format!("· {}", warning.text))
                    .color(theme::warning_color(ui.visuals().dark_mode)),
            );
        }
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "政策数据版本 {} · 生成日期 {} · 清单指纹 {}",
                checklist.policy_version,
                checklist.generated_on.format("%Y-%m-%d"),
                checklist.fingerprint
            ))
            .small()
            .weak(),
        );
    }

    fn case_ui(&mut self, ui: &mut egui::Ui, checklist: &Checklist, case: &CaseResult, full: bool) {
        egui::Frame::group(ui.style())
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    crate::ui::cards::verdict_badge_ui(ui, case.verdict, case.verdict.label());
                    ui.label(RichText::new(&case.title).strong());
                });
                for caution in &case.cautions {
                    ui.label(
                        RichText::new(format!("请先看：{}", caution.text))
                            .strong()
                            .color(theme::warning_color(ui.visuals().dark_mode)),
                    );
                }
                ui.label(&case.summary);
                if case.reasons.len() > 1 {
                    for reason in case.reasons.iter().filter(|r| r.text != case.summary) {
                        ui.label(RichText::new(format!("· {}", reason.text)).small());
                    }
                }
                if let Some(correction) = &case.correction {
                    ui.label(
                        RichText::new(format!("更正：{correction}"))
                            .color(theme::correction_color(ui.visuals().dark_mode)),
                    );
                }
                for change in &case.what_would_change {
                    ui.label(RichText::new(format!("怎样会不同：{change}")).small());
                }
                // Each source once, in the order first cited (a refusal may cite a law the
                // case already cites).
                let mut citations: Vec<String> = Vec::new();
                for citation in case
                    .cautions
                    .iter()
                    .chain(&case.reasons)
                    .flat_map(|r| r.sources.iter().map(|s| s.source.citation()))
                {
                    if !citations.contains(&citation) {
                        citations.push(citation);
                    }
                }
                for citation in citations {
                    ui.label(RichText::new(format!("来源：{citation}")).small().weak());
                }
                if !full {
                    return;
                }
                if let Some(applicants) = &case.applicants {
                    ui.label(format!("谁可以办：{applicants}"));
                }
                if let Some(time_limit) = &case.time_limit {
                    ui.label(format!("办理时限：{time_limit}"));
                }
                ui.label(format!("费用：{}", case.fee.as_deref().unwrap_or("不收费")));
                if !case.materials.is_empty() {
                    ui.label(RichText::new("要带的材料").strong());
                    for (i, material) in case.materials.iter().enumerate() {
                        let key = checklist.material_key(case, i);
                        let ticked_now = &mut self.sessions.get_mut(self.procedure).ticked;
                        let mut ticked = ticked_now.contains(&key);
                        let mut text = material.item.clone();
                        if !material.alternatives.is_empty() {
                            text.push_str(&format!(
                                "（可用：{}）",
                                material.alternatives.join("、")
                            ));
                        }
                        if ui.checkbox(&mut ticked, text).changed() {
                            toggle(ticked_now, key, ticked);
                        }
                        let mut details = Vec::new();
                        if let Some(note) = &material.note {
                            details.push(note.trim_end_matches('。').to_owned());
                        }
                        if let Some(place) = &material.obtain_at {
                            details.push(format!("在哪里办：{place}"));
                        }
                        if !details.is_empty() {
                            ui.label(
                                RichText::new(format!("    {}", details.join("；")))
                                    .small()
                                    .weak(),
                            );
                        }
                    }
                }
                if !case.steps.is_empty() {
                    ui.label(RichText::new("办理步骤").strong());
                    for (i, step) in case.steps.iter().enumerate() {
                        let key = checklist.step_key(case, i);
                        let ticked_now = &mut self.sessions.get_mut(self.procedure).ticked;
                        let mut ticked = ticked_now.contains(&key);
                        if ui
                            .checkbox(&mut ticked, format!("{}. {step}", i + 1))
                            .changed()
                        {
                            toggle(ticked_now, key, ticked);
                        }
                    }
                }
            });
    }
}

fn toggle(set: &mut std::collections::BTreeSet<String>, key: String, on: bool) {
    if on {
        set.insert(key);
    } else {
        set.remove(&key);
    }
}
