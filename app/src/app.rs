//! The application root: the HTML shell, the i18n and auth contexts, and the routes.
use crate::auth::{Logout, SetLanguage, me};
use crate::i18n::*;
use crate::layout::{Footer, Header, NotFound};
use crate::routes::*;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::{
    Lazy, SsrMode,
    components::{Route, Router, Routes},
    path,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::send_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options=options.clone()/>
                <MetaTags/>
                <HashedStylesheet options id="leptos"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The signed-in user and the actions that change it, shared by every page.
#[derive(Clone, Copy)]
pub struct AuthContext {
    pub user: Resource<Result<Option<crate::auth::CurrentUser>, crate::AppError>>,
    pub logout: ServerAction<Logout>,
    pub set_language: ServerAction<SetLanguage>,
    /// Bumped when a page signs someone in, so the user is fetched again.
    pub signed_in: RwSignal<u32>,
}

impl AuthContext {
    /// Call after a successful sign-in (login, or choosing a password through a link).
    pub fn refresh(&self) {
        self.signed_in.update(|n| *n += 1);
    }
}

pub fn use_auth() -> AuthContext {
    expect_context::<AuthContext>()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Dutch by default whatever the browser sends: the server reads only our own language
    // cookie (see `ssr::request_lang`), never Accept-Language; the browser takes the language
    // the server rendered (`<html lang>`).
    let header_getter =
        leptos_i18n::context::UseLocalesOptions::default().ssr_lang_header_getter(|| {
            #[cfg(feature = "ssr")]
            {
                Some(crate::ssr::request_lang().as_str().to_owned())
            }
            #[cfg(not(feature = "ssr"))]
            {
                None
            }
        });
    #[cfg(feature = "ssr")]
    crate::ssr::settle_spawned_tasks();
    view! {
        <I18nContextProvider enable_cookie=false ssr_lang_header_getter=header_getter>
            <Router>
                <AppShell/>
            </Router>
        </I18nContextProvider>
    }
}

/// Everything inside the router. Actions whose errors must survive a form post without
/// JavaScript are created by their pages, inside `<Routes>`, which hands such errors back.
#[component]
fn AppShell() -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let set_language = ServerAction::<SetLanguage>::new();
    let signed_in = RwSignal::new(0u32);
    let user = Resource::new(move || (signed_in.get(), logout.version().get()), |_| me());
    provide_context(AuthContext {
        user,
        logout,
        set_language,
        signed_in,
    });

    // Tests (and impatient people) can see when the page has become interactive.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Header/>
        <main id="main" class="container" tabindex="-1">
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/login") view={Lazy::<LoginRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/login/code") view={Lazy::<LoginCodeRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/account/two-factor") view={Lazy::<TwoFactorRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/account/erase") view={Lazy::<EraseAccountRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/shares") view={Lazy::<SharesRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/forgot-password") view={Lazy::<ForgotPasswordRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/reset-password/:token") view={Lazy::<ResetPasswordRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/invitation/:token") view={Lazy::<InvitationRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/companies") view={Lazy::<CompaniesRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/companies/new") view={Lazy::<NewCompanyRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id") view={Lazy::<CompanyRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id/scans") view={Lazy::<ScanHistoryRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id/profile") view={Lazy::<CompanyProfileRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id/erase") view={Lazy::<EraseCompanyRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id") view={Lazy::<ScanResultRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id/step/:step") view={Lazy::<ScanStepRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id/review") view={Lazy::<ScanReviewRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id/coach") view={Lazy::<CoachReviewRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/caseload") view={Lazy::<CaseloadRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/actions") view={Lazy::<ActionsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/visits/:id") view={Lazy::<VisitRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/visits/:id/brief") view={Lazy::<VisitBriefRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/t-profile") view={Lazy::<TProfileRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/handover") view={Lazy::<BulkHandoverRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/experts") view={Lazy::<ExpertDirectoryRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/experts/:id") view={Lazy::<ExpertRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/expert-profile") view={Lazy::<OwnExpertProfileRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/my-engagements") view={Lazy::<MyEngagementsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/leads") view={Lazy::<LeadInboxRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/my-leads") view={Lazy::<MyLeadsRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view={Lazy::<AdminUsersRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/users/invite") view={Lazy::<InviteStaffRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/users/:id/erase") view={Lazy::<ErasePersonRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/outbox") view={Lazy::<OutboxRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/outbox/:id") view={Lazy::<OutboxMessageRoute>::new()} ssr=SsrMode::Async/>
                <Route path=path!("/admin/organisations") view={Lazy::<OrganisationsRoute>::new()} ssr=SsrMode::Async/>
            </Routes>
        </main>
        <Footer/>
    }
}
