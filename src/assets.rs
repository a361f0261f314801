//! Files compiled into the binary: the CJK font used by the window and by PDF exports, and the
//! window's icon.

/// Noto Sans SC Regular (SIL OFL 1.1, `assets/fonts/OFL.txt`): all of GBK and CJK Extension
/// A, so rare name characters (喆 堃 赟 昇 珺 玥 …) render.
pub static NOTO_SANS_SC: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.otf");

/// The app icon at 128 px (drawn by `scripts/make-icon.py`): the window's icon in the title
/// bar and task bar. The .exe and the Linux menu have their own sizes.
pub static WINDOW_ICON_PNG: &[u8] = include_bytes!("../assets/icon/yibao-128.png");
