//! Euro amounts: always integer cents inside, typed as people write them outside
//! ("1.250,00" or "1250" in Dutch, "1,250.00" in English), shown as EUR 1.250,00 / EUR 1,250.00.
use crate::domain::Msg;
use crate::i18n::Locale;

/// Parses an amount in euros into cents. Accepts a comma or a point as the decimal separator
/// (the last one, followed by one or two digits) and dots, commas or spaces between thousands.
/// Never negative.
pub fn parse_euro(s: &str) -> Result<i64, Msg> {
    let t: String = s
        .trim()
        .trim_start_matches("EUR")
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if t.is_empty() {
        return Err(Msg::Required);
    }
    if t.starts_with('-') {
        return Err(Msg::AmountInvalid);
    }
    let (whole, fraction) = match t.rfind([',', '.']) {
        Some(i) if t.len() - i - 1 <= 2 && t.len() - i > 1 => (&t[..i], &t[i + 1..]),
        _ => (t.as_str(), ""),
    };
    let digits: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(Msg::AmountInvalid);
    }
    let euros: i64 = digits.parse().map_err(|_| Msg::AmountInvalid)?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| Msg::AmountInvalid)? * 10,
        _ => fraction.parse().map_err(|_| Msg::AmountInvalid)?,
    };
    euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(Msg::AmountInvalid)
}

/// "EUR 1.250,00" in Dutch, "EUR 1,250.00" in English.
pub fn format_euro(l: Locale, cents: i64) -> String {
    let (thousands, decimal) = if l == Locale::nl {
        ('.', ',')
    } else {
        (',', '.')
    };
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let whole = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(ch);
    }
    format!("EUR {sign}{grouped}{decimal}{:02}", c % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_the_way_people_type_them() {
        assert_eq!(parse_euro("1.250,00"), Ok(125_000));
        assert_eq!(parse_euro("1250"), Ok(125_000));
        assert_eq!(parse_euro("1,250.50"), Ok(125_050));
        assert_eq!(parse_euro("€ 300.000"), Ok(30_000_000));
        assert_eq!(parse_euro("12,5"), Ok(1_250));
        assert_eq!(parse_euro(""), Err(Msg::Required));
        assert_eq!(parse_euro("-5"), Err(Msg::AmountInvalid));
        assert_eq!(parse_euro("vijftig"), Err(Msg::AmountInvalid));
    }

    #[test]
    fn amounts_are_written_in_the_readers_style() {
        assert_eq!(format_euro(Locale::nl, 125_000), "EUR 1.250,00");
        assert_eq!(format_euro(Locale::en, 125_000), "EUR 1,250.00");
        assert_eq!(format_euro(Locale::nl, 300_000_00), "EUR 300.000,00");
        assert_eq!(
            format_euro(Locale::en, 123_456_789_01),
            "EUR 123,456,789.01"
        );
        assert_eq!(format_euro(Locale::nl, 5), "EUR 0,05");
    }
}
