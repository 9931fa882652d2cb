//! Server-side pagination links that keep the list's filters in the URL.
use crate::i18n::*;
use leptos::prelude::*;

/// `base` is the list URL with its filters, for example `/companies?q=bakker`.
#[component]
pub fn Pagination(page: u64, pages: u64, total: u64, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let sep = if base.contains('?') { '&' } else { '?' };
    let href = move |p: u64| format!("{base}{sep}page={p}");
    let prev = (page > 1).then(|| href(page - 1));
    let next = (page < pages).then(|| href(page + 1));
    view! {
        <p class="pagination__info">{t!(i18n, list.page_info, page = page, pages = pages, total = total)}</p>
        {(pages > 1).then(|| view! {
            <nav class="pagination" aria-label=move || td_string!(i18n.get_locale(), list.pagination)>
                <ul>
                    {prev.map(|h| view! { <li><a href=h rel="prev">{t!(i18n, list.previous)}</a></li> })}
                    <li class="pagination__current" aria-current="page">{page}" / "{pages}</li>
                    {next.map(|h| view! { <li><a href=h rel="next">{t!(i18n, list.next)}</a></li> })}
                </ul>
            </nav>
        })}
    }
}
