//! The start page "我要办什么": a few large buttons for the common errands, each leading into
//! the right tab and procedure, and the place of insurance asked once (remembered).

use eframe::egui::{self, RichText};

use crate::policy::PolicySet;
use crate::text::Word;

/// An errand on the start page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Errand {
    /// 给家人用我的医保钱: the family tab.
    ShareWithFamily,
    /// 家人去世，取余额: the withdrawal checklist, the holder has died.
    WithdrawAfterDeath,
    /// 换城市工作，转医保: the transfer checklist.
    MoveCity,
    /// 查余额: the explorer on balance queries.
    Balance,
    /// 看政策: the explorer.
    Policies,
}

impl Errand {
    pub const ALL: &'static [Errand] = <Errand as strum::VariantArray>::VARIANTS;

    fn words(self) -> (Word, Word) {
        match self {
            Errand::ShareWithFamily => (Word::ErrandShare, Word::ErrandShareHint),
            Errand::WithdrawAfterDeath => (Word::ErrandDeath, Word::ErrandDeathHint),
            Errand::MoveCity => (Word::ErrandMove, Word::ErrandMoveHint),
            Errand::Balance => (Word::ErrandBalance, Word::ErrandBalanceHint),
            Errand::Policies => (Word::ErrandPolicies, Word::ErrandPoliciesHint),
        }
    }
}

/// Draws the start page. `home` is the place of insurance (empty until chosen); returns the
/// errand chosen.
pub fn start_ui(ui: &mut egui::Ui, policies: &PolicySet, home: &mut String) -> Option<Errand> {
    let lang = crate::ui::lang(ui.ctx());
    let mut chosen = None;
    // An errand clicked before the place was chosen: say so beside the question.
    let asked_id = egui::Id::unique("start_place_asked");
    let asked = ui.data(|d| d.get_temp::<bool>(asked_id).unwrap_or(false));
    egui::ScrollArea::vertical()
        .id_salt("start_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.label(
                RichText::new(Word::StartTitle.text(lang))
                    .size(30.0)
                    .strong(),
            );
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(RichText::new(Word::WhereInsured.text(lang)).size(22.0));
                if home.is_empty() {
                    let mut choice = String::new();
                    crate::ui::place_picker::place_combo_ui(
                        ui,
                        "start_region",
                        label.id,
                        policies,
                        &mut choice,
                    );
                    if !choice.is_empty() {
                        *home = choice;
                    }
                } else {
                    crate::ui::place_picker::place_combo_ui(
                        ui,
                        "start_region",
                        label.id,
                        policies,
                        home,
                    );
                }
            });
            let ready = !home.is_empty();
            if ready {
                ui.label(RichText::new(Word::WhereInsuredRemembered.text(lang)).weak());
            } else if asked {
                ui.label(
                    RichText::new(format!("⚠ {}", Word::WhereInsuredFirst.text(lang)))
                        .color(crate::ui::theme::status_color(ui.visuals(), true)),
                );
            } else {
                ui.label(RichText::new(Word::WhereInsuredFirst.text(lang)).weak());
            }
            ui.add_space(12.0);
            let width = (ui.available_width() - 8.0).clamp(240.0, 560.0);
            for errand in Errand::ALL.iter().copied() {
                let (title, hint) = errand.words();
                let button = egui::Button::new(RichText::new(title.text(lang)).size(24.0).strong())
                    .min_size(egui::vec2(width, 60.0));
                // Always clickable: a greyed-out button says nothing to someone who has not
                // chosen the place yet; a click before says what to do first.
                let response = ui.add(button);
                if response.clicked() {
                    if ready {
                        chosen = Some(errand);
                    } else {
                        ui.data_mut(|d| d.insert_temp(asked_id, true));
                    }
                }
                ui.label(RichText::new(hint.text(lang)).weak());
                ui.add_space(10.0);
            }
        });
    chosen
}
