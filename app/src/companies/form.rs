//! The company and invitation forms, parsed once into valid values.
use crate::domain::*;
use crate::error::{AppError, FormErrors};
use serde::{Deserialize, Serialize};

/// The new-company form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyForm {
    pub company_name: String,
    pub kvk_number: String,
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
    pub organisation_id: String,
    #[serde(default)]
    pub primary_coach_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCompany {
    pub name: String,
    pub kvk_number: String,
    pub website: Option<String>,
    pub founding_year: Option<i32>,
    pub address: Option<String>,
    pub municipality: String,
    pub size_band: SizeBand,
    pub primary_sector: Sector,
    pub secondary_sector: Option<Sector>,
    pub organisation_id: Option<OrganisationId>,
    pub primary_coach_id: Option<UserId>,
}

fn take<T>(errors: &mut FormErrors, field: Field, r: Result<T, Msg>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(m) => {
            errors.add(field, m);
            None
        }
    }
}

impl CompanyForm {
    /// Parses the form; `current_year` bounds the founding year.
    pub fn parse(&self, current_year: i32) -> Result<ValidCompany, AppError> {
        let mut e = FormErrors::new();
        for (f, v) in [
            (Field::CompanyName, &self.company_name),
            (Field::KvkNumber, &self.kvk_number),
            (Field::Website, &self.website),
            (Field::FoundingYear, &self.founding_year),
            (Field::Address, &self.address),
            (Field::Municipality, &self.municipality),
            (Field::SizeBand, &self.size_band),
            (Field::PrimarySector, &self.primary_sector),
            (Field::SecondarySector, &self.secondary_sector),
            (Field::Organisation, &self.organisation_id),
            (Field::PrimaryCoach, &self.primary_coach_id),
        ] {
            e.keep(f, v);
        }
        let name = take(
            &mut e,
            Field::CompanyName,
            required_text(&self.company_name, MAX_NAME),
        );
        let kvk = take(&mut e, Field::KvkNumber, parse_kvk(&self.kvk_number));
        let website = take(&mut e, Field::Website, parse_website(&self.website));
        let year = take(
            &mut e,
            Field::FoundingYear,
            parse_founding_year(&self.founding_year, current_year),
        );
        let address = take(
            &mut e,
            Field::Address,
            optional_text(&self.address, MAX_ADDRESS),
        );
        let municipality = take(
            &mut e,
            Field::Municipality,
            required_text(&self.municipality, MAX_MUNICIPALITY),
        );
        let size = take(
            &mut e,
            Field::SizeBand,
            if self.size_band.trim().is_empty() {
                Err(Msg::Required)
            } else {
                SizeBand::parse(&self.size_band).ok_or(Msg::ChoiceInvalid)
            },
        );
        let primary = take(
            &mut e,
            Field::PrimarySector,
            if self.primary_sector.trim().is_empty() {
                Err(Msg::Required)
            } else {
                Sector::parse(&self.primary_sector).ok_or(Msg::ChoiceInvalid)
            },
        );
        let secondary = take(
            &mut e,
            Field::SecondarySector,
            if self.secondary_sector.trim().is_empty() {
                Ok(None)
            } else {
                Sector::parse(&self.secondary_sector)
                    .map(Some)
                    .ok_or(Msg::ChoiceInvalid)
            },
        );
        let org = take(
            &mut e,
            Field::Organisation,
            optional_id(&self.organisation_id).map(|o| o.map(OrganisationId)),
        );
        let coach = take(
            &mut e,
            Field::PrimaryCoach,
            optional_id(&self.primary_coach_id).map(|o| o.map(UserId)),
        );
        if !e.is_empty() {
            return Err(AppError::Invalid(e));
        }
        // All parsed: every Option above is Some.
        Ok(ValidCompany {
            name: name.unwrap_or_default(),
            kvk_number: kvk.unwrap_or_default(),
            website: website.flatten(),
            founding_year: year.flatten(),
            address: address.flatten(),
            municipality: municipality.unwrap_or_default(),
            size_band: size.unwrap_or(SizeBand::Micro),
            primary_sector: primary.unwrap_or(Sector('A')),
            secondary_sector: secondary.flatten(),
            organisation_id: org.flatten(),
            primary_coach_id: coach.flatten(),
        })
    }
}

fn optional_id(s: &str) -> Result<Option<i64>, Msg> {
    let t = s.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        t.parse().map(Some).map_err(|_| Msg::ChoiceInvalid)
    }
}

/// Inviting a person to a company.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteForm {
    pub email: String,
    pub name: String,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInvite {
    pub email: String,
    pub name: String,
    pub language: Lang,
}

impl TryFrom<&InviteForm> for ValidInvite {
    type Error = AppError;

    fn try_from(f: &InviteForm) -> Result<Self, AppError> {
        let mut e = FormErrors::new();
        e.keep(Field::Email, &f.email);
        e.keep(Field::Name, &f.name);
        e.keep(Field::Language, &f.language);
        let email = take(&mut e, Field::Email, parse_email(&f.email));
        let name = take(&mut e, Field::Name, required_text(&f.name, MAX_NAME));
        let language = take(
            &mut e,
            Field::Language,
            Lang::parse_strict(&f.language).ok_or(Msg::ChoiceInvalid),
        );
        e.finish(())?;
        Ok(ValidInvite {
            email: email.unwrap_or_default(),
            name: name.unwrap_or_default(),
            language: language.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_form() -> CompanyForm {
        CompanyForm {
            company_name: "Bakkerij Test".into(),
            kvk_number: "1234 5678".into(),
            municipality: "Tilburg".into(),
            size_band: "small".into(),
            primary_sector: "C".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_company_form_parses() {
        let c = valid_form().parse(2026).unwrap();
        assert_eq!(c.kvk_number, "12345678");
        assert_eq!(c.size_band, SizeBand::Small);
        assert_eq!(c.primary_sector, Sector('C'));
        assert_eq!(c.secondary_sector, None);
    }

    #[test]
    fn every_bad_field_is_named_and_the_typed_values_are_kept() {
        let f = CompanyForm {
            kvk_number: "123".into(),
            size_band: "huge".into(),
            company_name: " ".into(),
            ..valid_form()
        };
        let AppError::Invalid(e) = f.parse(2026).unwrap_err() else {
            panic!("expected invalid")
        };
        assert_eq!(e.message_for(Field::KvkNumber), Some(Msg::KvkInvalid));
        assert_eq!(e.message_for(Field::SizeBand), Some(Msg::ChoiceInvalid));
        assert_eq!(e.message_for(Field::CompanyName), Some(Msg::Required));
        assert_eq!(e.value_of(Field::KvkNumber), Some("123"));
        assert_eq!(e.message_for(Field::Municipality), None);
    }

    #[test]
    fn an_invitation_needs_a_valid_email_a_name_and_a_language() {
        let ok = ValidInvite::try_from(&InviteForm {
            email: "Eva@Bakker.nl".into(),
            name: "Eva".into(),
            language: "nl".into(),
        })
        .unwrap();
        assert_eq!(ok.email, "eva@bakker.nl");
        let err = ValidInvite::try_from(&InviteForm {
            email: "eva".into(),
            name: "".into(),
            language: "fr".into(),
        })
        .unwrap_err();
        let e = err.form_errors().unwrap();
        assert_eq!(e.errors.len(), 3);
    }
}
