//! Header, navigation by role, language switch, user menu and footer.
use crate::app::use_auth;
use crate::auth::CurrentUser;
use crate::auth::two_factor::ACCOUNT_PATH;
use crate::domain::{Lang, Role};
use crate::i18n::*;
use crate::messages::role_label;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, layout.skip_link)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">"Datacoach"</a>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let user = auth.user.await.ok().flatten();
                        view! {
                            // Until a required second factor is set up, nothing else is open.
                            {user.clone().filter(|u| !u.must_enrol).map(|u| view! { <MainNav user=u/> })}
                            <div class="header-tools">
                                <LangSwitch/>
                                {user.map(|u| view! { <UserMenu user=u/> })}
                            </div>
                        }
                    })}
                </Transition>
            </div>
        </header>
    }
}

/// The role's menu: one line of links on wide screens; on a phone one "Menu" button that opens
/// the same links (a `<details>`, so it works without JavaScript). Both are in one landmark;
/// CSS shows one of them, so a screen reader meets one list.
#[component]
fn MainNav(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let compact = NodeRef::<leptos::html::Details>::new();
    close_on_navigation(compact);
    view! {
        <nav class="main-nav" aria-label=move || td_string!(i18n.get_locale(), nav.label)>
            <ul class="main-nav__wide">{nav_links(&user)}</ul>
            <details class="main-nav__compact" node_ref=compact>
                <summary class="main-nav__button">{t!(i18n, nav.menu)}</summary>
                <ul>{nav_links(&user)}</ul>
            </details>
        </nav>
    }
}

/// With JavaScript, a menu opened on a phone closes when a link in it was followed (the page
/// changes in place, the header stays).
fn close_on_navigation(menu: NodeRef<leptos::html::Details>) {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let _ = location.pathname.get();
        if let Some(el) = menu.get_untracked() {
            let _ = el.remove_attribute("open");
        }
    });
}

/// The links a role has, most used first.
fn nav_links(user: &CurrentUser) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let role = user.role;
    let companies_label = move || match role {
        Role::Entrepreneur => td_string!(i18n.get_locale(), nav.my_companies),
        _ => td_string!(i18n.get_locale(), nav.companies),
    };
    let sees_companies = role != Role::Expert;
    let admin = role == Role::Admin;
    let staff = role.is_coaching_staff();
    let manager = role == Role::ProgrammeManager;
    let expert = role == Role::Expert;
    view! {
        <li><A href="/" exact=true>{t!(i18n, nav.home)}</A></li>
        {staff.then(|| view! {
            <li><A href="/caseload">{t!(i18n, nav.caseload)}</A></li>
            <li><A href="/actions">{t!(i18n, nav.actions)}</A></li>
        })}
        {sees_companies.then(|| view! { <li><A href="/companies">{companies_label}</A></li> })}
        {(staff || admin).then(|| view! { <li><A href="/experts">{t!(i18n, nav.experts)}</A></li> })}
        {staff.then(|| view! { <li><A href="/leads">{t!(i18n, nav.leads)}</A></li> })}
        {staff.then(|| view! { <li><A href="/t-profile">{t!(i18n, nav.t_profile)}</A></li> })}
        {expert.then(|| view! { <li><A href="/expert-profile">{t!(i18n, nav.expert_profile)}</A></li> })}
        {expert.then(|| view! { <li><A href="/my-engagements">{t!(i18n, nav.engagements)}</A></li> })}
        {expert.then(|| view! { <li><A href="/my-leads">{t!(i18n, nav.my_leads)}</A></li> })}
        {manager.then(|| view! { <li><A href="/handover">{t!(i18n, nav.handover)}</A></li> })}
        {admin.then(|| view! {
            <li><A href="/admin/users">{t!(i18n, nav.users)}</A></li>
            <li><A href="/admin/organisations">{t!(i18n, nav.organisations)}</A></li>
            <li><A href="/admin/outbox">{t!(i18n, nav.outbox)}</A></li>
        })}
    }
}

/// One button to the other language. Works without JavaScript (a form post that sets the
/// cookie and comes back); with JavaScript the page switches in place.
#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let other = move || match Lang::from_locale(i18n.get_locale()) {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    // After the server remembered the choice, switch the page's language without a reload.
    Effect::new(move |_| {
        if let Some(Ok(())) = auth.set_language.value().get() {
            let target = match Lang::from_locale(i18n.get_locale_untracked()) {
                Lang::Nl => Lang::En,
                Lang::En => Lang::Nl,
            };
            i18n.set_locale(target.locale());
        }
    });
    view! {
        <ActionForm action=auth.set_language attr:class="lang-switch">
            <input type="hidden" name="lang" value=move || other().as_str()/>
            <button type="submit" class="link-button" lang=move || other().as_str()>
                {move || match other() {
                    Lang::En => "English",
                    Lang::Nl => "Nederlands",
                }}
            </button>
        </ActionForm>
    }
}

/// The signed-in person: their name opens the account links and "log out" (a `<details>`,
/// so it works without JavaScript).
#[component]
fn UserMenu(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let role = user.role;
    let menu = NodeRef::<leptos::html::Details>::new();
    close_on_navigation(menu);
    view! {
        <details class="user-menu" node_ref=menu>
            <summary class="user-menu__name">
                {user.name.clone()}
                <span class="visually-hidden">" ("{move || role_label(i18n.get_locale(), role)}")"</span>
            </summary>
            <div class="user-menu__panel">
                <p class="user-menu__role">{move || role_label(i18n.get_locale(), role)}</p>
                {role.may_use_second_factor().then(|| view! {
                    <a href=ACCOUNT_PATH class="user-menu__link">{t!(i18n, two_factor.menu)}</a>
                })}
                <ActionForm action=auth.logout>
                    <button type="submit" class="link-button">{t!(i18n, layout.logout)}</button>
                </ActionForm>
            </div>
        </details>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{t!(i18n, layout.footer)}</p>
            </div>
        </footer>
    }
}
