//! A button that saves a table as CSV, made in the browser from the very rows on screen, so the
//! file and the page cannot disagree.

use leptos::prelude::*;
use ui::i18n::{t, Msg};
use wasm_bindgen::JsCast;

/// A table as text cells: what the page shows and the CSV holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn download(filename: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

#[component]
pub fn CsvButton(table: TextTable, filename: String, testid: &'static str) -> impl IntoView {
    let text = domain::csv::table(&table.header, &table.rows);
    view! {
        <button type="button" class="button secondary" data-testid=testid
            on:click=move |_| { download(&filename, &text); }>
            {t(Msg::OpsExport)}
        </button>
    }
}
