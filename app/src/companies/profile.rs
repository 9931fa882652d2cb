//! The company profile (the scan's first module): the company's own people and its coaching
//! staff keep it up to date. The KvK number, organisation and coach stay as they are here.
use crate::domain::*;
use crate::error::{AppError, FormErrors};
use crate::i18n::*;
use crate::layout::RequireUser;
use crate::ui::{
    Breadcrumbs, Crumb, ErrorSummary, Loaded, PageTitle, SelectField, TextField, action_errors,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::ssr::{self, respond};

/// The profile form as typed (and as shown, prefilled from the company record).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    pub company_name: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub founding_year: String,
    #[serde(default)]
    pub address: String,
    pub municipality: String,
    pub size_band: String,
    pub primary_sector: String,
    #[serde(default)]
    pub secondary_sector: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_role: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
}

/// A parsed profile, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProfile {
    pub name: String,
    pub website: Option<String>,
    pub founding_year: Option<i32>,
    pub address: Option<String>,
    pub municipality: String,
    pub size_band: SizeBand,
    pub primary_sector: Sector,
    pub secondary_sector: Option<Sector>,
    pub contact_name: Option<String>,
    pub contact_role: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

impl ProfileForm {
    pub fn parse(&self, current_year: i32) -> Result<ValidProfile, AppError> {
        // The shared company fields parse exactly as when a company is created.
        let base = super::CompanyForm {
            company_name: self.company_name.clone(),
            kvk_number: "00000000".into(),
            website: self.website.clone(),
            founding_year: self.founding_year.clone(),
            address: self.address.clone(),
            municipality: self.municipality.clone(),
            size_band: self.size_band.clone(),
            primary_sector: self.primary_sector.clone(),
            secondary_sector: self.secondary_sector.clone(),
            organisation_id: String::new(),
            primary_coach_id: String::new(),
        };
        let mut errors = FormErrors::new();
        let company = match base.parse(current_year) {
            Ok(c) => Some(c),
            Err(AppError::Invalid(e)) => {
                errors = e;
                None
            }
            Err(other) => return Err(other),
        };
        for (f, v) in [
            (Field::ContactName, &self.contact_name),
            (Field::ContactRole, &self.contact_role),
            (Field::ContactEmail, &self.contact_email),
            (Field::ContactPhone, &self.contact_phone),
        ] {
            errors.keep(f, v);
        }
        let mut opt = |f: Field, v: &str, max: usize| match optional_text(v, max) {
            Ok(x) => x,
            Err(m) => {
                errors.add(f, m);
                None
            }
        };
        let contact_name = opt(Field::ContactName, &self.contact_name, MAX_NAME);
        let contact_role = opt(Field::ContactRole, &self.contact_role, 100);
        let contact_phone = opt(Field::ContactPhone, &self.contact_phone, 40);
        let contact_email = if self.contact_email.trim().is_empty() {
            None
        } else {
            match parse_email(&self.contact_email) {
                Ok(e) => Some(e),
                Err(m) => {
                    errors.add(Field::ContactEmail, m);
                    None
                }
            }
        };
        let company = errors.finish(company)?.ok_or(AppError::Internal)?;
        Ok(ValidProfile {
            name: company.name,
            website: company.website,
            founding_year: company.founding_year,
            address: company.address,
            municipality: company.municipality,
            size_band: company.size_band,
            primary_sector: company.primary_sector,
            secondary_sector: company.secondary_sector,
            contact_name,
            contact_role,
            contact_email,
            contact_phone,
        })
    }
}

#[server(prefix = "/api", endpoint = "company_profile")]
pub async fn get_company_profile(company_id: CompanyId) -> Result<(String, ProfileForm), AppError> {
    respond(
        async {
            let st = ssr::state()?;
            let u = ssr::require_user()?;
            let (c, facts) = super::load_visible(&st, &u, company_id).await?;
            if !crate::access::can_edit_company_profile(&u, &facts) {
                return Err(AppError::Forbidden);
            }
            Ok((
                c.name.clone(),
                ProfileForm {
                    company_name: c.name,
                    website: c.website.unwrap_or_default(),
                    founding_year: c.founding_year.map(|y| y.to_string()).unwrap_or_default(),
                    address: c.address.unwrap_or_default(),
                    municipality: c.municipality,
                    size_band: c.size_band,
                    primary_sector: c.primary_sector,
                    secondary_sector: c.secondary_sector.unwrap_or_default(),
                    contact_name: c.contact_name.unwrap_or_default(),
                    contact_role: c.contact_role.unwrap_or_default(),
                    contact_email: c.contact_email.unwrap_or_default(),
                    contact_phone: c.contact_phone.unwrap_or_default(),
                },
            ))
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "company_profile_save")]
pub async fn save_company_profile(
    company_id: CompanyId,
    form: ProfileForm,
    next: Option<String>,
) -> Result<(), AppError> {
    respond(
        async {
            use chrono::Datelike;
            let st = ssr::state()?;
            let u = ssr::require_user()?;
            let (c, facts) = super::load_visible(&st, &u, company_id).await?;
            if !crate::access::can_edit_company_profile(&u, &facts) {
                return Err(AppError::Forbidden);
            }
            let p = form.parse(chrono::Utc::now().year())?;
            let txn = db::TransactionTrait::begin(&st.db).await?;
            db::companies::update_profile(
                &txn,
                c.id,
                db::companies::ProfileUpdate {
                    name: p.name,
                    website: p.website,
                    founding_year: p.founding_year,
                    address: p.address,
                    municipality: p.municipality,
                    size_band: p.size_band.as_str().to_owned(),
                    primary_sector: p.primary_sector.code().to_string(),
                    secondary_sector: p.secondary_sector.map(|s| s.code().to_string()),
                    contact_name: p.contact_name,
                    contact_role: p.contact_role,
                    contact_email: p.contact_email,
                    contact_phone: p.contact_phone,
                },
            )
            .await?;
            crate::audit::service::change(&txn, &u, "company", None, c.id).await?;
            txn.commit().await?;
            let back = next
                .as_deref()
                .and_then(crate::auth::local_path)
                .unwrap_or_else(|| format!("/companies/{}", c.id));
            let sep = if back.contains('?') { '&' } else { '?' };
            leptos_axum::redirect(&format!("{back}{sep}profile_saved=1"));
            Ok(())
        }
        .await,
    )
}

/// The data and the action are created here, outside the guard: the guard's `Suspense`
/// walks its children more than once on the server, and a resource created in there would be
/// fetched once per walk.
#[component]
pub fn CompanyProfilePage() -> impl IntoView {
    let param = crate::ui::route_param::<CompanyId>("id");
    let id = Memo::new(move |_| param());
    let action = ServerAction::<SaveCompanyProfile>::new();
    let data = Resource::new(
        move || id.get(),
        |id| crate::ui::load_by_id(id, get_company_profile),
    );
    view! {
        <RequireUser
            allow=|u| u.role != Role::Expert
            children=move |_| view! { <ProfileEditor id action data/> }
        />
    }
}

#[component]
fn ProfileEditor(
    id: Memo<Option<CompanyId>>,
    action: ServerAction<SaveCompanyProfile>,
    data: Resource<Result<(String, ProfileForm), AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_default();
    let error = action_errors(action);
    let sectors = Signal::derive(move || crate::messages::sector_options(i18n.get_locale()));
    let sizes = Signal::derive(move || crate::messages::size_options(i18n.get_locale()));
    view! {
        <Loaded resource=data let((name, f))>
            {
                let company = id.get().map(|c| c.0).unwrap_or_default();
                view! {
                    <Breadcrumbs
                        label=Signal::derive(move || td_string!(i18n.get_locale(), layout.breadcrumbs).to_string())
                        crumbs=Signal::derive(move || vec![
                            Crumb { label: td_string!(i18n.get_locale(), nav.home).to_string(), href: "/".into() },
                            Crumb { label: name.clone(), href: format!("/companies/{company}") },
                        ])
                    />
                    <PageTitle text=Signal::derive(move || td_string!(i18n.get_locale(), companies.profile_title).to_string())/>
                    <p class="lead">{t!(i18n, companies.profile_intro)}</p>
                    <ErrorSummary error=error/>
                    <ActionForm action=action attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="company_id" value=company/>
                        <input type="hidden" name="next" value=next/>
                        <TextField field=Field::CompanyName name="form[company_name]" error=error value=f.company_name required=true autocomplete="organization"/>
                        <TextField field=Field::Website name="form[website]" error=error value=f.website input_type="url" optional=true/>
                        <TextField field=Field::FoundingYear name="form[founding_year]" error=error value=f.founding_year inputmode="numeric" optional=true/>
                        <TextField field=Field::Address name="form[address]" error=error value=f.address optional=true autocomplete="street-address"/>
                        <TextField field=Field::Municipality name="form[municipality]" error=error value=f.municipality required=true autocomplete="address-level2"/>
                        <SelectField field=Field::SizeBand name="form[size_band]" error=error options=sizes value=f.size_band/>
                        <SelectField field=Field::PrimarySector name="form[primary_sector]" error=error options=sectors value=f.primary_sector/>
                        <SelectField field=Field::SecondarySector name="form[secondary_sector]" error=error options=sectors value=f.secondary_sector with_empty=true optional=true/>
                        <h2>{t!(i18n, companies.contact_title)}</h2>
                        <TextField field=Field::ContactName name="form[contact_name]" error=error value=f.contact_name optional=true autocomplete="name"/>
                        <TextField field=Field::ContactRole name="form[contact_role]" error=error value=f.contact_role optional=true autocomplete="organization-title"/>
                        <TextField field=Field::ContactEmail name="form[contact_email]" error=error value=f.contact_email input_type="email" optional=true autocomplete="email"/>
                        <TextField field=Field::ContactPhone name="form[contact_phone]" error=error value=f.contact_phone input_type="tel" optional=true autocomplete="tel"/>
                        <div class="form-actions">
                            <button type="submit" class="button">{t!(i18n, companies.profile_save)}</button>
                            <a href=format!("/companies/{company}")>{t!(i18n, common.cancel)}</a>
                        </div>
                    </ActionForm>
                }
            }
        </Loaded>
    }
}
