//! RFC 6238 codes: six digits, 30-second steps, HMAC-SHA1 (what every authenticator app
//! supports), one step of clock skew either way. A step is accepted once: the caller keeps the
//! last one used and `check` refuses it and every earlier one. Also the QR code (inline SVG)
//! and the secret as text for typing it in.
use super::Setup;
use crate::domain::Msg;
use totp_rs::{Algorithm, Builder, Secret, Totp};

pub const STEP_SECONDS: u64 = 30;
/// The name authenticator apps show above the code.
pub const ISSUER: &str = "Datacoach";

/// A fresh secret of 160 bits (RFC 4226's recommendation), in base32.
pub fn new_secret() -> String {
    Secret::from(db::tokens::random_bytes::<20>().to_vec()).to_base32()
}

fn totp(secret: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret)
        // A colon separates issuer and account in the URI: it cannot be part of either.
        .with_account_name(account.replace(':', ""))
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The time step of a moment (unix seconds).
pub fn step_of(unix_time: u64) -> i64 {
    i64::try_from(unix_time / STEP_SECONDS).unwrap_or(i64::MAX)
}

pub fn unix_now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default()
}

/// The time step `code` belongs to, if it is the code of the current step or of the one just
/// before or after (clocks and typing are not exact), and later than `last_used_step`.
pub fn check(
    secret: &str,
    code: &str,
    unix_time: u64,
    last_used_step: Option<i64>,
) -> Result<i64, Msg> {
    // A secret that does not decode accepts nothing (it cannot come from this module).
    let totp = totp(secret, "").ok_or(Msg::CodeInvalid)?;
    let step = totp
        .check(code, unix_time)
        .and_then(|s| i64::try_from(s).ok())
        .ok_or(Msg::CodeInvalid)?;
    if last_used_step.is_some_and(|last| step <= last) {
        return Err(Msg::CodeUsed);
    }
    Ok(step)
}

/// The code an app shows at `unix_time` (for the tests and the demo).
pub fn code_at(secret: &str, unix_time: u64) -> Option<String> {
    totp(secret, "").map(|t| t.generate(unix_time).to_string())
}

/// What enrolling shows: the QR code, its URI and the secret in groups of four.
pub fn setup(secret: &str, account: &str) -> Option<Setup> {
    let uri = totp(secret, account)?.to_url().ok()?;
    let qr =
        qrcode::QrCode::with_error_correction_level(uri.as_bytes(), qrcode::EcLevel::M).ok()?;
    let svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Some(Setup {
        qr_svg: inline_svg(&svg),
        uri,
        secret_groups: in_groups_of_four(secret),
    })
}

/// The renderer writes a standalone file; inline, the XML declaration goes, and the drawing
/// is hidden from screen readers (its container carries the accessible name).
fn inline_svg(svg: &str) -> String {
    let body = svg.split_once("?>").map_or(svg, |(_, rest)| rest);
    body.replacen("<svg ", r#"<svg aria-hidden="true" focusable="false" "#, 1)
}

fn in_groups_of_four(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 key ("12345678901234567890") in base32.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_are_those_of_rfc_6238() {
        // Appendix B lists eight digits; six-digit codes are their last six.
        assert_eq!(code_at(RFC_SECRET, 59).unwrap(), "287082");
        assert_eq!(code_at(RFC_SECRET, 1_111_111_109).unwrap(), "081804");
        assert_eq!(code_at(RFC_SECRET, 2_000_000_000).unwrap(), "279037");
    }

    #[test]
    fn the_code_of_the_step_before_or_after_is_accepted_but_not_two_steps_away() {
        let now = 1_800_000_015;
        let step = step_of(now);
        for (offset, accepted) in [(-2i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let at = (now as i64 + offset * STEP_SECONDS as i64) as u64;
            let code = code_at(RFC_SECRET, at).unwrap();
            let result = check(RFC_SECRET, &code, now, None);
            if accepted {
                assert_eq!(result, Ok(step + offset), "offset {offset}");
            } else {
                assert_eq!(result, Err(Msg::CodeInvalid), "offset {offset}");
            }
        }
    }

    #[test]
    fn a_used_step_and_every_earlier_one_are_refused() {
        let now = 1_800_000_015;
        let code = code_at(RFC_SECRET, now).unwrap();
        let step = check(RFC_SECRET, &code, now, None).unwrap();
        assert_eq!(
            check(RFC_SECRET, &code, now, Some(step)),
            Err(Msg::CodeUsed)
        );
        let before = code_at(RFC_SECRET, now - STEP_SECONDS).unwrap();
        assert_eq!(
            check(RFC_SECRET, &before, now, Some(step)),
            Err(Msg::CodeUsed)
        );
        let next = code_at(RFC_SECRET, now + STEP_SECONDS).unwrap();
        assert_eq!(check(RFC_SECRET, &next, now, Some(step)), Ok(step + 1));
    }

    #[test]
    fn anything_but_six_digits_of_the_right_code_is_refused() {
        let now = 1_800_000_015;
        let code = code_at(RFC_SECRET, now).unwrap();
        let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
        for typed in [wrong.as_str(), "", "12345", "1234567", "+12345", "abcdef"] {
            assert_eq!(
                check(RFC_SECRET, typed, now, None),
                Err(Msg::CodeInvalid),
                "{typed}"
            );
        }
        assert_eq!(
            check("not base32!", &code, now, None),
            Err(Msg::CodeInvalid)
        );
    }

    #[test]
    fn the_setup_holds_an_inline_svg_the_uri_and_the_secret_in_groups() {
        let s = setup(RFC_SECRET, "anouk@example.nl").unwrap();
        assert!(
            s.qr_svg.starts_with("<svg aria-hidden=\"true\""),
            "{}",
            &s.qr_svg[..60]
        );
        assert!(s.qr_svg.ends_with("</svg>"));
        assert_eq!(
            s.uri,
            format!(
                "otpauth://totp/Datacoach:anouk%40example.nl?secret={RFC_SECRET}&issuer=Datacoach"
            )
        );
        assert_eq!(s.secret_groups, "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
        assert_eq!(new_secret().len(), 32);
        assert_ne!(new_secret(), new_secret());
    }
}
