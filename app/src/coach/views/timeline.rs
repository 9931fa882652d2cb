//! The company timeline: one list, newest first, filterable by kind, with the note form for
//! the coaching staff. Entrepreneurs see only what was shared with them.
use crate::coach::{AddNote, EventView, Timeline};
use crate::domain::{CompanyId, Field};
use crate::i18n::*;
use crate::ui::{ErrorSummary, Pagination, TextAreaField, action_errors, format_datetime};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const GROUPS: [&str; 6] = ["scan", "visit", "note", "action", "expert", "coaching"];

fn group_label(l: Locale, g: &str) -> &'static str {
    match g {
        "scan" => td_string!(l, timeline.group_scan),
        "visit" => td_string!(l, timeline.group_visit),
        "note" => td_string!(l, timeline.group_note),
        "action" => td_string!(l, timeline.group_action),
        "coaching" => td_string!(l, timeline.group_coaching),
        "expert" => td_string!(l, timeline.group_expert),
        _ => td_string!(l, timeline.group_all),
    }
}

/// The headline of an event in words; the body of notes and handovers follows below it.
fn headline(l: Locale, e: &EventView) -> String {
    let (word, rest) = e.body.split_once(' ').unwrap_or((e.body.as_str(), ""));
    let day = |s: &str| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(|d| crate::ui::format_day(l, d))
            .unwrap_or_else(|_| s.to_owned())
    };
    match e.kind.as_str() {
        "scan" => td_string!(l, timeline.ev_scan, round = e.body.as_str()).to_string(),
        "consent" => {
            if e.body.contains("share=true") {
                td_string!(l, timeline.ev_consent_on).to_string()
            } else {
                td_string!(l, timeline.ev_consent_off).to_string()
            }
        }
        "visit" if word == "done" => {
            td_string!(l, timeline.ev_visit_done, date = day(rest)).to_string()
        }
        "visit" => td_string!(l, timeline.ev_visit_planned, date = day(rest)).to_string(),
        "note" if e.shared => td_string!(l, timeline.ev_note_shared).to_string(),
        "note" => td_string!(l, timeline.ev_note).to_string(),
        "action" if word == "done" => {
            td_string!(l, timeline.ev_action_done, action = rest).to_string()
        }
        "action" if word == "reopened" => {
            td_string!(l, timeline.ev_action_reopened, action = rest).to_string()
        }
        "action" => td_string!(l, timeline.ev_action_agreed, action = rest).to_string(),
        "handover" => {
            let line = e.body.lines().next().unwrap_or_default();
            td_string!(l, timeline.ev_handover, who = line).to_string()
        }
        "company" if word == "member-removed" => {
            td_string!(l, timeline.ev_member_removed, name = rest).to_string()
        }
        "company" if word == "lead" => td_string!(
            l,
            timeline.ev_lead,
            expert = e
                .body
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("lead ")
        )
        .to_string(),
        "expert" if word == "contacted" => {
            td_string!(l, timeline.ev_expert_contacted, name = rest).to_string()
        }
        "expert" => td_string!(l, timeline.ev_expert_recommended, name = rest).to_string(),
        "coaching" if word == "-" => {
            td_string!(l, timeline.ev_co_coach_removed, name = rest).to_string()
        }
        "coaching" => td_string!(l, timeline.ev_co_coach_added, name = rest).to_string(),
        _ => e.body.clone(),
    }
}

/// The free text of an event, if it has one (a note, a handover note).
fn detail(e: &EventView) -> Option<String> {
    match e.kind.as_str() {
        "note" => Some(e.body.clone()),
        "handover" => e.body.split_once('\n').map(|(_, note)| note.to_owned()),
        _ => None,
    }
}

/// The timeline as loaded with the company page; `note` (coaching staff only) adds notes.
#[component]
pub fn TimelineSection(
    company_id: CompanyId,
    timeline: Timeline,
    #[prop(optional)] note: Option<ServerAction<AddNote>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let kind = move || query.with(|m| m.get("kind")).unwrap_or_default();
    view! {
        <section aria-labelledby="timeline-title" class="stack" id="timeline">
            <h2 id="timeline-title">{t!(i18n, timeline.title)}</h2>
            {note.map(|note| view! { <NoteForm company_id=company_id note=note/> })}
            <form method="get" action=format!("/companies/{}#timeline", company_id) class="cluster filter-inline">
                <label for="tl-kind">{t!(i18n, timeline.filter)}</label>
                <select id="tl-kind" name="kind">
                    <option value="">{t!(i18n, timeline.group_all)}</option>
                    {move || {
                        let current = kind();
                        GROUPS.iter().map(|g| {
                            let sel = *g == current;
                            view! { <option value=*g selected=sel>{move || group_label(i18n.get_locale(), g)}</option> }
                        }).collect_view()
                    }}
                </select>
                <button type="submit" class="button button--secondary">{t!(i18n, timeline.apply)}</button>
            </form>
            {if timeline.events.items.is_empty() {
                view! { <div class="empty-state">{t!(i18n, timeline.empty)}</div> }.into_any()
            } else {
                view! { <Events t=timeline.clone() company_id=company_id kind=kind()/> }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn NoteForm(company_id: CompanyId, note: ServerAction<AddNote>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_errors(note);
    let saved = move || note.value().get().is_some_and(|r| r.is_ok());
    view! {
        <details class="panel" open=move || error.get().is_some()>
            <summary>{t!(i18n, timeline.add_note)}</summary>
            <ErrorSummary error=error/>
            {move || saved().then(|| view! { <div class="notice notice--success" role="status">{t!(i18n, timeline.note_saved)}</div> })}
            <ActionForm action=note attr:class="form" attr:novalidate=true>
                <input type="hidden" name="company_id" value=company_id.0/>
                <TextAreaField field=Field::NoteText error=error rows=4/>
                <div class="field field--check">
                    <input type="checkbox" id="shared" name="shared" value="on"/>
                    <label for="shared">{t!(i18n, timeline.share_with_entrepreneur)}</label>
                </div>
                <p class="hint">{t!(i18n, timeline.internal_hint)}</p>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, timeline.save_note)}</button>
                </div>
            </ActionForm>
        </details>
    }
}

/// The events of one page, and the links to the others.
#[component]
fn Events(t: Timeline, company_id: CompanyId, kind: String) -> impl IntoView {
    let i18n = use_i18n();
    let pages = t.events.pages();
    let base = if kind.is_empty() {
        format!("/companies/{company_id}?")
    } else {
        format!(
            "/companies/{company_id}?kind={}&",
            crate::layout::encode(&kind)
        )
    };
    view! {
        <ol class="timeline">
            {t.events.items.into_iter().map(|e| {
                let text = detail(&e);
                let ev = e.clone();
                view! {
                    <li class=format!("timeline__item timeline__item--{}", e.kind)>
                        <p class="timeline__head">
                            <strong>{move || headline(i18n.get_locale(), &ev)}</strong>
                            {(t.internal && e.shared && e.kind == "note").then(|| view! { " " <span class="badge">{t!(i18n, timeline.shared_badge)}</span> })}
                        </p>
                        {text.map(|x| view! { <p class="timeline__body">{x}</p> })}
                        <p class="timeline__meta muted">
                            <time datetime=e.occurred_at.to_rfc3339()>{move || format_datetime(i18n.get_locale(), e.occurred_at)}</time>
                            {e.actor.clone().map(|a| view! { " · " {a} })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
        <Pagination page=t.events.page pages=pages total=t.events.total base=base param="tpage" anchor="timeline"
            label=Signal::derive(move || td_string!(i18n.get_locale(), timeline.pages).to_string())/>
    }
}
