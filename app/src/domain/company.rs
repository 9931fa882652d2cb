//! Company facts: size bands and the SBI main sections (Standaard Bedrijfsindeling, CBS).
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBand {
    Micro,
    Small,
    Medium,
    Large,
}

impl SizeBand {
    pub const ALL: [SizeBand; 4] = [
        SizeBand::Micro,
        SizeBand::Small,
        SizeBand::Medium,
        SizeBand::Large,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SizeBand::Micro => "micro",
            SizeBand::Small => "small",
            SizeBand::Medium => "medium",
            SizeBand::Large => "large",
        }
    }
    pub fn parse(s: &str) -> Option<SizeBand> {
        SizeBand::ALL.into_iter().find(|b| b.as_str() == s.trim())
    }
}

/// An SBI main section, `A` to `U`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sector(pub char);

pub const SECTORS: [char; 21] = [
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
    'T', 'U',
];

impl Sector {
    pub fn parse(s: &str) -> Option<Sector> {
        let mut chars = s.trim().chars();
        let c = chars.next()?.to_ascii_uppercase();
        (chars.next().is_none() && SECTORS.contains(&c)).then_some(Sector(c))
    }
    pub fn code(self) -> char {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sectors_are_the_sbi_main_sections_a_to_u() {
        assert_eq!(Sector::parse("c"), Some(Sector('C')));
        assert_eq!(Sector::parse("U"), Some(Sector('U')));
        assert_eq!(Sector::parse("V"), None);
        assert_eq!(Sector::parse("CC"), None);
        assert_eq!(Sector::parse(""), None);
    }

    #[test]
    fn size_bands_round_trip() {
        for b in SizeBand::ALL {
            assert_eq!(SizeBand::parse(b.as_str()), Some(b));
        }
        assert_eq!(SizeBand::parse("huge"), None);
    }
}
