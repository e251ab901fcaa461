//! CSV as spreadsheet programs read it: a byte-order mark so Chinese shows right, and fields
//! quoted where they hold a comma, a quote or a line break.

pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The whole file: the header line, then one line per row.
pub fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
    let mut out = String::from("\u{feff}");
    out.push_str(&line(header));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let text = table(
            &["业务 business".into(), "tickets".into()],
            &[
                vec!["缴费, payment".into(), "12".into()],
                vec!["say \"hi\"".into(), "3".into()],
            ],
        );
        assert_eq!(
            text,
            "\u{feff}业务 business,tickets\n\"缴费, payment\",12\n\"say \"\"hi\"\"\",3\n"
        );
    }
}
