//! Telling people what happened (domain::notify): a row in the recipient's inbox, and a
//! message in the outbox for each other channel, which the courier (`courier`) delivers soon
//! after. Every case kind writes through [`Envelope`]; the queue's notices come from the hall's
//! queue object (`hall_queue::notices`).

pub mod courier;
pub mod inbox;
mod sms;

use crate::args;
use crate::db::Db;
use crate::error::Result;
use chrono::Timelike;
use domain::notify::inbox::{said, CaseKind};
use domain::notify::outbox::OutboxStatus;
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
        Channel::Inbox | Channel::Push | Channel::Email => false,
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

/// Tells users of something in their case: the inbox at once, and the other channels their
/// topic goes by (domain::notify::route), SMS held back to the end of quiet hours where those
/// apply. Then wakes the courier.
pub async fn tell(db: &Db, env: &Env, users: &[i64], envelope: &Envelope) -> Result<()> {
    let minute = {
        let local = domain::hours::to_local(crate::db::from_ms(envelope.at));
        local.hour() * 60 + local.minute()
    };
    let reach = Reach {
        phone: true,
        push: false,
        email: false,
    };
    let mut statements = Vec::new();
    let deliveries = route(
        envelope.message.topic(),
        &Preferences::default(),
        reach,
        minute,
    );
    for &user in users {
        for delivery in &deliveries {
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
                Channel::Push | Channel::Email => {}
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
