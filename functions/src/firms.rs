//! The public directory of qualified firms.

use crate::error::Result;
use crate::http::ok;
use crate::projects;
use crate::router::Ctx;
use domain::firms::{Firm, FirmKind};
use domain::ApiError;
use serde::Deserialize;
use worker::Response;

#[derive(Deserialize)]
struct FirmRow {
    id: i64,
    name: String,
    kind: String,
    grade: String,
    qualification_no: String,
    qualification_expires: String,
    contact: String,
    phone: String,
}

impl FirmRow {
    fn into_firm(self) -> Result<Firm> {
        let bad = || ApiError::internal(format!("firm {} has malformed data", self.id));
        Ok(Firm {
            kind: FirmKind::parse(&self.kind).ok_or_else(bad)?,
            qualification_expires: self.qualification_expires.parse().map_err(|_| bad())?,
            id: self.id,
            name: self.name,
            grade: self.grade,
            qualification_no: self.qualification_no,
            contact: self.contact,
            phone: self.phone,
            record: Default::default(),
        })
    }
}

pub async fn handle_list_firms(ctx: &mut Ctx) -> Result<Response> {
    let rows: Vec<FirmRow> = ctx
        .db
        .all(
            "SELECT id, name, kind, grade, qualification_no, qualification_expires, contact, phone FROM firms ORDER BY kind, name",
            vec![],
        )
        .await?;
    let records = projects::firm_records(&ctx.db, ctx.now).await?;
    let firms = rows
        .into_iter()
        .map(|row| {
            let record = records.get(&row.id).copied().unwrap_or_default();
            Ok(Firm {
                record,
                ..row.into_firm()?
            })
        })
        .collect::<Result<Vec<_>>>()?;
    ok(&firms)
}
