//! The customer's side of the utility: the accounts (户号) a user binds, the tariff, monthly bills
//! and daily usage, and paying bills through a payment provider.

pub mod accounts;
pub mod bills;
pub mod payments;
pub mod regions;
pub mod tariff;
pub mod usage_year;

/// Money is counted in fen (分, 0.01 yuan) as integers; "123.45" for people.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

/// Prices and bill lines are in 厘 (0.001 yuan): "0.538".
pub fn li_yuan(li: i64) -> String {
    let sign = if li < 0 { "-" } else { "" };
    let li = li.unsigned_abs();
    format!("{sign}{}.{:03}", li / 1000, li % 1000)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fen_read_as_yuan() {
        assert_eq!(super::yuan(12345), "123.45");
        assert_eq!(super::yuan(5), "0.05");
        assert_eq!(super::yuan(-250), "-2.50");
        assert_eq!(super::yuan(0), "0.00");
        assert_eq!(super::li_yuan(538), "0.538");
        assert_eq!(super::li_yuan(102_240), "102.240");
    }
}
