//! Keyboard commands: each has its text and shortcut in one place, checked once per frame
//! outside any menu, so no two can clash unnoticed (a test holds that line).

use crate::text::{Lang, Word};
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

/// Something the user can do from the keyboard anywhere in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum UiCommand {
    FocusSearch,
    Save,
    Export,
    /// Listed before `Undo`: Ctrl+Shift+Z also matches Ctrl+Z when shift is ignored.
    Redo,
    Undo,
    ZoomIn,
    ZoomOut,
    ZoomReset,
}

impl UiCommand {
    pub const ALL: &'static [UiCommand] = <UiCommand as strum::VariantArray>::VARIANTS;

    /// What the command does, for tooltips and help.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            UiCommand::FocusSearch => Word::Search,
            UiCommand::Save => Word::Save,
            UiCommand::Export => Word::ExportList,
            UiCommand::Redo => Word::Redo,
            UiCommand::Undo => Word::Undo,
            UiCommand::ZoomIn => Word::ZoomIn,
            UiCommand::ZoomOut => Word::ZoomOut,
            UiCommand::ZoomReset => Word::ZoomReset,
        }
        .text(lang)
    }

    /// The shortcuts that trigger it (the first is the one shown).
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const FOCUS_SEARCH: &[KeyboardShortcut] =
            &[KeyboardShortcut::new(Modifiers::COMMAND, Key::F)];
        const SAVE: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::COMMAND, Key::S)];
        const EXPORT: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::COMMAND, Key::E)];
        const REDO: &[KeyboardShortcut] = &[KeyboardShortcut::new(
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::Z,
        )];
        const UNDO: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)];
        const ZOOM_IN: &[KeyboardShortcut] = &[
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals),
            KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus),
        ];
        const ZOOM_OUT: &[KeyboardShortcut] =
            &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus)];
        const ZOOM_RESET: &[KeyboardShortcut] =
            &[KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0)];
        match self {
            UiCommand::FocusSearch => FOCUS_SEARCH,
            UiCommand::Save => SAVE,
            UiCommand::Export => EXPORT,
            UiCommand::Redo => REDO,
            UiCommand::Undo => UNDO,
            UiCommand::ZoomIn => ZOOM_IN,
            UiCommand::ZoomOut => ZOOM_OUT,
            UiCommand::ZoomReset => ZOOM_RESET,
        }
    }

    /// Tooltip text with the shortcut, e.g. `搜索 (Ctrl+F)`.
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        let text = self.text(crate::ui::lang(ctx));
        match self.shortcuts().first() {
            Some(shortcut) => format!("{text} ({})", ctx.format_shortcut(shortcut)),
            None => text.to_owned(),
        }
    }

    /// The commands whose shortcut was pressed this frame (the key presses are consumed).
    /// Undo and redo are left to a text field that has the keyboard.
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|input| {
            UiCommand::ALL
                .iter()
                .copied()
                .filter(|command| !(typing && matches!(command, UiCommand::Undo | UiCommand::Redo)))
                .filter(|command| {
                    command
                        .shortcuts()
                        .iter()
                        .any(|shortcut| input.consume_shortcut(shortcut))
                })
                .collect()
        })
    }
}

/// Zoom steps for Ctrl+= / Ctrl+-, clamped to a range that stays usable.
pub fn next_zoom(current: f32, command: UiCommand) -> f32 {
    const MIN: f32 = 0.6;
    const MAX: f32 = 2.5;
    let next = match command {
        UiCommand::ZoomIn => current + 0.1,
        UiCommand::ZoomOut => current - 0.1,
        UiCommand::ZoomReset => 1.0,
        _ => current,
    };
    ((next * 10.0).round() / 10.0).clamp(MIN, MAX)
}
