//! Random secrets and their stored form: session, CSRF, API and link tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// 256 random bits, URL-safe: for session, CSRF and API tokens.
pub fn random_token() -> String {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A uniform draw in 0..100, for sampling whom to invite.
pub fn percent_draw() -> u8 {
    loop {
        let mut byte = [0_u8; 1];
        getrandom::fill(&mut byte).expect("the operating system provides randomness");
        // 200 of the 256 values map evenly onto 0..100; the rest draw again.
        if byte[0] < 200 {
            return byte[0] % 100;
        }
    }
}

/// What the database keeps of a token: a SHA-256 hash is enough because the
/// token itself is random and long; a password would need argon2.
pub fn token_hash(token: &str) -> String {
    ruamjai_domain::hash::sha256_hex(token.as_bytes())
}

/// Compares secrets without an early exit that would leak their prefix by timing.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_distinct_and_url_safe() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(a.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(token_hash(&a).len(), 64);
        assert!(same_secret(&a, &a.clone()) && !same_secret(&a, &b) && !same_secret("ab", "abc"));
    }
}
