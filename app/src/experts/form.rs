//! The expert's profile form, parsed once into valid values with every problem named by field.
use crate::domain::{Field, Msg, optional_text, parse_email, required_text};
use crate::error::{AppError, FormErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExpertProfileForm {
    pub headline: String,
    pub description: String,
    pub region: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub independence: String,
    pub conflicts: String,
    /// Ticked themes by key (`profile[themes][dashboards]=on`).
    pub themes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProfile {
    pub headline: String,
    pub description: String,
    pub region: String,
    pub phone: Option<String>,
    pub contact_email: Option<String>,
    pub independence: String,
    pub conflicts: String,
    pub theme_keys: Vec<String>,
}

impl ExpertProfileForm {
    /// `known` are the theme keys that exist. A profile needs at least one theme and an
    /// independence declaration: coaches recommend on both.
    pub fn parse(&self, known: &[String]) -> Result<ValidProfile, AppError> {
        let mut e = FormErrors::new();
        for (f, v) in [
            (Field::Headline, &self.headline),
            (Field::ExpertDescription, &self.description),
            (Field::Region, &self.region),
            (Field::ContactPhone, &self.contact_phone),
            (Field::ContactEmail, &self.contact_email),
            (Field::Independence, &self.independence),
            (Field::Conflicts, &self.conflicts),
        ] {
            e.keep(f, v);
        }
        let mut req = |f: Field, v: &str, max: usize| {
            required_text(v, max)
                .map_err(|m| e.add(f, m))
                .unwrap_or_default()
        };
        let headline = req(Field::Headline, &self.headline, 200);
        let description = req(Field::ExpertDescription, &self.description, 5_000);
        let region = req(Field::Region, &self.region, 100);
        let independence = req(Field::Independence, &self.independence, 2_000);
        let conflicts = optional_text(&self.conflicts, 2_000)
            .map_err(|m| e.add(Field::Conflicts, m))
            .ok()
            .flatten()
            .unwrap_or_default();
        let phone = optional_text(&self.contact_phone, 40)
            .map_err(|m| e.add(Field::ContactPhone, m))
            .ok()
            .flatten();
        let contact_email = if self.contact_email.trim().is_empty() {
            None
        } else {
            parse_email(&self.contact_email)
                .map_err(|m| e.add(Field::ContactEmail, m))
                .ok()
        };
        let theme_keys: Vec<String> = self
            .themes
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, _)| k.clone())
            .collect();
        e.keep(Field::Themes, &theme_keys.join(" "));
        if theme_keys.is_empty() {
            e.add(Field::Themes, Msg::Required);
        } else if theme_keys.iter().any(|k| !known.contains(k)) {
            e.add(Field::Themes, Msg::ChoiceInvalid);
        }
        e.finish(ValidProfile {
            headline,
            description,
            region,
            phone,
            contact_email,
            independence,
            conflicts,
            theme_keys,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["dashboards".into(), "cybersecurity".into()]
    }

    fn form() -> ExpertProfileForm {
        ExpertProfileForm {
            headline: "Dashboards voor het mkb".into(),
            description: "Ik bouw dashboards.".into(),
            region: "Noord-Brabant".into(),
            independence: "Ik verkoop geen software.".into(),
            themes: [("dashboards".to_string(), "on".to_string())].into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_profile_parses() {
        let p = form().parse(&known()).unwrap();
        assert_eq!(p.theme_keys, vec!["dashboards"]);
        assert_eq!(p.contact_email, None);
    }

    #[test]
    fn themes_and_an_independence_declaration_are_required() {
        let mut f = form();
        f.themes.clear();
        f.independence = " ".into();
        let err = f.parse(&known()).unwrap_err();
        let errors = err.form_errors().unwrap();
        assert_eq!(errors.message_for(Field::Themes), Some(Msg::Required));
        assert_eq!(errors.message_for(Field::Independence), Some(Msg::Required));
        assert_eq!(
            errors.value_of(Field::Headline),
            Some("Dashboards voor het mkb")
        );
    }

    #[test]
    fn unknown_themes_and_bad_e_mail_are_refused_by_field() {
        let mut f = form();
        f.themes.insert("astrology".into(), "on".into());
        f.contact_email = "geen-adres".into();
        let err = f.parse(&known()).unwrap_err();
        let errors = err.form_errors().unwrap();
        assert_eq!(errors.message_for(Field::Themes), Some(Msg::ChoiceInvalid));
        assert_eq!(
            errors.message_for(Field::ContactEmail),
            Some(Msg::EmailInvalid)
        );
    }
}
