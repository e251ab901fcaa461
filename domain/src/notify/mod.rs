//! Telling customers what happened wherever they are: what happened ([`texts::Message`]), the
//! [`Topic`] it belongs to, and the [`Channel`]s it goes by, from the person's [`Preferences`],
//! how they can be reached and the quiet hours. The inbox always has it. SMS is the first-class
//! channel: browser push depends on services that are often unreachable in mainland China, so
//! push is an addition, and e-mail a slot of the same shape.

pub mod email;
pub mod inbox;
pub mod outages;
pub mod outbox;
pub mod push;
pub mod queue;
pub mod texts;

use serde::{Deserialize, Serialize};

/// What a message is about, as a person chooses channels for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A ticket: N ahead, called, a missed call, cancelled by the hall.
    Queue,
    Applications,
    WorkOrders,
    /// Connection projects: steps and deadline reminders.
    Projects,
    Payments,
    Bills,
    /// A planned outage that affects one of the person's accounts.
    Outages,
    /// What a hall announces to everyone in its queue.
    Broadcasts,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Queue,
        Topic::Applications,
        Topic::WorkOrders,
        Topic::Projects,
        Topic::Payments,
        Topic::Bills,
        Topic::Outages,
        Topic::Broadcasts,
    ];

    /// Sent by SMS unless the person turns it off: what cannot wait for them to look.
    fn sms_by_default(self) -> bool {
        matches!(
            self,
            Topic::Queue | Topic::Projects | Topic::Bills | Topic::Outages
        )
    }

    /// Quiet hours hold SMS and push back until morning, except for the queue, where the
    /// moment is the message.
    fn keeps_quiet_hours(self) -> bool {
        self != Topic::Queue
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Inbox,
    Sms,
    Push,
    Email,
}

/// Which channels besides the inbox a person wants for one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TopicChannels {
    pub topic: Topic,
    pub sms: bool,
    pub push: bool,
    pub email: bool,
}

/// A person's choices: channels per topic, and whether quiet hours apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Preferences {
    /// One entry per topic; a topic missing here has its defaults.
    pub topics: Vec<TopicChannels>,
    /// No SMS, push or e-mail from 22:00 to 08:00 (hall time), except for the queue.
    pub quiet_hours: bool,
    /// Where e-mail goes, if the person gave an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            topics: Topic::ALL.iter().map(|&t| defaults(t)).collect(),
            quiet_hours: true,
            email: None,
        }
    }
}

fn defaults(topic: Topic) -> TopicChannels {
    TopicChannels {
        topic,
        sms: topic.sms_by_default(),
        push: true,
        email: false,
    }
}

impl Preferences {
    /// The choices as stored: one entry per topic in [`Topic::ALL`] order, missing ones at
    /// their defaults, the e-mail address trimmed (empty is none); a topic given twice or an
    /// address that cannot be one is refused.
    pub fn normalised(self) -> crate::ApiResult<Preferences> {
        let email = self
            .email
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(checked_email)
            .transpose()?;
        for (i, c) in self.topics.iter().enumerate() {
            if self.topics[..i].iter().any(|d| d.topic == c.topic) {
                return Err(crate::ApiError::validation(
                    "topics",
                    "each topic may be given once",
                ));
            }
        }
        Ok(Preferences {
            topics: Topic::ALL.iter().map(|&t| self.for_topic(t)).collect(),
            quiet_hours: self.quiet_hours,
            email,
        })
    }

    pub fn for_topic(&self, topic: Topic) -> TopicChannels {
        self.topics
            .iter()
            .find(|c| c.topic == topic)
            .copied()
            .unwrap_or_else(|| defaults(topic))
    }
}

/// An e-mail address as far as it can be told without sending: one `@`, a name before it, a
/// dotted domain after it, no spaces, at most 254 characters (RFC 5321).
fn checked_email(address: &str) -> crate::ApiResult<String> {
    let plausible = address.len() <= 254
        && !address.chars().any(char::is_whitespace)
        && address.split_once('@').is_some_and(|(name, domain)| {
            !name.is_empty()
                && !domain.contains('@')
                && domain.split('.').count() >= 2
                && domain.split('.').all(|part| !part.is_empty())
        });
    if plausible {
        Ok(address.to_string())
    } else {
        Err(crate::ApiError::validation(
            "email",
            "enter an e-mail address like name@example.com, or leave it empty",
        ))
    }
}

/// How a person can be reached beyond the inbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reach {
    pub phone: bool,
    /// At least one device subscribed to push.
    pub push: bool,
    pub email: bool,
}

/// One channel a message goes by, and how long it waits first (quiet hours), in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub channel: Channel,
    pub after_minutes: u32,
}

/// Quiet hours in minutes of the hall's day: from 22:00 to 08:00.
pub const QUIET_FROM: u32 = 22 * 60;
pub const QUIET_UNTIL: u32 = 8 * 60;
const DAY: u32 = 24 * 60;

/// Minutes from `minute` (of the hall's day) until quiet hours end; 0 outside them.
pub fn quiet_wait(minute: u32) -> u32 {
    let minute = minute % DAY;
    if minute >= QUIET_FROM {
        DAY - minute + QUIET_UNTIL
    } else {
        QUIET_UNTIL.saturating_sub(minute)
    }
}

/// The channels a message of `topic` goes by for this person, at `minute` of the hall's day:
/// the inbox at once, then each channel they want and can be reached on, held back to the end
/// of quiet hours where those apply.
pub fn route(topic: Topic, prefs: &Preferences, reach: Reach, minute: u32) -> Vec<Delivery> {
    let wanted = prefs.for_topic(topic);
    let wait = if prefs.quiet_hours && topic.keeps_quiet_hours() {
        quiet_wait(minute)
    } else {
        0
    };
    let mut out = vec![Delivery {
        channel: Channel::Inbox,
        after_minutes: 0,
    }];
    for (channel, on) in [
        (Channel::Sms, wanted.sms && reach.phone),
        (Channel::Push, wanted.push && reach.push),
        (Channel::Email, wanted.email && reach.email),
    ] {
        if on {
            out.push(Delivery {
                channel,
                after_minutes: wait,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_preferences_cover_every_topic_once_and_refuse_a_repeat() {
        let off = TopicChannels {
            topic: Topic::Bills,
            sms: false,
            push: false,
            email: false,
        };
        let p = Preferences {
            topics: vec![off],
            quiet_hours: false,
            email: None,
        }
        .normalised()
        .unwrap();
        assert_eq!(p.topics.len(), Topic::ALL.len());
        assert_eq!(p.for_topic(Topic::Bills), off);
        assert!(
            p.for_topic(Topic::Queue).sms,
            "the rest keep their defaults"
        );
        let twice = Preferences {
            topics: vec![off, off],
            quiet_hours: true,
            email: None,
        };
        assert_eq!(
            twice.normalised().unwrap_err().field.as_deref(),
            Some("topics")
        );
    }

    const EVERYWHERE: Reach = Reach {
        phone: true,
        push: true,
        email: true,
    };

    fn channels(d: &[Delivery]) -> Vec<(Channel, u32)> {
        d.iter().map(|d| (d.channel, d.after_minutes)).collect()
    }

    #[test]
    fn by_default_the_queue_goes_by_sms_and_push_and_payments_by_push_only() {
        let prefs = Preferences::default();
        let noon = 12 * 60;
        assert_eq!(
            channels(&route(Topic::Queue, &prefs, EVERYWHERE, noon)),
            [(Channel::Inbox, 0), (Channel::Sms, 0), (Channel::Push, 0)]
        );
        assert_eq!(
            channels(&route(Topic::Payments, &prefs, EVERYWHERE, noon)),
            [(Channel::Inbox, 0), (Channel::Push, 0)]
        );
    }

    #[test]
    fn a_channel_needs_both_the_wish_and_a_way_to_reach() {
        let mut prefs = Preferences::default();
        prefs.topics.retain(|c| c.topic != Topic::Bills);
        prefs.topics.push(TopicChannels {
            topic: Topic::Bills,
            sms: false,
            push: true,
            email: true,
        });
        let phone_only = Reach {
            phone: true,
            ..Reach::default()
        };
        assert_eq!(
            channels(&route(Topic::Bills, &prefs, phone_only, 600)),
            [(Channel::Inbox, 0)]
        );
        assert_eq!(
            channels(&route(Topic::Bills, &prefs, EVERYWHERE, 600)),
            [(Channel::Inbox, 0), (Channel::Push, 0), (Channel::Email, 0)]
        );
    }

    #[test]
    fn quiet_hours_hold_sms_and_push_until_eight_except_for_the_queue() {
        let prefs = Preferences::default();
        let late = 23 * 60 + 30;
        assert_eq!(
            channels(&route(Topic::Outages, &prefs, EVERYWHERE, late)),
            [
                (Channel::Inbox, 0),
                (Channel::Sms, 510),
                (Channel::Push, 510)
            ]
        );
        assert_eq!(
            channels(&route(Topic::Queue, &prefs, EVERYWHERE, late)),
            [(Channel::Inbox, 0), (Channel::Sms, 0), (Channel::Push, 0)]
        );
        let awake = Preferences {
            quiet_hours: false,
            ..Preferences::default()
        };
        assert_eq!(
            channels(&route(Topic::Outages, &awake, EVERYWHERE, late)),
            [(Channel::Inbox, 0), (Channel::Sms, 0), (Channel::Push, 0)]
        );
    }

    #[test]
    fn quiet_hours_run_from_ten_at_night_to_eight_in_the_morning() {
        assert_eq!(quiet_wait(21 * 60 + 59), 0);
        assert_eq!(quiet_wait(22 * 60), 10 * 60);
        assert_eq!(quiet_wait(0), 8 * 60);
        assert_eq!(quiet_wait(7 * 60 + 59), 1);
        assert_eq!(quiet_wait(8 * 60), 0);
        assert_eq!(quiet_wait(DAY + 60), 7 * 60, "a minute past midnight wraps");
    }

    #[test]
    fn preferences_missing_a_topic_use_its_defaults() {
        let prefs = Preferences {
            topics: Vec::new(),
            quiet_hours: true,
            email: None,
        };
        assert_eq!(prefs.for_topic(Topic::Queue), defaults(Topic::Queue));
        assert!(prefs.for_topic(Topic::Queue).sms);
        assert!(!prefs.for_topic(Topic::Payments).sms);
    }

    #[test]
    fn an_email_address_is_trimmed_and_checked_and_empty_means_none() {
        let with = |address: &str| {
            Preferences {
                email: Some(address.into()),
                ..Preferences::default()
            }
            .normalised()
        };
        assert_eq!(
            with(" li.hua@example.cn ").unwrap().email.as_deref(),
            Some("li.hua@example.cn")
        );
        assert_eq!(with("  ").unwrap().email, None);
        for bad in [
            "li.hua",
            "@example.cn",
            "li@hua@example.cn",
            "li@example",
            "li hua@x.cn",
            "li@x..cn",
        ] {
            assert_eq!(
                with(bad).unwrap_err().field.as_deref(),
                Some("email"),
                "{bad}"
            );
        }
    }
}
