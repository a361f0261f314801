//! Keeps the whole window on small screens. The window opens at 1100×720 points, or at the size
//! remembered from the last run; on a 1366×768 laptop, at 125 % scaling, on an 800×600 screen or
//! after moving from a large monitor to a small one, its bottom would hide behind the taskbar or
//! off the screen. Such a window is maximized once at start, which on Windows fills the screen
//! above the taskbar.

use eframe::egui::{Vec2, ViewportInfo};

/// The part of the screen's height the taskbar may take (Windows 11: 48 px at 100 %); the
/// monitor size the system reports includes it.
pub const TASKBAR_ROOM: f32 = 48.0;

/// What to do about the window's size, once the system has said how large the screen is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenFit {
    /// The system has not said yet (or cannot: Wayland gives no window size): ask again.
    Unknown,
    /// The window fits, or is maximized already: leave it as the user has it.
    Fits,
    /// The window is larger than the screen minus the taskbar: maximize it.
    TooLarge,
}

/// Decides from the window's outer size (its frame included; the inner size where the system
/// gives no outer one) and the screen's size. Sizes only, not positions: on a second monitor
/// the position is counted from the first one.
pub fn screen_fit(viewport: &ViewportInfo) -> ScreenFit {
    if viewport.maximized == Some(true) || viewport.fullscreen == Some(true) {
        return ScreenFit::Fits;
    }
    let Some(monitor) = viewport.monitor_size else {
        return ScreenFit::Unknown;
    };
    let Some(window) = viewport.outer_rect.or(viewport.inner_rect) else {
        return ScreenFit::Unknown;
    };
    if fits(window.size(), monitor) {
        ScreenFit::Fits
    } else {
        ScreenFit::TooLarge
    }
}

fn fits(window: Vec2, monitor: Vec2) -> bool {
    window.x <= monitor.x && window.y <= monitor.y - TASKBAR_ROOM
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{Rect, pos2, vec2};

    fn viewport(monitor: Vec2, outer: Vec2) -> ViewportInfo {
        ViewportInfo {
            monitor_size: Some(monitor),
            outer_rect: Some(Rect::from_min_size(pos2(26.0, 26.0), outer)),
            ..ViewportInfo::default()
        }
    }

    #[test]
    fn the_default_window_is_too_tall_for_a_1366_by_768_laptop() {
        // 1100×720 inside, a 31-point title bar and 8-point borders on Windows 10.
        let window = vec2(1116.0, 759.0);
        assert_eq!(
            screen_fit(&viewport(vec2(1366.0, 768.0), window)),
            ScreenFit::TooLarge
        );
        // The same laptop at 125 %: 1093×614 points.
        assert_eq!(
            screen_fit(&viewport(vec2(1093.0, 614.0), window)),
            ScreenFit::TooLarge
        );
        assert_eq!(
            screen_fit(&viewport(vec2(1920.0, 1080.0), window)),
            ScreenFit::Fits
        );
    }

    #[test]
    fn a_window_wider_than_its_screen_does_not_fit() {
        assert_eq!(
            screen_fit(&viewport(vec2(800.0, 600.0), vec2(808.0, 500.0))),
            ScreenFit::TooLarge
        );
    }

    #[test]
    fn a_maximized_window_and_an_unknown_screen_are_left_alone() {
        let mut maximized = viewport(vec2(800.0, 600.0), vec2(1116.0, 759.0));
        maximized.maximized = Some(true);
        assert_eq!(screen_fit(&maximized), ScreenFit::Fits);
        let unknown = ViewportInfo {
            outer_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1116.0, 759.0))),
            ..ViewportInfo::default()
        };
        assert_eq!(screen_fit(&unknown), ScreenFit::Unknown);
    }
}
