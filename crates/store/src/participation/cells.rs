//! The submission cells: what the year's submissions add up to per channel
//! and Bangkok day, kept in the same transaction as the writes that change
//! them, so that indicator 4 never counts the submissions themselves.

use crate::{Result, WriteTx};

/// Milliseconds of Bangkok's offset (UTC+7, no daylight saving).
const BANGKOK_MS: i64 = 7 * 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// The Bangkok day of a stored instant, as days since 1970-01-01.
pub(crate) fn day_of_ms(ms: i64) -> i64 {
    (ms + BANGKOK_MS).div_euclid(DAY_MS)
}

/// A date as the same day number.
pub(crate) fn day_number(date: time::Date) -> i64 {
    i64::from(date.to_julian_day())
        - i64::from(
            time::Date::from_calendar_date(1970, time::Month::January, 1)
                .expect("a valid date")
                .to_julian_day(),
        )
}

/// Where a change lands: the submission's year and channel, and a day.
pub(crate) struct Cell<'a> {
    pub office_id: i64,
    pub fiscal_year: i64,
    pub channel: &'a str,
    pub day: i64,
}

/// What a change adds (or, negative, takes back).
#[derive(Default)]
pub(crate) struct Gain {
    pub received: i64,
    pub answered: i64,
    pub answered_in_time: i64,
}

pub(crate) async fn add(tx: &mut WriteTx, cell: &Cell<'_>, gain: Gain) -> Result<()> {
    sqlx::query(
        "INSERT INTO submission_cells (office_id, fiscal_year, channel, day, received, answered, answered_in_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (office_id, fiscal_year, channel, day) DO UPDATE SET
             received = submission_cells.received + excluded.received,
             answered = submission_cells.answered + excluded.answered,
             answered_in_time = submission_cells.answered_in_time + excluded.answered_in_time",
    )
    .bind(cell.office_id)
    .bind(cell.fiscal_year)
    .bind(cell.channel)
    .bind(cell.day)
    .bind(gain.received)
    .bind(gain.answered)
    .bind(gain.answered_in_time)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The answer's share of the cells as its judgement changes: a first answer
/// adds itself on its day, a reopening takes it back, a new judgement (the
/// target or the pauses changed) swaps in-time for late or back.
pub(crate) async fn answer_judged(
    tx: &mut WriteTx,
    cell: &Cell<'_>,
    before: Option<i64>,
    after: Option<i64>,
) -> Result<()> {
    if before == after {
        return Ok(());
    }
    let weight = |met: Option<i64>| met.map_or((0, 0), |m| (1, m));
    let (was_answered, was_met) = weight(before);
    let (is_answered, is_met) = weight(after);
    let gain = Gain { received: 0, answered: is_answered - was_answered, answered_in_time: is_met - was_met };
    add(tx, cell, gain).await
}

/// Every office's cells again from the submissions (the migration's
/// statement): for data written around the store, such as a benchmark's seed.
pub(crate) const REBUILD: &str =
    "INSERT INTO submission_cells (office_id, fiscal_year, channel, day, received, answered, answered_in_time)
     SELECT office_id, fiscal_year, channel, day, SUM(received), SUM(answered), SUM(met)
     FROM (
         SELECT office_id, fiscal_year, channel, (created_at + 25200000) / 86400000 AS day,
                1 AS received, 0 AS answered, 0 AS met
         FROM submissions
         UNION ALL
         SELECT office_id, fiscal_year, channel, (answered_at + 25200000) / 86400000, 0, 1, reply_met
         FROM submissions WHERE reply_met IS NOT NULL AND answered_at IS NOT NULL
     ) x
     GROUP BY office_id, fiscal_year, channel, day";

impl crate::Store {
    /// Rebuilds the submission cells from the submissions themselves.
    pub async fn rebuild_submission_cells(&self) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM submission_cells").execute(&mut *tx).await?;
        sqlx::query(REBUILD).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::time_ms;

    #[test]
    fn a_bangkok_day_starts_at_seventeen_hundred_utc_the_day_before() {
        let midnight = time_ms::to_ms(datetime!(2026-10-01 00:00 +7));
        assert_eq!(day_of_ms(midnight), day_number(date!(2026 - 10 - 01)));
        assert_eq!(day_of_ms(midnight - 1), day_number(date!(2026 - 09 - 30)));
        assert_eq!(day_number(date!(1970 - 01 - 01)), 0);
    }
}
