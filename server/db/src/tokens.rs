//! Random secrets for cookies and e-mailed links. Only their SHA-256 is stored.
use sha2::{Digest, Sha256};

/// 32 random bytes, hex encoded (64 characters).
pub fn new_secret() -> String {
    hex::encode(random_bytes::<32>())
}

/// `N` bytes from the operating system's random source (TOTP secrets, recovery codes).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes
}

pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_are_long_random_and_digests_stable() {
        let a = super::new_secret();
        let b = super::new_secret();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(super::digest(&a), super::digest(&a));
        assert_ne!(super::digest(&a), a);
    }
}
