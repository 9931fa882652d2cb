//! The app's pages as lazily loaded routes. Each page's view code is its own wasm chunk
//! (cargo-leptos `--split`), so the browser downloads only the pages it opens: the first load
//! of the login page does not carry the coach workspace or the admin screens. On the server
//! nothing changes: every page is rendered in full.
use crate::admin::{
    AdminUsersPage, InviteStaffPage, OrganisationsPage, OutboxMessagePage, OutboxPage,
};
use crate::auth::{ForgotPasswordPage, LinkPurpose, LoginPage, SetPasswordPage};
use crate::coach::{
    ActionsPage, BulkHandoverPage, CaseloadPage, CoachReviewPage, TProfilePage, VisitBriefPage,
    VisitPage,
};
use crate::companies::{CompaniesPage, CompanyPage, CompanyProfilePage, NewCompanyPage};
use crate::experts::{ExpertDirectoryPage, ExpertPage, MyEngagementsPage, OwnExpertProfilePage};
use crate::home::HomePage;
use crate::leads::{LeadInboxPage, MyLeadsPage};
use crate::scan::{ScanHistoryPage, ScanResultPage, ScanReviewPage, ScanStepPage};
use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// One lazily loaded route per page. The pages load their own data (their resources start
/// when the view runs), so a route's `data` is empty and its view is the page component.
macro_rules! lazy_pages {
    ($($route:ident => $page:expr;)*) => {$(
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                $page.into_any()
            }
        }
    )*};
}

lazy_pages! {
HomeRoute => view! { <HomePage/> };
LoginRoute => view! { <LoginPage/> };
ForgotPasswordRoute => view! { <ForgotPasswordPage/> };
ResetPasswordRoute => view! { <SetPasswordPage purpose=LinkPurpose::Reset/> };
InvitationRoute => view! { <SetPasswordPage purpose=LinkPurpose::Invite/> };
CompaniesRoute => view! { <CompaniesPage/> };
NewCompanyRoute => view! { <NewCompanyPage/> };
CompanyRoute => view! { <CompanyPage/> };
ScanHistoryRoute => view! { <ScanHistoryPage/> };
CompanyProfileRoute => view! { <CompanyProfilePage/> };
ScanResultRoute => view! { <ScanResultPage/> };
ScanStepRoute => view! { <ScanStepPage/> };
ScanReviewRoute => view! { <ScanReviewPage/> };
CoachReviewRoute => view! { <CoachReviewPage/> };
CaseloadRoute => view! { <CaseloadPage/> };
ActionsRoute => view! { <ActionsPage/> };
VisitRoute => view! { <VisitPage/> };
VisitBriefRoute => view! { <VisitBriefPage/> };
TProfileRoute => view! { <TProfilePage/> };
BulkHandoverRoute => view! { <BulkHandoverPage/> };
ExpertDirectoryRoute => view! { <ExpertDirectoryPage/> };
ExpertRoute => view! { <ExpertPage/> };
OwnExpertProfileRoute => view! { <OwnExpertProfilePage/> };
MyEngagementsRoute => view! { <MyEngagementsPage/> };
LeadInboxRoute => view! { <LeadInboxPage/> };
MyLeadsRoute => view! { <MyLeadsPage/> };
AdminUsersRoute => view! { <AdminUsersPage/> };
InviteStaffRoute => view! { <InviteStaffPage/> };
OutboxRoute => view! { <OutboxPage/> };
OutboxMessageRoute => view! { <OutboxMessagePage/> };
OrganisationsRoute => view! { <OrganisationsPage/> };}
