//! Rebuilds when a policy file is added, removed or changed: the files are embedded with
//! `include_dir!`, which cannot tell cargo which files it read.

fn main() {
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=build.rs");
}
