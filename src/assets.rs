//! Files compiled into the binary: the CJK font used by the window and by PDF exports.

/// Noto Sans SC Regular (SIL OFL 1.1, `assets/fonts/OFL.txt`): all of GBK and CJK Extension
/// A, so rare name characters (喆 堃 赟 昇 珺 玥 …) render.
pub static NOTO_SANS_SC: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.otf");
