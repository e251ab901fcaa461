//! The e-mail of a message: the sender and the title as the subject, the body, and the page
//! that shows the case (relative; the Worker's adapter makes it absolute with `SITE_URL`).

use super::texts::{Lang, Message, SENDER_EN, SENDER_ZH};
use serde::{Deserialize, Serialize};

/// What the e-mail adapter sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmailText {
    pub subject: String,
    pub body: String,
    pub link: Option<String>,
}

/// The message as an e-mail in `lang`.
pub fn email(message: &Message, lang: Lang, link: Option<String>) -> EmailText {
    let words = message.words(lang);
    let sender = match lang {
        Lang::Zh => SENDER_ZH,
        Lang::En => SENDER_EN,
    };
    EmailText {
        subject: format!("{sender}{}", words.title),
        body: words.body,
        link,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::queue::QueueNotice;

    #[test]
    fn an_email_names_the_sender_in_its_subject_in_both_languages() {
        let called = Message::Queue {
            number: "A012".into(),
            notice: QueueNotice::Called { counter: 3 },
        };
        let link = Some("/halls/h/tickets/1?key=k".to_string());
        let zh = email(&called, Lang::Zh, link.clone());
        assert!(zh.subject.starts_with(SENDER_ZH), "{}", zh.subject);
        assert_eq!(zh.body, called.words(Lang::Zh).body);
        assert_eq!(zh.link, link);
        let en = email(&called, Lang::En, None);
        assert!(en.subject.starts_with(SENDER_EN), "{}", en.subject);
        assert!(en.body.contains("A012"), "{}", en.body);
    }
}
