//! Gishe's web app: mounts the Leptos app in the page.
mod app;
mod browser;
mod client;
mod components;
mod context;
mod i18n;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    let document = leptos::prelude::document();
    // The static skeleton in index.html is shown until WebAssembly runs; replace it.
    if let Some(root) = document.get_element_by_id("app") {
        root.set_inner_html("");
        if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
            leptos::mount::mount_to(root, app::App).forget();
        }
    }
}
