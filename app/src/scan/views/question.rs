//! One question of a step as plain form controls. They post with the step form (no
//! JavaScript) and, with JavaScript, every change is read back from the fieldset and saved.
use super::text::tr;
use crate::i18n::*;
use crate::scan::form::NONE;
#[cfg(feature = "hydrate")]
use crate::scan::form::read_question;
use crate::scan::{Question, QuestionKind, Questionnaire};
use leptos::prelude::*;
use serde_json::Value;

/// Saves one question's answer (`None`: the question is open again).
pub type Saver = Callback<(String, Option<Value>)>;

fn has(v: Option<&Value>, id: &str) -> bool {
    v.and_then(Value::as_array)
        .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(id)))
}

/// Reads the name/value pairs of the controls inside `root`, the way a form post sends them.
#[cfg(feature = "hydrate")]
fn control_pairs(root: &web_sys::Element) -> Vec<(String, String)> {
    use leptos::wasm_bindgen::JsCast;
    let mut out = Vec::new();
    let Ok(list) = root.query_selector_all("input, select") else {
        return out;
    };
    for i in 0..list.length() {
        let Some(node) = list.item(i) else { continue };
        if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            let kind = input.type_();
            if (kind == "checkbox" || kind == "radio") && !input.checked() {
                continue;
            }
            out.push((input.name(), input.value()));
        } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
            out.push((select.name(), select.value()));
        }
    }
    out
}

#[component]
pub fn QuestionField(
    questionnaire: Questionnaire,
    question: Question,
    /// The confirmed answer, else the previous round's answer offered for confirmation.
    value: Option<Value>,
    prefilled: bool,
    saver: Saver,
) -> impl IntoView {
    let i18n = use_i18n();
    let qid = question.id.clone();
    let on_change = {
        let question = question.clone();
        move |_ev: leptos::ev::Event| {
            #[cfg(feature = "hydrate")]
            {
                use leptos::wasm_bindgen::JsCast;
                if let Some(root) = _ev
                    .current_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let pairs = control_pairs(&root);
                    saver.run((question.id.clone(), read_question(&question, &pairs)));
                }
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&question, saver);
        }
    };
    let text = (question.nl.clone(), question.en.clone());
    let controls = controls(&questionnaire, &question, value.as_ref());
    view! {
        <fieldset class="question" id=qid.clone() on:change=on_change>
            <legend>{move || tr(i18n.get_locale(), &text.0, &text.1).to_owned()}</legend>
            {prefilled.then(|| view! { <p class="hint">{t!(i18n, scan.prefilled_hint)}</p> })}
            <input type="hidden" name="shown" value=qid.clone()/>
            {controls}
        </fieldset>
    }
}

fn controls(q: &Questionnaire, question: &Question, value: Option<&Value>) -> AnyView {
    match question.kind {
        QuestionKind::Multi => multi(question, value),
        QuestionKind::Grid2 => grid2(q, question, value),
        QuestionKind::Scale05 | QuestionKind::Tri => rows(q, question, value),
    }
}

fn none_box(question: &Question, checked: bool) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let id = format!("{}-none", question.id);
    let name = question.id.clone();
    view! {
        <div class="choice choice--none">
            <input type="checkbox" id=id.clone() name=name value=NONE checked=checked/>
            <label for=id>{t!(i18n, scan.none_of_these)}</label>
        </div>
    }
}

fn multi(question: &Question, value: Option<&Value>) -> AnyView {
    let i18n = use_i18n();
    let empty_answer = value
        .and_then(Value::as_array)
        .is_some_and(|a| a.is_empty());
    let options = question
        .options
        .iter()
        .map(|o| {
            let id = format!("{}-{}", question.id, o.id);
            let text = (o.nl.clone(), o.en.clone());
            view! {
                <div class="choice">
                    <input type="checkbox" id=id.clone() name=question.id.clone() value=o.id.clone() checked=has(value, &o.id)/>
                    <label for=id>{move || tr(i18n.get_locale(), &text.0, &text.1).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="choices">{options}{none_box(question, empty_answer)}</div>
    }
    .into_any()
}

fn grid2(q: &Questionnaire, question: &Question, value: Option<&Value>) -> AnyView {
    let i18n = use_i18n();
    let cols: Vec<(String, String, String)> = q
        .grid2_columns
        .iter()
        .map(|c| (c.id.clone(), c.nl.clone(), c.en.clone()))
        .collect();
    let invested = value.map(|v| v["invested"].clone());
    let planned = value.map(|v| v["planned"].clone());
    let empty = value.is_some_and(|v| has_none(&v["invested"]) && has_none(&v["planned"]));
    let head = cols.clone();
    let rows = question
        .rows
        .iter()
        .map(|r| {
            let text = (r.nl.clone(), r.en.clone());
            let cells = cols
                .iter()
                .map(|(cid, cnl, cen)| {
                    let checked = match cid.as_str() {
                        "invested" => has(invested.as_ref(), &r.id),
                        _ => has(planned.as_ref(), &r.id),
                    };
                    let label = (r.nl.clone(), r.en.clone(), cnl.clone(), cen.clone());
                    view! {
                        <td>
                            <input type="checkbox" name=format!("{}.{cid}", question.id) value=r.id.clone() checked=checked
                                aria-label=move || format!("{}: {}", tr(i18n.get_locale(), &label.0, &label.1), tr(i18n.get_locale(), &label.2, &label.3))/>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{move || tr(i18n.get_locale(), &text.0, &text.1).to_owned()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table grid2">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, scan.area)}</span></th>
                        {head.into_iter().map(|(_, nl, en)| view! { <th scope="col">{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {none_box(question, empty)}
    }
    .into_any()
}

fn has_none(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.is_empty())
}

fn rows(q: &Questionnaire, question: &Question, value: Option<&Value>) -> AnyView {
    let i18n = use_i18n();
    let choices: Vec<(String, String, String)> = match question.kind {
        QuestionKind::Scale05 => q
            .scale05_labels
            .iter()
            .map(|s| {
                (
                    s.value.to_string(),
                    format!("{} - {}", s.value, s.nl),
                    format!("{} - {}", s.value, s.en),
                )
            })
            .collect(),
        _ => q
            .tri_labels
            .iter()
            .map(|t| (t.id.clone(), t.nl.clone(), t.en.clone()))
            .collect(),
    };
    question
        .rows
        .iter()
        .map(|r| {
            let id = format!("{}-{}", question.id, r.id);
            let current = value.and_then(|v| v.get(&r.id)).map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string()));
            let text = (r.nl.clone(), r.en.clone());
            let options = choices.clone();
            view! {
                <div class="field field--row">
                    <label for=id.clone()>{move || tr(i18n.get_locale(), &text.0, &text.1).to_owned()}</label>
                    <select id=id name=format!("{}.{}", question.id, r.id)>
                        <option value="" selected=current.is_none()>{t!(i18n, form.choose)}</option>
                        {options.into_iter().map(|(v, nl, en)| {
                            let sel = current.as_deref() == Some(v.as_str());
                            view! { <option value=v selected=sel>{move || tr(i18n.get_locale(), &nl, &en).to_owned()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view()
        .into_any()
}
