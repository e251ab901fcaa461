use super::*;
use chrono::TimeZone;

fn t(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
}

fn poster() -> PosterInput {
    PosterInput {
        hall_ids: vec![
            " xinghu ".into(),
            "binjiang".into(),
            "xinghu".into(),
            "".into(),
        ],
        title: " 电费账单电子化 ".into(),
        body: "扫码开通".into(),
        image_key: None,
        starts_at: t(1),
        ends_at: Some(t(9)),
        position: 0,
    }
}

fn field(e: ApiError) -> String {
    e.field.unwrap_or_default()
}

#[test]
fn a_poster_is_trimmed_and_its_halls_deduplicated() {
    let p = poster().normalised().unwrap();
    assert_eq!(p.title, "电费账单电子化");
    assert_eq!(p.hall_ids, vec!["binjiang", "xinghu"]);
}

#[test]
fn a_poster_needs_an_image_or_a_text_and_a_real_window() {
    let empty = PosterInput {
        body: " ".into(),
        ..poster()
    };
    assert_eq!(field(empty.clone().normalised().unwrap_err()), "body");
    let key = format!("{}.png", "a".repeat(32));
    assert!(PosterInput {
        image_key: Some(key),
        ..empty.clone()
    }
    .normalised()
    .is_ok());
    assert_eq!(
        field(
            PosterInput {
                image_key: Some("../../etc/passwd".into()),
                ..empty
            }
            .normalised()
            .unwrap_err()
        ),
        "image_key"
    );
    assert_eq!(
        field(
            PosterInput {
                ends_at: Some(t(1)),
                ..poster()
            }
            .normalised()
            .unwrap_err()
        ),
        "ends_at"
    );
}

#[test]
fn an_outage_needs_an_area_a_reason_and_an_end_after_its_start() {
    let outage = OutageInput {
        hall_id: Some(" ".into()),
        area: " 星湖路 1–99 号 ".into(),
        reason: "线路检修".into(),
        starts_at: t(1),
        ends_at: t(5),
        urgent: false,
    };
    let ok = outage.clone().normalised().unwrap();
    assert_eq!((ok.area.as_str(), ok.hall_id), ("星湖路 1–99 号", None));
    let broken = |o: OutageInput| field(o.normalised().unwrap_err());
    assert_eq!(
        broken(OutageInput {
            area: "".into(),
            ..outage.clone()
        }),
        "area"
    );
    assert_eq!(
        broken(OutageInput {
            reason: "".into(),
            ..outage.clone()
        }),
        "reason"
    );
    assert_eq!(
        broken(OutageInput {
            ends_at: t(0),
            ..outage
        }),
        "ends_at"
    );
}

#[test]
fn images_are_told_by_their_bytes_and_capped() {
    assert_eq!(
        check_image(b"\x89PNG\r\n\x1a\nrest").unwrap(),
        ImageKind::Png
    );
    assert_eq!(
        check_image(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(),
        ImageKind::Jpeg
    );
    assert_eq!(
        check_image(b"RIFF\0\0\0\0WEBPVP8 ").unwrap(),
        ImageKind::Webp
    );
    assert_eq!(
        check_image(b"<svg onload=alert(1)>").unwrap_err().code,
        crate::ErrorCode::Validation
    );
    let mut huge = b"\x89PNG\r\n\x1a\n".to_vec();
    huge.resize(MAX_IMAGE_BYTES + 1, 0);
    assert_eq!(
        check_image(&huge).unwrap_err().code,
        crate::ErrorCode::PayloadTooLarge
    );
}

#[test]
fn only_keys_the_upload_hands_out_are_accepted() {
    assert!(is_image_key(&format!("{}.webp", "0f".repeat(16))));
    assert!(!is_image_key(&format!("{}.svg", "0f".repeat(16))));
    assert!(!is_image_key("short.png"));
    assert!(!is_image_key(&format!("{}/x.png", "0f".repeat(16))));
}
