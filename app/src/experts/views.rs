//! The expert pages: the directory with its filters, one expert (with approval for programme
//! staff), and the expert's own profile form.
use super::{
    Directory, DirectoryParams, ExpertDetail, OwnProfile, SaveOwnExpertProfile, ThemeView,
    VetExpert, get_expert, get_expert_directory, get_own_expert_profile,
};
use crate::access;
use crate::domain::{Field, Role};
use crate::i18n::*;
use crate::layout::{RequireUser, encode};
use crate::scan::views::text::tr;
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, Pagination, TextAreaField, TextField,
    action_errors, format_date,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn crumbs(l: Locale, directory: bool) -> Vec<Crumb> {
    let mut v = vec![Crumb {
        label: td_string!(l, nav.home).to_string(),
        href: "/".into(),
    }];
    if directory {
        v.push(Crumb {
            label: td_string!(l, nav.experts).to_string(),
            href: "/experts".into(),
        });
    }
    v
}

fn vetting_label(l: Locale, v: &str) -> &'static str {
    match v {
        "approved" => td_string!(l, experts.approved),
        "rejected" => td_string!(l, experts.rejected),
        _ => td_string!(l, experts.pending),
    }
}

fn theme_names(l: Locale, themes: &[ThemeView], ids: &[i64]) -> String {
    themes
        .iter()
        .filter(|t| ids.contains(&t.id))
        .map(|t| tr(l, &t.nl, &t.en).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The data is created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ExpertDirectoryPage() -> impl IntoView {
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|m| {
            let get = |k: &str| m.get(k).unwrap_or_default();
            DirectoryParams {
                q: get("q"),
                theme: get("theme"),
                region: get("region"),
                status: get("status"),
                page: m.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
            }
        })
    });
    let data = Resource::new(move || params.get(), get_expert_directory);
    view! {
        <RequireUser
            allow=access::can_browse_experts
            children=move |_| view! { <DirectoryView params data/> }
        />
    }
}

#[component]
fn DirectoryView(
    params: Memo<DirectoryParams>,
    data: Resource<Result<Directory, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || crumbs(i18n.get_locale(), false))
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.experts).to_string())/>
        <p class="lead">{t!(i18n, experts.intro)}</p>
        <Loaded resource=data let:d>
            <DirectoryList d=d p=params.get()/>
        </Loaded>
    }
}

#[component]
fn DirectoryList(d: Directory, p: DirectoryParams) -> impl IntoView {
    let i18n = use_i18n();
    let mut parts = vec![];
    for (k, v) in [
        ("q", &p.q),
        ("theme", &p.theme),
        ("region", &p.region),
        ("status", &p.status),
    ] {
        if !v.is_empty() {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    let base = if parts.is_empty() {
        "/experts".to_string()
    } else {
        format!("/experts?{}", parts.join("&"))
    };
    let pages = d.experts.pages();
    let themes = d.themes.clone();
    view! {
        <form method="get" action="/experts" class="filter-form" role="search" aria-label=move || td_string!(i18n.get_locale(), experts.filters)>
            <div class="field">
                <label for="ex-q">{t!(i18n, experts.search)}</label>
                <input type="search" id="ex-q" name="q" value=p.q.clone()/>
            </div>
            <div class="field">
                <label for="ex-theme">{t!(i18n, field.themes)}</label>
                <select id="ex-theme" name="theme">
                    <option value="">{t!(i18n, caseload.any)}</option>
                    {d.themes.iter().cloned().map(|t| {
                        let sel = t.key == p.theme;
                        view! { <option value=t.key.clone() selected=sel>{move || tr(i18n.get_locale(), &t.nl, &t.en).to_owned()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ex-region">{t!(i18n, field.region)}</label>
                <select id="ex-region" name="region">
                    <option value="">{t!(i18n, caseload.any)}</option>
                    {d.regions.iter().cloned().map(|r| {
                        let sel = r == p.region;
                        view! { <option value=r.clone() selected=sel>{r.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            {d.can_vet.then(|| view! {
                <div class="field">
                    <label for="ex-status">{t!(i18n, experts.status)}</label>
                    <select id="ex-status" name="status">
                        {["", "pending", "rejected"].into_iter().map(|s| {
                            let sel = s == p.status;
                            view! { <option value=s selected=sel>{move || vetting_label(i18n.get_locale(), if s.is_empty() { "approved" } else { s })}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, experts.apply)}</button>
                <a href="/experts">{t!(i18n, caseload.reset)}</a>
            </div>
        </form>
        {if d.experts.items.is_empty() {
            view! { <div class="empty-state">{t!(i18n, experts.none)}</div> }.into_any()
        } else {
            view! {
                <ul class="card-grid expert-list">
                    {d.experts.items.into_iter().map(|e| {
                        let themes = themes.clone();
                        let ids = e.theme_ids.clone();
                        view! {
                            <li class="card">
                                <h2 class="card__title"><a href=format!("/experts/{}", e.id)>{e.name.clone()}</a></h2>
                                <p class="card__meta">{e.firm.clone().unwrap_or_default()}" · "{e.region.clone()}</p>
                                <p>{e.headline.clone()}</p>
                                <p class="muted">{move || theme_names(i18n.get_locale(), &themes, &ids)}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Pagination page=d.experts.page pages=pages total=d.experts.total base=base/>
            }.into_any()
        }}
    }
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn ExpertPage() -> impl IntoView {
    let id = crate::ui::route_param::<i64>("id");
    let vet = ServerAction::<VetExpert>::new();
    let data = Resource::new(
        move || (id(), vet.version().get()),
        |(id, _)| crate::ui::load_by_id(id, get_expert),
    );
    view! {
        <RequireUser
            allow=|u| access::can_browse_experts(u) || u.role == Role::Expert
            children=move |_| view! { <ExpertView vet data/> }
        />
    }
}

#[component]
fn ExpertView(
    vet: ServerAction<VetExpert>,
    data: Resource<Result<ExpertDetail, crate::error::AppError>>,
) -> impl IntoView {
    view! {
        <Loaded resource=data let:x>
            <ExpertInfo x=x vet=vet/>
        </Loaded>
    }
}

#[component]
fn ExpertInfo(x: ExpertDetail, vet: ServerAction<VetExpert>) -> impl IntoView {
    let i18n = use_i18n();
    let name = x.card.name.clone();
    let vetting = x.card.vetting.clone();
    let badge = if vetting == "approved" {
        "badge badge--active"
    } else {
        "badge badge--pending"
    };
    let id = x.card.id;
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || crumbs(i18n.get_locale(), true))
        />
        <PageTitle text=name/>
        <p class="lead">{x.card.headline.clone()}</p>
        <p>
            <span class=badge>
                {move || vetting_label(i18n.get_locale(), &vetting).to_string()}
            </span>
            {x.vetted_by.clone().zip(x.vetted_at).map(|(who, at)| view! { " " <span class="muted">{move || td_string!(i18n.get_locale(), experts.vetted_by, who = who.as_str(), date = format_date(i18n.get_locale(), at)).to_string()}</span> })}
        </p>
        <dl class="summary-list">
            <dt>{t!(i18n, field.expert_firm)}</dt><dd>{x.card.firm.clone().unwrap_or_else(|| "-".into())}</dd>
            <dt>{t!(i18n, field.region)}</dt><dd>{x.card.region.clone()}</dd>
            <dt>{t!(i18n, field.themes)}</dt>
            <dd>{let themes = x.themes.clone(); move || themes.iter().map(|t| tr(i18n.get_locale(), &t.nl, &t.en).to_owned()).collect::<Vec<_>>().join(", ")}</dd>
            <dt>{t!(i18n, field.email)}</dt><dd><a href=format!("mailto:{}", x.email)>{x.email.clone()}</a></dd>
            <dt>{t!(i18n, field.contact_phone)}</dt><dd>{x.phone.clone().unwrap_or_else(|| "-".into())}</dd>
            <dt>{t!(i18n, field.website)}</dt><dd>{x.website.clone().unwrap_or_else(|| "-".into())}</dd>
        </dl>
        <section aria-labelledby="about-title" class="stack">
            <h2 id="about-title">{t!(i18n, experts.about)}</h2>
            <p class="preserve">{x.description.clone()}</p>
        </section>
        <section aria-labelledby="independence-title" class="stack">
            <h2 id="independence-title">{t!(i18n, field.independence)}</h2>
            <p class="preserve">{x.independence.clone()}</p>
            <h3>{t!(i18n, field.conflicts)}</h3>
            <p class="preserve">{if x.conflicts.is_empty() { td_string!(i18n.get_locale(), experts.no_conflicts).to_string() } else { x.conflicts.clone() }}</p>
        </section>
        {(!x.lessons.is_empty()).then(|| view! {
            <section aria-labelledby="lessons-title" class="stack">
                <h2 id="lessons-title">{t!(i18n, engagements.lessons)}</h2>
                <ul>{x.lessons.clone().into_iter().map(|l| view! { <li class="preserve">{l}</li> }).collect_view()}</ul>
            </section>
        })}
        {x.can_vet.then(|| view! {
            <section aria-labelledby="vet-title" class="stack">
                <h2 id="vet-title">{t!(i18n, experts.vet_title)}</h2>
                <p>{t!(i18n, experts.vet_intro)}</p>
                <div class="cluster">
                    <ActionForm action=vet attr:class="inline-form">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="approve" value="true"/>
                        <button type="submit" class="button">{t!(i18n, experts.approve)}</button>
                    </ActionForm>
                    <ActionForm action=vet attr:class="inline-form">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="approve" value="false"/>
                        <button type="submit" class="button button--secondary">{t!(i18n, experts.reject)}</button>
                    </ActionForm>
                </div>
            </section>
        })}
    }
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn OwnExpertProfilePage() -> impl IntoView {
    let save = ServerAction::<SaveOwnExpertProfile>::new();
    let data = Resource::new(move || save.version().get(), |_| get_own_expert_profile());
    view! {
        <RequireUser
            allow=|u| u.role == Role::Expert
            children=move |_| view! { <OwnProfileView save data/> }
        />
    }
}

#[component]
fn OwnProfileView(
    save: ServerAction<SaveOwnExpertProfile>,
    data: Resource<Result<OwnProfile, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || crumbs(i18n.get_locale(), false))
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), experts.own_title).to_string())/>
        <p class="lead">{t!(i18n, experts.own_intro)}</p>
        <Loaded resource=data let:p>
            <OwnProfileForm p=p save=save/>
        </Loaded>
    }
}

#[component]
fn OwnProfileForm(p: OwnProfile, save: ServerAction<SaveOwnExpertProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(save);
    let saved = move || save.value().get().is_some_and(|r| r.is_ok());
    let current = p.profile.clone();
    let status = current.as_ref().map(|c| c.card.vetting.clone());
    let ticked: Vec<i64> = current
        .as_ref()
        .map(|c| c.card.theme_ids.clone())
        .unwrap_or_default();
    let val = move |f: fn(&ExpertDetail) -> String| current.as_ref().map(f).unwrap_or_default();
    view! {
        {status.map(|s| view! {
            <p>{t!(i18n, experts.status)}": "<strong>{move || vetting_label(i18n.get_locale(), &s).to_string()}</strong></p>
        })}
        {move || saved().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, experts.saved)}</div> })}
        <ErrorSummary error=error/>
        <ActionForm action=save attr:class="form" attr:novalidate=true>
            <TextField field=Field::Headline name="profile[headline]" error=error value=val(|c| c.card.headline.clone()) required=true/>
            <TextAreaField field=Field::ExpertDescription name="profile[description]" error=error rows=6 value=val(|c| c.description.clone())/>
            <TextField field=Field::Region name="profile[region]" error=error value=val(|c| c.card.region.clone()) required=true/>
            <TextField field=Field::ContactEmail name="profile[contact_email]" input_type="email" error=error value=val(|c| c.email.clone()) optional=true/>
            <TextField field=Field::ContactPhone name="profile[contact_phone]" input_type="tel" error=error value=val(|c| c.phone.clone().unwrap_or_default()) optional=true/>
            <fieldset id=Field::Themes.id() class="choices">
                <legend>{t!(i18n, field.themes)}</legend>
                <p class="hint">{t!(i18n, experts.themes_hint)}</p>
                {p.themes.into_iter().map(|t| {
                    let id = format!("theme-{}", t.key);
                    let stored = ticked.contains(&t.id);
                    let key = t.key.clone();
                    // After a refused save the ticks as sent win over the stored ones.
                    let checked = move || {
                        error
                            .get()
                            .and_then(|e| e.form_errors().and_then(|f| f.value_of(Field::Themes).map(|v| v.split_whitespace().any(|k| k == key))))
                            .unwrap_or(stored)
                    };
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone() name=format!("profile[themes][{}]", t.key) value="on" checked=checked/>
                            <label for=id>{move || tr(i18n.get_locale(), &t.nl, &t.en).to_owned()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <TextAreaField field=Field::Independence name="profile[independence]" error=error rows=4 value=val(|c| c.independence.clone())/>
            <TextAreaField field=Field::Conflicts name="profile[conflicts]" error=error rows=3 value=val(|c| c.conflicts.clone()) optional=true/>
            <p class="hint">{t!(i18n, experts.review_hint)}</p>
            <div class="form-actions">
                <button type="submit" class="button">{t!(i18n, experts.save)}</button>
            </div>
        </ActionForm>
    }
}

fn dimension_label(l: Locale, dims: &[(String, String, String)], id: &str) -> String {
    dims.iter()
        .find(|(d, _, _)| d == id)
        .map(|(_, nl, en)| tr(l, nl, en).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

/// On the dossier: the coach's recommendations and the form to recommend one to three experts,
/// the experts whose themes fit the weakest dimensions first and marked as suggested.
#[component]
pub fn RecommendSection(
    company_id: crate::domain::CompanyId,
    panel: super::RecommendPanel,
    action: ServerAction<super::RecommendExperts>,
    engage: ServerAction<super::UpdateEngagement>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    let done = move || action.value().get().and_then(|r| r.ok());
    let dims = panel.dimensions.clone();
    let dims2 = panel.dimensions.clone();
    let themes = panel.themes.clone();
    let weakest_default = panel.weakest.first().cloned().unwrap_or_default();
    view! {
        <section aria-labelledby="recommend-title" class="stack" id="experts">
            <h2 id="recommend-title">{t!(i18n, recommend.title)}</h2>
            {if panel.recommendations.is_empty() {
                view! { <div class="empty-state">{t!(i18n, recommend.none)}</div> }.into_any()
            } else {
                let dims = dims.clone();
                view! {
                    <ul class="plain-list">
                        {panel.recommendations.clone().into_iter().map(|r| {
                            let dims = dims.clone();
                            view! {
                                <li>
                                    <strong><a href=format!("/experts/{}", r.expert.id)>{r.expert.name.clone()}</a></strong>
                                    " · "{move || dimension_label(i18n.get_locale(), &dims, &r.dimension)}" · "{r.reason.clone()}
                                    " · "{move || match r.contacted_at {
                                        Some(at) => td_string!(i18n.get_locale(), recommend.contacted_on, date = format_date(i18n.get_locale(), at)).to_string(),
                                        None => td_string!(i18n.get_locale(), recommend.not_contacted).to_string(),
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || done().map(|n| view! { <div class="notice notice--success" role="status">{move || td_string!(i18n.get_locale(), recommend.done, count = n).to_string()}</div> })}
            {(!panel.engagements.is_empty()).then(|| {
                let dims = panel.dimensions.clone();
                view! {
                    <h3>{t!(i18n, engagements.title)}</h3>
                    <ErrorSummary error=action_errors(engage)/>
                    {panel.engagements.clone().into_iter().map(|e| view! { <EngagementItem e=e action=engage dimensions=dims.clone()/> }).collect_view()}
                }
            })}
            <details class="panel" open=move || error.get().is_some()>
                <summary>{t!(i18n, recommend.add)}</summary>
                <ErrorSummary error=error/>
                <ActionForm action=action attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="company_id" value=company_id.0/>
                    <fieldset id=Field::Experts.id() class="choices">
                        <legend>{t!(i18n, recommend.choose)}</legend>
                        <p class="hint">{t!(i18n, recommend.choose_hint)}</p>
                        {panel.experts.clone().into_iter().map(|e| {
                            let id = format!("rec-{}", e.id);
                            let suggested = panel.suggested.contains(&e.id);
                            let themes = themes.clone();
                            let ids = e.theme_ids.clone();
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=id.clone() name=format!("form[experts][{}]", e.id) value="on"/>
                                    <label for=id>
                                        {e.name.clone()}" ("{e.firm.clone().unwrap_or_default()}", "{e.region.clone()}") · "
                                        {move || theme_names(i18n.get_locale(), &themes, &ids)}
                                        {suggested.then(|| view! { " " <span class="badge badge--success">{t!(i18n, recommend.suggested)}</span> })}
                                    </label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                    <div class="field">
                        <label for=Field::Dimension.id()>{t!(i18n, field.dimension)}</label>
                        <select id=Field::Dimension.id() name="form[dimension]">
                            {dims2.clone().into_iter().map(|(id, nl, en)| {
                                let sel = id == weakest_default;
                                view! { <option value=id selected=sel>{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <TextAreaField field=Field::Reason name="form[reason]" error=error rows=3/>
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, recommend.submit)}</button>
                    </div>
                </ActionForm>
            </details>
        </section>
    }
    .into_any()
}

/// In the portal: the experts the coach recommended, each with the form to contact them.
#[component]
pub fn RecommendedExperts(
    recommendations: Vec<super::RecommendationView>,
    action: ServerAction<super::ContactExpert>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(action);
    let sent = move || action.value().get().is_some_and(|r| r.is_ok());
    view! {
        <section aria-labelledby="recommended-title" class="stack" id="experts">
            <h2 id="recommended-title">{t!(i18n, recommend.portal_title)}</h2>
            {move || sent().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, recommend.sent)}</div> })}
            <ErrorSummary error=error/>
            {if recommendations.is_empty() {
                view! { <div class="empty-state">{t!(i18n, recommend.portal_none)}</div> }.into_any()
            } else {
                recommendations.into_iter().map(|r| {
                    let rid = r.id;
                    let name = r.expert.name.clone();
                    view! {
                        <article class="card recommendation">
                            <h3>{r.expert.name.clone()}{r.expert.firm.clone().map(|f| format!(" · {f}"))}</h3>
                            <p>{r.expert.headline.clone()}</p>
                            <p><strong>{t!(i18n, recommend.why)}</strong>" "{r.reason.clone()}" "<span class="muted">{move || td_string!(i18n.get_locale(), recommend.by, coach = r.coach.as_str()).to_string()}</span></p>
                            {r.website.clone().map(|w| view! { <p><a href=w.clone() rel="noopener noreferrer">{w.clone()}</a></p> })}
                            {match r.contacted_at {
                                Some(at) => view! {
                                    <p class="badge badge--success">{move || td_string!(i18n.get_locale(), recommend.contacted_on, date = format_date(i18n.get_locale(), at)).to_string()}</p>
                                    <p><a href="/shares">{t!(i18n, recommend.manage_share)}</a></p>
                                }.into_any(),
                                None => view! {
                                    <details class="panel">
                                        <summary>{move || td_string!(i18n.get_locale(), recommend.contact, name = name.as_str()).to_string()}</summary>
                                        <ActionForm action=action attr:class="form" attr:novalidate=true>
                                            <input type="hidden" name="recommendation_id" value=rid/>
                                            <div class="field">
                                                <label for=format!("message-{rid}")>{t!(i18n, field.message)}</label>
                                                <textarea id=format!("message-{rid}") name="form[message]" rows="4"></textarea>
                                            </div>
                                            <fieldset class="choices">
                                                <legend>{t!(i18n, recommend.share_legend)}</legend>
                                                <div class="choice">
                                                    <input type="checkbox" id=format!("share-email-{rid}") name="form[share_email]" value="on" checked=true/>
                                                    <label for=format!("share-email-{rid}")>{t!(i18n, recommend.share_email)}</label>
                                                </div>
                                                <div class="choice">
                                                    <input type="checkbox" id=format!("share-phone-{rid}") name="form[share_phone]" value="on"/>
                                                    <label for=format!("share-phone-{rid}")>{t!(i18n, recommend.share_phone)}</label>
                                                </div>
                                                <div class="choice">
                                                    <input type="checkbox" id=format!("share-scan-{rid}") name="form[share_scan]" value="on"/>
                                                    <label for=format!("share-scan-{rid}")>{t!(i18n, recommend.share_scan)}</label>
                                                </div>
                                            </fieldset>
                                            <div class="field">
                                                <label for=format!("phone-{rid}")>{t!(i18n, field.contact_phone)}" "<span class="label-optional">{t!(i18n, form.optional)}</span></label>
                                                <input type="tel" id=format!("phone-{rid}") name="form[contact_phone]" autocomplete="tel"/>
                                            </div>
                                            <div class="form-actions">
                                                <button type="submit" class="button">{t!(i18n, recommend.send)}</button>
                                            </div>
                                        </ActionForm>
                                    </details>
                                }.into_any(),
                            }}
                        </article>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
    .into_any()
}

fn engagement_status_label(l: Locale, s: &str) -> &'static str {
    match s {
        "intake" => td_string!(l, engagements.intake),
        "quote" => td_string!(l, engagements.quote),
        "running" => td_string!(l, engagements.running),
        "done" => td_string!(l, engagements.done),
        "stopped" => td_string!(l, engagements.stopped),
        _ => td_string!(l, engagements.contacted),
    }
}

const ENGAGEMENT_STATUSES: [&str; 6] =
    ["contacted", "intake", "quote", "running", "done", "stopped"];

/// One engagement with its update form: status and outcome, and for the coaching staff the
/// lesson learned (and the change in the targeted dimension since).
#[component]
pub fn EngagementItem(
    e: super::EngagementView,
    action: ServerAction<super::UpdateEngagement>,
    #[prop(optional)] dimensions: Vec<(String, String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = e.id;
    let status = e.status.clone();
    let for_coach = e.lesson.is_some();
    let dims = dimensions;
    view! {
        <article class="card engagement" aria-labelledby=format!("engagement-{id}")>
            <h3 id=format!("engagement-{id}")>
                {if for_coach { e.expert.clone() } else { e.company_name.clone() }}
                " · "{let s = status.clone(); move || engagement_status_label(i18n.get_locale(), &s)}
            </h3>
            <p class="muted">{move || format_date(i18n.get_locale(), e.at)}
                {e.dimension.clone().map(|d| { let dims = dims.clone(); view! { " · " {move || dimension_label(i18n.get_locale(), &dims, &d)} } })}
            </p>
            <p class="preserve">{e.message.clone()}</p>
            {e.shared_contact.clone().filter(|c| !c.is_empty()).map(|c| view! { <p><strong>{t!(i18n, engagements.reach)}</strong><br/><span class="preserve">{c}</span></p> })}
            {e.shared_scan.map(|scan| view! { <p><a href=format!("/scans/{scan}")>{t!(i18n, engagements.shared_scan)}</a></p> })}
            {e.change.map(|(before, after)| view! {
                <p>{move || td_string!(i18n.get_locale(), engagements.change, before = crate::ui::format_score(i18n.get_locale(), before), after = crate::ui::format_score(i18n.get_locale(), after)).to_string()}</p>
            })}
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id/>
                <div class="field">
                    <label for=format!("es-{id}")>{t!(i18n, field.engagement_status)}</label>
                    <select id=format!("es-{id}") name="form[status]">
                        {ENGAGEMENT_STATUSES.into_iter().map(|s| {
                            let sel = s == status;
                            view! { <option value=s selected=sel>{move || engagement_status_label(i18n.get_locale(), s)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("eo-{id}")>{t!(i18n, field.outcome)}" "<span class="label-optional">{t!(i18n, form.optional)}</span></label>
                    <textarea id=format!("eo-{id}") name="form[outcome]" rows="2">{e.outcome.clone()}</textarea>
                </div>
                {e.lesson.clone().map(|l| view! {
                    <div class="field">
                        <label for=format!("el-{id}")>{t!(i18n, field.lesson)}" "<span class="label-optional">{t!(i18n, form.optional)}</span></label>
                        <textarea id=format!("el-{id}") name="form[lesson]" rows="2">{l}</textarea>
                    </div>
                })}
                <div class="form-actions">
                    <button type="submit" class="button button--secondary">{t!(i18n, engagements.save)}</button>
                </div>
            </ActionForm>
        </article>
    }
    .into_any()
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn MyEngagementsPage() -> impl IntoView {
    let update = ServerAction::<super::UpdateEngagement>::new();
    let data = Resource::new(
        move || update.version().get(),
        |_| super::get_my_engagements(),
    );
    view! {
        <RequireUser
            allow=|u| u.role == Role::Expert
            children=move |_| view! { <MyEngagements update data/> }
        />
    }
}

#[component]
fn MyEngagements(
    update: ServerAction<super::UpdateEngagement>,
    data: Resource<Result<Vec<super::EngagementView>, crate::error::AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(update);
    view! {
        <Breadcrumbs
            label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
            crumbs=Signal::derive(move || crumbs(i18n.get_locale(), false))
        />
        <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), nav.engagements).to_string())/>
        <p class="lead">{t!(i18n, engagements.intro)}</p>
        <ErrorSummary error=error/>
        <Loaded resource=data let:list>
            {if list.is_empty() {
                view! { <div class="empty-state">{t!(i18n, engagements.none)}</div> }.into_any()
            } else {
                view! { <EngagementList list=list action=update/> }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn EngagementList(
    list: Vec<super::EngagementView>,
    action: ServerAction<super::UpdateEngagement>,
) -> impl IntoView {
    list.into_iter()
        .map(|e| view! { <EngagementItem e=e action=action/> })
        .collect_view()
        .into_any()
}
