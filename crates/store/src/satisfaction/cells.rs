//! Adding a response's delta to the aggregate cells, and rebuilding the
//! cells of a campaign from its raw answers.

use ruamjai_domain::satisfaction::tally::Delta;

use crate::{Result, WriteTx};

/// Where a response's cells are: campaign × service × group × month.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellKey {
    pub campaign_id: i64,
    pub service_id: i64,
    pub group_id: i64,
    pub month: i64,
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Adds one response to its cells (an upsert per cell, so cells exist only
/// where answers do).
pub(crate) async fn add(tx: &mut WriteTx, key: CellKey, delta: &Delta) -> Result<()> {
    sqlx::query(
        "INSERT INTO response_cells (campaign_id, service_id, group_id, month, responses, dissatisfied)
         VALUES ($1, $2, $3, $4, 1, $5)
         ON CONFLICT (campaign_id, service_id, group_id, month) DO UPDATE SET
             responses = response_cells.responses + 1,
             dissatisfied = response_cells.dissatisfied + excluded.dissatisfied",
    )
    .bind(key.campaign_id)
    .bind(key.service_id)
    .bind(key.group_id)
    .bind(key.month)
    .bind(i64::from(delta.dissatisfied))
    .execute(&mut **tx)
    .await?;
    for item in &delta.items {
        let mut counts = [0_i64; 6];
        match item.score {
            Some(score @ 1..=5) => counts[usize::from(score - 1)] = 1,
            _ => counts[5] = 1,
        }
        let square = |s: Option<u64>| s.map_or(0, |s| signed(s * s));
        sqlx::query(
            "INSERT INTO item_cells (campaign_id, service_id, group_id, month, item, c1, c2, c3, c4, c5, na,
                 complete_sum, complete_squares, all_complete_sum, all_complete_squares)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             ON CONFLICT (campaign_id, service_id, group_id, month, item) DO UPDATE SET
                 c1 = item_cells.c1 + excluded.c1, c2 = item_cells.c2 + excluded.c2,
                 c3 = item_cells.c3 + excluded.c3, c4 = item_cells.c4 + excluded.c4,
                 c5 = item_cells.c5 + excluded.c5, na = item_cells.na + excluded.na,
                 complete_sum = item_cells.complete_sum + excluded.complete_sum,
                 complete_squares = item_cells.complete_squares + excluded.complete_squares,
                 all_complete_sum = item_cells.all_complete_sum + excluded.all_complete_sum,
                 all_complete_squares = item_cells.all_complete_squares + excluded.all_complete_squares",
        )
        .bind(key.campaign_id)
        .bind(key.service_id)
        .bind(key.group_id)
        .bind(key.month)
        .bind(&item.item)
        .bind(counts[0])
        .bind(counts[1])
        .bind(counts[2])
        .bind(counts[3])
        .bind(counts[4])
        .bind(counts[5])
        .bind(signed(item.complete_in_dimension.unwrap_or(0)))
        .bind(square(item.complete_in_dimension))
        .bind(signed(item.complete_overall.unwrap_or(0)))
        .bind(square(item.complete_overall))
        .execute(&mut **tx)
        .await?;
    }
    for dimension in &delta.dimensions {
        let Some(total) = dimension.complete_total else { continue };
        sqlx::query(
            "INSERT INTO dimension_cells (campaign_id, service_id, group_id, month, dimension, complete,
                 total_sum, total_squares)
             VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
             ON CONFLICT (campaign_id, service_id, group_id, month, dimension) DO UPDATE SET
                 complete = dimension_cells.complete + 1,
                 total_sum = dimension_cells.total_sum + excluded.total_sum,
                 total_squares = dimension_cells.total_squares + excluded.total_squares",
        )
        .bind(key.campaign_id)
        .bind(key.service_id)
        .bind(key.group_id)
        .bind(key.month)
        .bind(&dimension.dimension)
        .bind(signed(total))
        .bind(signed(total * total))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Empties a campaign's cells (before they are rebuilt).
pub(crate) async fn clear(tx: &mut WriteTx, campaign_id: i64) -> Result<()> {
    for table in ["response_cells", "item_cells", "dimension_cells"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE campaign_id = $1"))
            .bind(campaign_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
