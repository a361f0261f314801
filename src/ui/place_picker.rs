//! Choosing where someone is insured: each province followed by its cities, and 全国 or a
//! province labelled with what choosing it means (its rules only, not a city's), so nobody
//! picks 全国 thinking it is a place. Used by every place-of-insurance choice.

use eframe::egui;

use crate::policy::search::starts_like;
use crate::policy::tree::short_name;
use crate::policy::{PolicySet, ROOT_REGION};
use crate::text::{Lang, Word};

/// How far a city stands in from its province in the list (points).
const CITY_INDENT: f32 = 24.0;

/// How a region reads in the list: a city by its name; 全国 and a province with what their
/// rules stand for.
pub fn place_label(policies: &PolicySet, id: &str, lang: Lang) -> String {
    if id.is_empty() {
        return Word::PleaseChoose.text(lang).to_owned();
    }
    let Some(region) = policies.region(id) else {
        return id.to_owned();
    };
    match region.parent() {
        None => lang.with_note(region.name(), Word::PlaceNational.text(lang)),
        Some(ROOT_REGION) => lang.with_note(region.name(), Word::PlaceProvince.text(lang)),
        Some(_) => region.name().to_owned(),
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
            // Tree order: each province, then its cities. A place matches on its name with or
            // without 市/省; a province is also shown above a city of its that matches.
            let regions = policies.regions_in_tree_order();
            let matched: std::collections::HashSet<&str> = regions
                .iter()
                .filter(|r| {
                    filter.is_empty()
                        || starts_like(r.name(), &filter)
                        || starts_like(short_name(r.name()), &filter)
                })
                .map(|r| r.id())
                .collect();
            let parents_of_matched: std::collections::HashSet<&str> = regions
                .iter()
                .filter(|r| matched.contains(r.id()))
                .filter_map(|r| r.parent())
                .collect();
            let mut shown = 0;
            for region in &regions {
                if !matched.contains(region.id()) && !parents_of_matched.contains(region.id()) {
                    continue;
                }
                shown += 1;
                let label = place_label(policies, region.id(), lang);
                // Cities sit indented under their province, so the list reads as groups.
                let is_city = region.parent().is_some_and(|parent| parent != ROOT_REGION);
                let choice = if is_city {
                    ui.horizontal(|ui| {
                        ui.add_space(CITY_INDENT);
                        ui.selectable_value(value, region.id().to_owned(), label)
                    })
                    .inner
                } else {
                    ui.selectable_value(value, region.id().to_owned(), label)
                };
                if choice.clicked() {
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
