//! A WebSocket to our server that reconnects by itself: after a clean close soon, after a
//! dropped connection with backoff (0.5 s doubling to 15 s). Close codes the server uses to
//! say "do not come back" (a revoked TV, an ended call) stop it for good.

use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

const MAX_BACKOFF_MS: u32 = 15_000;

pub struct SocketOptions {
    /// The path on our origin, e.g. `/ws/halls/xinghu`.
    pub path: String,
    pub on_open: Rc<dyn Fn()>,
    pub on_message: Rc<dyn Fn(String)>,
    /// Every close, with its code; the socket retries unless the code is in `final_codes`.
    pub on_close: Rc<dyn Fn(u16)>,
    pub final_codes: &'static [u16],
}

#[derive(Clone, Copy)]
pub struct ReconnectingSocket {
    socket: StoredValue<Option<WebSocket>, LocalStorage>,
    stopped: StoredValue<bool>,
}

impl ReconnectingSocket {
    /// Sends text now; false when the socket is not open (the caller may retry or warn).
    pub fn send(&self, text: &str) -> bool {
        self.socket.with_value(|ws| {
            ws.as_ref()
                .filter(|ws| ws.ready_state() == WebSocket::OPEN)
                .is_some_and(|ws| ws.send_with_str(text).is_ok())
        })
    }

    /// Closes it for good.
    pub fn stop(&self) {
        self.stopped.set_value(true);
        self.socket.with_value(|ws| {
            if let Some(ws) = ws {
                let _ = ws.close();
            }
        });
    }
}

/// Opens the socket; it closes when the calling component is cleaned up.
pub fn open_socket(options: SocketOptions) -> ReconnectingSocket {
    let handle = ReconnectingSocket {
        socket: StoredValue::new_local(None),
        stopped: StoredValue::new(false),
    };
    connect(Rc::new(options), handle, 0);
    on_cleanup(move || handle.stop());
    handle
}

fn socket_url(path: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}{path}", location.host().ok()?))
}

fn connect(options: Rc<SocketOptions>, h: ReconnectingSocket, attempt: u32) {
    if h.stopped.get_value() {
        return;
    }
    let Some(ws) = socket_url(&options.path).and_then(|url| WebSocket::new(&url).ok()) else {
        return retry(options, h, attempt);
    };
    let opened = options.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || (opened.on_open)());
    let heard = options.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(text) = event.data().as_string() {
            (heard.on_message)(text);
        }
    });
    let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |event: CloseEvent| {
        (options.on_close)(event.code());
        if options.final_codes.contains(&event.code()) {
            h.stopped.set_value(true);
            return;
        }
        // A clean close (the server restarting, a deploy) retries soon; a dropped connection
        // backs off further each time.
        let next = if event.was_clean() { 0 } else { attempt + 1 };
        retry(options.clone(), h, next);
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // The socket owns its handlers for its whole life; a reconnect makes new ones.
    on_open.forget();
    on_message.forget();
    on_close.forget();
    h.socket.set_value(Some(ws));
}

fn retry(options: Rc<SocketOptions>, h: ReconnectingSocket, attempt: u32) {
    if h.stopped.get_value() {
        return;
    }
    let delay = (500u32 << attempt.min(5)).min(MAX_BACKOFF_MS);
    gloo_timers::callback::Timeout::new(delay, move || connect(options, h, attempt)).forget();
}
