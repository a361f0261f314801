//! The expense simulation: the relatives' bills paid from the account in date order, what
//! the account pays and what is out of pocket, and the form that adds a bill.

use eframe::egui::{self, RichText};

use super::workspace::FamilyAction;
use super::{FamilyPanel, PAGE};
use crate::domain::Use;
use crate::family::{Family, FamilyEdit, Ledger, format_yuan};
use crate::ui::theme;

impl FamilyPanel {
    pub(super) fn expenses_ui(&mut self, ui: &mut egui::Ui, family: &Family, ledger: &Ledger) {
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
            self.edit(FamilyEdit::RemoveExpense(index));
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
        let Some(expense) = self.expense_form.checked_expense() else {
            return;
        };
        if self
            .workspace
            .apply(FamilyAction::Edit(FamilyEdit::AddExpense(expense)))
        {
            self.expense_form.amount_text.clear();
            self.expense_form.error = None;
        } else {
            self.expense_form.error = self.workspace.status().map(|s| s.text.clone());
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
