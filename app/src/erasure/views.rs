//! The confirmation page of an erasure: what goes, what stays, and the typed confirmation.
//! A plain form, so it works without JavaScript too.
use super::{Erase, ErasureFacts, ErasureKind, erasure_preview};
use crate::domain::Field;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, TextField, action_errors, route_param,
};
use leptos::prelude::*;

#[component]
pub fn ErasePage(kind: ErasureKind) -> impl IntoView {
    let id = route_param::<i64>("id");
    let data = Resource::new(id, move |id| erasure_preview(kind, id));
    view! {
        <RequireUser allow=|_| true children=move |_| view! { <EraseView kind id data/> }/>
    }
}

#[component]
fn EraseView(
    kind: ErasureKind,
    id: impl Fn() -> Option<i64> + Copy + Send + Sync + 'static,
    data: Resource<Result<ErasureFacts, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Erase>::new();
    let error = action_errors(action);
    view! {
        <Loaded resource=data let:p>
            {
                let l = i18n.get_locale();
                let (title, back, back_label) = match kind {
                    ErasureKind::Myself => (
                        td_string!(l, erase.title_self).to_string(),
                        "/".to_owned(),
                        td_string!(l, nav.home).to_string(),
                    ),
                    ErasureKind::Person => (
                        td_string!(l, erase.title_person, name = p.name.as_str()).to_string(),
                        "/admin/users".to_owned(),
                        td_string!(l, nav.users).to_string(),
                    ),
                    ErasureKind::Company => (
                        td_string!(l, erase.title_company, name = p.name.as_str()).to_string(),
                        format!("/companies/{}", id().unwrap_or_default()),
                        p.name.clone(),
                    ),
                };
                let crumbs = vec![
                    Crumb { label: td_string!(l, nav.home).to_string(), href: "/".into() },
                    Crumb { label: back_label, href: back.clone() },
                ];
                let related = p.related.clone();
                let confirm_with = p.confirm_with.clone();
                view! {
                    <Breadcrumbs label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string()) crumbs=Signal::derive(move || crumbs.clone())/>
                    <PageTitle text=title/>
                    <ErrorSummary error=error/>
                    <section class="stack" aria-labelledby="erase-what">
                        <h2 id="erase-what">{t!(i18n, erase.what_title)}</h2>
                        {match kind {
                            ErasureKind::Company => view! {
                                <p>{t!(i18n, erase.company_goes)}</p>
                                <p>{t!(i18n, erase.company_people)}</p>
                            }.into_any(),
                            _ => view! {
                                <p>{t!(i18n, erase.person_goes)}</p>
                                <p>{t!(i18n, erase.person_stays)}</p>
                            }.into_any(),
                        }}
                        {(!related.is_empty()).then(|| view! {
                            <h3>{match kind {
                                ErasureKind::Company => t!(i18n, erase.related_people).into_any(),
                                _ => t!(i18n, erase.related_companies).into_any(),
                            }}</h3>
                            <ul>{related.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                        })}
                        {(kind == ErasureKind::Myself).then(|| view! {
                            <p><a href="/account/data.json" download="datacoach-mijn-gegevens.json" rel="external">{t!(i18n, erase.download_first)}</a></p>
                        })}
                        <p class="notice notice--warning">{t!(i18n, erase.final_warning)}</p>
                    </section>
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="kind" value=match kind {
                            ErasureKind::Myself => "myself",
                            ErasureKind::Person => "person",
                            ErasureKind::Company => "company",
                        }/>
                        {id().map(|id| view! { <input type="hidden" name="id" value=id/> })}
                        <p id="confirm-what">
                            {match kind {
                                ErasureKind::Company => t!(i18n, erase.type_name).into_any(),
                                _ => t!(i18n, erase.type_email).into_any(),
                            }}
                            " "<strong class="preserve">{confirm_with}</strong>
                        </p>
                        <TextField field=Field::Confirm name="confirm" error=error required=true autocomplete="off"/>
                        <div class="form-actions">
                            <button type="submit" class="button button--danger">{t!(i18n, erase.submit)}</button>
                            <a href=back>{t!(i18n, common.cancel)}</a>
                        </div>
                    </ActionForm>
                }
            }
        </Loaded>
    }
}
