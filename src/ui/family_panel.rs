//! 家庭共济绑定: the family-binding editor (coming in its own issue).

use eframe::egui;

/// Placeholder until the editor lands.
pub fn ui(ui: &mut egui::Ui) {
    ui.add_space(24.0);
    ui.heading("家庭共济绑定");
    ui.label("即将推出：录入参保人和近亲属，逐一检查能否绑定、个人账户可以为谁支付哪些费用。");
    ui.label("现在可以在“政策浏览”里查看“家庭共济”的规定。");
}
