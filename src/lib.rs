//! meeting-search: a meeting finder for recovery fellowships.
//!
//! The crate is split so that the data's path is visible in its modules:
//!
//! ```text
//! feed bytes ─► feed::read ─► Feed { meetings, problems } ─► search::Index ─► Query ─► Results + Facets
//! ```
//!
//! Everything outside [`web`] is pure Rust with no browser dependency, tested natively
//! and shared with the native `meeting-search` command. The browser side lives in
//! [`web`], compiled only for `wasm32`.
#![deny(missing_docs)]

pub mod feed;
pub mod generate;
pub(crate) mod hash;
pub mod model;
pub mod search;
pub mod types;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The wasm build's allocator: Talc, smaller than the default dlmalloc and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
