//! Sending to the hall's screens. A call goes out at once. The hall's state follows a moment
//! later, made once for every change in that moment: a rush of check-ins does not send a
//! snapshot per check-in to every screen, and the calls are not queued behind snapshots.

use super::store::Live;
use domain::queue::feed::QueueMessage;
use domain::queue::protocol::snapshot;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use worker::{Delay, WebSocket};

/// How long a snapshot waits for further changes before it goes out.
const SNAPSHOT_DELAY: Duration = Duration::from_millis(100);

#[wasm_bindgen]
extern "C" {
    /// A WebSocket seen only for `send` with a string already on the JS side.
    type Socket;
    #[wasm_bindgen(method, catch)]
    fn send(this: &Socket, data: &JsValue) -> std::result::Result<(), JsValue>;
}

/// Sends one message to every socket; one that has just closed is skipped.
fn send_all(sockets: &[WebSocket], message: &QueueMessage) {
    let Ok(text) = serde_json::to_string(message) else {
        return;
    };
    // One JS string for every socket: converting it per socket cost more than sending.
    let text = JsValue::from_str(&text);
    for ws in sockets {
        let socket: &web_sys::WebSocket = ws.as_ref();
        let _ = socket.unchecked_ref::<Socket>().send(&text);
    }
}

/// The snapshot due to go out: the latest change's clock and the sockets open then. A socket
/// opened later was greeted with a snapshot that already held that change.
struct Due {
    now: i64,
    sockets: Vec<WebSocket>,
}

#[derive(Default)]
pub struct Fanout {
    due: Rc<RefCell<Option<Due>>>,
}

impl Fanout {
    /// After a change: its calls now, the hall's state shortly.
    pub fn changed(
        &self,
        live: &Rc<RefCell<Option<Live>>>,
        sockets: Vec<WebSocket>,
        calls: Vec<QueueMessage>,
        now: i64,
    ) {
        if sockets.is_empty() {
            return;
        }
        for call in &calls {
            send_all(&sockets, call);
        }
        let first = self.due.replace(Some(Due { now, sockets })).is_none();
        if !first {
            return;
        }
        let (due, live) = (self.due.clone(), live.clone());
        wasm_bindgen_futures::spawn_local(async move {
            Delay::from(SNAPSHOT_DELAY).await;
            let Some(Due { now, sockets }) = due.take() else {
                return;
            };
            if let Some(live) = live.try_borrow().ok().as_ref().and_then(|l| l.as_ref()) {
                send_all(&sockets, &greeting(live, now));
            }
        });
    }
}

/// The hall's whole state: the first message on every socket, and after changes.
fn greeting(live: &Live, now: i64) -> QueueMessage {
    QueueMessage::Snapshot(snapshot(&live.queue, &live.calls, now))
}

/// Greets a newly opened socket.
pub fn greet(ws: &WebSocket, live: &Live, now: i64) {
    send_all(std::slice::from_ref(ws), &greeting(live, now));
}
