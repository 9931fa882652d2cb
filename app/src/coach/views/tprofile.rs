//! The coach's own T-profile: which base courses they completed (and when), and their one
//! specialism. "Find a colleague" on a dossier reads it.
use super::{home_crumb, is_staff};
use crate::coach::{SaveTProfile, TProfile, get_t_profile};
use crate::domain::Field;
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::scan::views::text::tr;
use crate::ui::{Breadcrumbs, ErrorSummary, Loaded, PageTitle, action_errors};
use leptos::prelude::*;

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn TProfilePage() -> impl IntoView {
    let save = ServerAction::<SaveTProfile>::new();
    let data = Resource::new(move || save.version().get(), |_| get_t_profile());
    view! { <RequireUser allow=is_staff children=move |_| view! { <Profile save data/> }/> }
}

#[component]
fn Profile(
    save: ServerAction<SaveTProfile>,
    data: Resource<Result<TProfile, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || vec![home_crumb(i18n.get_locale())])
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), tprofile.title).to_string())/>
        <p class="lead">{t!(i18n, tprofile.intro)}</p>
        <Loaded resource=data let:p>
            <ProfileForm p=p save=save/>
        </Loaded>
    }
}

#[component]
fn ProfileForm(p: TProfile, save: ServerAction<SaveTProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(save);
    let saved = move || save.value().get().is_some_and(|r| r.is_ok());
    let topics = p.topics.clone();
    view! {
        <ErrorSummary error=error/>
        {move || saved().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, tprofile.saved)}</div> })}
        <ActionForm action=save attr:class="form" attr:novalidate=true>
            <fieldset id=Field::Courses.id()>
                <legend>{t!(i18n, tprofile.courses)}</legend>
                <p class="hint">{t!(i18n, tprofile.courses_hint)}</p>
                {p.topics.into_iter().map(|t| {
                    let id = format!("course-{}", t.key);
                    let (nl, en) = (t.nl.clone(), t.en.clone());
                    view! {
                        <div class="field">
                            <label for=id.clone()>{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</label>
                            <input type="text" id=id name=format!("profile[courses][{}]", t.key) autocomplete="off"
                                value=t.completed_on.map(crate::domain::date_input).unwrap_or_default()/>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for=Field::Specialism.id()>{t!(i18n, field.specialism)}</label>
                <select id=Field::Specialism.id() name="profile[specialism]">
                    <option value="">{t!(i18n, tprofile.no_specialism)}</option>
                    {topics.into_iter().map(|t| {
                        let sel = p.specialism == Some(t.id);
                        let (nl, en) = (t.nl.clone(), t.en.clone());
                        view! { <option value=t.id.to_string() selected=sel>{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, tprofile.save)}</button>
            </div>
        </ActionForm>
    }
}
