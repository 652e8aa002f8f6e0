//! Password hashing with argon2id. Hashing is deliberately slow: callers in
//! async code run it on the blocking pool (`hash_blocking`, `verify_blocking`).

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use ruamjai_domain::accounts::Password;

use crate::{Error, Result};

/// A PHC string (`$argon2id$v=19$…`) for a new password.
pub fn hash(password: &Password) -> String {
    let mut salt_bytes = [0_u8; 16];
    getrandom::fill(&mut salt_bytes).expect("the operating system provides randomness");
    let salt = SaltString::encode_b64(&salt_bytes).expect("16 bytes make a valid salt");
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .expect("argon2 accepts these inputs")
        .to_string()
}

/// Whether `candidate` matches a stored PHC string; an unreadable hash never matches.
pub fn verify(candidate: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .is_ok_and(|parsed| Argon2::default().verify_password(candidate.as_bytes(), &parsed).is_ok())
}

/// A real hash to verify against when the e-mail is unknown, so that a failed
/// login takes as long whether or not the account exists.
pub static DECOY_HASH: LazyLock<String> =
    LazyLock::new(|| hash(&Password::parse("decoy-password-never-matches").expect("long enough")));

pub async fn hash_blocking(password: Password) -> Result<String> {
    tokio::task::spawn_blocking(move || hash(&password)).await.map_err(|e| Error::Internal(e.to_string()))
}

pub async fn verify_blocking(candidate: String, stored: Option<String>) -> Result<bool> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let matched = verify(&candidate, stored.as_deref().unwrap_or(&DECOY_HASH));
        known && matched
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash(&Password::parse("รหัสผ่านที่ยาวพอ").unwrap());
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("รหัสผ่านที่ยาวพอ", &stored));
        assert!(!verify("something else", &stored));
        assert!(!verify("anything", "not a hash"));
    }
}
