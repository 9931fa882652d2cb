//! Roles and languages.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Entrepreneur,
    Coach,
    ProgrammeManager,
    Expert,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Entrepreneur,
        Role::Coach,
        Role::ProgrammeManager,
        Role::Expert,
        Role::Admin,
    ];

    /// The name stored in the database (`db::roles`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Entrepreneur => "entrepreneur",
            Role::Coach => "coach",
            Role::ProgrammeManager => "programme_manager",
            Role::Expert => "expert",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Staff sessions idle out after 30 minutes, entrepreneurs after 2 hours.
    pub fn idle_timeout_minutes(self) -> i64 {
        match self {
            Role::Entrepreneur => 120,
            _ => 30,
        }
    }

    /// Admins and programme managers open every dossier of an organisation: their password
    /// alone is not enough. Coaches and experts may add a second factor; entrepreneurs sign
    /// in with their password.
    pub fn requires_second_factor(self) -> bool {
        matches!(self, Role::Admin | Role::ProgrammeManager)
    }

    /// Who is offered a second factor on their account page (those who must have one too).
    pub fn may_use_second_factor(self) -> bool {
        !matches!(self, Role::Entrepreneur)
    }

    /// Coaches and programme managers belong to a coaching organisation.
    pub fn is_coaching_staff(self) -> bool {
        matches!(self, Role::Coach | Role::ProgrammeManager)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
    /// Unknown values fall back to Dutch, the default language.
    pub fn parse(s: &str) -> Lang {
        if s.trim().eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Nl
        }
    }
    pub fn parse_strict(s: &str) -> Option<Lang> {
        match s.trim() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn locale(self) -> crate::i18n::Locale {
        match self {
            Lang::Nl => crate::i18n::Locale::nl,
            Lang::En => crate::i18n::Locale::en,
        }
    }
    pub fn from_locale(l: crate::i18n::Locale) -> Lang {
        match l {
            crate::i18n::Locale::en => Lang::En,
            _ => Lang::Nl,
        }
    }
}
