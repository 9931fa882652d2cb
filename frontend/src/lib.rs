//! The browser entry point: hydrates the server-rendered page into the interactive app.
//! The app's pages are split into lazily loaded wasm parts (`app/src/routes.rs`); hydration
//! first loads the parts the current page needs.
// The app's view types are deep; a release build computes their layout here too.
#![recursion_limit = "512"]
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
}
