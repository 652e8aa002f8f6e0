//! The aggregate cells reports read: what a batch of responses adds is
//! summed in memory first, then each touched cell is upserted once.

use std::collections::BTreeMap;

use ruamjai_domain::satisfaction::tally::{CellSums, Delta, ItemSums};

use crate::{Result, WriteTx};

/// Where a response's cells are: survey × service × group × month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CellKey {
    pub survey_id: i64,
    pub service_id: i64,
    pub group_id: i64,
    pub month: i64,
}

/// What one cell key gains from a batch.
#[derive(Debug, Default)]
struct Gain {
    responses: u64,
    dissatisfied: u64,
    sums: CellSums,
}

/// The gains of a batch of responses, by cell key.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    gains: BTreeMap<CellKey, Gain>,
}

impl Tally {
    pub fn add(&mut self, key: CellKey, delta: &Delta) {
        let gain = self.gains.entry(key).or_default();
        gain.responses += 1;
        gain.dissatisfied += u64::from(delta.dissatisfied);
        gain.sums.add(delta);
    }
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Parameters per multi-row statement. Few enough to stay fast: SQLite
/// finds a named parameter (`$7`) by walking the statement's list of names,
/// so binding costs grow with the square of their number (seen: 1,000 per
/// statement took 38 % of a loaded server's time).
pub(crate) const MAX_PARAMETERS: usize = 128;

/// `($1, $2), ($3, $4)` for 2 rows of 2 columns.
pub(crate) fn placeholders(rows: usize, columns: usize) -> String {
    let row = |r: usize| {
        let cells: Vec<String> = (1..=columns).map(|c| format!("${}", r * columns + c)).collect();
        format!("({})", cells.join(", "))
    };
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

/// Adds a batch's gains to the cells (cells exist only where answers do).
pub(crate) async fn add(tx: &mut WriteTx, tally: &Tally) -> Result<()> {
    for (key, gain) in &tally.gains {
        add_responses(tx, key, gain).await?;
        add_items(tx, key, &gain.sums).await?;
        add_dimensions(tx, key, &gain.sums).await?;
    }
    Ok(())
}

async fn add_responses(tx: &mut WriteTx, key: &CellKey, gain: &Gain) -> Result<()> {
    sqlx::query(
        "INSERT INTO response_cells (survey_id, service_id, group_id, month, responses, dissatisfied)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (survey_id, service_id, group_id, month) DO UPDATE SET
             responses = response_cells.responses + excluded.responses,
             dissatisfied = response_cells.dissatisfied + excluded.dissatisfied",
    )
    .bind(key.survey_id)
    .bind(key.service_id)
    .bind(key.group_id)
    .bind(key.month)
    .bind(signed(gain.responses))
    .bind(signed(gain.dissatisfied))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn add_items(tx: &mut WriteTx, key: &CellKey, sums: &CellSums) -> Result<()> {
    let items: Vec<_> = sums.items.iter().collect();
    for chunk in items.chunks(MAX_PARAMETERS / 15) {
        add_item_rows(tx, key, chunk).await?;
    }
    Ok(())
}

async fn add_item_rows(tx: &mut WriteTx, key: &CellKey, items: &[(&String, &ItemSums)]) -> Result<()> {
    let sql = format!(
        "INSERT INTO item_cells (survey_id, service_id, group_id, month, item, c1, c2, c3, c4, c5, na,
             complete_sum, complete_squares, all_complete_sum, all_complete_squares)
         VALUES {}
         ON CONFLICT (survey_id, service_id, group_id, month, item) DO UPDATE SET
             c1 = item_cells.c1 + excluded.c1, c2 = item_cells.c2 + excluded.c2,
             c3 = item_cells.c3 + excluded.c3, c4 = item_cells.c4 + excluded.c4,
             c5 = item_cells.c5 + excluded.c5, na = item_cells.na + excluded.na,
             complete_sum = item_cells.complete_sum + excluded.complete_sum,
             complete_squares = item_cells.complete_squares + excluded.complete_squares,
             all_complete_sum = item_cells.all_complete_sum + excluded.all_complete_sum,
             all_complete_squares = item_cells.all_complete_squares + excluded.all_complete_squares",
        placeholders(items.len(), 15)
    );
    let mut query = sqlx::query(&sql);
    for (item, s) in items {
        query = query.bind(key.survey_id).bind(key.service_id).bind(key.group_id).bind(key.month).bind(item);
        for count in s.counts.dist {
            query = query.bind(signed(count));
        }
        query = query
            .bind(signed(s.counts.na))
            .bind(signed(s.complete_sum))
            .bind(signed(s.complete_squares))
            .bind(signed(s.all_complete_sum))
            .bind(signed(s.all_complete_squares));
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

async fn add_dimensions(tx: &mut WriteTx, key: &CellKey, sums: &CellSums) -> Result<()> {
    if sums.dimensions.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO dimension_cells (survey_id, service_id, group_id, month, dimension, complete,
             total_sum, total_squares)
         VALUES {}
         ON CONFLICT (survey_id, service_id, group_id, month, dimension) DO UPDATE SET
             complete = dimension_cells.complete + excluded.complete,
             total_sum = dimension_cells.total_sum + excluded.total_sum,
             total_squares = dimension_cells.total_squares + excluded.total_squares",
        placeholders(sums.dimensions.len(), 8)
    );
    let mut query = sqlx::query(&sql);
    for (dimension, s) in &sums.dimensions {
        query = query
            .bind(key.survey_id)
            .bind(key.service_id)
            .bind(key.group_id)
            .bind(key.month)
            .bind(dimension)
            .bind(signed(s.complete))
            .bind(signed(s.total_sum))
            .bind(signed(s.total_squares));
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

/// Empties a survey's cells (before they are rebuilt).
pub(crate) async fn clear(tx: &mut WriteTx, survey_id: i64) -> Result<()> {
    for table in ["response_cells", "item_cells", "dimension_cells"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE survey_id = $1"))
            .bind(survey_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
