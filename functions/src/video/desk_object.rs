//! The video desk object: one for the utility. It keeps the desk (requests, agents' presence)
//! in its storage, answers the Worker's `DeskCommand`s, and sends the desk to every agent's
//! screen on each change. Agents' sockets use the hibernation API and carry their agent's id,
//! so closing an agent's last screen sets them away.

use crate::http::error_response;
use domain::video::desk::{Desk, DeskView};
use domain::video::protocol::{DeskCommand, DeskRequest};
use domain::ApiError;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use worker::{
    durable_object, DurableObject, Env, Request, Response, Result, State, WebSocket,
    WebSocketIncomingMessage, WebSocketPair,
};

const AGENTS: &str = "agents";

/// What each agent's socket carries: whose it is, and a number telling it from their others.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct AgentSocket {
    agent: i64,
    serial: f64,
}

#[durable_object]
pub struct VideoDeskObject {
    state: State,
    env: Env,
    desk: RefCell<Option<Desk>>,
}

impl VideoDeskObject {
    /// Brings the desk into memory once (it stays there until the object is evicted), with
    /// the callback time from the settings.
    async fn load(&self) -> Result<()> {
        if self.desk.borrow().is_some() {
            return Ok(());
        }
        let stored: Option<String> = self.state.storage().get("desk").await?;
        let mut desk: Desk = stored
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        if let Some(minutes) = self.setting("VIDEO_CALLBACK_MINUTES") {
            desk.config.callback_after_ms = minutes * 60_000;
        }
        *self.desk.borrow_mut() = Some(desk);
        Ok(())
    }

    fn setting(&self, name: &str) -> Option<i64> {
        self.env.var(name).ok()?.to_string().parse().ok()
    }

    /// Runs one command on the desk in memory (`Desk::run` changes nothing when it refuses);
    /// stores it and tells the agents when it changed. Commands are awaited in turn (input
    /// gates), so none interleave.
    async fn run(&self, request: DeskRequest) -> Result<std::result::Result<String, ApiError>> {
        self.load().await?;
        let (outcome, changed) = {
            let mut slot = self.desk.borrow_mut();
            let desk = slot.get_or_insert_with(Desk::default);
            let outcome = match desk.run(request) {
                Ok(outcome) => outcome,
                Err(e) => return Ok(Err(e)),
            };
            let changed = match outcome.changed {
                true => Some((desk.view(outcome.rang), serde_json::to_string(&*desk)?)),
                false => None,
            };
            (outcome, changed)
        };
        if let Some((view, text)) = changed {
            self.state.storage().put("desk", text).await?;
            self.tell_agents(&view);
        }
        Ok(Ok(outcome.reply.to_string()))
    }

    fn tell_agents(&self, view: &DeskView) {
        let Ok(text) = serde_json::to_string(view) else {
            return;
        };
        for ws in self.state.get_websockets_with_tag(AGENTS) {
            let _ = ws.send_with_str(&text);
        }
    }

    async fn handle_socket(&self, agent: i64) -> Result<Response> {
        let pair = WebSocketPair::new()?;
        self.state
            .accept_websocket_with_tags(&pair.server, &[AGENTS, &format!("agent:{agent}")]);
        let serial = js_sys::Math::random();
        pair.server
            .serialize_attachment(AgentSocket { agent, serial })?;
        self.load().await?;
        let view = self.desk.borrow().as_ref().map(|d| d.view(false));
        pair.server
            .send_with_str(serde_json::to_string(&view.unwrap_or_default())?)?;
        Response::from_websocket(pair.client)
    }
}

impl DurableObject for VideoDeskObject {
    fn new(state: State, env: Env) -> Self {
        VideoDeskObject {
            state,
            env,
            desk: RefCell::new(None),
        }
    }

    /// Paths: `/command` (POST a DeskRequest) and `/ws?agent=`.
    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let url = req.url()?;
        match url.path() {
            "/command" => {
                let text = req.text().await?;
                let Ok(request) = serde_json::from_str::<DeskRequest>(&text) else {
                    return Ok(error_response(&ApiError::internal(
                        "malformed desk command",
                    )));
                };
                match self.run(request).await? {
                    Ok(body) => crate::http::json_text(200, body)
                        .map_err(|e| worker::Error::RustError(e.0.message)),
                    Err(e) => Ok(error_response(&e)),
                }
            }
            "/ws" => {
                let agent = url
                    .query_pairs()
                    .find(|(k, _)| k == "agent")
                    .and_then(|(_, v)| v.parse().ok());
                match agent {
                    Some(agent) => self.handle_socket(agent).await,
                    None => Ok(error_response(&ApiError::not_found("agent"))),
                }
            }
            _ => Ok(error_response(&ApiError::not_found("desk path"))),
        }
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
        _code: usize,
        _reason: String,
        _clean: bool,
    ) -> Result<()> {
        let Some(me) = ws.deserialize_attachment::<AgentSocket>()? else {
            return Ok(());
        };
        let others = self
            .state
            .get_websockets_with_tag(&format!("agent:{}", me.agent))
            .into_iter()
            .filter(|w| w.deserialize_attachment::<AgentSocket>().ok().flatten() != Some(me))
            .count();
        if others == 0 {
            let request = DeskRequest {
                now: crate::db::now().timestamp_millis(),
                command: DeskCommand::Offline { agent: me.agent },
            };
            self.run(request).await?.ok();
        }
        Ok(())
    }

    async fn websocket_error(&self, _ws: WebSocket, _error: worker::Error) -> Result<()> {
        Ok(())
    }
}
