//! One call room object per call: it keeps the room (who may enter, who is in, the chat) in its
//! storage and relays what participants send over their sockets (hibernation API; each socket
//! carries its connection number). `domain::video::room::Room` decides who enters and who hears.

use super::connection_tag;
use crate::http::{error_response, json_text};
use domain::video::protocol::{RoomCommand, RoomView};
use domain::video::room::{
    Entrant, Room, RoomMessage, CLOSE_ENDED, CLOSE_REPLACED, CLOSE_TRANSFERRED,
};
use domain::video::signal::Signal;
use domain::{ApiError, ApiResult, Reason};
use serde_json::json;
use std::cell::RefCell;
use worker::{
    durable_object, DurableObject, Env, Request, Response, Result, State, WebSocket,
    WebSocketIncomingMessage, WebSocketPair,
};

/// The header the Worker puts the entrant in when it hands over a socket.
pub const ENTRANT_HEADER: &str = "x-gridhall-entrant";

#[durable_object]
pub struct CallRoomObject {
    state: State,
    room: RefCell<Option<Room>>,
}

impl CallRoomObject {
    /// Brings the room into memory once (it stays there until the object is evicted);
    /// whether it was ever opened.
    async fn loaded(&self) -> Result<bool> {
        if self.room.borrow().is_some() {
            return Ok(true);
        }
        let stored: Option<String> = self.state.storage().get("room").await?;
        let room: Option<Room> = stored.and_then(|s| serde_json::from_str(&s).ok());
        let found = room.is_some();
        *self.room.borrow_mut() = room;
        Ok(found)
    }

    /// Runs `f` on the room in memory; 404 when it was never opened. `f` changes the room only
    /// when it succeeds (the `Room` methods check before they change anything).
    async fn with_room<T>(
        &self,
        f: impl FnOnce(&mut Room) -> ApiResult<T>,
    ) -> Result<ApiResult<T>> {
        if !self.loaded().await? {
            return Ok(Err(ApiError::not_found("call")));
        }
        let mut slot = self.room.borrow_mut();
        Ok(match slot.as_mut() {
            Some(room) => f(room),
            None => Err(ApiError::not_found("call")),
        })
    }

    /// Writes the room in memory to storage.
    async fn save(&self) -> Result<()> {
        let text = serde_json::to_string(&*self.room.borrow())?;
        self.state.storage().put("room", text).await
    }

    fn socket(&self, connection: u64) -> Option<WebSocket> {
        self.state
            .get_websockets_with_tag(&connection_tag(connection))
            .into_iter()
            .next()
    }

    fn send(&self, to: &[u64], message: &RoomMessage) {
        let Ok(text) = serde_json::to_string(message) else {
            return;
        };
        for ws in to.iter().filter_map(|c| self.socket(*c)) {
            let _ = ws.send_with_str(&text);
        }
    }

    fn close(&self, connection: u64, code: u16, reason: &str) {
        if let Some(ws) = self.socket(connection) {
            let _ = ws.close(Some(code), Some(reason));
        }
    }

    fn everyone(room: &Room) -> Vec<u64> {
        room.present.iter().map(|p| p.connection).collect()
    }

    async fn command(
        &self,
        id: &str,
        command: RoomCommand,
    ) -> Result<ApiResult<serde_json::Value>> {
        if let RoomCommand::Open {
            customer_id,
            key,
            details,
        } = command
        {
            if self.loaded().await? {
                return Ok(Err(ApiError::new(
                    Reason::RoomOpen,
                    "this call room is already open",
                )));
            }
            let mut room = Room::new(id, customer_id, &key);
            room.details = details;
            *self.room.borrow_mut() = Some(room);
            self.save().await?;
            return Ok(Ok(json!({})));
        }
        // Each answer says whether the room changed and must be stored.
        let answer = self
            .with_room(|room| match command {
                RoomCommand::Open { .. } => Err(ApiError::new(
                    Reason::RoomOpen,
                    "this call room is already open",
                )),
                RoomCommand::Check { entrant } => room.who(&entrant).map(|seat| {
                    let view = RoomView {
                        seat,
                        state: room.state,
                        details: room.details.clone(),
                    };
                    (json!(view), false)
                }),
                RoomCommand::Assign { agent } => {
                    room.assign(agent);
                    Ok((json!({}), true))
                }
                RoomCommand::Transfer { to_agent } => room.transfer(to_agent).map(|dropped| {
                    if let Some(old) = dropped {
                        self.close(old, CLOSE_TRANSFERRED, "the call moved to another agent");
                    }
                    self.send(&Self::everyone(room), &RoomMessage::Transferred);
                    (json!({}), true)
                }),
                RoomCommand::End => {
                    self.send(&Self::everyone(room), &RoomMessage::Ended);
                    for c in room.end() {
                        self.close(c, CLOSE_ENDED, "the call has ended");
                    }
                    Ok((json!(room), true))
                }
                RoomCommand::Share { entrant, file, now } => room
                    .seat_for(&entrant)
                    .and_then(|seat| room.share(seat, file, now))
                    .map(|(to, message)| {
                        self.send(&to, &message);
                        (json!(message), true)
                    }),
            })
            .await?;
        if matches!(answer, Ok((_, true))) {
            self.save().await?;
        }
        Ok(answer.map(|(value, _)| value))
    }

    async fn handle_socket(&self, entrant: Entrant) -> Result<Response> {
        let joined = self
            .with_room(|room| {
                let joined = room.join(&entrant)?;
                let others: Vec<u64> = Self::everyone(room)
                    .into_iter()
                    .filter(|c| *c != joined.connection)
                    .collect();
                let welcome = room.welcome(joined.seat);
                Ok((joined, others, welcome))
            })
            .await?;
        let (joined, others, welcome) = match joined {
            Ok(joined) => joined,
            Err(e) => return Ok(error_response(&e)),
        };
        if let Some(old) = joined.replaced {
            self.close(old, CLOSE_REPLACED, "opened on another screen");
        }
        let pair = WebSocketPair::new()?;
        let tag = connection_tag(joined.connection);
        self.state.accept_websocket_with_tags(&pair.server, &[&tag]);
        pair.server.serialize_attachment(joined.connection)?;
        pair.server
            .send_with_str(serde_json::to_string(&welcome)?)?;
        self.send(&others, &RoomMessage::Joined { seat: joined.seat });
        self.save().await?;
        Response::from_websocket(pair.client)
    }
}

impl DurableObject for CallRoomObject {
    fn new(state: State, _env: Env) -> Self {
        CallRoomObject {
            state,
            room: RefCell::new(None),
        }
    }

    /// Paths: `/{room}/command` (POST a RoomCommand) and `/{room}/ws` (the entrant in a header).
    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let url = req.url()?;
        let parts: Vec<String> = url
            .path()
            .trim_matches('/')
            .split('/')
            .map(String::from)
            .collect();
        let [id, action] = &parts[..] else {
            return Ok(error_response(&ApiError::not_found("room path")));
        };
        match action.as_str() {
            "command" => {
                let text = req.text().await?;
                let Ok(command) = serde_json::from_str::<RoomCommand>(&text) else {
                    return Ok(error_response(&ApiError::internal(
                        "malformed room command",
                    )));
                };
                match self.command(id, command).await? {
                    Ok(body) => json_text(200, body.to_string())
                        .map_err(|e| worker::Error::RustError(e.0.message)),
                    Err(e) => Ok(error_response(&e)),
                }
            }
            "ws" => {
                let entrant = req
                    .headers()
                    .get(ENTRANT_HEADER)?
                    .and_then(|h| serde_json::from_str(&h).ok())
                    .unwrap_or_default();
                self.handle_socket(entrant).await
            }
            _ => Ok(error_response(&ApiError::not_found("room path"))),
        }
    }

    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        if crate::http::answer_ping(&ws, &message) {
            return Ok(());
        }
        let WebSocketIncomingMessage::String(text) = message else {
            return Ok(());
        };
        let Some(connection) = ws.deserialize_attachment::<u64>()? else {
            return Ok(());
        };
        let now = crate::db::now().timestamp_millis();
        // Negotiation and the board are only relayed; chat is kept, so it is stored.
        let received = self
            .with_room(|room| {
                let signal = serde_json::from_str::<Signal>(&text).map_err(|_| {
                    ApiError::validation("signal", "this message is not one a call takes")
                })?;
                let is_chat = matches!(signal, Signal::Chat { .. });
                room.receive(connection, signal, now)
                    .map(|out| (out, is_chat))
            })
            .await?;
        match received {
            Ok(((to, message), is_chat)) => {
                self.send(&to, &message);
                if is_chat {
                    self.save().await?;
                }
            }
            Err(e) => {
                let problem = RoomMessage::Problem { message: e.message };
                ws.send_with_str(serde_json::to_string(&problem)?)?;
            }
        }
        Ok(())
    }

    async fn websocket_close(
        &self,
        ws: WebSocket,
        _code: usize,
        _reason: String,
        _clean: bool,
    ) -> Result<()> {
        let Some(connection) = ws.deserialize_attachment::<u64>()? else {
            return Ok(());
        };
        let left = self
            .with_room(|room| {
                Ok(room
                    .leave(connection)
                    .map(|left| (left, Self::everyone(room))))
            })
            .await?;
        if let Ok(Some((left, everyone))) = left {
            self.send(&everyone, &left);
            self.save().await?;
        }
        Ok(())
    }

    async fn websocket_error(&self, _ws: WebSocket, _error: worker::Error) -> Result<()> {
        Ok(())
    }
}
