//! The homes with new-energy projects in the demo, and its one connected rooftop PV.

/// A home with new-energy projects: its customer, hall, manager, bound account, address and
/// roof's capacity.
pub struct Home {
    pub login: &'static str,
    pub hall: &'static str,
    pub manager: &'static str,
    pub account: &'static str,
    pub address: &'static str,
    pub roof_kva: u32,
}

const fn home(
    login: &'static str,
    hall: &'static str,
    account: &'static str,
    address: &'static str,
    roof_kva: u32,
) -> Home {
    Home {
        login,
        hall,
        manager: match hall.as_bytes() {
            b"xinghu" => "manager.xinghu",
            b"binjiang" => "manager.binjiang",
            _ => "manager.gaoxin",
        },
        account,
        address,
        roof_kva,
    }
}

pub const HOMES: &[Home] = &[
    home(
        "13800138001",
        "xinghu",
        "3301000001",
        "江城市星湖区桂花巷 7 号",
        8,
    ),
    home(
        "13800138002",
        "binjiang",
        "3301000003",
        "江城市滨江区江南大道 300 弄 2 号",
        10,
    ),
    home(
        "13800138003",
        "gaoxin",
        SOLAR_ACCOUNT,
        "江城市高新区创新路 18 号 6 幢",
        SOLAR_KVA,
    ),
];

/// The demo's connected rooftop PV: 黄志强's home (the last of `HOMES`), on the grid for
/// `SOLAR_MONTHS` months, so its account's usage shows what it fed in (`billing`).
pub const SOLAR_ACCOUNT: &str = "3302000004";
pub const SOLAR_KVA: u32 = 12;
pub const SOLAR_MONTHS: u32 = 8;
