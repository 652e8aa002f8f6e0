//! Instants are stored as UTC milliseconds since the Unix epoch (`BIGINT`),
//! the one representation both databases sort and compare the same way.

use time::OffsetDateTime;

pub fn to_ms(instant: OffsetDateTime) -> i64 {
    i64::try_from(instant.unix_timestamp_nanos() / 1_000_000).expect("instants fit in i64 milliseconds")
}

pub fn from_ms(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .expect("stored instants are in range")
}
