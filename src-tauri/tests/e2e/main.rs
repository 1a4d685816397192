//! Care Reader's end-to-end tests, in one test binary: the real debug app
//! under Xvfb, driven through tauri-driver + WebKitWebDriver (`app`,
//! `narrator`), read over AT-SPI as Orca reads it (`atspi`), and heard
//! through the real Orca (`orca`). One binary
//! means one harness (display, driver, HTTP server) for every scenario, and
//! one lock that runs them one at a time.
//!
//! Run: `cargo test -p care-reader-app --test e2e` (one group:
//! `... --test e2e narrator::`). What is needed, and what happens when it is
//! missing: `support/mod.rs`.

mod app;
mod atspi;
mod care;
mod errors;
mod family;
mod instance;
mod library;
mod narrator;
mod news;
mod orca;
mod pronunciation;
mod radio;
mod screens;
mod support;
mod window;
