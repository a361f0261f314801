//! 提取资格清单: the procedure checklists (coming in its own issue).

use eframe::egui;

/// Placeholder until the checklists land.
pub fn ui(ui: &mut egui::Ui) {
    ui.add_space(24.0);
    ui.heading("提取资格清单");
    ui.label("即将推出：回答几个问题，看看能否一次性支取个人账户余额，并导出要带的材料清单。");
    ui.label("现在可以在“政策浏览”里查看“个人账户提取”的规定。");
}
