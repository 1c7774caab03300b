//! The browser side (wasm32 only): mounting widgets, rendering, storage.
