//! Parse, don't validate: form text becomes a valid value once, with a message code when not.
//! The same functions run in the browser (instant feedback) and on the server (the truth).
use super::Msg;

pub const MAX_NAME: usize = 200;
pub const MAX_EMAIL: usize = 254;
pub const MIN_PASSWORD: usize = 12;
/// At least 64 must be allowed; the cap keeps hashing cost bounded.
pub const MAX_PASSWORD: usize = 128;
pub const MAX_ADDRESS: usize = 300;
pub const MAX_WEBSITE: usize = 300;
pub const MAX_MUNICIPALITY: usize = 100;

fn too_long(max: usize) -> Msg {
    Msg::TooLong(max as u32)
}

/// A required single-line text, trimmed, at most `max` characters.
pub fn required_text(s: &str, max: usize) -> Result<String, Msg> {
    let t = s.trim();
    if t.is_empty() {
        Err(Msg::Required)
    } else if t.chars().count() > max {
        Err(too_long(max))
    } else {
        Ok(t.to_owned())
    }
}

/// An optional single-line text: empty becomes `None`.
pub fn optional_text(s: &str, max: usize) -> Result<Option<String>, Msg> {
    let t = s.trim();
    if t.is_empty() {
        Ok(None)
    } else if t.chars().count() > max {
        Err(too_long(max))
    } else {
        Ok(Some(t.to_owned()))
    }
}

/// An e-mail address, trimmed and lower-cased. Deliberately permissive: one `@`, something
/// before it, a dotted domain after it, no spaces.
pub fn parse_email(s: &str) -> Result<String, Msg> {
    let t = s.trim().to_lowercase();
    if t.is_empty() {
        return Err(Msg::Required);
    }
    if t.chars().count() > MAX_EMAIL {
        return Err(too_long(MAX_EMAIL));
    }
    let Some((local, domain)) = t.split_once('@') else {
        return Err(Msg::EmailInvalid);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@');
    if local.is_empty() || !domain_ok || t.chars().any(char::is_whitespace) {
        return Err(Msg::EmailInvalid);
    }
    Ok(t)
}

/// A new password: 12 to 128 characters, no composition rules. Counted in characters, so
/// a passphrase in any script works. Not trimmed: spaces are part of a passphrase.
pub fn parse_new_password(s: &str) -> Result<String, Msg> {
    let n = s.chars().count();
    if n == 0 {
        Err(Msg::Required)
    } else if n < MIN_PASSWORD {
        Err(Msg::PasswordTooShort)
    } else if n > MAX_PASSWORD {
        Err(Msg::PasswordTooLong)
    } else {
        Ok(s.to_owned())
    }
}

/// A KvK number: exactly 8 digits. Spaces and dots people type for readability are ignored.
pub fn parse_kvk(s: &str) -> Result<String, Msg> {
    let digits: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if digits.is_empty() {
        Err(Msg::Required)
    } else if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(Msg::KvkInvalid)
    }
}

/// An optional website; `example.nl` becomes `https://example.nl`.
pub fn parse_website(s: &str) -> Result<Option<String>, Msg> {
    let Some(t) = optional_text(s, MAX_WEBSITE)? else {
        return Ok(None);
    };
    let url = if t.starts_with("http://") || t.starts_with("https://") {
        t
    } else {
        format!("https://{t}")
    };
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .split('/')
        .next()
        .unwrap_or_default();
    if host.contains('.')
        && !host.contains(char::is_whitespace)
        && !host.starts_with('.')
        && !host.ends_with('.')
    {
        Ok(Some(url))
    } else {
        Err(Msg::WebsiteInvalid)
    }
}

/// An optional founding year between 1800 and `current_year`.
pub fn parse_founding_year(s: &str, current_year: i32) -> Result<Option<i32>, Msg> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i32>() {
        Ok(y) if (1800..=current_year).contains(&y) => Ok(Some(y)),
        _ => Err(Msg::YearInvalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_trimmed_lowercased_and_needs_an_at_and_a_dotted_domain() {
        assert_eq!(
            parse_email("  Eva@Example.NL "),
            Ok("eva@example.nl".into())
        );
        assert_eq!(parse_email(""), Err(Msg::Required));
        assert_eq!(parse_email("eva"), Err(Msg::EmailInvalid));
        assert_eq!(parse_email("eva@example"), Err(Msg::EmailInvalid));
        assert_eq!(parse_email("@example.nl"), Err(Msg::EmailInvalid));
        assert_eq!(parse_email("e va@example.nl"), Err(Msg::EmailInvalid));
        assert_eq!(
            parse_email(&format!("{}@example.nl", "a".repeat(250))),
            Err(Msg::TooLong(254))
        );
    }

    #[test]
    fn a_password_needs_12_characters_allows_64_and_has_no_composition_rules() {
        assert_eq!(parse_new_password(""), Err(Msg::Required));
        assert_eq!(
            parse_new_password("elevenchars"),
            Err(Msg::PasswordTooShort)
        );
        assert!(parse_new_password("twelve chars").is_ok());
        assert!(parse_new_password(&"x".repeat(64)).is_ok());
        assert!(parse_new_password(&"x".repeat(128)).is_ok());
        assert_eq!(
            parse_new_password(&"x".repeat(129)),
            Err(Msg::PasswordTooLong)
        );
        // Twelve characters of a non-Latin script are twelve characters, not bytes.
        assert!(parse_new_password("ééééééééééé").is_err());
        assert!(parse_new_password("éééééééééééé").is_ok());
    }

    #[test]
    fn a_kvk_number_is_exactly_eight_digits() {
        assert_eq!(parse_kvk("12345678"), Ok("12345678".into()));
        assert_eq!(parse_kvk(" 1234 5678 "), Ok("12345678".into()));
        assert_eq!(parse_kvk("12.34.56.78"), Ok("12345678".into()));
        assert_eq!(parse_kvk("1234567"), Err(Msg::KvkInvalid));
        assert_eq!(parse_kvk("123456789"), Err(Msg::KvkInvalid));
        assert_eq!(parse_kvk("1234567a"), Err(Msg::KvkInvalid));
        assert_eq!(parse_kvk(""), Err(Msg::Required));
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(required_text("  Bakkerij  ", 10), Ok("Bakkerij".into()));
        assert_eq!(required_text("   ", 10), Err(Msg::Required));
        assert_eq!(required_text("abcdefghijk", 10), Err(Msg::TooLong(10)));
        assert_eq!(optional_text(" ", 10), Ok(None));
    }

    #[test]
    fn websites_get_a_scheme_and_need_a_host() {
        assert_eq!(
            parse_website("bakkerij.nl"),
            Ok(Some("https://bakkerij.nl".into()))
        );
        assert_eq!(
            parse_website("http://x.nl/a"),
            Ok(Some("http://x.nl/a".into()))
        );
        assert_eq!(parse_website(""), Ok(None));
        assert_eq!(parse_website("bakkerij"), Err(Msg::WebsiteInvalid));
    }

    #[test]
    fn founding_years_are_plausible() {
        assert_eq!(parse_founding_year("1987", 2026), Ok(Some(1987)));
        assert_eq!(parse_founding_year("", 2026), Ok(None));
        assert_eq!(parse_founding_year("2027", 2026), Err(Msg::YearInvalid));
        assert_eq!(parse_founding_year("17xx", 2026), Err(Msg::YearInvalid));
    }
}

/// A calendar date as people here write it (dd-mm-jjjj, also with slashes or dots), or as
/// a date picker or another program sends it (yyyy-mm-dd).
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, Msg> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Msg::Required);
    }
    ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(s, f).ok())
        .ok_or(Msg::DateInvalid)
}

/// A date as the date fields show it: dd-mm-jjjj.
pub fn date_input(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The highest scan round a programme will reach (T0 is the first; one round a year).
pub const MAX_ROUND: i32 = 99;

/// A scan round as people write it: `T1`, `t1` or `1`, from 0 to [`MAX_ROUND`].
pub fn parse_round(s: &str) -> Result<i32, Msg> {
    s.trim()
        .trim_start_matches(['T', 't'])
        .parse::<i32>()
        .ok()
        .filter(|r| (0..=MAX_ROUND).contains(r))
        .ok_or(Msg::ChoiceInvalid)
}

#[cfg(test)]
mod round_tests {
    use super::*;

    #[test]
    fn rounds_are_read_as_people_write_them_and_stay_in_range() {
        assert_eq!(parse_round("T0"), Ok(0));
        assert_eq!(parse_round(" t2 "), Ok(2));
        assert_eq!(parse_round("7"), Ok(7));
        for bad in ["T2147483647", "T-1", "T100", "Tx", "", "T 1"] {
            assert_eq!(parse_round(bad), Err(Msg::ChoiceInvalid), "{bad}");
        }
    }
}
