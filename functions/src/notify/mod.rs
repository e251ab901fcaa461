//! Telling people what happened (domain::notify): a row in the recipient's inbox, and a
//! message in the outbox for each other channel, which the courier (`courier`) delivers soon
//! after. Every case kind writes through [`Envelope`]; the queue's notices come from the hall's
//! queue object (`hall_queue::notices`).

pub mod courier;
pub mod inbox;
pub mod preferences;
mod sms;
pub mod subscriptions;
mod webpush;

use crate::args;
use crate::db::Db;
use crate::error::Result;
use chrono::Timelike;
use domain::notify::inbox::{said, CaseKind};
use domain::notify::outbox::OutboxStatus;
use domain::notify::push::PushPayload;
use domain::notify::texts::{Lang, Message};
use domain::notify::{route, Channel, Reach};
use domain::wire::wire_name;
use worker::{D1PreparedStatement, Env};

/// One message about one case, before it is addressed.
pub struct Envelope {
    /// Unique for this message: with the recipient it makes each outbox row's id, so writing
    /// the same message twice (a retried copy) sends it once.
    pub message_id: String,
    pub case_kind: CaseKind,
    pub case_id: String,
    pub link: Option<String>,
    pub message: Message,
    pub at: i64,
}

/// Why a try to deliver failed: for a while (tried again later), for good, or for good because
/// the recipient is gone (a push subscription the browser dropped: it is removed).
pub struct Failure {
    pub permanent: bool,
    pub gone: bool,
    pub error: String,
}

impl Failure {
    pub fn retry(error: String) -> Failure {
        Failure {
            permanent: false,
            gone: false,
            error,
        }
    }
    pub fn permanent(error: String) -> Failure {
        Failure {
            permanent: true,
            gone: false,
            error,
        }
    }
    pub fn gone(error: String) -> Failure {
        Failure {
            permanent: true,
            gone: true,
            error,
        }
    }

    /// A provider's answer: 2xx sent; 404 and 410 gone; 408, 429 and 5xx later; other 4xx
    /// never.
    pub fn of_status(code: u16, who: &str) -> std::result::Result<(), Failure> {
        match code {
            200..=299 => Ok(()),
            404 | 410 => Err(Failure::gone(format!("{who} answered {code}: gone"))),
            408 | 429 | 500..=599 => Err(Failure::retry(format!("{who} answered {code}"))),
            _ => Err(Failure::permanent(format!("{who} refused it ({code})"))),
        }
    }
}

/// Who gets a message, as SQL over `users` (`WHERE …`) and its values.
pub struct Users {
    pub filter: String,
    pub args: Vec<crate::db::Arg>,
}

impl Users {
    pub fn one(id: i64) -> Users {
        Users {
            filter: "id = ?".into(),
            args: args![id],
        }
    }
}

/// What new outbox rows of a channel start as: pending when a provider is configured for it,
/// else only logged (locally, where nothing can be sent).
pub fn first_status(env: &Env, channel: Channel) -> OutboxStatus {
    let configured = match channel {
        Channel::Sms => sms::configured(env),
        Channel::Push => webpush::configured(env),
        Channel::Inbox | Channel::Email => false,
    };
    if configured {
        OutboxStatus::Pending
    } else {
        OutboxStatus::Logged
    }
}

impl Envelope {
    /// Inbox rows for `to`, with `extra` SQL appended to the WHERE (e.g. a project's act guard).
    pub fn inbox(
        &self,
        db: &Db,
        to: &Users,
        extra: (&str, Vec<crate::db::Arg>),
    ) -> Result<D1PreparedStatement> {
        let (title, body) = said(&self.message);
        let mut values = args![
            self.message_id.clone(),
            wire_name(&self.message.topic()),
            wire_name(&self.case_kind),
            self.case_id.clone(),
            self.link.clone(),
            title.zh,
            body.zh,
            title.en,
            body.en,
            self.at
        ];
        values.extend(to.args.iter().cloned());
        values.extend(extra.1);
        db.statement(
            &format!(
                "INSERT OR IGNORE INTO inbox (user_id, message_id, topic, case_kind, case_id, link, title_zh, body_zh, title_en, body_en, at) \
                 SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM users WHERE ({}){}",
                to.filter, extra.0
            ),
            values,
        )
    }

    /// An SMS to the phone numbers `phones` selects (one column, `phone`), in `lang`, held back
    /// `after_minutes` (quiet hours) before its first try.
    pub fn sms(
        &self,
        db: &Db,
        env: &Env,
        phones: (&str, Vec<crate::db::Arg>),
        extra: (&str, Vec<crate::db::Arg>),
        lang: Lang,
        after_minutes: u32,
    ) -> Result<D1PreparedStatement> {
        let status = first_status(env, Channel::Sms);
        let mut values = args![
            format!("{}:sms:", self.message_id),
            self.message.sms(lang),
            wire_name(&self.message.topic()),
            wire_name(&self.case_kind),
            self.case_id.clone(),
            self.at,
            wire_name(&status),
            // Due at once on the real clock (the courier's), whatever clock the request acted at.
            (status == OutboxStatus::Pending)
                .then(|| crate::db::now().timestamp_millis() + i64::from(after_minutes) * 60_000)
        ];
        values.extend(phones.1);
        values.extend(extra.1);
        db.statement(
            &format!(
                "INSERT OR IGNORE INTO outbox (message_id, channel, recipient, body, topic, case_kind, case_id, at, status, next_at) \
                 SELECT ? || phone, 'sms', phone, ?, ?, ?, ?, ?, ?, ? FROM ({}) WHERE phone IS NOT NULL{}",
                phones.0, extra.0
            ),
            values,
        )
    }
}

impl Envelope {
    /// A push to every device `to` subscribed, in `lang`, with `extra` SQL appended to the
    /// users' WHERE (e.g. a project's act guard).
    pub fn push(
        &self,
        db: &Db,
        env: &Env,
        to: &Users,
        extra: (&str, Vec<crate::db::Arg>),
        lang: Lang,
    ) -> Result<D1PreparedStatement> {
        let status = first_status(env, Channel::Push);
        let words = self.message.words(lang);
        let payload = serde_json::to_string(&PushPayload {
            title: words.title,
            body: words.body,
            link: self.link.clone(),
            tag: format!("{}:{}", wire_name(&self.case_kind), self.case_id),
        })?;
        let mut values = args![
            format!("{}:push:", self.message_id),
            payload,
            wire_name(&self.message.topic()),
            wire_name(&self.case_kind),
            self.case_id.clone(),
            self.at,
            wire_name(&status),
            (status == OutboxStatus::Pending).then(|| crate::db::now().timestamp_millis())
        ];
        values.extend(to.args.iter().cloned());
        values.extend(extra.1);
        db.statement(
            &format!(
                "INSERT OR IGNORE INTO outbox (message_id, channel, recipient, body, topic, case_kind, case_id, at, status, next_at) \
                 SELECT ? || id, 'push', endpoint, ?, ?, ?, ?, ?, ?, ? FROM push_subscriptions \
                 WHERE user_id IN (SELECT id FROM users WHERE ({}){})",
                to.filter, extra.0
            ),
            values,
        )
    }
}

/// Tells users of something in their case: the inbox at once, and the channels each has chosen
/// for its topic (domain::notify::route over their stored preferences), SMS held back to the
/// end of quiet hours where those apply. Then wakes the courier.
pub async fn tell(db: &Db, env: &Env, users: &[i64], envelope: &Envelope) -> Result<()> {
    let minute = {
        let local = domain::hours::to_local(crate::db::from_ms(envelope.at));
        local.hour() * 60 + local.minute()
    };
    // A user without a phone or a subscribed device gets no row for it: the inserts select
    // only numbers and devices that exist.
    let reach = Reach {
        phone: true,
        push: true,
        email: false,
    };
    let topic = envelope.message.topic();
    let mut statements = Vec::new();
    for (user, prefs) in preferences::of_users(db, users).await? {
        for delivery in route(topic, &prefs, reach, minute) {
            match delivery.channel {
                Channel::Inbox => {
                    statements.push(envelope.inbox(db, &Users::one(user), ("", Vec::new()))?)
                }
                Channel::Sms => statements.push(envelope.sms(
                    db,
                    env,
                    ("SELECT phone FROM users WHERE id = ?", args![user]),
                    ("", Vec::new()),
                    Lang::Zh,
                    delivery.after_minutes,
                )?),
                Channel::Push => statements.push(envelope.push(
                    db,
                    env,
                    &Users::one(user),
                    ("", Vec::new()),
                    Lang::Zh,
                )?),
                Channel::Email => {}
            }
        }
    }
    db.batch(statements).await?;
    poke(env).await;
    Ok(())
}

/// Tells the courier that messages wait, so they leave now rather than at the next run.
pub async fn poke(env: &Env) {
    if let Err(e) = courier::poke(env).await {
        // The messages are stored; the courier's next alarm or the daily run takes them.
        worker::console_error!("could not wake the courier: {}", e.0.message);
    }
}
