//! Recovery codes: ten one-time codes like `k7dm-x3pq-h9ta`, for when the phone is lost. Only
//! their SHA-256 is stored. Twelve characters from 31 (no `i`, `l`, `o`, `0` or `1`, which
//! are easy to mix up) give about 59 bits: far beyond guessing in a handful of attempts.
use db::tokens;

pub const COUNT: usize = 10;
const LENGTH: usize = 12;
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// Ten new codes, formatted for reading.
pub fn generate() -> Vec<String> {
    (0..COUNT).map(|_| format(&one())).collect()
}

fn one() -> String {
    let mut out = String::with_capacity(LENGTH);
    // Bytes past the last whole multiple of the alphabet are skipped, so every character is
    // equally likely.
    let limit = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
    while out.len() < LENGTH {
        for b in tokens::random_bytes::<32>() {
            if b < limit && out.len() < LENGTH {
                out.push(ALPHABET[b as usize % ALPHABET.len()] as char);
            }
        }
    }
    out
}

fn format(compact: &str) -> String {
    compact
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed (any case, with or without dashes and spaces), or `None` when it cannot
/// be a recovery code.
pub fn normalise(typed: &str) -> Option<String> {
    let compact: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    (compact.len() == LENGTH && compact.bytes().all(|b| ALPHABET.contains(&b))).then_some(compact)
}

/// What is stored of a code.
pub fn digest(normalised: &str) -> String {
    tokens::digest(normalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_distinct_codes_in_three_groups_of_four() {
        let codes = generate();
        assert_eq!(codes.len(), 10);
        for c in &codes {
            assert_eq!(c.len(), 14, "{c}");
            assert_eq!(c.matches('-').count(), 2, "{c}");
            assert!(normalise(c).is_some(), "{c}");
        }
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), 10);
    }

    #[test]
    fn a_code_is_recognised_however_it_is_typed() {
        let n = normalise("k7dm-x3pq-h9ta").unwrap();
        assert_eq!(normalise(" K7DM X3PQ H9TA "), Some(n.clone()));
        assert_eq!(normalise("k7dmx3pqh9ta"), Some(n.clone()));
        assert_eq!(digest(&n), digest("k7dmx3pqh9ta"));
        for bad in [
            "",
            "123456",
            "k7dm-x3pq-h9t",
            "k7dm-x3pq-h9tao",
            "k7dm-x3pq-h9t0",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}
