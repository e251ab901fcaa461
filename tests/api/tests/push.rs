//! Web Push: a signed-in customer's device subscribes; a ticket's notice reaches the push
//! service (scripts/sms-sink.mjs) encrypted for the device (RFC 8291: decrypted here with the
//! device's keys) and signed for the service (RFC 8292: the VAPID JWT verified here); a
//! subscription the service answers 410 for is forgotten. Tickets here are taken in week 0, at
//! the halls whose tickets tests/api/tests/notify.rs never calls.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use api_tests::{monday, Client};
use base64::{engine::general_purpose::STANDARD, engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use domain::notify::outbox::{OutboxMessage, OutboxStatus};
use domain::notify::push::{PushKey, PushPayload, Subscribed};
use hkdf::Hkdf;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use p256::{PublicKey, SecretKey};
use serde_json::{json, Value};
use sha2::Sha256;
use std::time::{Duration, Instant};

/// A browser's side of a subscription: its key pair and secret.
struct Device {
    id: String,
    secret: SecretKey,
    auth: [u8; 16],
}

impl Device {
    fn new(seed: u8) -> Device {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let mut bytes = [seed; 32];
        bytes[..16].copy_from_slice(&nanos.to_le_bytes());
        Device {
            id: format!("{nanos:x}-{seed}"),
            secret: SecretKey::from_slice(&bytes).expect("a valid scalar"),
            auth: [seed; 16],
        }
    }

    fn endpoint(&self) -> String {
        format!("{}/push/{}", api_tests::sink::url(), self.id)
    }

    fn subscription(&self) -> Value {
        let public = self.secret.public_key().to_sec1_bytes();
        json!({ "endpoint": self.endpoint(), "keys": {
            "p256dh": URL_SAFE_NO_PAD.encode(&public), "auth": URL_SAFE_NO_PAD.encode(self.auth) } })
    }

    /// What reached this device's push endpoint, waiting up to 10 s for `count`.
    fn pushes(&self, count: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let got: Vec<Value> =
                ureq::get(&format!("{}/pushes?id={}", api_tests::sink::url(), self.id))
                    .call()
                    .expect("the sink answers")
                    .into_json()
                    .expect("JSON");
            if got.len() >= count || Instant::now() > deadline {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// RFC 8291 from the receiving end.
    fn decrypt(&self, body: &[u8]) -> PushPayload {
        let (salt, rest) = body.split_at(16);
        assert_eq!(&rest[..4], &4096u32.to_be_bytes(), "record size");
        let id_len = usize::from(rest[4]);
        let (as_public, sealed) = rest[5..].split_at(id_len);
        let server = PublicKey::from_sec1_bytes(as_public).expect("the sender's key");
        let shared =
            p256::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), server.as_affine());
        let ua_public = self.secret.public_key().to_sec1_bytes();
        let info = [b"WebPush: info\0".as_slice(), &ua_public, as_public].concat();
        let mut ikm = [0u8; 32];
        Hkdf::<Sha256>::new(Some(&self.auth), shared.raw_secret_bytes())
            .expand(&info, &mut ikm)
            .unwrap();
        let prk = Hkdf::<Sha256>::new(Some(salt), &ikm);
        let (mut cek, mut nonce) = ([0u8; 16], [0u8; 12]);
        prk.expand(b"Content-Encoding: aes128gcm\0", &mut cek)
            .unwrap();
        prk.expand(b"Content-Encoding: nonce\0", &mut nonce)
            .unwrap();
        let mut plain = Aes128Gcm::new_from_slice(&cek)
            .unwrap()
            .decrypt(Nonce::from_slice(&nonce), sealed)
            .expect("the payload decrypts with the device's keys");
        assert_eq!(plain.pop(), Some(2), "a single, last record");
        serde_json::from_slice(&plain).expect("a push payload")
    }
}

#[test]
fn a_ticket_notice_reaches_a_subscribed_device_encrypted_and_signed() {
    let at = monday(0);
    let key: PushKey = Client::anonymous()
        .get("/api/push/key")
        .assert_status(200)
        .json();
    let customer = Client::fresh_customer().at(&at);
    let device = Device::new(1);
    let mut bad = device.subscription();
    bad["endpoint"] = json!("http://push.example.com/x");
    customer
        .post("/api/push/subscriptions", &bad)
        .assert_error(400, "validation");
    Client::anonymous()
        .post("/api/push/subscriptions", &device.subscription())
        .assert_error(401, "unauthenticated");
    let sub: Subscribed = customer
        .post("/api/push/subscriptions", &device.subscription())
        .assert_status(201)
        .json();

    let t = customer.watched_remote_ticket("gaoxin", &at, json!({ "ahead_at": 20 }));
    let pushes = device.pushes(1);
    assert_eq!(pushes.len(), 1, "one push for the notice");
    let push = &pushes[0];
    assert_eq!(push["encoding"], "aes128gcm");
    assert_eq!(push["urgency"], "high", "a queue notice wakes the phone");
    let payload = device.decrypt(&STANDARD.decode(push["body"].as_str().unwrap()).unwrap());
    assert!(
        payload.body.contains(&t.number.to_string()),
        "{}",
        payload.body
    );
    let link = payload.link.unwrap();
    assert!(
        link.starts_with(&format!("/halls/gaoxin/tickets/{}?key=", t.id)),
        "{link}"
    );

    // The VAPID header: the server's key, and a JWT it signed for the push service's origin.
    let auth = push["authorization"].as_str().unwrap();
    let (t_part, k_part) = auth
        .strip_prefix("vapid t=")
        .and_then(|s| s.split_once(", k="))
        .expect("vapid t=…, k=…");
    assert_eq!(k_part, key.public_key);
    let (input, signature) = t_part.rsplit_once('.').unwrap();
    let verifying =
        VerifyingKey::from_sec1_bytes(&URL_SAFE_NO_PAD.decode(k_part).unwrap()).unwrap();
    let signature = Signature::from_slice(&URL_SAFE_NO_PAD.decode(signature).unwrap()).unwrap();
    verifying
        .verify(input.as_bytes(), &signature)
        .expect("the JWT is signed with the VAPID key");
    let claims: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(input.split_once('.').unwrap().1)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["aud"], api_tests::sink::url());

    customer
        .delete(&format!("/api/push/subscriptions/{}", sub.id))
        .assert_status(200);
    customer
        .delete(&format!("/api/push/subscriptions/{}", sub.id))
        .assert_error(404, "not_found");
}

#[test]
fn a_subscription_the_push_service_has_dropped_is_forgotten() {
    let at = monday(0);
    let customer = Client::fresh_customer().at(&at);
    let device = Device::new(2);
    let sub: Subscribed = customer
        .post("/api/push/subscriptions", &device.subscription())
        .assert_status(201)
        .json();
    ureq::post(&format!("{}/push-gone", api_tests::sink::url()))
        .send_json(json!({ "id": device.id }))
        .expect("the sink takes the setting");
    customer.watched_remote_ticket("xinghu", &at, json!({ "ahead_at": 20 }));
    let deadline = Instant::now() + Duration::from_secs(10);
    let row = loop {
        let outbox: Vec<OutboxMessage> = Client::demo("admin")
            .get("/api/admin/outbox")
            .assert_status(200)
            .json();
        if let Some(m) = outbox.into_iter().find(|m| {
            m.recipient == device.endpoint()
                && m.status != OutboxStatus::Pending
                && m.status != OutboxStatus::Sending
        }) {
            break m;
        }
        assert!(Instant::now() < deadline, "the push was tried");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        (row.status, row.attempts),
        (OutboxStatus::Failed, 1),
        "not retried: {:?}",
        row.error
    );
    customer
        .delete(&format!("/api/push/subscriptions/{}", sub.id))
        .assert_error(404, "not_found");
}
