//! Bulk handover for the programme manager: every company of a coach who leaves goes to a
//! colleague in one step, each with the handover note on its timeline.
use super::home_crumb;
use crate::coach::{BulkHandOver, StaffLoad, get_staff_loads};
use crate::domain::{Field, Role};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{
    Breadcrumbs, ErrorSummary, Loaded, PageTitle, SelectField, TextAreaField, action_errors,
};
use leptos::prelude::*;

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn BulkHandoverPage() -> impl IntoView {
    let action = ServerAction::<BulkHandOver>::new();
    let data = Resource::new(move || action.version().get(), |_| get_staff_loads());
    view! {
        <RequireUser
            allow=|u| u.role == Role::ProgrammeManager
            children=move |_| view! { <Handover action data/> }
        />
    }
}

#[component]
fn Handover(
    action: ServerAction<BulkHandOver>,
    data: Resource<Result<Vec<StaffLoad>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale())])
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), handover.title).to_string())/>
        <p class="lead">{t!(i18n, handover.intro)}</p>
        <Loaded resource=data let:staff>
            <HandoverForm staff=staff action=action/>
        </Loaded>
    }
}

#[component]
fn HandoverForm(staff: Vec<StaffLoad>, action: ServerAction<BulkHandOver>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    let done = move || action.value().get().and_then(|r| r.ok());
    let from: Vec<(String, String)> = staff
        .iter()
        .filter(|s| s.companies > 0)
        .map(|s| {
            (
                s.person.id.0.to_string(),
                format!("{} ({})", s.person.name, s.companies),
            )
        })
        .collect();
    let to: Vec<(String, String)> = staff
        .iter()
        .filter(|s| s.active)
        .map(|s| (s.person.id.0.to_string(), s.person.name.clone()))
        .collect();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption>{t!(i18n, handover.staff_caption)}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, field.name)}</th>
                    <th scope="col">{t!(i18n, field.email)}</th>
                    <th scope="col">{t!(i18n, handover.companies)}</th>
                    <th scope="col">{t!(i18n, handover.account)}</th>
                </tr></thead>
                <tbody>
                    {staff.into_iter().map(|s| view! {
                        <tr>
                            <td>{s.person.name.clone()}</td>
                            <td>{s.person.email.clone()}</td>
                            <td>{s.companies}</td>
                            <td>{if s.active { t!(i18n, companies.active).into_any() } else { t!(i18n, handover.inactive).into_any() }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || done().map(|n| view! { <div class="notice notice--success" role="status">{move || td_string!(i18n.get_locale(), handover.done, count = n).to_string()}</div> })}
        <ErrorSummary error=error/>
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <SelectField field=Field::FromCoach error=error with_empty=true options=Signal::derive(move || from.clone())/>
            <SelectField field=Field::Coach error=error with_empty=true options=Signal::derive(move || to.clone())/>
            <TextAreaField field=Field::HandoverNote error=error rows=4/>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, handover.submit)}</button>
            </div>
        </ActionForm>
    }
}
