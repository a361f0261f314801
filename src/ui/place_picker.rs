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

/// A combo box of places; `value` is a region id. The list opens with a box to type into:
/// 汉字 or pinyin (成都, chengdu, cd) narrows it; each province comes with its cities.
pub fn place_combo_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    policies: &PolicySet,
    value: &mut String,
) {
    let lang = crate::ui::lang(ui.ctx());
    let filter_id = egui::Id::unique("place_filter").with(id);
    egui::ComboBox::from_id_salt(id)
        .selected_text(place_label(policies, value, lang))
        .height(420.0)
        .show_ui(ui, |ui| {
            let mut filter = ui.data(|d| d.get_temp::<String>(filter_id).unwrap_or_default());
            let field = ui.add(
                egui::TextEdit::singleline(&mut filter)
                    .hint_text(Word::PlaceFilterHint.text(lang))
                    .desired_width(260.0),
            );
            // The filter takes the keys once, when the list opens (not every frame: Tab must
            // move on to the places).
            let opened_id = filter_id.with("opened");
            if !ui.data(|d| d.get_temp::<bool>(opened_id).unwrap_or(false)) {
                field.request_focus();
                ui.data_mut(|d| d.insert_temp(opened_id, true));
            }
            ui.data_mut(|d| d.insert_temp(filter_id, filter.clone()));
            ui.separator();
            // Tree order: each province, then its cities. A city matches on its own name; its
            // province is shown above it for context.
            let regions = policies.regions_in_tree_order();
            let matches = |name: &str| {
                crate::policy::search::starts_like(name, &filter)
                    || crate::policy::search::starts_like(super::place_picker::short(name), &filter)
            };
            let mut shown = 0;
            for region in &regions {
                let depth = policies.resolve(region.id()).map_or(1, |r| r.chain.len());
                let own = matches(region.name());
                let child_matches = depth <= 2
                    && regions
                        .iter()
                        .any(|child| child.parent() == Some(region.id()) && matches(child.name()));
                if !(own || child_matches || filter.is_empty()) {
                    continue;
                }
                shown += 1;
                if ui
                    .selectable_value(
                        value,
                        region.id().to_owned(),
                        place_label(policies, region.id(), lang),
                    )
                    .clicked()
                {
                    ui.data_mut(|d| {
                        d.remove::<String>(filter_id);
                        d.remove::<bool>(opened_id);
                    });
                    ui.close();
                }
            }
            if shown == 0 {
                ui.label(Word::NoPlaceFound.text(lang));
            }
        })
        .response
        .labelled_by(label);
}

/// A place's name without 市/省/自治区, as people type it.
pub fn short(name: &str) -> &str {
    crate::policy::tree::short_name(name)
}
