//! Who a user is to the system. Customers register themselves; an admin creates everyone else.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Customer,
    HallStaff,
    HallManager,
    Admin,
    /// The four kinds of third-party firm in business expansion.
    Design,
    Construction,
    Test,
    Supervision,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Customer,
        Role::HallStaff,
        Role::HallManager,
        Role::Admin,
        Role::Design,
        Role::Construction,
        Role::Test,
        Role::Supervision,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::HallStaff => "hall_staff",
            Role::HallManager => "hall_manager",
            Role::Admin => "admin",
            Role::Design => "design",
            Role::Construction => "construction",
            Role::Test => "test",
            Role::Supervision => "supervision",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Utility employees who work in or run a hall.
    pub fn is_hall_staff(self) -> bool {
        matches!(self, Role::HallStaff | Role::HallManager)
    }

    pub fn is_firm(self) -> bool {
        matches!(
            self,
            Role::Design | Role::Construction | Role::Test | Role::Supervision
        )
    }

    /// Firm roles must belong to a firm of the same kind; hall roles to a hall.
    pub fn needs_hall(self) -> bool {
        self.is_hall_staff()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
