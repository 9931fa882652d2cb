//! The app's pages as lazily loaded routes. The pages are grouped by who uses them together,
//! and each group is one lazily loaded wasm split (cargo-leptos `--split`): the browser
//! downloads only the groups it opens, so the first load of the login page carries neither
//! the coach workspace nor the admin screens. One split per group rather than per page keeps
//! the number of shared chunks (and so of requests on a slow line) small. On the server
//! nothing changes: every page is rendered in full.
use crate::admin::{
    AdminUsersPage, InviteStaffPage, OrganisationsPage, OutboxMessagePage, OutboxPage,
};
use crate::audit::AuditPage;
use crate::auth::two_factor::{LoginCodePage, TwoFactorPage};
use crate::auth::{ForgotPasswordPage, LinkPurpose, LoginPage, SetPasswordPage};
use crate::coach::{
    ActionsPage, BulkHandoverPage, CaseloadPage, CoachReviewPage, TProfilePage, VisitBriefPage,
    VisitPage,
};
use crate::companies::{CompaniesPage, CompanyPage, CompanyProfilePage, NewCompanyPage};
use crate::erasure::{ErasePage, ErasureKind};
use crate::experts::{ExpertDirectoryPage, ExpertPage, MyEngagementsPage, OwnExpertProfilePage};
use crate::home::HomePage;
use crate::leads::{LeadInboxPage, MyLeadsPage};
use crate::scan::{ScanHistoryPage, ScanResultPage, ScanReviewPage, ScanStepPage};
use crate::shares::SharesPage;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// Every page of the app. A plain `repr(u8)` value, as it crosses into a lazily loaded split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Page {
    Login,
    LoginCode,
    TwoFactor,
    ForgotPassword,
    ResetPassword,
    Invitation,
    Home,
    ScanStep,
    ScanReview,
    ScanResult,
    ScanHistory,
    CompanyProfile,
    Companies,
    Company,
    NewCompany,
    Caseload,
    Actions,
    Visit,
    VisitBrief,
    TProfile,
    BulkHandover,
    CoachReview,
    ExpertDirectory,
    Expert,
    OwnExpertProfile,
    MyEngagements,
    LeadInbox,
    MyLeads,
    AdminUsers,
    InviteStaff,
    Outbox,
    OutboxMessage,
    Organisations,
    Audit,
    EraseAccount,
    ErasePerson,
    EraseCompany,
    Shares,
}

/// Signing in (with the second factor's code), a forgotten password, and the links in
/// invitation and reset e-mails.
#[leptos::lazy]
fn sign_in_pages(page: Page) -> AnyView {
    match page {
        Page::LoginCode => view! { <LoginCodePage/> }.into_any(),
        Page::ForgotPassword => view! { <ForgotPasswordPage/> }.into_any(),
        Page::ResetPassword => view! { <SetPasswordPage purpose=LinkPurpose::Reset/> }.into_any(),
        Page::Invitation => view! { <SetPasswordPage purpose=LinkPurpose::Invite/> }.into_any(),
        _ => view! { <LoginPage/> }.into_any(),
    }
}

/// The account's second factor: setting it up (QR code, recovery codes), new codes, turning
/// it off. Its own split: the login page's first load does not carry it.
#[leptos::lazy]
fn account_pages(_page: Page) -> AnyView {
    view! { <TwoFactorPage/> }.into_any()
}

/// The home page of every role (the entrepreneur's portal, the coach's overview, ...).
#[leptos::lazy]
fn home_pages(_page: Page) -> AnyView {
    view! { <HomePage/> }.into_any()
}

/// The scan as the entrepreneur fills it in: the company profile, the steps and the review.
#[leptos::lazy]
fn scan_pages(page: Page) -> AnyView {
    match page {
        Page::ScanReview => view! { <ScanReviewPage/> }.into_any(),
        Page::CompanyProfile => view! { <CompanyProfilePage/> }.into_any(),
        _ => view! { <ScanStepPage/> }.into_any(),
    }
}

/// A scan's results (with the radar chart) and the history over rounds.
#[leptos::lazy]
fn scan_result_pages(page: Page) -> AnyView {
    match page {
        Page::ScanHistory => view! { <ScanHistoryPage/> }.into_any(),
        _ => view! { <ScanResultPage/> }.into_any(),
    }
}

/// Companies: the list, the company page (portal and dossier) and a new company.
#[leptos::lazy]
fn company_pages(page: Page) -> AnyView {
    match page {
        Page::Companies => view! { <CompaniesPage/> }.into_any(),
        Page::NewCompany => view! { <NewCompanyPage/> }.into_any(),
        _ => view! { <CompanyPage/> }.into_any(),
    }
}

/// The coach's workspace.
#[leptos::lazy]
fn workspace_pages(page: Page) -> AnyView {
    match page {
        Page::Actions => view! { <ActionsPage/> }.into_any(),
        Page::Visit => view! { <VisitPage/> }.into_any(),
        Page::VisitBrief => view! { <VisitBriefPage/> }.into_any(),
        Page::TProfile => view! { <TProfilePage/> }.into_any(),
        Page::BulkHandover => view! { <BulkHandoverPage/> }.into_any(),
        Page::CoachReview => view! { <CoachReviewPage/> }.into_any(),
        _ => view! { <CaseloadPage/> }.into_any(),
    }
}

/// Experts, engagements and leads.
#[leptos::lazy]
fn expert_pages(page: Page) -> AnyView {
    match page {
        Page::Expert => view! { <ExpertPage/> }.into_any(),
        Page::OwnExpertProfile => view! { <OwnExpertProfilePage/> }.into_any(),
        Page::MyEngagements => view! { <MyEngagementsPage/> }.into_any(),
        Page::LeadInbox => view! { <LeadInboxPage/> }.into_any(),
        Page::MyLeads => view! { <MyLeadsPage/> }.into_any(),
        Page::Shares => view! { <SharesPage/> }.into_any(),
        _ => view! { <ExpertDirectoryPage/> }.into_any(),
    }
}

/// The admin screens, the audit trail (of a company, or of a person) and the erasure pages:
/// lists that share their parts, and pages entrepreneurs open rarely (a split of its own
/// moved shared code into the main module).
#[leptos::lazy]
fn admin_pages(page: Page) -> AnyView {
    match page {
        Page::Audit => view! { <AuditPage/> }.into_any(),
        Page::InviteStaff => view! { <InviteStaffPage/> }.into_any(),
        Page::Outbox => view! { <OutboxPage/> }.into_any(),
        Page::OutboxMessage => view! { <OutboxMessagePage/> }.into_any(),
        Page::Organisations => view! { <OrganisationsPage/> }.into_any(),
        Page::EraseAccount => view! { <ErasePage kind=ErasureKind::Myself/> }.into_any(),
        Page::ErasePerson => view! { <ErasePage kind=ErasureKind::Person/> }.into_any(),
        Page::EraseCompany => view! { <ErasePage kind=ErasureKind::Company/> }.into_any(),
        _ => view! { <AdminUsersPage/> }.into_any(),
    }
}

/// One lazily loaded route per page: its view comes from its group's split, which the router
/// loads (`preload`) before it navigates or hydrates. The pages load their own data (their
/// resources start when the view runs), so a route's `data` is empty.
macro_rules! lazy_pages {
    ($($route:ident => $group:ident / $preload:ident ($page:expr);)*) => {$(
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                $group($page).await
            }

            async fn preload() {
                // The split's loader exists only in the browser build.
                #[cfg(target_arch = "wasm32")]
                $preload().await;
            }
        }
    )*};
}

lazy_pages! {
    LoginRoute => sign_in_pages / __preload_sign_in_pages (Page::Login);
    LoginCodeRoute => sign_in_pages / __preload_sign_in_pages (Page::LoginCode);
    TwoFactorRoute => account_pages / __preload_account_pages (Page::TwoFactor);
    ForgotPasswordRoute => sign_in_pages / __preload_sign_in_pages (Page::ForgotPassword);
    ResetPasswordRoute => sign_in_pages / __preload_sign_in_pages (Page::ResetPassword);
    InvitationRoute => sign_in_pages / __preload_sign_in_pages (Page::Invitation);
    HomeRoute => home_pages / __preload_home_pages (Page::Home);
    ScanStepRoute => scan_pages / __preload_scan_pages (Page::ScanStep);
    ScanReviewRoute => scan_pages / __preload_scan_pages (Page::ScanReview);
    ScanResultRoute => scan_result_pages / __preload_scan_result_pages (Page::ScanResult);
    ScanHistoryRoute => scan_result_pages / __preload_scan_result_pages (Page::ScanHistory);
    CompanyProfileRoute => scan_pages / __preload_scan_pages (Page::CompanyProfile);
    CompaniesRoute => company_pages / __preload_company_pages (Page::Companies);
    CompanyRoute => company_pages / __preload_company_pages (Page::Company);
    NewCompanyRoute => company_pages / __preload_company_pages (Page::NewCompany);
    AuditRoute => admin_pages / __preload_admin_pages (Page::Audit);
    CaseloadRoute => workspace_pages / __preload_workspace_pages (Page::Caseload);
    ActionsRoute => workspace_pages / __preload_workspace_pages (Page::Actions);
    VisitRoute => workspace_pages / __preload_workspace_pages (Page::Visit);
    VisitBriefRoute => workspace_pages / __preload_workspace_pages (Page::VisitBrief);
    TProfileRoute => workspace_pages / __preload_workspace_pages (Page::TProfile);
    BulkHandoverRoute => workspace_pages / __preload_workspace_pages (Page::BulkHandover);
    CoachReviewRoute => workspace_pages / __preload_workspace_pages (Page::CoachReview);
    ExpertDirectoryRoute => expert_pages / __preload_expert_pages (Page::ExpertDirectory);
    ExpertRoute => expert_pages / __preload_expert_pages (Page::Expert);
    OwnExpertProfileRoute => expert_pages / __preload_expert_pages (Page::OwnExpertProfile);
    MyEngagementsRoute => expert_pages / __preload_expert_pages (Page::MyEngagements);
    LeadInboxRoute => expert_pages / __preload_expert_pages (Page::LeadInbox);
    MyLeadsRoute => expert_pages / __preload_expert_pages (Page::MyLeads);
    SharesRoute => expert_pages / __preload_expert_pages (Page::Shares);
    AdminUsersRoute => admin_pages / __preload_admin_pages (Page::AdminUsers);
    InviteStaffRoute => admin_pages / __preload_admin_pages (Page::InviteStaff);
    OutboxRoute => admin_pages / __preload_admin_pages (Page::Outbox);
    OutboxMessageRoute => admin_pages / __preload_admin_pages (Page::OutboxMessage);
    OrganisationsRoute => admin_pages / __preload_admin_pages (Page::Organisations);
    EraseAccountRoute => admin_pages / __preload_admin_pages (Page::EraseAccount);
    ErasePersonRoute => admin_pages / __preload_admin_pages (Page::ErasePerson);
    EraseCompanyRoute => admin_pages / __preload_admin_pages (Page::EraseCompany);
}
