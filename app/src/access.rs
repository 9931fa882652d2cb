//! Who may see and change what: pure rules, unit-tested here and called by every server
//! function. The UI hiding a button is never the check.
use crate::auth::CurrentUser;
use crate::domain::{OrganisationId, Role, UserId};

/// The facts about a company that access depends on.
#[derive(Debug, Clone, Copy)]
pub struct CompanyFacts {
    pub organisation_id: OrganisationId,
    /// Whether the asking user is a member (entrepreneur) of the company.
    pub asker_is_member: bool,
    /// Whether the asking coach coaches the company (primary coach or co-coach). Only looked
    /// up for coaches: programme managers work in every company of their organisation.
    pub asker_coaches: bool,
}

/// Which companies a user may list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyScope {
    All,
    Organisation(OrganisationId),
    MemberOf,
    Nothing,
}

pub fn company_scope(u: &CurrentUser) -> CompanyScope {
    match u.role {
        Role::Admin => CompanyScope::All,
        Role::Coach | Role::ProgrammeManager => u
            .organisation_id
            .map_or(CompanyScope::Nothing, CompanyScope::Organisation),
        Role::Entrepreneur => CompanyScope::MemberOf,
        // Experts see companies only through explicit sharing, which comes with the expert features.
        Role::Expert => CompanyScope::Nothing,
    }
}

/// That a company exists, its name, place and who coaches it: an entrepreneur only for their
/// own companies, coaching staff for those of their organisation (a coach who does not coach
/// it sees no more than that, see `can_read_dossier`), an admin everything.
pub fn can_view_company(u: &CurrentUser, c: &CompanyFacts) -> bool {
    match u.role {
        Role::Admin => true,
        Role::Coach | Role::ProgrammeManager => u.organisation_id == Some(c.organisation_id),
        Role::Entrepreneur => c.asker_is_member,
        Role::Expert => false,
    }
}

/// Whether the user coaches the company in the organisation's name: its own coaches, and the
/// programme managers of its organisation.
fn coaches(u: &CurrentUser, c: &CompanyFacts) -> bool {
    match u.role {
        Role::ProgrammeManager => u.organisation_id == Some(c.organisation_id),
        Role::Coach => u.organisation_id == Some(c.organisation_id) && c.asker_coaches,
        _ => false,
    }
}

/// The dossier's personal data (the company's people, its contact person, scans, notes): the
/// company's own entrepreneurs, its coaches, the programme managers of its organisation, and
/// admins for programme work. Another coach of the organisation sees only that it exists.
pub fn can_read_dossier(u: &CurrentUser, c: &CompanyFacts) -> bool {
    match u.role {
        Role::Admin => true,
        Role::Coach | Role::ProgrammeManager => coaches(u, c),
        Role::Entrepreneur => c.asker_is_member,
        Role::Expert => false,
    }
}

/// Inviting people to a company and editing it: its coaches, the programme managers of its
/// organisation, or an admin.
pub fn can_manage_company(u: &CurrentUser, c: &CompanyFacts) -> bool {
    u.role == Role::Admin || coaches(u, c)
}

/// The company profile: its own entrepreneurs, and those who manage the company.
pub fn can_edit_company_profile(u: &CurrentUser, c: &CompanyFacts) -> bool {
    (u.role == Role::Entrepreneur && c.asker_is_member) || can_manage_company(u, c)
}

/// The organisation a new company will belong to, if the user may create companies at all.
/// An admin picks the organisation; coaching staff create for their own.
pub fn may_create_company_in(
    u: &CurrentUser,
    requested: Option<OrganisationId>,
) -> Option<OrganisationId> {
    match u.role {
        Role::Admin => requested,
        Role::Coach | Role::ProgrammeManager => u.organisation_id,
        Role::Entrepreneur | Role::Expert => None,
    }
}

/// Filling in the scan: the company's own entrepreneurs.
pub fn can_fill_scan(u: &CurrentUser, c: &CompanyFacts) -> bool {
    u.role == Role::Entrepreneur && c.asker_is_member
}

/// A submitted scan: the company's own people always; the coaching organisation only while the
/// company shares its results (drafts never leave the respondent); admins for programme work.
pub fn can_view_submitted_scan(u: &CurrentUser, c: &CompanyFacts, sharing_on: bool) -> bool {
    match u.role {
        Role::Entrepreneur => c.asker_is_member,
        Role::Coach | Role::ProgrammeManager => sharing_on && coaches(u, c),
        Role::Admin => sharing_on,
        Role::Expert => false,
    }
}

/// The coach workspace of a company (notes, reviews, visits, actions, co-coaches): its primary
/// coach and co-coaches, and the programme managers of its organisation. Other coaches of the
/// organisation ask to be added (`can_ask_to_co_coach`). Admins run the programme, not the
/// coaching, and entrepreneurs and experts never see internal notes.
pub fn can_coach_company(u: &CurrentUser, c: &CompanyFacts) -> bool {
    coaches(u, c)
}

/// Removing one of the company's entrepreneurs (who then loses access at once): its coaches
/// and the programme managers of its organisation.
pub fn can_remove_member(u: &CurrentUser, c: &CompanyFacts) -> bool {
    coaches(u, c)
}

/// Asking to become co-coach: a coach of the company's organisation who does not coach it yet.
pub fn can_ask_to_co_coach(u: &CurrentUser, c: &CompanyFacts) -> bool {
    u.role == Role::Coach && u.organisation_id == Some(c.organisation_id) && !c.asker_coaches
}

/// Adding co-coaches and answering requests to become one: the company's primary coach, or a
/// programme manager of its organisation.
pub fn can_manage_co_coaches(u: &CurrentUser, c: &CompanyFacts, primary: Option<UserId>) -> bool {
    match u.role {
        Role::ProgrammeManager => u.organisation_id == Some(c.organisation_id),
        Role::Coach => u.organisation_id == Some(c.organisation_id) && primary == Some(u.id),
        _ => false,
    }
}

/// Removing a co-coach: who manages the co-coaches, or the co-coach stepping back themselves.
pub fn can_remove_co_coach(
    u: &CurrentUser,
    c: &CompanyFacts,
    primary: Option<UserId>,
    co_coach: UserId,
) -> bool {
    can_manage_co_coaches(u, c, primary) || (co_coach == u.id && coaches(u, c))
}

/// A timeline event: the coaching staff see everything, the company's entrepreneurs only what
/// was shared with them.
pub fn can_view_event(u: &CurrentUser, c: &CompanyFacts, shared: bool) -> bool {
    can_coach_company(u, c) || (shared && u.role == Role::Entrepreneur && c.asker_is_member)
}

/// Ticking an action off: the coaching staff any action, the entrepreneur their own.
pub fn can_complete_action(u: &CurrentUser, c: &CompanyFacts, entrepreneur_owned: bool) -> bool {
    can_coach_company(u, c)
        || (entrepreneur_owned && u.role == Role::Entrepreneur && c.asker_is_member)
}

/// Reviewing a submitted scan (coach notes, flags and answers): the coaching staff, while the
/// company shares its results with them.
pub fn can_review_scan(u: &CurrentUser, c: &CompanyFacts, sharing_on: bool) -> bool {
    sharing_on && can_coach_company(u, c)
}

/// Handing a company over to another coach: the programme manager of its organisation, or its
/// current primary coach (a co-coach when it has none).
pub fn can_hand_over(u: &CurrentUser, c: &CompanyFacts, primary: Option<UserId>) -> bool {
    match u.role {
        Role::ProgrammeManager => u.organisation_id == Some(c.organisation_id),
        Role::Coach => coaches(u, c) && primary.is_none_or(|p| p == u.id),
        _ => false,
    }
}

/// Handing over all companies of a coach at once (when a coach leaves): the programme manager
/// of that coach's organisation.
pub fn can_bulk_hand_over(u: &CurrentUser, coach_organisation: Option<OrganisationId>) -> bool {
    u.role == Role::ProgrammeManager
        && coach_organisation.is_some()
        && u.organisation_id == coach_organisation
}

/// Who may take on a company as coach: active coaching staff of the company's organisation.
pub fn may_coach_in(role: Role, organisation: Option<OrganisationId>, c: &CompanyFacts) -> bool {
    role.is_coaching_staff() && organisation == Some(c.organisation_id)
}

/// The expert directory (approved experts): the coaching staff and admins, who recommend and
/// run the programme. Entrepreneurs meet experts through a coach's recommendation.
pub fn can_browse_experts(u: &CurrentUser) -> bool {
    matches!(u.role, Role::Coach | Role::ProgrammeManager | Role::Admin)
}

/// Approving or rejecting expert profiles (and seeing those not yet approved): programme
/// managers and admins.
pub fn can_vet_experts(u: &CurrentUser) -> bool {
    matches!(u.role, Role::ProgrammeManager | Role::Admin)
}

/// Importing a scan from another tool: programme staff (the organisation's programme
/// manager, or an admin).
pub fn can_import_scan(u: &CurrentUser, c: &CompanyFacts) -> bool {
    match u.role {
        Role::Admin => true,
        Role::ProgrammeManager => u.organisation_id == Some(c.organisation_id),
        _ => false,
    }
}

/// What of a company's audit trail someone sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AuditView {
    /// Every read and change, by anyone.
    Everything,
    /// Who of the coaching organisation (and which experts) read it: the entrepreneur's view.
    StaffReads,
}

/// A company's audit trail: the programme managers of its organisation and admins see all of
/// it, its own entrepreneurs who looked at it. Coaches and experts see none.
pub fn company_audit(u: &CurrentUser, c: &CompanyFacts) -> Option<AuditView> {
    match u.role {
        Role::Admin => Some(AuditView::Everything),
        Role::ProgrammeManager if u.organisation_id == Some(c.organisation_id) => {
            Some(AuditView::Everything)
        }
        Role::Entrepreneur if c.asker_is_member => Some(AuditView::StaffReads),
        _ => None,
    }
}

/// A person's audit trail (everything they read and changed): an admin anyone's, a programme
/// manager that of the coaching staff of their own organisation.
pub fn can_audit_user(u: &CurrentUser, person_organisation: Option<OrganisationId>) -> bool {
    match u.role {
        Role::Admin => true,
        Role::ProgrammeManager => {
            person_organisation.is_some() && u.organisation_id == person_organisation
        }
        _ => false,
    }
}

/// Admin screens: users, invitations of staff, the e-mail outbox, organisations.
pub fn can_administer(u: &CurrentUser) -> bool {
    u.role == Role::Admin
}

/// Creating company records: the coaching staff and admins (entrepreneurs join a company by
/// invitation, experts never create one).
pub fn can_create_companies(u: &CurrentUser) -> bool {
    matches!(u.role, Role::Admin | Role::Coach | Role::ProgrammeManager)
}

/// Switching an account on or off: admins, but never their own account off, so the admin who
/// does it cannot lock themselves out.
pub fn can_set_user_active(u: &CurrentUser, target: UserId, active: bool) -> bool {
    can_administer(u) && (active || u.id != target)
}

/// Only an admin resets someone's lost second factor, and never their own: an admin who
/// lost theirs asks another admin, so a stolen admin password cannot drop the factor.
pub fn can_reset_second_factor(u: &CurrentUser, target: UserId) -> bool {
    can_administer(u) && u.id != target
}

/// Erasing a person: an entrepreneur or an expert themselves (their right to erasure; coaching
/// staff leave through an admin, who hands over their companies first), or an admin anyone
/// but themselves.
pub fn can_erase_person(u: &CurrentUser, target: UserId) -> bool {
    if u.id == target {
        matches!(u.role, Role::Entrepreneur | Role::Expert)
    } else {
        can_administer(u)
    }
}

/// Erasing a company at the end of the programme: the programme managers of its organisation
/// and admins.
pub fn can_erase_company(u: &CurrentUser, c: &CompanyFacts) -> bool {
    match u.role {
        Role::Admin => true,
        Role::ProgrammeManager => u.organisation_id == Some(c.organisation_id),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Lang, UserId};

    fn user(role: Role, org: Option<i64>) -> CurrentUser {
        CurrentUser {
            id: UserId(1),
            name: "T".into(),
            email: "t@example.nl".into(),
            role,
            language: Lang::Nl,
            organisation_id: org.map(OrganisationId),
            must_enrol: false,
        }
    }

    /// A company of organisation `org`; `member`: the asker is one of its entrepreneurs. The
    /// asker does not coach it.
    fn company(org: i64, member: bool) -> CompanyFacts {
        CompanyFacts {
            organisation_id: OrganisationId(org),
            asker_is_member: member,
            asker_coaches: false,
        }
    }

    /// A company of organisation `org` that the asking coach coaches.
    fn coached(org: i64) -> CompanyFacts {
        CompanyFacts {
            organisation_id: OrganisationId(org),
            asker_is_member: false,
            asker_coaches: true,
        }
    }

    #[test]
    fn a_coach_sees_the_companies_of_their_organisation_and_works_only_in_those_they_coach() {
        let coach = user(Role::Coach, Some(1));
        assert!(can_view_company(&coach, &company(1, false)));
        assert!(!can_view_company(&coach, &company(2, false)));
        assert!(can_manage_company(&coach, &coached(1)));
        assert!(!can_manage_company(&coach, &company(1, false)));
        assert!(!can_manage_company(&coach, &coached(2)));
        assert!(can_read_dossier(&coach, &coached(1)));
        assert!(!can_read_dossier(&coach, &company(1, false)));
        assert!(!can_read_dossier(&coach, &coached(2)));
        assert_eq!(
            company_scope(&coach),
            CompanyScope::Organisation(OrganisationId(1))
        );
    }

    #[test]
    fn an_entrepreneur_sees_only_companies_they_are_a_member_of_and_manages_none() {
        let e = user(Role::Entrepreneur, None);
        assert!(can_view_company(&e, &company(1, true)));
        assert!(!can_view_company(&e, &company(1, false)));
        assert!(!can_manage_company(&e, &company(1, true)));
        assert_eq!(company_scope(&e), CompanyScope::MemberOf);
        assert_eq!(may_create_company_in(&e, Some(OrganisationId(1))), None);
    }

    #[test]
    fn an_admin_sees_everything_and_an_expert_nothing_yet() {
        let a = user(Role::Admin, None);
        assert!(can_view_company(&a, &company(7, false)));
        assert!(can_administer(&a));
        let x = user(Role::Expert, None);
        assert!(!can_view_company(&x, &company(7, true)));
        assert!(!can_administer(&x));
        assert_eq!(company_scope(&x), CompanyScope::Nothing);
    }

    #[test]
    fn a_coach_without_organisation_sees_nothing() {
        let c = user(Role::Coach, None);
        assert_eq!(company_scope(&c), CompanyScope::Nothing);
        assert!(!can_view_company(&c, &company(1, false)));
        assert_eq!(may_create_company_in(&c, Some(OrganisationId(1))), None);
    }

    #[test]
    fn coaching_staff_create_companies_only_in_their_own_organisation() {
        let c = user(Role::ProgrammeManager, Some(3));
        assert_eq!(
            may_create_company_in(&c, Some(OrganisationId(9))),
            Some(OrganisationId(3))
        );
        let a = user(Role::Admin, None);
        assert_eq!(
            may_create_company_in(&a, Some(OrganisationId(9))),
            Some(OrganisationId(9))
        );
        assert_eq!(may_create_company_in(&a, None), None);
    }

    #[test]
    fn only_the_companys_entrepreneurs_fill_in_its_scan() {
        assert!(can_fill_scan(
            &user(Role::Entrepreneur, None),
            &company(1, true)
        ));
        assert!(!can_fill_scan(
            &user(Role::Entrepreneur, None),
            &company(1, false)
        ));
        assert!(!can_fill_scan(
            &user(Role::Coach, Some(1)),
            &company(1, false)
        ));
        assert!(!can_fill_scan(&user(Role::Admin, None), &company(1, false)));
    }

    #[test]
    fn a_coach_sees_submitted_scans_only_while_the_company_shares_them() {
        let coach = user(Role::Coach, Some(1));
        assert!(can_view_submitted_scan(&coach, &coached(1), true));
        assert!(!can_view_submitted_scan(&coach, &coached(1), false));
        assert!(!can_view_submitted_scan(&coach, &coached(2), true));
        // A colleague who does not coach the company does not see its scans.
        assert!(!can_view_submitted_scan(&coach, &company(1, false), true));
        let pm = user(Role::ProgrammeManager, Some(1));
        assert!(can_view_submitted_scan(&pm, &company(1, false), true));
        assert!(can_view_submitted_scan(
            &user(Role::Entrepreneur, None),
            &company(1, true),
            false
        ));
        assert!(!can_view_submitted_scan(
            &user(Role::Expert, None),
            &company(1, true),
            true
        ));
    }

    #[test]
    fn programme_staff_import_scans_for_their_own_organisation_only() {
        assert!(can_import_scan(
            &user(Role::ProgrammeManager, Some(1)),
            &company(1, false)
        ));
        assert!(!can_import_scan(
            &user(Role::ProgrammeManager, Some(1)),
            &company(2, false)
        ));
        assert!(can_import_scan(
            &user(Role::Admin, None),
            &company(2, false)
        ));
        assert!(!can_import_scan(
            &user(Role::Coach, Some(1)),
            &company(1, false)
        ));
        assert!(!can_import_scan(
            &user(Role::Entrepreneur, None),
            &company(1, true)
        ));
    }

    #[test]
    fn the_profile_is_kept_by_the_companys_people_and_its_coaches() {
        assert!(can_edit_company_profile(
            &user(Role::Entrepreneur, None),
            &company(1, true)
        ));
        assert!(!can_edit_company_profile(
            &user(Role::Entrepreneur, None),
            &company(1, false)
        ));
        assert!(can_edit_company_profile(
            &user(Role::Coach, Some(1)),
            &coached(1)
        ));
        assert!(!can_edit_company_profile(
            &user(Role::Coach, Some(1)),
            &company(1, false)
        ));
        assert!(!can_edit_company_profile(
            &user(Role::Coach, Some(2)),
            &coached(1)
        ));
        assert!(!can_edit_company_profile(
            &user(Role::Expert, None),
            &company(1, true)
        ));
    }

    #[test]
    fn programme_staff_read_the_audit_trail_and_entrepreneurs_see_who_looked() {
        use AuditView::*;
        let pm = user(Role::ProgrammeManager, Some(1));
        assert_eq!(company_audit(&pm, &company(1, false)), Some(Everything));
        assert_eq!(company_audit(&pm, &company(2, false)), None);
        assert_eq!(
            company_audit(&user(Role::Admin, None), &company(2, false)),
            Some(Everything)
        );
        let e = user(Role::Entrepreneur, None);
        assert_eq!(company_audit(&e, &company(1, true)), Some(StaffReads));
        assert_eq!(company_audit(&e, &company(1, false)), None);
        assert_eq!(
            company_audit(&user(Role::Coach, Some(1)), &coached(1)),
            None
        );
        assert_eq!(
            company_audit(&user(Role::Expert, None), &company(1, true)),
            None
        );

        assert!(can_audit_user(&pm, Some(OrganisationId(1))));
        assert!(!can_audit_user(&pm, Some(OrganisationId(2))));
        assert!(!can_audit_user(&pm, None));
        assert!(can_audit_user(&user(Role::Admin, None), None));
        for role in [Role::Coach, Role::Entrepreneur, Role::Expert] {
            assert!(!can_audit_user(
                &user(role, Some(1)),
                Some(OrganisationId(1))
            ));
        }
    }

    #[test]
    fn only_admins_administer() {
        for role in Role::ALL {
            assert_eq!(can_administer(&user(role, Some(1))), role == Role::Admin);
        }
    }

    #[test]
    fn only_its_coaches_and_programme_managers_work_in_a_company_workspace() {
        assert!(can_coach_company(&user(Role::Coach, Some(1)), &coached(1)));
        assert!(!can_coach_company(
            &user(Role::Coach, Some(1)),
            &company(1, false)
        ));
        assert!(can_coach_company(
            &user(Role::ProgrammeManager, Some(1)),
            &company(1, false)
        ));
        assert!(!can_coach_company(&user(Role::Coach, Some(2)), &coached(1)));
        assert!(!can_coach_company(
            &user(Role::ProgrammeManager, Some(2)),
            &company(1, false)
        ));
        assert!(!can_coach_company(
            &user(Role::Admin, None),
            &company(1, false)
        ));
        assert!(!can_coach_company(
            &user(Role::Entrepreneur, None),
            &company(1, true)
        ));
        assert!(!can_coach_company(
            &user(Role::Expert, None),
            &company(1, false)
        ));
    }

    #[test]
    fn entrepreneurs_see_only_shared_events_of_their_own_company() {
        let e = user(Role::Entrepreneur, None);
        assert!(can_view_event(&e, &company(1, true), true));
        assert!(!can_view_event(&e, &company(1, true), false));
        assert!(!can_view_event(&e, &company(1, false), true));
        assert!(can_view_event(
            &user(Role::Coach, Some(1)),
            &coached(1),
            false
        ));
        assert!(!can_view_event(
            &user(Role::Coach, Some(1)),
            &company(1, false),
            true
        ));
        assert!(!can_view_event(
            &user(Role::Coach, Some(2)),
            &coached(1),
            true
        ));
    }

    #[test]
    fn an_entrepreneur_ticks_off_only_their_own_actions() {
        let e = user(Role::Entrepreneur, None);
        assert!(can_complete_action(&e, &company(1, true), true));
        assert!(!can_complete_action(&e, &company(1, true), false));
        assert!(!can_complete_action(&e, &company(1, false), true));
        assert!(can_complete_action(
            &user(Role::Coach, Some(1)),
            &coached(1),
            false
        ));
        assert!(!can_complete_action(
            &user(Role::Coach, Some(1)),
            &company(1, false),
            false
        ));
    }

    #[test]
    fn a_scan_is_reviewed_only_while_shared_and_only_by_its_coaching_staff() {
        let c = user(Role::Coach, Some(1));
        assert!(can_review_scan(&c, &coached(1), true));
        assert!(!can_review_scan(&c, &coached(1), false));
        assert!(!can_review_scan(&c, &company(1, false), true));
        assert!(!can_review_scan(
            &user(Role::Entrepreneur, None),
            &company(1, true),
            true
        ));
    }

    #[test]
    fn the_primary_coach_or_the_programme_manager_hands_a_company_over() {
        let me = user(Role::Coach, Some(1));
        assert!(can_hand_over(&me, &coached(1), Some(me.id)));
        // Without a primary coach, a co-coach may pass the company on; a colleague may not.
        assert!(can_hand_over(&me, &coached(1), None));
        assert!(!can_hand_over(&me, &company(1, false), None));
        assert!(!can_hand_over(&me, &coached(1), Some(UserId(99))));
        assert!(!can_hand_over(&me, &coached(2), Some(me.id)));
        let pm = user(Role::ProgrammeManager, Some(1));
        assert!(can_hand_over(&pm, &company(1, false), Some(UserId(99))));
        assert!(!can_hand_over(&pm, &company(2, false), None));
        assert!(!can_hand_over(
            &user(Role::Admin, None),
            &company(1, false),
            None
        ));
    }

    #[test]
    fn a_colleague_asks_to_co_coach_and_the_primary_coach_or_programme_manager_decides() {
        let me = user(Role::Coach, Some(1));
        assert!(can_ask_to_co_coach(&me, &company(1, false)));
        assert!(!can_ask_to_co_coach(&me, &coached(1)));
        assert!(!can_ask_to_co_coach(&me, &company(2, false)));
        for role in [
            Role::ProgrammeManager,
            Role::Admin,
            Role::Entrepreneur,
            Role::Expert,
        ] {
            assert!(!can_ask_to_co_coach(
                &user(role, Some(1)),
                &company(1, false)
            ));
        }
        // The primary coach decides; a co-coach does not.
        assert!(can_manage_co_coaches(&me, &coached(1), Some(me.id)));
        assert!(!can_manage_co_coaches(&me, &coached(1), Some(UserId(99))));
        assert!(!can_manage_co_coaches(&me, &coached(1), None));
        assert!(!can_manage_co_coaches(&me, &coached(2), Some(me.id)));
        let pm = user(Role::ProgrammeManager, Some(1));
        assert!(can_manage_co_coaches(
            &pm,
            &company(1, false),
            Some(UserId(99))
        ));
        assert!(!can_manage_co_coaches(&pm, &company(2, false), None));
        assert!(!can_manage_co_coaches(
            &user(Role::Admin, None),
            &company(1, false),
            None
        ));
    }

    #[test]
    fn the_companys_coaches_and_programme_managers_remove_its_members() {
        assert!(can_remove_member(&user(Role::Coach, Some(1)), &coached(1)));
        assert!(!can_remove_member(
            &user(Role::Coach, Some(1)),
            &company(1, false)
        ));
        assert!(can_remove_member(
            &user(Role::ProgrammeManager, Some(1)),
            &company(1, false)
        ));
        assert!(!can_remove_member(
            &user(Role::ProgrammeManager, Some(2)),
            &company(1, false)
        ));
        for role in [Role::Entrepreneur, Role::Expert, Role::Admin] {
            assert!(!can_remove_member(&user(role, Some(1)), &company(1, true)));
        }
    }

    #[test]
    fn a_co_coach_is_removed_by_the_primary_coach_or_steps_back_themselves() {
        let me = user(Role::Coach, Some(1));
        let other = UserId(99);
        assert!(can_remove_co_coach(&me, &coached(1), Some(me.id), other));
        assert!(can_remove_co_coach(&me, &coached(1), Some(other), me.id));
        assert!(!can_remove_co_coach(
            &me,
            &coached(1),
            Some(other),
            UserId(98)
        ));
        assert!(!can_remove_co_coach(
            &me,
            &company(1, false),
            Some(other),
            me.id
        ));
        assert!(!can_remove_co_coach(
            &me,
            &company(1, false),
            Some(other),
            UserId(98)
        ));
    }

    #[test]
    fn the_dossier_is_read_by_its_people_its_coaches_programme_staff_and_admins_only() {
        for (role, org, facts, allowed) in [
            (Role::ProgrammeManager, Some(1), company(1, false), true),
            (Role::ProgrammeManager, Some(2), company(1, false), false),
            (Role::Admin, None, company(1, false), true),
            (Role::Entrepreneur, None, company(1, true), true),
            (Role::Entrepreneur, None, company(1, false), false),
            (Role::Expert, None, company(1, true), false),
            (Role::Coach, Some(1), coached(1), true),
            (Role::Coach, Some(1), company(1, false), false),
        ] {
            assert_eq!(
                can_read_dossier(&user(role, org), &facts),
                allowed,
                "{role:?}"
            );
        }
    }

    #[test]
    fn only_the_programme_manager_of_the_same_organisation_hands_over_in_bulk() {
        assert!(can_bulk_hand_over(
            &user(Role::ProgrammeManager, Some(1)),
            Some(OrganisationId(1))
        ));
        assert!(!can_bulk_hand_over(
            &user(Role::ProgrammeManager, Some(1)),
            Some(OrganisationId(2))
        ));
        assert!(!can_bulk_hand_over(
            &user(Role::ProgrammeManager, Some(1)),
            None
        ));
        assert!(!can_bulk_hand_over(
            &user(Role::Coach, Some(1)),
            Some(OrganisationId(1))
        ));
    }

    #[test]
    fn a_company_is_coached_only_by_staff_of_its_own_organisation() {
        let c = company(1, false);
        assert!(may_coach_in(Role::Coach, Some(OrganisationId(1)), &c));
        assert!(may_coach_in(
            Role::ProgrammeManager,
            Some(OrganisationId(1)),
            &c
        ));
        assert!(!may_coach_in(Role::Coach, Some(OrganisationId(2)), &c));
        assert!(!may_coach_in(
            Role::Entrepreneur,
            Some(OrganisationId(1)),
            &c
        ));
    }

    #[test]
    fn coaching_staff_browse_experts_and_programme_staff_vet_them() {
        for role in Role::ALL {
            let u = user(role, Some(1));
            assert_eq!(
                can_browse_experts(&u),
                matches!(role, Role::Coach | Role::ProgrammeManager | Role::Admin)
            );
            assert_eq!(
                can_vet_experts(&u),
                matches!(role, Role::ProgrammeManager | Role::Admin)
            );
        }
    }

    #[test]
    fn only_coaching_staff_and_admins_create_companies() {
        for role in Role::ALL {
            assert_eq!(
                can_create_companies(&user(role, None)),
                matches!(role, Role::Admin | Role::Coach | Role::ProgrammeManager)
            );
        }
    }

    #[test]
    fn an_admin_switches_accounts_on_and_off_but_never_their_own_off() {
        let admin = user(Role::Admin, None);
        assert!(can_set_user_active(&admin, UserId(2), false));
        assert!(can_set_user_active(&admin, UserId(2), true));
        assert!(!can_set_user_active(&admin, admin.id, false));
        assert!(can_set_user_active(&admin, admin.id, true));
        assert!(!can_set_user_active(
            &user(Role::ProgrammeManager, None),
            UserId(2),
            true
        ));
    }

    #[test]
    fn only_an_admin_resets_a_second_factor_and_never_their_own() {
        let admin = user(Role::Admin, None);
        assert!(can_reset_second_factor(&admin, UserId(2)));
        assert!(!can_reset_second_factor(&admin, admin.id));
        for role in [
            Role::ProgrammeManager,
            Role::Coach,
            Role::Expert,
            Role::Entrepreneur,
        ] {
            assert!(!can_reset_second_factor(&user(role, Some(1)), UserId(2)));
        }
    }

    #[test]
    fn entrepreneurs_and_experts_erase_themselves_an_admin_erases_anyone_else() {
        for role in [Role::Entrepreneur, Role::Expert] {
            let u = user(role, None);
            assert!(can_erase_person(&u, u.id), "{role:?} erases themselves");
            assert!(
                !can_erase_person(&u, UserId(2)),
                "{role:?} erases nobody else"
            );
        }
        for role in [Role::Coach, Role::ProgrammeManager] {
            let u = user(role, Some(1));
            assert!(
                !can_erase_person(&u, u.id),
                "{role:?} leaves through an admin"
            );
            assert!(!can_erase_person(&u, UserId(2)));
        }
        let admin = user(Role::Admin, None);
        assert!(can_erase_person(&admin, UserId(2)));
        assert!(
            !can_erase_person(&admin, admin.id),
            "an admin never erases themselves"
        );
    }

    #[test]
    fn a_company_is_erased_by_its_programme_managers_and_admins_only() {
        assert!(can_erase_company(
            &user(Role::ProgrammeManager, Some(1)),
            &company(1, false)
        ));
        assert!(!can_erase_company(
            &user(Role::ProgrammeManager, Some(2)),
            &company(1, false)
        ));
        assert!(can_erase_company(
            &user(Role::Admin, None),
            &company(1, false)
        ));
        assert!(!can_erase_company(&user(Role::Coach, Some(1)), &coached(1)));
        assert!(!can_erase_company(
            &user(Role::Entrepreneur, None),
            &company(1, true)
        ));
        assert!(!can_erase_company(
            &user(Role::Expert, None),
            &company(1, false)
        ));
    }
}
