//! Keeps the whole window on small screens. The window opens at 1100×720 points, or at the size
//! remembered from the last run; on a 1366×768 laptop, at 125 % scaling, on an 800×600 screen or
//! after moving from a large monitor to a small one, its bottom would hide behind the taskbar or
//! off the screen. Such a window is maximized once at start, which on Windows fills the screen
//! above the taskbar.

use eframe::egui::{Vec2, ViewportInfo};

/// The part of the screen's height the taskbar may take (Windows 11: 48 px at 100 %); the
/// monitor size the system reports includes it.
pub const TASKBAR_ROOM: f32 = 48.0;

/// A title bar's height, counted when the system does not yet know the window's frame (on X11
/// the window manager adds it after the first frames).
pub const TITLE_BAR_ROOM: f32 = 32.0;

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

/// Decides from the window's outer size (its frame included; the inner size and a title bar where
/// the system does not know the frame yet) and the screen's size. Sizes only, not positions: on a second monitor
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
    let mut size = window.size();
    let frame_known = viewport
        .outer_rect
        .zip(viewport.inner_rect)
        .is_some_and(|(outer, inner)| outer.height() > inner.height());
    if !frame_known {
        size.y += TITLE_BAR_ROOM;
    }
    if fits(size, monitor) {
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

    /// A window with Windows 10's frame: 8-point borders and a 31-point title bar.
    fn viewport(monitor: Vec2, outer: Vec2) -> ViewportInfo {
        let outer = Rect::from_min_size(pos2(26.0, 26.0), outer);
        ViewportInfo {
            monitor_size: Some(monitor),
            outer_rect: Some(outer),
            inner_rect: Some(Rect::from_min_max(
                outer.min + vec2(8.0, 31.0),
                outer.max - vec2(8.0, 8.0),
            )),
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
    fn before_the_window_manager_frames_the_window_a_title_bar_is_counted() {
        // X11 at the first frame: outer = inner = 1100×720 on a 1366×768 screen, which leaves
        // no room for the title bar above and a panel below.
        let window = Rect::from_min_size(pos2(0.0, 0.0), vec2(1100.0, 720.0));
        let unframed = ViewportInfo {
            monitor_size: Some(vec2(1366.0, 768.0)),
            outer_rect: Some(window),
            inner_rect: Some(window),
            ..ViewportInfo::default()
        };
        assert_eq!(screen_fit(&unframed), ScreenFit::TooLarge);
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
