//! The top of an inner page: the document title, breadcrumbs and the page heading.
use leptos::prelude::*;
use leptos_meta::Title;

#[derive(Clone)]
pub struct Crumb {
    pub label: String,
    pub href: String,
}

#[component]
pub fn Breadcrumbs(
    #[prop(into)] crumbs: Signal<Vec<Crumb>>,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label=label>
            <ol>
                {move || crumbs.get().into_iter().map(|c| view! { <li><a href=c.href>{c.label}</a></li> }).collect_view()}
            </ol>
        </nav>
    }
}

/// Sets the document title ("... - Datacoach") and renders the page heading.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    // The document title outlives the page that set it (leptos_meta keeps it until the next
    // page sets its own), so it must not fail once this page's signals are gone.
    let title = move || {
        text.try_get()
            .map(|t| format!("{t} - Datacoach"))
            .unwrap_or_default()
    };
    view! {
        <Title text=title/>
        <h1 class="page-title">{move || text.try_get().unwrap_or_default()}</h1>
    }
}
