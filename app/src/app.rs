//! The application root: the HTML shell, the i18n and auth contexts, and the routes.
use crate::admin::{
    AdminUsersPage, InviteStaffPage, OrganisationsPage, OutboxMessagePage, OutboxPage,
};
use crate::auth::{
    ForgotPasswordPage, LinkPurpose, LoginPage, Logout, SetLanguage, SetPasswordPage, me,
};
use crate::coach::{
    ActionsPage, BulkHandoverPage, CaseloadPage, CoachReviewPage, TProfilePage, VisitBriefPage,
    VisitPage,
};
use crate::companies::{CompaniesPage, CompanyPage, CompanyProfilePage, NewCompanyPage};
use crate::experts::{ExpertDirectoryPage, ExpertPage, MyEngagementsPage, OwnExpertProfilePage};
use crate::home::HomePage;
use crate::i18n::*;
use crate::layout::{Footer, Header, NotFound};
use crate::leads::{LeadInboxPage, MyLeadsPage};
use crate::scan::{ScanHistoryPage, ScanResultPage, ScanReviewPage, ScanStepPage};
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
                <link rel="stylesheet" id="leptos" href="/pkg/datacoach.css"/>
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
    // cookie (see `ssr::request_lang`), never Accept-Language.
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
                <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                <Route path=path!("/reset-password/:token") view=|| view! { <SetPasswordPage purpose=LinkPurpose::Reset/> } ssr=SsrMode::Async/>
                <Route path=path!("/invitation/:token") view=|| view! { <SetPasswordPage purpose=LinkPurpose::Invite/> } ssr=SsrMode::Async/>
                <Route path=path!("/companies") view=CompaniesPage ssr=SsrMode::Async/>
                <Route path=path!("/companies/new") view=NewCompanyPage ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id") view=CompanyPage ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id/scans") view=ScanHistoryPage ssr=SsrMode::Async/>
                <Route path=path!("/companies/:id/profile") view=CompanyProfilePage ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id") view=ScanResultPage ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id/step/:step") view=ScanStepPage ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id/review") view=ScanReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/scans/:id/coach") view=CoachReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/caseload") view=CaseloadPage ssr=SsrMode::Async/>
                <Route path=path!("/actions") view=ActionsPage ssr=SsrMode::Async/>
                <Route path=path!("/visits/:id") view=VisitPage ssr=SsrMode::Async/>
                <Route path=path!("/visits/:id/brief") view=VisitBriefPage ssr=SsrMode::Async/>
                <Route path=path!("/t-profile") view=TProfilePage ssr=SsrMode::Async/>
                <Route path=path!("/handover") view=BulkHandoverPage ssr=SsrMode::Async/>
                <Route path=path!("/experts") view=ExpertDirectoryPage ssr=SsrMode::Async/>
                <Route path=path!("/experts/:id") view=ExpertPage ssr=SsrMode::Async/>
                <Route path=path!("/expert-profile") view=OwnExpertProfilePage ssr=SsrMode::Async/>
                <Route path=path!("/my-engagements") view=MyEngagementsPage ssr=SsrMode::Async/>
                <Route path=path!("/leads") view=LeadInboxPage ssr=SsrMode::Async/>
                <Route path=path!("/my-leads") view=MyLeadsPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/users/invite") view=InviteStaffPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/outbox") view=OutboxPage ssr=SsrMode::Async/>
                <Route path=path!("/admin/outbox/:id") view=OutboxMessagePage ssr=SsrMode::Async/>
                <Route path=path!("/admin/organisations") view=OrganisationsPage ssr=SsrMode::Async/>
            </Routes>
        </main>
        <Footer/>
    }
}
