//! One Durable Object per hall and day owns that day's queue: every change runs here one at a
//! time, so two counters never get the same ticket. It stores its state in its own SQLite,
//! answers the Worker's commands, and tells every WebSocket of each change (see `fanout`).

pub mod archive;
mod execute;
mod fanout;
mod history;
mod notices;
mod outbox;
mod store;

use crate::db::Db;
use crate::error::Error;
use crate::hall_business::hall_business;
use crate::hall_calendar::hall_calendar;
use crate::halls::{announces_in_english, hall_counters};
use crate::http::error_response;
use domain::displays::CLOSE_REVOKED;
use domain::hours::Days;
use domain::queue::protocol::QueueRequest;
use domain::queue::{CounterState, HallQueue, QueueConfig};
use domain::ApiError;
use fanout::Fanout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use store::{Live, Store};
use worker::{
    durable_object, DurableObject, Env, Request, Response, Result, State, WebSocket,
    WebSocketIncomingMessage, WebSocketPair,
};

/// Events wait at most this long before they are copied to D1.
const FLUSH_DELAY_MS: i64 = 1000;
/// After a full batch the next one follows soon, so a rush does not leave D1 behind.
const NEXT_BATCH_DELAY_MS: i64 = 100;

#[durable_object]
pub struct HallQueueObject {
    state: State,
    env: Env,
    /// Shared with the fan-out, which sends the state a moment after a change.
    live: Rc<RefCell<Option<Live>>>,
    fanout: Fanout,
    /// Whether a flush alarm is known to be set, so a change need not ask storage.
    flush_scheduled: Cell<bool>,
}

impl HallQueueObject {
    fn store(&self) -> Result<Store> {
        Ok(Store::new(self.state.storage().sql()))
    }

    /// Loads the day's queue, or starts it with the hall's counters from D1.
    async fn ensure_live(&self, hall: &str, day: &str) -> std::result::Result<(), Error> {
        if self.live.borrow().is_some() {
            return Ok(());
        }
        if let Some(live) = Store::create(self.state.storage().sql())?.load()? {
            *self.live.borrow_mut() = Some(live);
            return Ok(());
        }
        let db = Db::new(&self.env)?;
        let english = announces_in_english(&db, hall).await?;
        let hours = hall_calendar(&db, hall).await?;
        // Every counter starts closed: a clerk signing in opens one.
        let counters = hall_counters(&db, hall)
            .await?
            .into_iter()
            .map(|c| CounterState {
                trained: c.trained,
                ..CounterState::closed(c.number, &c.serves)
            })
            .collect();
        let patience = history::patience(&db, hall, day).await?;
        let business = hall_business(&db, hall).await?;
        let closes_at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .and_then(|date| hours.closes_on(date));
        // Another request may have started the queue while D1 answered.
        let mut slot = self.live.borrow_mut();
        if slot.is_none() {
            let mut queue = HallQueue::new(hall, day, counters, QueueConfig::default());
            queue.board.announce_english = english;
            queue.closes_at = closes_at;
            queue.patience = patience;
            queue.set_business(business);
            *slot = Some(Live {
                queue,
                keys: Default::default(),
                calls: Vec::new(),
                watches: Default::default(),
            });
        }
        Ok(())
    }

    async fn schedule_flush(&self) -> Result<()> {
        if self.flush_scheduled.get() {
            return Ok(());
        }
        // An alarm set for later (the closing) must not hold the flush back.
        let storage = self.state.storage();
        let soon = crate::db::now().timestamp_millis() + FLUSH_DELAY_MS;
        if storage.get_alarm().await?.is_none_or(|at| at > soon) {
            storage.set_alarm(FLUSH_DELAY_MS).await?;
        }
        self.flush_scheduled.set(true);
        Ok(())
    }

    /// Milliseconds until the day's closing, while someone is still signed in and the clock
    /// is the real one (on the test clock a command after closing signs them out instead).
    fn closing_in(&self, now: i64) -> Option<i64> {
        if crate::clock::test_clock_on(&self.env) {
            return None;
        }
        let slot = self.live.borrow();
        let queue = &slot.as_ref()?.queue;
        let staffed = queue.counters.iter().any(|c| c.clerk.is_some());
        queue
            .closes_at
            .filter(|_| staffed)
            .map(|at| (at - now).max(0))
    }

    /// Signs out the counters still signed in once the day's closing has passed, as a
    /// command would, and tells the screens.
    fn sign_out_at_closing(&self, now: i64) -> std::result::Result<(), Error> {
        let calls = {
            let mut slot = self.live.borrow_mut();
            let Some(live) = slot.as_mut() else {
                return Ok(());
            };
            if live.queue.close_if_past_closing(now) == 0 {
                return Ok(());
            }
            let changes = live.queue.take_counter_changes();
            execute::persist(live, &self.store()?, Vec::new(), changes)?
        };
        let sockets = self.state.get_websockets();
        self.fanout.changed(&self.live, sockets, calls, now);
        Ok(())
    }

    async fn handle_command(&self, mut req: Request) -> std::result::Result<Response, Error> {
        // Text and serde_json: walking a parsed JS object field by field costs far more.
        let text = req.text().await?;
        let request: QueueRequest = serde_json::from_str(&text)
            .map_err(|_| ApiError::internal("malformed queue command"))?;
        let now = request.now;
        let mut calls = Vec::new();
        let mut notices_due = false;
        let (response, changed) = {
            let mut slot = self.live.borrow_mut();
            let live = slot
                .as_mut()
                .ok_or_else(|| ApiError::internal("queue not loaded"))?;
            let outcome = execute::run(live, request)?;
            let store = self.store()?;
            if let Some(id) = outcome.watched {
                store.save_ticket(live.queue.ticket(id)?)?;
                store.save_watch(id, live.watches.get(&id))?;
            }
            if outcome.changed {
                calls = execute::persist(live, &store, outcome.events, outcome.counter_changes)?;
            }
            if outcome.changed || outcome.watched.is_some() {
                notices_due = notices::after_change(
                    live,
                    &store,
                    &outcome.hall_cancelled,
                    outcome.broadcast.as_deref(),
                    now,
                )?;
            }
            (outcome.response, outcome.changed)
        };
        if changed {
            let sockets = self.state.get_websockets();
            self.fanout.changed(&self.live, sockets, calls, now);
        }
        if notices_due {
            // A customer waits for these: copy them now, not after the usual delay.
            self.state.storage().set_alarm(0).await?;
            self.flush_scheduled.set(true);
        } else if changed {
            self.schedule_flush().await?;
        }
        Ok(response)
    }

    /// A screen's socket; a paired TV's is tagged with its display, so revoking finds it.
    fn handle_socket(&self, now: i64, display: Option<i64>) -> Result<Response> {
        let pair = WebSocketPair::new()?;
        match display {
            Some(id) => self
                .state
                .accept_websocket_with_tags(&pair.server, &[&display_tag(id)]),
            None => self.state.accept_web_socket(&pair.server),
        }
        if let Some(live) = self.live.borrow().as_ref() {
            fanout::greet(&pair.server, live, now);
        }
        Response::from_websocket(pair.client)
    }

    /// Closes a revoked TV's sockets; it will not be let back in.
    fn handle_disconnect(&self, display: Option<i64>) -> Result<Response> {
        if let Some(id) = display {
            for ws in self.state.get_websockets_with_tag(&display_tag(id)) {
                let _ = ws.close(Some(CLOSE_REVOKED), Some("this display was revoked"));
            }
        }
        Response::ok("closed")
    }
}

fn display_tag(id: i64) -> String {
    format!("display:{id}")
}

impl DurableObject for HallQueueObject {
    fn new(state: State, env: Env) -> Self {
        HallQueueObject {
            state,
            env,
            live: Rc::default(),
            fanout: Fanout::default(),
            flush_scheduled: Cell::new(false),
        }
    }

    /// Paths: `/{hall}/{day}/command` (POST a QueueRequest), `/{hall}/{day}/ws?now=&display=`
    /// and `/{hall}/{day}/disconnect?display=`.
    async fn fetch(&self, req: Request) -> Result<Response> {
        let url = req.url()?;
        let parts: Vec<&str> = url.path().trim_matches('/').split('/').collect();
        let [hall, day, action] = parts[..] else {
            return Ok(error_response(&ApiError::not_found("queue path")));
        };
        if let Err(e) = self.ensure_live(hall, day).await {
            return Ok(error_response(&e.0));
        }
        let number = |name: &str| {
            url.query_pairs()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.parse::<i64>().ok())
        };
        match action {
            "ws" => {
                let now = number("now").unwrap_or_else(|| crate::db::now().timestamp_millis());
                self.handle_socket(now, number("display"))
            }
            "disconnect" => self.handle_disconnect(number("display")),
            "command" => Ok(self
                .handle_command(req)
                .await
                .unwrap_or_else(|e| error_response(&e.0))),
            _ => Ok(error_response(&ApiError::not_found("queue path"))),
        }
    }

    async fn alarm(&self) -> Result<Response> {
        // From here a change must set the alarm again, unless this run sets it itself.
        self.flush_scheduled.set(false);
        let now = crate::db::now().timestamp_millis();
        if let Err(e) = self.sign_out_at_closing(now) {
            worker::console_error!("signing out at closing failed, will retry: {}", e.0);
        }
        let db = Db::new(&self.env).map_err(|e| worker::Error::RustError(e.0.message))?;
        let store = self.store()?;
        let notices = notices::flush(&store, &db, &self.env).await;
        let events = outbox::flush(&store, &db).await;
        let flush_in = match (notices, events) {
            (Ok(false), Ok(false)) => None,
            (Ok(_), Ok(_)) => Some(NEXT_BATCH_DELAY_MS),
            (Err(e), _) | (_, Err(e)) => {
                worker::console_error!("queue outbox flush failed, will retry: {}", e.0);
                Some(FLUSH_DELAY_MS)
            }
        };
        self.flush_scheduled.set(flush_in.is_some());
        if let Some(delay) = flush_in.into_iter().chain(self.closing_in(now)).min() {
            self.state.storage().set_alarm(delay).await?;
        }
        Response::ok("flushed")
    }

    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        // Clients only ping to keep the connection alive.
        crate::http::answer_ping(&ws, &message);
        Ok(())
    }

    async fn websocket_close(
        &self,
        ws: WebSocket,
        code: usize,
        _reason: String,
        _was_clean: bool,
    ) -> Result<()> {
        let code = if code == 1005 || code == 1006 {
            1000
        } else {
            code as u16
        };
        let _ = ws.close(Some(code), Some("closed"));
        Ok(())
    }

    async fn websocket_error(&self, _ws: WebSocket, _error: worker::Error) -> Result<()> {
        Ok(())
    }
}
