//! The expense simulation: the relatives' bills paid from the account in date order, what
//! the account pays and what is out of pocket, and the form that adds a bill.

use eframe::egui::{self, RichText};

use super::workspace::FamilyAction;
use super::{FamilyPanel, PAGE};
use crate::domain::Use;
use crate::family::{Family, FamilyEdit, Ledger, Totals, format_yuan};
use crate::text::{Say, Word};
use crate::ui::theme;

impl FamilyPanel {
    pub(super) fn expenses_ui(&mut self, ui: &mut egui::Ui, family: &Family, ledger: &Ledger) {
        let lang = crate::ui::lang(ui.ctx());
        ui.label(RichText::new(Word::LedgerTitle.text(lang)).strong());
        if family.members.is_empty() {
            ui.label(Word::AddRelativesFirst.text(lang));
            return;
        }
        let name_of = |id: u32| {
            family
                .member(id)
                .map_or(Word::Removed.text(lang), |m| m.name.as_str())
        };
        let mut remove = None;
        pager_ui(
            ui,
            "ledger_pager",
            Word::ExpensesUnit.text(lang),
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
                    Word::Date,
                    Word::Relative,
                    Word::Category,
                    Word::Amount,
                    Word::FromAccount,
                    Word::OutOfPocket,
                    Word::BalanceAfter,
                ] {
                    ui.label(RichText::new(header.text(lang)).strong());
                }
                ui.label("");
                ui.end_row();
                for row in ledger.rows.iter().skip(first_row).take(PAGE) {
                    ui.label(row.date.format("%Y-%m-%d").to_string());
                    ui.label(name_of(row.member));
                    ui.label(row.category.label_in(lang));
                    ui.label(format_yuan(row.amount));
                    ui.label(format_yuan(row.from_account));
                    let out = ui.label(format_yuan(row.out_of_pocket));
                    if let Some(why) = &row.not_allowed {
                        out.on_hover_text(why.text(lang));
                    }
                    ui.label(format_yuan(row.balance_after));
                    if ui
                        .small_button(
                            Say::DeleteExpense {
                                number: row.expense + 1,
                            }
                            .text(lang),
                        )
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
                    RichText::new(
                        Say::PaidOutOfPocket {
                            date: row.date.format("%m-%d").to_string(),
                            name: name_of(row.member).to_owned(),
                            amount: format_yuan(row.amount),
                            why: why.text(lang),
                        }
                        .text(lang),
                    )
                    .small()
                    .color(theme::warning_color(ui.visuals().dark_mode)),
                );
            }
        }
        if !ledger.rows.is_empty() {
            ui.label(
                RichText::new(
                    Say::LedgerTotal {
                        from_account: format_yuan(ledger.total.from_account),
                        out_of_pocket: format_yuan(ledger.total.out_of_pocket),
                        opening: format_yuan(ledger.opening_balance),
                        closing: format_yuan(ledger.closing_balance),
                    }
                    .text(lang),
                )
                .strong(),
            );
            // Each relative's and each category's share, on one line each.
            let share = |who: String, t: &Totals| {
                Say::LedgerShare {
                    who,
                    from_account: format_yuan(t.from_account),
                    out_of_pocket: format_yuan(t.out_of_pocket),
                }
                .text(lang)
            };
            let per_member: Vec<String> = ledger
                .by_member
                .iter()
                .map(|(id, t)| share(name_of(*id).to_owned(), t))
                .collect();
            let per_category: Vec<String> = ledger
                .by_category
                .iter()
                .map(|(c, t)| share(c.label_in(lang).into_owned(), t))
                .collect();
            for (heading, shares) in [
                (Word::ByRelative, per_member),
                (Word::ByCategory, per_category),
            ] {
                ui.label(
                    RichText::new(
                        lang.labelled(heading.text(lang), &shares.join(lang.sentence_separator())),
                    )
                    .small(),
                );
            }
        }
        if let Some(index) = remove {
            self.edit(FamilyEdit::RemoveExpense(index));
        }

        ui.add_space(6.0);
        let form = &mut self.expense_form;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Word::Relative.text(lang));
            egui::ComboBox::from_id_salt("expense_member")
                .selected_text(form.member.map_or(Word::ChooseRelative.text(lang), name_of))
                .show_ui(ui, |ui| {
                    for member in &family.members {
                        ui.selectable_value(&mut form.member, Some(member.id), &member.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(Word::Category.text(lang));
            egui::ComboBox::from_id_salt("expense_category")
                .selected_text(form.category.label())
                .show_ui(ui, |ui| {
                    for category in Use::ALL {
                        ui.selectable_value(&mut form.category, *category, category.label_in(lang));
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(Word::Date.text(lang));
            ui.add(egui::TextEdit::singleline(&mut form.date_text).desired_width(110.0))
                .labelled_by(label.id);
            let label = ui.label(Word::AmountYuan.text(lang));
            ui.add(egui::TextEdit::singleline(&mut form.amount_text).desired_width(100.0))
                .labelled_by(label.id);
        });
        if let Some(error) = &self.expense_form.error {
            ui.label(
                RichText::new(format!("⚠ {error}"))
                    .color(theme::warning_color(ui.visuals().dark_mode)),
            );
        }
        if ui.button(Word::AddExpense.text(lang)).clicked() {
            self.apply_expense_form();
        }
    }

    fn apply_expense_form(&mut self) {
        let Some(expense) = self.expense_form.checked_expense(self.lang) else {
            return;
        };
        if self
            .workspace
            .apply(FamilyAction::Edit(FamilyEdit::AddExpense(expense)))
        {
            self.expense_form.amount_text.clear();
            self.expense_form.error = None;
        } else {
            self.expense_form.error = self.workspace.status().map(|s| s.text(self.lang));
        }
    }
}

/// Page controls for a long list (members, ledger rows), `PAGE` at a time.
pub(super) fn pager_ui(ui: &mut egui::Ui, id: &str, unit: &str, total: usize, start: &mut usize) {
    if *start >= total {
        *start = total.saturating_sub(1) / PAGE * PAGE;
    }
    if total <= PAGE {
        return;
    }
    let lang = crate::ui::lang(ui.ctx());
    ui.push_id(id, |ui| {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(*start > 0, egui::Button::new(Word::PreviousPage.text(lang)))
                .clicked()
            {
                *start = start.saturating_sub(PAGE);
            }
            let end = (*start + PAGE).min(total);
            ui.label(
                Say::PagerRange {
                    first: *start + 1,
                    last: end,
                    total,
                    unit: unit.to_owned(),
                }
                .text(lang),
            );
            if ui
                .add_enabled(end < total, egui::Button::new(Word::NextPage.text(lang)))
                .clicked()
            {
                *start += PAGE;
            }
        });
    });
}
