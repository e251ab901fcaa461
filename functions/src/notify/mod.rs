//! Telling people what happened (domain::notify): a row in the recipient's inbox, and a
//! message in the outbox for each other channel, which the courier (`courier`) delivers soon
//! after. Every case kind writes through [`Envelope`]; the queue's notices come from the hall's
//! queue object (`hall_queue::notices`).

pub mod archive;
pub mod courier;
mod email;
pub mod inbox;
pub mod preferences;
mod sms;
pub mod subscriptions;
mod webhook;
mod webpush;

use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use chrono::Timelike;
use domain::notify::email::email as email_text;
use domain::notify::inbox::{said, CaseKind};
use domain::notify::outbox::OutboxStatus;
use domain::notify::push::PushPayload;
use domain::notify::texts::{Lang, Message};
use domain::notify::{route, Channel, Preferences, Reach};
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
    pub args: Vec<Arg>,
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
        Channel::Sms => sms::GATEWAY.configured(env),
        Channel::Email => email::GATEWAY.configured(env),
        Channel::Push => webpush::configured(env),
        Channel::Inbox => false,
    };
    if configured {
        OutboxStatus::Pending
    } else {
        OutboxStatus::Logged
    }
}

/// SQL appended to the WHERE of each row's selection, with its values (e.g. a project act's
/// guard: the rows are written only if the act still holds the project).
pub type Extra<'a> = (&'a str, &'a [Arg]);
pub const NO_EXTRA: Extra<'static> = ("", &[]);

impl Envelope {
    /// Minute of the hall's day the message was made at, for quiet hours.
    fn minute(&self) -> u32 {
        let local = domain::hours::to_local(crate::db::from_ms(self.at));
        local.hour() * 60 + local.minute()
    }

    /// Everything that tells one person by their choices: the inbox, and each channel
    /// domain::notify::route gives for the message's topic at its hour, held back past quiet
    /// hours. `by_sms` false keeps this message off SMS whatever they chose (the queue's
    /// notices go to the phone the ticket gave). A person without a phone, device or address
    /// gets no row for it: each insert selects only those that exist.
    pub fn to_person(
        &self,
        db: &Db,
        env: &Env,
        user: i64,
        prefs: &Preferences,
        by_sms: bool,
        extra: Extra,
    ) -> Result<Vec<D1PreparedStatement>> {
        let reach = Reach {
            phone: by_sms,
            push: true,
            email: prefs.email.is_some(),
        };
        let me = Users::one(user);
        route(self.message.topic(), prefs, reach, self.minute())
            .into_iter()
            .map(|d| match d.channel {
                Channel::Inbox => self.inbox(db, &me, extra),
                Channel::Sms => self.sms(db, env, user_phone(user), extra, d.after_minutes),
                Channel::Push => self.push(db, env, &me, extra, d.after_minutes),
                Channel::Email => self.email(db, env, user, extra, d.after_minutes),
            })
            .collect()
    }

    /// Inbox rows for `to`.
    pub fn inbox(&self, db: &Db, to: &Users, extra: Extra) -> Result<D1PreparedStatement> {
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
        values.extend(extra.1.iter().cloned());
        db.statement(
            &format!(
                "INSERT OR IGNORE INTO inbox (user_id, message_id, topic, case_kind, case_id, link, title_zh, body_zh, title_en, body_en, at) \
                 SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM users WHERE ({}){}",
                to.filter, extra.0
            ),
            values,
        )
    }

    /// An SMS to the phone numbers `phones` selects (one column, `phone`).
    pub fn sms(
        &self,
        db: &Db,
        env: &Env,
        phones: (&str, Vec<Arg>),
        extra: Extra,
        after_minutes: u32,
    ) -> Result<D1PreparedStatement> {
        let source = format!(
            "SELECT phone AS address, phone AS recipient FROM ({}) WHERE phone IS NOT NULL{}",
            phones.0, extra.0
        );
        let mut values = phones.1;
        values.extend(extra.1.iter().cloned());
        let body = self.message.sms(Lang::Zh);
        self.outbox(
            db,
            env,
            Channel::Sms,
            body,
            (&source, values),
            after_minutes,
        )
    }

    /// A push to every device `to` subscribed.
    pub fn push(
        &self,
        db: &Db,
        env: &Env,
        to: &Users,
        extra: Extra,
        after_minutes: u32,
    ) -> Result<D1PreparedStatement> {
        let words = self.message.words(Lang::Zh);
        let payload = serde_json::to_string(&PushPayload {
            title: words.title,
            body: words.body,
            link: self.link.clone(),
            tag: format!("{}:{}", wire_name(&self.case_kind), self.case_id),
        })?;
        let source = format!(
            "SELECT id AS address, endpoint AS recipient FROM push_subscriptions \
             WHERE user_id IN (SELECT id FROM users WHERE ({}){})",
            to.filter, extra.0
        );
        let mut values = to.args.clone();
        values.extend(extra.1.iter().cloned());
        self.outbox(
            db,
            env,
            Channel::Push,
            payload,
            (&source, values),
            after_minutes,
        )
    }

    /// An e-mail to the address `user` gave with their choices.
    pub fn email(
        &self,
        db: &Db,
        env: &Env,
        user: i64,
        extra: Extra,
        after_minutes: u32,
    ) -> Result<D1PreparedStatement> {
        let text = email_text(&self.message, Lang::Zh, self.link.clone());
        let source = format!(
            "SELECT json_extract(json, '$.email') AS address, json_extract(json, '$.email') AS recipient \
             FROM notify_preferences WHERE user_id = ? AND json_extract(json, '$.email') IS NOT NULL{}",
            extra.0
        );
        let mut values = args![user];
        values.extend(extra.1.iter().cloned());
        let body = serde_json::to_string(&text)?;
        self.outbox(
            db,
            env,
            Channel::Email,
            body,
            (&source, values),
            after_minutes,
        )
    }

    /// Outbox rows of one channel, one per `address` (with its `recipient`) that `source`
    /// selects; each row's id is the message's id, the channel and the address, so a second
    /// copy of the message changes nothing. Due `after_minutes` from now on the real clock
    /// (the courier's), whatever clock the request acted at.
    fn outbox(
        &self,
        db: &Db,
        env: &Env,
        channel: Channel,
        body: String,
        source: (&str, Vec<Arg>),
        after_minutes: u32,
    ) -> Result<D1PreparedStatement> {
        let status = first_status(env, channel);
        let next_at = (status == OutboxStatus::Pending)
            .then(|| crate::db::now().timestamp_millis() + i64::from(after_minutes) * 60_000);
        let mut values = args![
            format!("{}:{}:", self.message_id, wire_name(&channel)),
            wire_name(&channel),
            body,
            wire_name(&self.message.topic()),
            wire_name(&self.case_kind),
            self.case_id.clone(),
            self.at,
            wire_name(&status),
            next_at
        ];
        values.extend(source.1);
        db.statement(
            &format!(
                "INSERT OR IGNORE INTO outbox (message_id, channel, recipient, body, topic, case_kind, case_id, at, status, next_at) \
                 SELECT ? || address, ?, recipient, ?, ?, ?, ?, ?, ?, ? FROM ({})",
                source.0
            ),
            values,
        )
    }
}

/// The phone number a user gave, as `Envelope::sms` selects it.
pub fn user_phone(user: i64) -> (&'static str, Vec<Arg>) {
    ("SELECT phone FROM users WHERE id = ?", args![user])
}

/// Tells users of something in their case, each by their stored choices
/// ([`Envelope::to_person`]), then wakes the courier.
pub async fn tell(db: &Db, env: &Env, users: &[i64], envelope: &Envelope) -> Result<()> {
    queue(db, env, users, envelope).await?;
    poke(env).await;
    Ok(())
}

/// [`tell`] without waking the courier, for a run of many messages that wakes it once.
pub async fn queue(db: &Db, env: &Env, users: &[i64], envelope: &Envelope) -> Result<()> {
    let mut statements = Vec::new();
    for (user, prefs) in preferences::of_users(db, users).await? {
        statements.extend(envelope.to_person(db, env, user, &prefs, true, NO_EXTRA)?);
    }
    db.batch(statements).await
}

/// Tells the courier that messages wait, so they leave now rather than at the next run.
pub async fn poke(env: &Env) {
    if let Err(e) = courier::poke(env).await {
        // The messages are stored; the courier's next alarm or the daily run takes them.
        worker::console_error!("could not wake the courier: {}", e.0.message);
    }
}
