//! Operations: the managers' dashboard and the public live wait.
use super::{encode, get};
use domain::operations::dashboard::Dashboard;
use domain::operations::live_wait::LiveWait;
use domain::ApiError;

/// The filter the dashboard page sends; empty values take the server's defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DashboardFilter {
    pub hall: String,
    pub from: String,
    pub to: String,
    pub tmax: String,
}

pub async fn dashboard(f: DashboardFilter) -> Result<Dashboard, ApiError> {
    get(&format!(
        "/api/ops/dashboard?hall={}&from={}&to={}&tmax={}",
        encode(&f.hall),
        encode(&f.from),
        encode(&f.to),
        encode(&f.tmax)
    ))
    .await
}

pub async fn live_wait() -> Result<LiveWait, ApiError> {
    get("/api/live-wait").await
}
