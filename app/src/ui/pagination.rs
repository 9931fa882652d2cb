//! Server-side pagination links that keep the list's filters in the URL.
use crate::i18n::*;
use leptos::prelude::*;

/// `base` is the list URL with its filters, for example `/companies?q=bakker`. A page with two
/// lists gives the second its own `param` (and an `anchor` to land on it).
#[component]
pub fn Pagination(
    page: u64,
    pages: u64,
    total: u64,
    base: String,
    #[prop(default = "page")] param: &'static str,
    #[prop(optional)] anchor: Option<&'static str>,
    #[prop(optional)] label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sep = if base.contains('?') { '&' } else { '?' };
    let hash = anchor.map(|a| format!("#{a}")).unwrap_or_default();
    let href = move |p: u64| format!("{base}{sep}{param}={p}{hash}");
    let prev = (page > 1).then(|| href(page - 1));
    let next = (page < pages).then(|| href(page + 1));
    view! {
        <p class="pagination__info">{t!(i18n, list.page_info, page = page, pages = pages, total = total)}</p>
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=move || label.map(|l| l.get()).unwrap_or_else(|| td_string!(i18n.get_locale(), list.pagination).to_string())>
                <ul>
                    {prev.map(|h| view! { <li><a href=h rel="prev">{t!(i18n, list.previous)}</a></li> })}
                    <li class="pagination__current" aria-current="page">{page}" / "{pages}</li>
                    {next.map(|h| view! { <li><a href=h rel="next">{t!(i18n, list.next)}</a></li> })}
                </ul>
            </nav>
        })}
    }
}
