//! A thin layer over D1: bind Rust values, read rows into structs, and turn epoch milliseconds
//! into chrono times.

use crate::error::Result;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result, Env};

pub struct Db {
    d1: D1Database,
    /// `QUERY_LOG` is set (the test server): each statement is logged once per isolate, for the
    /// query-plan test (tests/query_plans.py), with the schema it runs on.
    log_queries: bool,
    /// Whose schema this database has: "city", or "billing" (migrations-billing/).
    schema: &'static str,
}

thread_local! {
    static LOGGED: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

/// Logs `sql` as `[sql city] "…"` (JSON) the first time this isolate runs it on that schema.
fn log_query(schema: &str, sql: &str) {
    let first = LOGGED.with_borrow_mut(|seen| seen.insert(format!("{schema} {sql}")));
    if first {
        let quoted = serde_json::to_string(sql).unwrap_or_default();
        worker::console_warn!("[sql {schema}] {quoted}");
    }
}

/// A value bound to a `?` placeholder.
#[derive(Clone)]
pub enum Arg {
    Int(i64),
    Text(String),
    Null,
}

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Int(i64::from(v))
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}
impl<T: Into<Arg>> From<Option<T>> for Arg {
    fn from(v: Option<T>) -> Self {
        v.map(Into::into).unwrap_or(Arg::Null)
    }
}

impl Arg {
    fn to_js(&self) -> JsValue {
        match self {
            // D1 numbers are f64; every id and timestamp here is far below 2^53.
            Arg::Int(i) => JsValue::from_f64(*i as f64),
            Arg::Text(s) => JsValue::from_str(s),
            Arg::Null => JsValue::NULL,
        }
    }
}

/// `args![a, b, c]` builds the bound values of a statement.
#[macro_export]
macro_rules! args {
    ($($v:expr),* $(,)?) => { vec![$($crate::db::Arg::from($v)),*] };
}

impl Db {
    /// The city's database.
    pub fn new(env: &Env) -> Result<Db> {
        Db::bound(env, "DB")
    }

    /// The D1 database bound as `binding` (a billing database: billing::regions).
    pub fn bound(env: &Env, binding: &str) -> Result<Db> {
        Ok(Db {
            d1: env.d1(binding)?,
            schema: if binding == "DB" { "city" } else { "billing" },
            log_queries: crate::settings::setting(env, "QUERY_LOG").is_some(),
        })
    }

    pub fn statement(&self, sql: &str, args: Vec<Arg>) -> Result<D1PreparedStatement> {
        if self.log_queries {
            log_query(self.schema, sql);
        }
        let values: Vec<JsValue> = args.iter().map(Arg::to_js).collect();
        Ok(self.d1.prepare(sql).bind(&values)?)
    }

    pub async fn all<T: DeserializeOwned>(&self, sql: &str, args: Vec<Arg>) -> Result<Vec<T>> {
        Ok(self.statement(sql, args)?.all().await?.results()?)
    }

    pub async fn first<T: DeserializeOwned>(&self, sql: &str, args: Vec<Arg>) -> Result<Option<T>> {
        Ok(self.statement(sql, args)?.first(None).await?)
    }

    /// The one row of `sql`, or 404 for `what` ("project") when there is none.
    pub async fn found<T: DeserializeOwned>(
        &self,
        sql: &str,
        args: Vec<Arg>,
        what: &str,
    ) -> Result<T> {
        self.first(sql, args)
            .await?
            .ok_or_else(|| domain::ApiError::not_found(what).into())
    }

    /// The rows of `sql`, whose result columns are named `columns` ("a, b, c"), sent back by
    /// SQLite as one JSON text and read into `T` field by field in that order. For lists of
    /// hundreds of rows this is cheaper in the Worker than `all`, which makes a JS object of
    /// every row and reads it field by field across the boundary. For bounded lists only (a
    /// page): SQLite refuses a text over a few MB (SQLITE_TOOBIG), which a month of a city's
    /// ticket facts is.
    pub async fn all_packed<T: DeserializeOwned>(
        &self,
        sql: &str,
        columns: &str,
        args: Vec<Arg>,
    ) -> Result<Vec<T>> {
        unpack(&self.packed(sql, columns, args)?.all().await?)
    }

    /// `all_packed`'s statement, for a batch of reads; `unpack` reads its result.
    pub fn packed(&self, sql: &str, columns: &str, args: Vec<Arg>) -> Result<D1PreparedStatement> {
        let packed = format!("SELECT json_group_array(json_array({columns})) AS rows FROM ({sql})");
        self.statement(&packed, args)
    }

    /// Runs a write; returns the new row id of an insert and how many rows changed.
    pub async fn run(&self, sql: &str, args: Vec<Arg>) -> Result<Written> {
        let meta = self.statement(sql, args)?.run().await?.meta()?;
        Ok(Written {
            last_row_id: meta.as_ref().and_then(|m| m.last_row_id).unwrap_or(0),
            changes: meta.and_then(|m| m.changes).unwrap_or(0),
        })
    }
}

/// A row of one column, `id`.
#[derive(serde::Deserialize)]
pub struct Id {
    pub id: i64,
}

impl Db {
    /// The `id` column of every row `sql` selects.
    pub async fn ids(&self, sql: &str, args: Vec<Arg>) -> Result<Vec<i64>> {
        let rows: Vec<Id> = self.all(sql, args).await?;
        Ok(rows.into_iter().map(|r| r.id).collect())
    }

    /// Several reads in one round trip: each statement's result, in order (`D1Result::results`).
    pub async fn reads(&self, statements: Vec<D1PreparedStatement>) -> Result<Vec<D1Result>> {
        Ok(self.d1.batch(statements).await?)
    }

    /// Runs several statements in one transaction.
    pub async fn batch(&self, statements: Vec<D1PreparedStatement>) -> Result<()> {
        if !statements.is_empty() {
            self.d1.batch(statements).await?;
        }
        Ok(())
    }
}

impl Db {
    /// The items of several records in one query (a page of cases' files or trails), grouped by
    /// record in the order read. `sql` selects `key` (the record) and `item`, the item as a
    /// `json_object(…)`.
    pub async fn grouped<T: DeserializeOwned>(
        &self,
        sql: &str,
        args: Vec<Arg>,
    ) -> Result<HashMap<i64, Vec<T>>> {
        #[derive(serde::Deserialize)]
        struct Keyed {
            key: i64,
            item: String,
        }
        let mut out: HashMap<i64, Vec<T>> = HashMap::new();
        for row in self.all::<Keyed>(sql, args).await? {
            out.entry(row.key)
                .or_default()
                .push(serde_json::from_str(&row.item)?);
        }
        Ok(out)
    }
}

/// The rows of a `Db::packed` statement's result.
pub fn unpack<T: DeserializeOwned>(result: &D1Result) -> Result<Vec<T>> {
    #[derive(serde::Deserialize)]
    struct Packed {
        rows: String,
    }
    match result.results::<Packed>()?.into_iter().next() {
        Some(p) => Ok(serde_json::from_str(&p.rows)?),
        None => Ok(Vec::new()),
    }
}

impl Db {
    /// Runs several statements in one transaction; the first row the first one returns (an
    /// `INSERT … RETURNING id`).
    pub async fn batch_returning<T: DeserializeOwned>(
        &self,
        statements: Vec<D1PreparedStatement>,
    ) -> Result<Option<T>> {
        match self.reads(statements).await?.first() {
            Some(first) => Ok(first.results::<T>()?.into_iter().next()),
            None => Ok(None),
        }
    }
}

pub struct Written {
    pub last_row_id: i64,
    pub changes: usize,
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

pub fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
