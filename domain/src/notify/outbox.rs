//! The outbox's rules: what state a message is in, and when a failed one is tried again.
//! Delivery claims a message before it sends it, so two runs at once never send one twice; a
//! failure waits longer each time (exponential backoff with jitter) and after
//! [`MAX_ATTEMPTS`] the message stays failed, visible to staff.

use super::Channel;
use serde::{Deserialize, Serialize};

/// Tries before a message is given up.
pub const MAX_ATTEMPTS: u32 = 6;
/// The first retry waits about this long; each next one twice as long.
pub const RETRY_BASE_MS: i64 = 30_000;
/// No wait is longer than this.
pub const RETRY_CAP_MS: i64 = 30 * 60_000;
/// A claim lapses after this long (a delivery that died mid-send); the message is then claimed
/// again under the same id, which the gateway uses to drop a repeat.
pub const CLAIM_MS: i64 = 60_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Waiting for its time (`next_at`).
    Pending,
    /// Claimed by one delivery run.
    Sending,
    Sent,
    /// Given up after [`MAX_ATTEMPTS`], or refused for good by the provider.
    Failed,
    /// No provider is configured (local): recorded, not sent.
    Logged,
}

/// The wait before the next try after `failures` failed tries (1 = the first failed):
/// "equal jitter": half of `base · 2^(failures-1)` for sure, the other half at random
/// (`random` is any number; its remainder picks the share). So each wait is at least as long
/// as the longest the previous one could have been, and retries from many messages spread out.
pub fn retry_delay(failures: u32, base_ms: i64, random: u64) -> i64 {
    let (least, most) = retry_bounds(failures, base_ms);
    let spread = u64::try_from(most - least).unwrap_or(0) + 1;
    least + i64::try_from(random % spread).unwrap_or(0)
}

/// The shortest and longest wait [`retry_delay`] can choose after `failures` failed tries.
pub fn retry_bounds(failures: u32, base_ms: i64) -> (i64, i64) {
    let shift = failures.saturating_sub(1).min(20);
    let full = base_ms
        .saturating_mul(1 << shift)
        .min(RETRY_CAP_MS.max(base_ms));
    (full / 2, full)
}

/// What to do after a failed try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    RetryIn(i64),
    GiveUp,
}

/// A failed try: retry later, or give up when tries are spent or the provider refused for
/// good (`permanent`: e.g. a number that does not exist, a push subscription that is gone).
pub fn after_failure(attempts: u32, permanent: bool, base_ms: i64, random: u64) -> AfterFailure {
    if permanent || attempts >= MAX_ATTEMPTS {
        AfterFailure::GiveUp
    } else {
        AfterFailure::RetryIn(retry_delay(attempts, base_ms, random))
    }
}

/// One message on its way, as staff see the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutboxMessage {
    pub id: i64,
    /// Unique per message and channel: the gateway drops a repeat of one it has.
    pub message_id: String,
    pub channel: Channel,
    pub recipient: String,
    pub body: String,
    /// The case it is about, e.g. ("project", "12").
    pub case_kind: Option<super::inbox::CaseKind>,
    pub case_id: Option<String>,
    pub at: i64,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub next_at: Option<i64>,
    pub sent_at: Option<i64>,
    pub error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_and_each_is_at_least_the_longest_before_it() {
        let base = 1000;
        let mut longest_before = 0;
        for failures in 1..MAX_ATTEMPTS {
            let (lowest, highest) = retry_bounds(failures, base);
            assert_eq!(retry_delay(failures, base, 0), lowest);
            assert!(
                lowest >= longest_before,
                "try {failures}: {lowest} < {longest_before}"
            );
            assert!(highest >= lowest);
            for random in [1, 7, 499, 500, 501, 123_456_789, u64::MAX] {
                let d = retry_delay(failures, base, random);
                assert!((lowest..=highest).contains(&d));
            }
            longest_before = highest;
        }
        assert_eq!(retry_delay(1, base, 0), 500);
        assert_eq!(retry_delay(3, base, 0), 2000);
    }

    #[test]
    fn waits_stop_growing_at_the_cap() {
        let d = retry_delay(30, RETRY_BASE_MS, u64::MAX);
        assert!(d <= RETRY_CAP_MS);
        assert!(retry_delay(30, RETRY_BASE_MS, 0) >= RETRY_CAP_MS / 2);
    }

    #[test]
    fn a_message_is_given_up_after_its_last_try_or_a_permanent_refusal() {
        assert!(matches!(
            after_failure(1, false, 1000, 0),
            AfterFailure::RetryIn(500)
        ));
        assert_eq!(
            after_failure(MAX_ATTEMPTS, false, 1000, 0),
            AfterFailure::GiveUp
        );
        assert_eq!(after_failure(1, true, 1000, 0), AfterFailure::GiveUp);
    }
}

/// Days a settled message stays in D1; older ones are archived to R2 (docs/SCALE.md).
pub const KEEP_DAYS: u64 = 90;

/// What one archive run did (the outbox's, the ticket events'): the records moved to R2 and
/// the objects written.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArchiveRun {
    pub archived: u32,
    /// `outbox/{day of the first message}/{its id}.ndjson`, or
    /// `ticket-events/{day}/{hall}/{first sequence}.ndjson`,
    /// `ticket-facts/{day}/{hall}/{first ticket}.ndjson`; one record a line.
    pub objects: Vec<String>,
}

/// What one delivery run of the courier did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeliveryRun {
    pub sent: u32,
    pub retrying: u32,
    pub failed: u32,
}
