//! 提取资格清单: the questionnaire, live verdicts with reasons, the checklist with tick boxes,
//! and export to files to print (through the save dialog, or straight to the export folder).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use crate::checklist::{Answers, CaseResult, Checklist, Questionnaires, evaluate, questions_for};
use crate::domain::Procedure;
use crate::policy::PolicySet;
use crate::text::{Lang, Word};
use crate::ui::export_bar::{ExportBar, ExportRequest};
use crate::ui::theme;

/// Questions with more values than this get a drop-down instead of radio buttons.
const MAX_RADIOS: usize = 4;
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
    /// Lists written and not yet taken into the export history.
    exported: Vec<crate::export::history::ExportRecord>,
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
            exported: Vec::new(),
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
                if let Some((path, format)) = self.export.take_written() {
                    self.exported
                        .push(crate::export::history::ExportRecord::new(
                            &checklist,
                            crate::export::history::MadeFrom::Answers {
                                answers: checklist.answers.clone(),
                            },
                            who.as_deref(),
                            &path,
                            format,
                            self.today.and_time(chrono::Local::now().time()),
                        ));
                }
            }
            Err(error) => self.export.fail_to_make(&error),
        }
    }

    /// The place of insurance the questionnaire is about.
    pub fn set_region(&mut self, region: &str) {
        if !region.is_empty() {
            region.clone_into(&mut self.region);
        }
    }

    /// Opens `procedure` in `region` with `answers` given (an errand of the start page);
    /// other answers already given stay.
    pub fn start_errand(
        &mut self,
        procedure: Procedure,
        region: &str,
        answers: &[(crate::domain::Fact, &str)],
    ) {
        self.procedure = procedure;
        if !region.is_empty() {
            region.clone_into(&mut self.region);
        }
        let session = self.sessions.get_mut(procedure);
        for (fact, value) in answers {
            session.answers.insert(*fact, (*value).to_owned());
        }
    }

    /// The lists written since last asked, for the export history.
    pub fn take_exported(&mut self) -> Vec<crate::export::history::ExportRecord> {
        std::mem::take(&mut self.exported)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        let lang = crate::ui::lang(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Word::Procedure.text(lang)).strong());
            for procedure in Procedure::ALL.iter().copied() {
                ui.selectable_value(&mut self.procedure, procedure, procedure.label_in(lang));
            }
            ui.add_space(12.0);
            let label = ui.label(Word::InsuredIn.text(lang));
            crate::ui::place_picker::place_combo_ui(
                ui,
                "checklist_region",
                label.id,
                policies,
                &mut self.region,
            );
            if ui
                .button(Word::NextPerson.text(lang))
                .on_hover_text(Word::NextPersonHint.text(lang))
                .clicked()
            {
                self.sessions.start_over(self.procedure);
                self.who.clear();
            }
        });
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Word::ListFor.text(lang));
            ui.add(
                egui::TextEdit::singleline(&mut self.who)
                    .hint_text(Word::ListForExample.text(lang))
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
                        RichText::new(
                            lang.labelled(Word::CannotMakeList.text(lang), &error.to_string()),
                        )
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
        let lang = crate::ui::lang(ui.ctx());
        let unknown = Word::NotKnown.text(lang);
        ui.label(RichText::new(Word::AnswerBelow.text(lang)).strong());
        ui.label(RichText::new(Word::NotSureHint.text(lang)).small().weak());
        let answers = self.answers().clone();
        let questions = match questions_for(policies, &self.region, self.procedure, &answers) {
            Ok(questions) => questions,
            Err(error) => {
                ui.label(
                    RichText::new(
                        lang.labelled(Word::CannotShowQuestions.text(lang), &error.to_string()),
                    )
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
                    .map_or(unknown, |(_, label)| *label);
                egui::ComboBox::from_id_salt(("question", question.fact.id()))
                    .selected_text(shown)
                    .width(220.0)
                    .height(480.0)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), unknown).clicked() {
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
                unsure_ui(ui, question);
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                // One group per question, named by it: a screen reader (and a test) finds 是
                // and 否 by their question, never by where they are.
                radio_group(ui, &question.text);
                for (value, value_label) in &question.values {
                    let selected = current.as_deref() == Some(*value);
                    if ui.radio(selected, *value_label).clicked() {
                        self.answers_mut()
                            .insert(question.fact, (*value).to_owned());
                    }
                }
                if ui.radio(current.is_none(), unknown).clicked() {
                    self.answers_mut().remove(&question.fact);
                }
            });
            unsure_ui(ui, question);
        }
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, policies: &PolicySet) {
        if let Some(request) = self.export.ui(ui) {
            self.export_to(request, policies);
        }
    }

    fn checklist_ui(&mut self, ui: &mut egui::Ui, checklist: &Checklist) {
        let lang = crate::ui::lang(ui.ctx());
        ui.heading(format!(
            "{} · {}",
            match lang {
                Lang::Zh => checklist.procedure_label.to_owned(),
                Lang::En => checklist.procedure.english(),
            },
            checklist.region_name
        ));
        if let Some(note) = &checklist.fallback_note {
            ui.label(
                RichText::new(format!("⚠ {}", note.text(lang)))
                    .color(theme::warning_color(ui.visuals().dark_mode)),
            );
        }
        ui.label(
            RichText::new(Word::ChecklistTrust.text(lang))
                .small()
                .weak(),
        );
        let actionable: Vec<&CaseResult> = checklist.actionable().collect();
        if actionable.is_empty() {
            let text = if self.answers().is_empty() {
                Word::AnswerFirst
            } else if checklist.pending().next().is_some() {
                Word::KeepAnswering
            } else {
                Word::NothingApplies
            }
            .text(lang);
            ui.label(RichText::new(text).strong());
        }
        for case in actionable {
            self.case_ui(ui, checklist, case, true);
        }
        let pending: Vec<&CaseResult> = checklist.pending().collect();
        if !pending.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new(Word::NeedsAnswers.text(lang)).strong());
            for case in pending {
                ui.label(match lang {
                    Lang::Zh => format!(
                        "· {}：请回答“{}”",
                        case.title_in(lang),
                        case.pending_questions.join("”“")
                    ),
                    Lang::En => format!(
                        "· {}: {} \"{}\"",
                        case.title_in(lang),
                        Word::PleaseAnswer.text(lang),
                        case.pending_questions.join("\", \"")
                    ),
                });
            }
        }
        let rejected: Vec<&CaseResult> = checklist.rejected().collect();
        if !rejected.is_empty() {
            ui.add_space(8.0);
            egui::CollapsingHeader::new(
                lang.with_note(Word::NotMatching.text(lang), &rejected.len().to_string()),
            )
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
            ui.label(RichText::new(Word::UnusedAnswers.text(lang)).strong());
            for ignored in &checklist.ignored_answers {
                let label = ignored
                    .fact
                    .values()
                    .iter()
                    .find(|(id, _)| *id == ignored.value)
                    .map_or(ignored.value.as_str(), |(_, l)| l);
                ui.label(match lang {
                    Lang::Zh => {
                        format!("· {}：{}。{}", ignored.fact.label(), label, ignored.reason)
                    }
                    Lang::En => format!(
                        "· {}: {}. {}",
                        ignored.fact.english(),
                        label,
                        ignored.reason.text(lang)
                    ),
                });
            }
        }
        if !checklist.balance_can.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new(Word::BalanceCan.text(lang)).strong());
            for reason in &checklist.balance_can {
                ui.label(format!("· {}", reason.text));
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new(Word::Caution.text(lang)).strong());
        for warning in &checklist.warnings {
            ui.label(
                RichText::new(format!("· {}", warning.text))
                    .color(theme::warning_color(ui.visuals().dark_mode)),
            );
        }
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "{} {} · {} {} · {} {}",
                Word::ListStamp.text(lang),
                checklist.policy_version,
                Word::GeneratedOn.text(lang),
                checklist.generated_on.format("%Y-%m-%d"),
                Word::Fingerprint.text(lang),
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
                let lang = crate::ui::lang(ui.ctx());
                ui.horizontal_wrapped(|ui| {
                    crate::ui::cards::verdict_badge_ui(
                        ui,
                        case.verdict,
                        &case.verdict.label_in(lang),
                    );
                    ui.label(RichText::new(case.title_in(lang)).strong());
                });
                for caution in &case.cautions {
                    ui.label(
                        RichText::new(
                            lang.labelled(Word::ReadFirst.text(lang), &caution.text_in(lang)),
                        )
                        .strong()
                        .color(theme::warning_color(ui.visuals().dark_mode)),
                    );
                }
                ui.label(case.summary_in(lang));
                if case.reasons.len() > 1 {
                    for reason in case.reasons.iter().filter(|r| r.text != case.summary) {
                        ui.label(RichText::new(format!("· {}", reason.text_in(lang))).small());
                    }
                }
                if let Some(correction) = &case.correction {
                    ui.label(
                        RichText::new(lang.labelled(Word::Correction.text(lang), correction))
                            .color(theme::correction_color(ui.visuals().dark_mode)),
                    );
                }
                for change in &case.what_would_change {
                    ui.label(
                        RichText::new(
                            lang.labelled(Word::WhatWouldChange.text(lang), &change.text(lang)),
                        )
                        .small(),
                    );
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
                    ui.label(
                        RichText::new(lang.labelled(Word::Source.text(lang), &citation))
                            .small()
                            .weak(),
                    );
                }
                if !full {
                    return;
                }
                if let Some(applicants) = case.applicants_in(lang) {
                    ui.label(lang.labelled(Word::WhoCanApply.text(lang), &applicants));
                }
                if let Some(time_limit) = case.time_limit_in(lang) {
                    ui.label(lang.labelled(Word::TimeLimit.text(lang), &time_limit));
                }
                ui.label(
                    lang.labelled(
                        Word::Fee.text(lang),
                        &case
                            .fee_in(lang)
                            .unwrap_or_else(|| Word::Free.text(lang).to_owned()),
                    ),
                );
                if !case.materials.is_empty() {
                    ui.label(RichText::new(Word::Materials.text(lang)).strong());
                    for (i, material) in case.materials.iter().enumerate() {
                        let key = checklist.material_key(case, i);
                        let ticked_now = &mut self.sessions.get_mut(self.procedure).ticked;
                        let mut ticked = ticked_now.contains(&key);
                        let mut text = material.item.clone();
                        if !material.alternatives.is_empty() {
                            text.push_str(&match lang {
                                Lang::Zh => {
                                    format!("（可用：{}）", material.alternatives.join("、"))
                                }
                                Lang::En => format!(
                                    " ({}: {})",
                                    Word::AlsoAccepted.text(lang),
                                    material.alternatives.join(", ")
                                ),
                            });
                        }
                        if ui.checkbox(&mut ticked, text).changed() {
                            toggle(ticked_now, key, ticked);
                        }
                        let mut details = Vec::new();
                        if let Some(note) = &material.note {
                            details.push(note.trim_end_matches('。').to_owned());
                        }
                        if let Some(place) = &material.obtain_at {
                            details.push(lang.labelled(Word::WhereToGet.text(lang), place));
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
                    ui.label(RichText::new(Word::Steps.text(lang)).strong());
                    for i in 0..case.steps.len() {
                        let step = case.step_in(i, lang);
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

/// "不清楚怎么办？": how to find out the answer, shown after a click (the policy data's
/// `unsure`, or the hotline).
fn unsure_ui(ui: &mut egui::Ui, question: &crate::checklist::QuestionView) {
    let lang = crate::ui::lang(ui.ctx());
    let id = egui::Id::unique("unsure").with(question.fact.id());
    let mut open = ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
    if ui
        .selectable_label(open, RichText::new(Word::HowToFindOut.text(lang)).small())
        .clicked()
    {
        open = !open;
        ui.data_mut(|d| d.insert_temp(id, open));
    }
    if open {
        let how = question
            .unsure
            .clone()
            .unwrap_or_else(|| Word::HowToFindOutDefault.text(lang).to_owned());
        ui.label(RichText::new(how).small());
    }
}

/// Makes the `ui` holding a question's radio buttons a radio group named by the question.
fn radio_group(ui: &egui::Ui, question: &str) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_role(egui::accesskit::Role::RadioGroup);
        node.set_label(question);
    });
}

fn toggle(set: &mut std::collections::BTreeSet<String>, key: String, on: bool) {
    if on {
        set.insert(key);
    } else {
        set.remove(&key);
    }
}
