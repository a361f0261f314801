//! An empty eframe window built with the same eframe features as yibao: the baseline of the
//! start-up benchmark (`scripts/bench-startup.sh`). With `YIBAO_CLOSE_AFTER_FIRST_FRAME=1` it
//! closes right after its first frame and prints "first frame shown" once it is on screen, as
//! yibao does.

use eframe::egui;

struct Empty {
    close_after_first_frame: bool,
}

impl eframe::App for Empty {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The same marker as yibao's, so both sides are timed alike.
        if self.close_after_first_frame {
            yibao::ui::report_first_frame_shown(ui.ctx());
        }
        egui::CentralPanel::default().show(ui, |_ui| {});
        if self.close_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result {
    let close_after_first_frame =
        std::env::var_os(yibao::ui::CLOSE_AFTER_FIRST_FRAME_ENV).is_some_and(|v| v == "1");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("empty")
            .with_inner_size([1100.0, 720.0]),
        ..Default::default()
    };
    eframe::run_native(
        "yibao-empty-window",
        options,
        Box::new(move |_cc| {
            Ok(Box::new(Empty {
                close_after_first_frame,
            }))
        }),
    )
}
