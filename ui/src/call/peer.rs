//! One WebRTC connection through `web-sys`: local tracks out, the other side's stream in,
//! offers, answers and ICE candidates as `Signal`s, an ICE restart, and the inbound figures
//! the quality warning and the tests read.

use domain::video::bodies::IceServer;
use domain::video::quality::PacketTotals;
use domain::video::signal::Signal;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MediaStream, MediaStreamTrack, RtcConfiguration, RtcOfferOptions, RtcPeerConnection,
    RtcPeerConnectionIceEvent, RtcSdpType, RtcSessionDescriptionInit, RtcTrackEvent,
};

/// What the peer tells its owner.
pub struct PeerEvents {
    pub signal: Rc<dyn Fn(Signal)>,
    pub remote: Rc<dyn Fn(MediaStream)>,
    /// `connectionState`: new, connecting, connected, disconnected, failed, closed.
    pub state: Rc<dyn Fn(String)>,
}

pub struct Peer {
    pc: RtcPeerConnection,
}

/// Inbound RTP totals so far.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Inbound {
    pub video_bytes: f64,
    pub packets: PacketTotals,
}

fn number(o: &JsValue, field: &str) -> f64 {
    js_sys::Reflect::get(o, &field.into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

fn text(o: &JsValue, field: &str) -> String {
    js_sys::Reflect::get(o, &field.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

impl Peer {
    pub fn new(
        ice: &[IceServer],
        local: Option<&MediaStream>,
        events: PeerEvents,
    ) -> Result<Peer, JsValue> {
        let config = RtcConfiguration::new();
        let servers =
            js_sys::JSON::parse(&serde_json::to_string(ice).unwrap_or_else(|_| "[]".into()))?;
        config.set_ice_servers(&servers);
        let pc = RtcPeerConnection::new_with_configuration(&config)?;
        if let Some(stream) = local {
            for track in stream.get_tracks().iter() {
                pc.add_track_0(&track.unchecked_into(), stream);
            }
        }
        let signal = events.signal.clone();
        let on_ice = Closure::<dyn FnMut(RtcPeerConnectionIceEvent)>::new(
            move |e: RtcPeerConnectionIceEvent| {
                if let Some(c) = e.candidate() {
                    let json = js_sys::JSON::stringify(&c.to_json())
                        .map(String::from)
                        .unwrap_or_default();
                    signal(Signal::Ice { candidate: json });
                }
            },
        );
        let remote = events.remote.clone();
        let on_track = Closure::<dyn FnMut(RtcTrackEvent)>::new(move |e: RtcTrackEvent| {
            if let Some(stream) = e.streams().get(0).dyn_ref::<MediaStream>() {
                remote(stream.clone());
            }
        });
        let state = events.state.clone();
        let pc_for_state = pc.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            let s = js_sys::Reflect::get(&pc_for_state, &"connectionState".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            state(s);
        });
        pc.set_onicecandidate(Some(on_ice.as_ref().unchecked_ref()));
        pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
        pc.set_onconnectionstatechange(Some(on_state.as_ref().unchecked_ref()));
        // The connection owns its handlers until it is closed.
        on_ice.forget();
        on_track.forget();
        on_state.forget();
        Ok(Peer { pc })
    }

    async fn describe_local(
        &self,
        promise: js_sys::Promise,
        kind: RtcSdpType,
    ) -> Result<String, JsValue> {
        let description = JsFuture::from(promise).await?;
        let sdp = text(&description, "sdp");
        let init = RtcSessionDescriptionInit::new(kind);
        init.set_sdp(&sdp);
        JsFuture::from(self.pc.set_local_description(&init)).await?;
        Ok(sdp)
    }

    /// An offer; `restart` asks for new ICE candidates on this connection.
    pub async fn offer(&self, restart: bool) -> Result<String, JsValue> {
        let options = RtcOfferOptions::new();
        options.set_ice_restart(restart);
        let promise = self.pc.create_offer_with_rtc_offer_options(&options);
        self.describe_local(promise, RtcSdpType::Offer).await
    }

    /// Takes the other side's offer; the answer to send back.
    pub async fn answer(&self, offer: &str) -> Result<String, JsValue> {
        let init = RtcSessionDescriptionInit::new(RtcSdpType::Offer);
        init.set_sdp(offer);
        JsFuture::from(self.pc.set_remote_description(&init)).await?;
        self.describe_local(self.pc.create_answer(), RtcSdpType::Answer)
            .await
    }

    pub async fn accept_answer(&self, answer: &str) -> Result<(), JsValue> {
        let init = RtcSessionDescriptionInit::new(RtcSdpType::Answer);
        init.set_sdp(answer);
        JsFuture::from(self.pc.set_remote_description(&init))
            .await
            .map(|_| ())
    }

    pub async fn add_candidate(&self, candidate: &str) -> Result<(), JsValue> {
        let init = js_sys::JSON::parse(candidate)?;
        let promise = self
            .pc
            .add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(init.unchecked_ref()));
        JsFuture::from(promise).await.map(|_| ())
    }

    /// Sends `track` instead of the camera (screen share), or the camera again.
    pub async fn replace_video(&self, track: &MediaStreamTrack) {
        for sender in self.pc.get_senders().iter() {
            let sender: web_sys::RtcRtpSender = sender.unchecked_into();
            if sender.track().is_some_and(|t| t.kind() == "video") {
                let _ = JsFuture::from(sender.replace_track(Some(track))).await;
            }
        }
    }

    pub async fn inbound(&self) -> Inbound {
        let Ok(report) = JsFuture::from(self.pc.get_stats()).await else {
            return Inbound::default();
        };
        let mut totals = Inbound::default();
        let each = |entry: JsValue| {
            if text(&entry, "type") != "inbound-rtp" {
                return;
            }
            if text(&entry, "kind") == "video" {
                totals.video_bytes += number(&entry, "bytesReceived");
            }
            totals.packets.received += number(&entry, "packetsReceived");
            totals.packets.lost += number(&entry, "packetsLost");
        };
        let values = js_sys::Reflect::get(&report, &"values".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&report).ok());
        if let Some(iter) = values.and_then(|v| js_sys::try_iter(&v).ok().flatten()) {
            iter.flatten().for_each(each);
        }
        totals
    }

    pub fn close(&self) {
        self.pc.close();
    }
}
