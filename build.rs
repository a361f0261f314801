//! Rebuilds when a policy file is added, removed or changed (the files are embedded with
//! `include_dir!`, which cannot tell cargo which files it read), and gives yibao.exe its icon
//! and version information when building for Windows.

fn main() {
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/yibao.ico");
    // The target, not the machine building: the Windows package is built from Linux.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// Icon, product name and version in the .exe (Explorer's icon and its Properties → Details).
/// Needs the resource compiler of the linker's toolchain (mingw: `x86_64-w64-mingw32-windres`).
fn windows_resources() {
    let mut resources = winresource::WindowsResource::new();
    resources
        .set_icon("assets/icon/yibao.ico")
        .set("ProductName", "医保个人账户助手")
        .set("FileDescription", "医保个人账户助手 (yibao)")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set_language(0x0804); // Chinese (Simplified, PRC)
    if let Err(error) = resources.compile() {
        // Without the resources the .exe still works but shows no icon: stop the build
        // rather than ship that.
        panic!("could not compile the Windows resources (icon, version): {error}");
    }
}
