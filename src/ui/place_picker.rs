//! Choosing where someone is insured: each province followed by its cities, and 全国 or a
//! province labelled with what choosing it means (its rules only, not a city's), so nobody
//! picks 全国 thinking it is a place. Used by every place-of-insurance choice.

use eframe::egui;

use crate::policy::PolicySet;
use crate::text::{Lang, Word};

/// How a region reads in the list: a city by its name; 全国 and a province with what their
/// rules stand for.
pub fn place_label(policies: &PolicySet, id: &str, lang: Lang) -> String {
    if id.is_empty() {
        return Word::PleaseChoose.text(lang).to_owned();
    }
    let Some(region) = policies.region(id) else {
        return id.to_owned();
    };
    let depth = policies.resolve(id).map_or(0, |r| r.chain.len());
    match depth {
        0 | 1 => lang.with_note(region.name(), Word::PlaceNational.text(lang)),
        2 => lang.with_note(region.name(), Word::PlaceProvince.text(lang)),
        _ => region.name().to_owned(),
    }
}

/// A combo box of places; `value` is a region id.
pub fn place_combo_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    policies: &PolicySet,
    value: &mut String,
) {
    let lang = crate::ui::lang(ui.ctx());
    egui::ComboBox::from_id_salt(id)
        .selected_text(place_label(policies, value, lang))
        .height(420.0)
        .show_ui(ui, |ui| {
            // Tree order: each province, then its cities.
            for region in policies.regions_in_tree_order() {
                ui.selectable_value(
                    value,
                    region.id().to_owned(),
                    place_label(policies, region.id(), lang),
                );
            }
        })
        .response
        .labelled_by(label);
}
