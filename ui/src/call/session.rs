//! One participant's side of a call: the room's socket, the WebRTC connection, and what the
//! screen shows (who is there, the chat, the board, the link's state, the quality warning).
//! The agent always makes the offers; the customer answers. Messages are handled one at a time
//! in arrival order, so an ICE candidate never overtakes the offer it belongs to.

use super::media;
use super::peer::{Peer, PeerEvents};
use crate::every::every;
use crate::socket::{open_socket, ReconnectingSocket, SocketOptions};
use domain::video::bodies::IceServer;
use domain::video::quality::QualityWatch;
use domain::video::room::{
    ChatEntry, RoomMessage, Seat, CLOSE_ENDED, CLOSE_REPLACED, CLOSE_TRANSFERRED,
};
use domain::video::signal::Signal;
use futures::channel::mpsc::{unbounded, UnboundedSender};
use futures::StreamExt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use web_sys::MediaStream;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Connecting,
    /// In the room; the other side is not (yet, or again).
    Waiting,
    Live,
    /// The socket or the media connection dropped; coming back.
    Reconnecting,
    /// The call moved to another agent (the old agent's view).
    Transferred,
    /// This call was opened on another screen.
    Replaced,
    Ended,
}

/// One stroke on the shared board.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub points: Vec<(f32, f32)>,
    pub colour: String,
}

pub struct CallOptions {
    pub room: String,
    pub key: String,
    pub ice: Vec<IceServer>,
    /// The camera and microphone, or none (chat only, a supervisor).
    pub local: Option<MediaStream>,
}

#[derive(Clone, Copy)]
pub struct CallSession {
    pub seat: RwSignal<Option<Seat>>,
    pub present: RwSignal<Vec<Seat>>,
    pub transcript: RwSignal<Vec<ChatEntry>>,
    pub strokes: RwSignal<Vec<Stroke>>,
    pub local: RwSignal<Option<MediaStream>, LocalStorage>,
    pub remote: RwSignal<Option<MediaStream>, LocalStorage>,
    pub link: RwSignal<Link>,
    /// The other side hung up.
    pub hung_up: RwSignal<bool>,
    pub poor_quality: RwSignal<bool>,
    /// Video bytes received so far (shown to tests as a data attribute).
    pub inbound_video_bytes: RwSignal<f64>,
    pub problem: RwSignal<Option<String>>,
    socket: StoredValue<Option<ReconnectingSocket>, LocalStorage>,
    peer: StoredValue<Option<Rc<Peer>>, LocalStorage>,
    ice: StoredValue<Vec<IceServer>>,
    inbox: StoredValue<Option<UnboundedSender<Work>>, LocalStorage>,
}

/// What the handler loop works through in order.
enum Work {
    Message(RoomMessage),
    MediaState(String),
}

impl CallSession {
    pub fn send(&self, signal: &Signal) -> bool {
        let Ok(text) = serde_json::to_string(signal) else {
            return false;
        };
        self.socket
            .with_value(|s| s.as_ref().is_some_and(|s| s.send(&text)))
    }

    /// The media connection, while there is one (screen share swaps its video).
    pub fn peer(&self) -> Option<Rc<Peer>> {
        self.peer.get_value()
    }

    fn is_agent(&self) -> bool {
        self.seat.get_untracked() == Some(Seat::Agent)
    }

    fn close_peer(&self) {
        if let Some(peer) = self.peer.get_value() {
            peer.close();
        }
        self.peer.set_value(None);
        self.remote.set(None);
    }

    /// Ends this side: the connection, the camera and the socket.
    pub fn leave(&self) {
        self.close_peer();
        if let Some(stream) = self.local.get_untracked() {
            media::stop(&stream);
        }
        self.socket.with_value(|s| {
            if let Some(s) = s {
                s.stop()
            }
        });
    }

    fn new_peer(&self) -> Option<Rc<Peer>> {
        self.close_peer();
        let session = *self;
        let inbox = self.inbox.get_value()?;
        let events = PeerEvents {
            signal: Rc::new(move |s| {
                session.send(&s);
            }),
            remote: Rc::new(move |stream| session.remote.set(Some(stream))),
            state: Rc::new(move |state| {
                let _ = inbox.unbounded_send(Work::MediaState(state));
            }),
        };
        let local = self.local.get_untracked();
        let peer = Rc::new(Peer::new(&self.ice.get_value(), local.as_ref(), events).ok()?);
        self.peer.set_value(Some(peer.clone()));
        Some(peer)
    }

    /// The agent starts (or restarts) media with the customer.
    async fn offer(&self, fresh: bool) {
        let peer = match (fresh, self.peer.get_value()) {
            (false, Some(peer)) => peer,
            _ => match self.new_peer() {
                Some(peer) => peer,
                None => return,
            },
        };
        if let Ok(sdp) = peer.offer(!fresh).await {
            self.send(&Signal::Offer { sdp, fresh });
        }
    }

    fn other_party(&self) -> Seat {
        if self.is_agent() {
            Seat::Customer
        } else {
            Seat::Agent
        }
    }

    fn media_wanted(&self) -> bool {
        matches!(
            self.seat.get_untracked(),
            Some(Seat::Customer | Seat::Agent)
        )
    }

    async fn handle(&self, work: Work) {
        match work {
            Work::Message(message) => self.handle_message(message).await,
            Work::MediaState(state) => self.handle_media_state(&state).await,
        }
    }

    async fn handle_message(&self, message: RoomMessage) {
        match message {
            RoomMessage::Welcome {
                seat,
                present,
                transcript,
            } => {
                self.seat.set(Some(seat));
                self.transcript.set(transcript);
                let other_here = present.contains(&self.other_party());
                self.present.set(present);
                self.link.set(if other_here {
                    Link::Live
                } else {
                    Link::Waiting
                });
                if self.is_agent() && other_here {
                    self.offer(true).await;
                }
            }
            RoomMessage::Joined { seat } => {
                self.present.update(|p| p.push(seat));
                if seat == self.other_party() && self.media_wanted() {
                    self.hung_up.set(false);
                    self.link.set(Link::Live);
                    if self.is_agent() {
                        self.offer(true).await;
                    }
                }
            }
            RoomMessage::Left { seat } => {
                self.present.update(|p| {
                    if let Some(i) = p.iter().position(|s| *s == seat) {
                        p.remove(i);
                    }
                });
                if seat == self.other_party() {
                    self.link.set(Link::Waiting);
                }
            }
            RoomMessage::Transferred => {
                self.close_peer();
                self.link.set(Link::Waiting);
            }
            RoomMessage::Ended => self.link.set(Link::Ended),
            RoomMessage::Chat { entry } => self.transcript.update(|t| t.push(entry)),
            RoomMessage::Relay { signal, .. } => self.handle_signal(signal).await,
            RoomMessage::Problem { message } => self.problem.set(Some(message)),
        }
    }

    async fn handle_signal(&self, signal: Signal) {
        match signal {
            Signal::Offer { sdp, fresh } => {
                let peer = match (fresh, self.peer.get_value()) {
                    (false, Some(peer)) => Some(peer),
                    _ => self.new_peer(),
                };
                if let Some(peer) = peer {
                    if let Ok(sdp) = peer.answer(&sdp).await {
                        self.send(&Signal::Answer { sdp });
                    }
                }
            }
            Signal::Answer { sdp } => {
                if let Some(peer) = self.peer.get_value() {
                    let _ = peer.accept_answer(&sdp).await;
                }
            }
            Signal::Ice { candidate } => {
                if let Some(peer) = self.peer.get_value() {
                    let _ = peer.add_candidate(&candidate).await;
                }
            }
            Signal::Stroke { points, colour } => {
                self.strokes.update(|s| s.push(Stroke { points, colour }))
            }
            Signal::ClearBoard => self.strokes.set(Vec::new()),
            Signal::Hangup => self.hung_up.set(true),
            Signal::Chat { .. } => {}
        }
    }

    /// A dropped media connection shows as reconnecting; the agent restarts ICE on it.
    async fn handle_media_state(&self, state: &str) {
        match state {
            "connected" if self.link.get_untracked() == Link::Reconnecting => {
                self.link.set(Link::Live);
            }
            "disconnected" | "failed" => {
                if self.link.get_untracked() == Link::Live {
                    self.link.set(Link::Reconnecting);
                }
                if self.is_agent() {
                    gloo_timers::future::TimeoutFuture::new(1500).await;
                    self.offer(false).await;
                }
            }
            _ => {}
        }
    }

    fn on_close(&self, code: u16) {
        let link = match code {
            CLOSE_ENDED => Link::Ended,
            CLOSE_TRANSFERRED => Link::Transferred,
            CLOSE_REPLACED => Link::Replaced,
            _ if self.link.get_untracked() == Link::Ended => Link::Ended,
            _ => Link::Reconnecting,
        };
        self.link.set(link);
        if matches!(link, Link::Ended | Link::Transferred | Link::Replaced) {
            self.leave();
        }
    }

    async fn sample_quality(&self, watch: StoredValue<QualityWatch>) {
        let Some(peer) = self.peer.get_value() else {
            return;
        };
        let inbound = peer.inbound().await;
        self.inbound_video_bytes.set(inbound.video_bytes);
        let mut w = watch.get_value();
        self.poor_quality.set(w.sample(inbound.packets));
        watch.set_value(w);
    }
}

/// Joins the room; everything stops when the calling component goes.
pub fn use_call(options: CallOptions) -> CallSession {
    let session = CallSession {
        seat: RwSignal::new(None),
        present: RwSignal::new(Vec::new()),
        transcript: RwSignal::new(Vec::new()),
        strokes: RwSignal::new(Vec::new()),
        local: RwSignal::new_local(options.local),
        remote: RwSignal::new_local(None),
        link: RwSignal::new(Link::Connecting),
        hung_up: RwSignal::new(false),
        poor_quality: RwSignal::new(false),
        inbound_video_bytes: RwSignal::new(0.0),
        problem: RwSignal::new(None),
        socket: StoredValue::new_local(None),
        peer: StoredValue::new_local(None),
        ice: StoredValue::new(options.ice),
        inbox: StoredValue::new_local(None),
    };
    let (sender, mut receiver) = unbounded::<Work>();
    session.inbox.set_value(Some(sender.clone()));
    spawn_local(async move {
        while let Some(work) = receiver.next().await {
            session.handle(work).await;
        }
    });
    let path = format!("/ws/video/rooms/{}?key={}", options.room, options.key);
    let socket = open_socket(SocketOptions {
        path,
        on_open: Rc::new(|| {}),
        on_message: Rc::new(move |text| {
            if let Ok(message) = serde_json::from_str::<RoomMessage>(&text) {
                let _ = sender.unbounded_send(Work::Message(message));
            }
        }),
        on_close: Rc::new(move |code| session.on_close(code)),
        final_codes: &[CLOSE_ENDED, CLOSE_TRANSFERRED, CLOSE_REPLACED],
    });
    session.socket.set_value(Some(socket));
    let watch = StoredValue::new(QualityWatch::default());
    every(1, move || {
        spawn_local(async move { session.sample_quality(watch).await })
    });
    on_cleanup(move || session.leave());
    session
}
