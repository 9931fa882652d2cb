//! Form fields with a visible label, an optional hint, the message beside the field, and an
//! error summary at the top that links to each field. Values typed are never cleared on error.
use crate::domain::Field;
use crate::error::{AppError, FormErrors};
use crate::i18n::*;
use crate::messages::{error_text, field_hint, field_label, msg_text};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The form errors of a server action's last result (also after a no-JavaScript round trip).
pub fn action_errors<S, T>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

fn form_errors(e: Signal<Option<AppError>>) -> Signal<Option<FormErrors>> {
    Signal::derive(move || e.get().and_then(|e| e.form_errors().cloned()))
}

/// The summary at the top of a form: a titled list of links to the fields in error, or one
/// sentence for an error that is not about a field.
#[component]
pub fn ErrorSummary(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    // Move focus to the summary when a submission fails, so screen readers announce it and
    // keyboard users start from the list of problems (without JavaScript `autofocus` does it).
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if error.get().is_some()
            && let Some(el) = node.get()
        {
            let _ = el.focus();
        }
    });
    move || {
        let l = i18n.get_locale();
        error.get().map(|e| {
            let items = match &e {
                AppError::Invalid(f) => f
                    .errors
                    .iter()
                    .map(|fe| {
                        let href = format!("#{}", fe.field.id());
                        let text = msg_text(l, &fe.msg, fe.field);
                        view! { <li><a href=href>{text}</a></li> }
                    })
                    .collect_view()
                    .into_any(),
                other => {
                    let text = error_text(l, other);
                    view! { <li>{text}</li> }.into_any()
                }
            };
            view! {
                <div class="error-summary" role="alert" tabindex="-1" autofocus=true aria-labelledby="error-summary-title" node_ref=node>
                    <h2 id="error-summary-title">{t!(i18n, form.error_summary_title)}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// A success or information notice, announced politely to screen readers.
#[component]
pub fn FormNotice(#[prop(into)] text: Signal<Option<String>>) -> impl IntoView {
    move || {
        text.get()
            .map(|t| view! { <div class="notice notice--success" role="status">{t}</div> })
    }
}

#[component]
pub fn TextField(
    field: Field,
    #[prop(into)] error: Signal<Option<AppError>>,
    /// The input's `name`, when it differs from the field id.
    #[prop(optional)]
    name: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(default = false)] required: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// Show the field's hint (the password rules are no help on the login form).
    #[prop(default = true)]
    hint: bool,
    /// Marks the label "(optional)".
    #[prop(default = false)]
    optional: bool,
    /// The element id when one page repeats the form (one per item); defaults to the field id.
    #[prop(optional, into)]
    dom_id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(error);
    let id: String = dom_id.unwrap_or_else(|| field.id().to_owned());
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let secret = input_type == "password";
    let initial = value.unwrap_or_default();
    let message = move || errors.get().and_then(|e| e.message_for(field));
    let current_value = move || {
        if secret {
            return String::new();
        }
        errors
            .get()
            .and_then(|e| e.value_of(field).map(str::to_owned))
            .unwrap_or_else(|| initial.clone())
    };
    let hint_text = move || {
        if hint {
            field_hint(i18n.get_locale(), field)
        } else {
            None
        }
    };
    let has_hint = move || hint_text().is_some();
    let described_by = {
        let hint_id = hint_id.clone();
        let err_id = err_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint() {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--error=move || message().is_some()>
            <label for=id.clone()>
                {move || field_label(i18n.get_locale(), field)}
                {optional.then(|| view! { " " <span class="label-optional">{t!(i18n, form.optional)}</span> })}
            </label>
            {move || hint_text().map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {move || message().map(|m| view! {
                <p class="field-error" id=err_id.clone()>
                    <span class="visually-hidden">{t!(i18n, form.error_prefix)}</span>
                    {msg_text(i18n.get_locale(), &m, field)}
                </p>
            })}
            <input
                id=id
                name=name.unwrap_or(field.id())
                type=input_type
                value=current_value
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}

#[component]
pub fn SelectField(
    field: Field,
    #[prop(into)] error: Signal<Option<AppError>>,
    /// `(value, label)` pairs, in the current language.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(optional)] name: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    /// Adds an empty first choice ("choose ...").
    #[prop(default = false)]
    with_empty: bool,
    #[prop(default = false)] optional: bool,
    /// The element id when one page repeats the form (one per item); defaults to the field id.
    #[prop(optional, into)]
    dom_id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(error);
    let id: String = dom_id.unwrap_or_else(|| field.id().to_owned());
    let err_id = format!("{id}-error");
    let initial = value.unwrap_or_default();
    let message = move || errors.get().and_then(|e| e.message_for(field));
    let selected = move || {
        errors
            .get()
            .and_then(|e| e.value_of(field).map(str::to_owned))
            .unwrap_or_else(|| initial.clone())
    };
    view! {
        <div class="field" class:field--error=move || message().is_some()>
            <label for=id.clone()>
                {move || field_label(i18n.get_locale(), field)}
                {optional.then(|| view! { " " <span class="label-optional">{t!(i18n, form.optional)}</span> })}
            </label>
            {move || field_hint(i18n.get_locale(), field).map(|h| view! { <div class="hint">{h}</div> })}
            {move || message().map(|m| view! {
                <p class="field-error" id=err_id.clone()>{msg_text(i18n.get_locale(), &m, field)}</p>
            })}
            <select id=id name=name.unwrap_or(field.id()) aria-invalid=move || message().is_some().then_some("true")>
                {move || with_empty.then(|| view! { <option value="">{t!(i18n, form.choose)}</option> })}
                {move || {
                    let sel = selected();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, label)| {
                            let is_sel = v == sel;
                            view! { <option value=v selected=is_sel>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A multi-line text field with the same label, hint and error handling as `TextField`.
#[component]
pub fn TextAreaField(
    field: Field,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = 10)] rows: u32,
    /// The textarea's `name`, when it differs from the field id.
    #[prop(optional)]
    name: Option<&'static str>,
    /// The text already stored (a kept value after an error wins).
    #[prop(optional, into)]
    value: Option<String>,
    #[prop(default = false)] optional: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(error);
    let id = field.id();
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-error");
    let message = move || errors.get().and_then(|e| e.message_for(field));
    let initial = value.unwrap_or_default();
    let kept = move || {
        errors
            .get()
            .and_then(|e| e.value_of(field).map(str::to_owned))
            .unwrap_or_else(|| initial.clone())
    };
    let kept_prop = kept.clone();
    view! {
        <div class="field" class:field--error=move || message().is_some()>
            <label for=id>
                {move || field_label(i18n.get_locale(), field)}
                {optional.then(|| view! { " " <span class="label-optional">{t!(i18n, form.optional)}</span> })}
            </label>
            {move || field_hint(i18n.get_locale(), field).map(|h| view! { <div class="hint" id=hint_id.clone()>{h}</div> })}
            {move || message().map(|m| view! { <p class="field-error" id=err_id.clone()>{msg_text(i18n.get_locale(), &m, field)}</p> })}
            <textarea id=id name=name.unwrap_or(id) rows=rows aria-invalid=move || message().is_some().then_some("true") prop:value=kept_prop>{kept}</textarea>
        </div>
    }
}
